"""The labelling instructions a worker sees beside the editor (no Qt).

They come from the published label schema the open item is labelled under (its
``schema_ref``, ``name@version``); an item with no schema of its own gets the latest version
of the workspace's schema when there is exactly one.
"""

from __future__ import annotations

import sqlite3

from .schema import SchemaError, get_schema, latest_versions, parse_ref
from .workspace import Workspace


def instructions_for(ws: Workspace, schema_ref: str | None) -> str | None:
    """The Markdown instructions of ``schema_ref``, or None when there are none.

    A ref that names no published schema (e.g. a pre-label model's label set) falls back like
    an item with none."""
    conn = ws.reader()
    try:
        if schema_ref:
            try:
                name, version = parse_ref(schema_ref)
                schema = get_schema(conn, name, version).schema
            except SchemaError:
                schema = None
            if schema is not None:
                return schema.instructions if schema.instructions.strip() else None
        latest = latest_versions(conn)
    except sqlite3.OperationalError:
        return None  # a workspace from before schemas: no schema_versions table yet
    if len(latest) != 1:
        return None
    ((name, version),) = latest.items()
    schema = get_schema(conn, name, version).schema
    return schema.instructions if schema.instructions.strip() else None
