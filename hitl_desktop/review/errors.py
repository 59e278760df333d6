"""Errors the review package raises, each with a message a user can act on."""

from __future__ import annotations


class ReviewError(ValueError):
    """Input the metrics or the matcher cannot use (e.g. raters of unequal length)."""
