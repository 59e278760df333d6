"""Which published schema an item is labelled under (no Qt).

The item's own ``schema_ref`` when it names a published version; otherwise the latest
version of the workspace's schema when there is exactly one; otherwise none.
"""

from __future__ import annotations

import sqlite3

from .errors import SchemaError
from .model import Schema
from .store import get_schema, latest_versions, parse_ref

__all__ = ["schema_for"]


def schema_for(conn: sqlite3.Connection, schema_ref: str | None) -> Schema | None:
    """The published schema for an item with ``schema_ref`` (see the module docstring)."""
    try:
        if schema_ref:
            try:
                name, version = parse_ref(schema_ref)
                return get_schema(conn, name, version).schema
            except SchemaError:
                pass  # e.g. a pre-label model's label set: fall back as for no ref
        latest = latest_versions(conn)
    except sqlite3.OperationalError:
        return None  # a workspace from before schemas: no schema_versions table
    if len(latest) != 1:
        return None
    ((name, version),) = latest.items()
    return get_schema(conn, name, version).schema
