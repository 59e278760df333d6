"""Errors the user can act on; each message says what is wrong and what to do."""

from __future__ import annotations


class PrelabelError(Exception):
    """Base of every pre-labelling problem."""


class LabelSetError(PrelabelError):
    """A label set file that cannot be read or does not match the expected shape."""


class ModelError(PrelabelError):
    """A model that cannot be registered or run. Nothing was recorded."""


class ModelNotFound(ModelError):
    """No model at that path, or no registered model with that id."""


class MissingConfig(ModelError):
    """A model folder without the file that says what the model is (config.json)."""


class CorruptWeights(ModelError):
    """A weight file that is truncated or not in the format its name claims."""


class WrongTask(ModelError):
    """A model whose architecture or declaration does not do the requested task."""


class UntrustedPickle(ModelError):
    """A pickle/joblib file (which can run arbitrary code when loaded) not explicitly trusted."""


class UntrustedTypes(ModelError):
    """A skops file naming types outside skops' trusted set, and not trusted by its SHA-256."""


class BackendError(ModelError):
    """A REST model backend that cannot be reached, refuses, or replies in a form not understood."""
