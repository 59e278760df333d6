"""Errors of the editing model, each with a message a worker can act on."""

from __future__ import annotations


class AnnotateError(ValueError):
    """Base class for editing-model errors."""


class InvalidShape(AnnotateError):
    """A shape whose numbers cannot describe a region (NaN, fewer than 3 points, …)."""


class InvalidAnnotation(AnnotateError):
    """An annotation (or its stored JSON) that does not match the annotation format."""


class EditError(AnnotateError):
    """An edit that cannot be applied to the document as it is (unknown id, wrong kind)."""
