"""Pre-labelling: a model registry, text pre-labellers, and heads trained in the app.

Every model is registered (``model.registered``) before it runs; every suggestion it makes is
a ``prelabel.made`` event whose agent names the model, its weights hash, the framework
versions and the device. Heavy imports (torch, transformers, scikit-learn) happen only when
a model is loaded, so the registry and the CLI's listing stay fast.
"""

from __future__ import annotations

from .base import Box, DeviceChoice, Prediction, Prelabeller, Span, choose_device
from .builtin import resolve_model
from .errors import (
    BackendError,
    CorruptWeights,
    LabelSetError,
    MissingConfig,
    ModelError,
    ModelNotFound,
    PrelabelError,
    UntrustedPickle,
    UntrustedTypes,
    WrongTask,
)  # fmt: skip
from .labels import Label, LabelSet, load_label_set, parse_label_set
from .loading import load_prelabeller
from .metrics import classification_metrics, majority_baseline
from .model_files import ModelSpec, inspect_model
from .registry import ModelRecord, add_model, find_model, list_models, register_spec, verify_files
from .run import (
    ImageItem,
    PrelabelRunReport,
    TextItem,
    field_labels,
    image_items,
    items_for,
    read_text,
    run_prelabel,
    text_items,
)  # fmt: skip

__all__ = [
    "BackendError", "UntrustedTypes",
    "CorruptWeights", "DeviceChoice", "Label", "LabelSet", "LabelSetError", "MissingConfig",
    "ModelError", "ModelNotFound", "ModelRecord", "ModelSpec", "Prediction", "PrelabelError",
    "PrelabelRunReport", "Prelabeller", "Span", "TextItem", "UntrustedPickle", "WrongTask",
    "add_model", "choose_device", "classification_metrics", "field_labels", "find_model",
    "inspect_model", "list_models", "load_label_set", "load_prelabeller", "majority_baseline",
    "parse_label_set", "read_text", "register_spec", "run_prelabel", "text_items",
    "verify_files",
    "Box", "ImageItem", "image_items", "items_for", "resolve_model",
]  # fmt: skip
