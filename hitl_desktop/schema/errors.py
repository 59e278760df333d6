"""Typed errors of label schemas."""

from __future__ import annotations


class SchemaError(ValueError):
    """A schema file or version that cannot be used; the message names the problem."""


class PublishRefused(SchemaError):
    """A publish the rules forbid: wrong role, wrong version number, another schema's name."""
