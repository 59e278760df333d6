"""Which published schema an item is labelled under: its own ref, else the only schema."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from hitl_desktop.schema import parse_schema, publish, schema_for
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.workspace import Profile

from .conftest import V1


def test_the_items_ref_wins_else_the_only_schema_else_none(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "ws", name="t", profile=Profile("erin", "expert")) as ws:
        conn = ws.reader()
        assert schema_for(conn, None) is None  # nothing published
        publish(ws, parse_schema(V1))
        only = schema_for(conn, None)
        assert only is not None and only.ref == "forms@1"
        # a ref that names no published schema (a model's label set) falls back the same way
        fallback = schema_for(conn, "some-model@3")
        assert fallback is not None and fallback.ref == "forms@1"
        other: dict[str, Any] = copy.deepcopy(V1)
        other["name"] = "receipts"
        publish(ws, parse_schema(other))
        assert schema_for(conn, None) is None  # two schemas: the item must say which
        named = schema_for(conn, "receipts@1")
        assert named is not None and named.name == "receipts"
