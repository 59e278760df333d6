"""The client side of per-source privacy (docs/sync-protocol.md, "Privacy"): the blobs of
local-only items, and of the items derived from them, never leave this device."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import orjson

from ..lineage import Event
from ..privacy import enforced, policy

__all__ = ["item_markers", "kept_local"]

_ITEM_TYPES = ("item.imported", "item.derived")
_SHA_KEYS = ("blob_sha256", "text_sha256", "text_layer_sha256")


def _from_payload(type_: str, payload: dict[str, object]) -> tuple[list[str], str | None]:
    """(own markers, parent id) of an item event's payload."""
    if type_ == "item.imported":
        prov = payload.get("provenance")
        raw = prov.get("privacy") if isinstance(prov, dict) else None
        return (
            enforced(m for m in raw if isinstance(m, str)) if isinstance(raw, list) else []
        ), None
    parent = payload.get("parent")
    return [], parent if isinstance(parent, str) else None


def item_markers(conn: sqlite3.Connection, item: str, depth: int = 8) -> list[str]:
    """The enforced markers of a stored item, inherited along its parents."""
    row = conn.execute(
        "SELECT type, body FROM events WHERE subject_item = ? AND type IN (?, ?) LIMIT 1",
        (item, *_ITEM_TYPES),
    ).fetchone()
    if row is None or depth <= 0:
        return []
    payload = orjson.loads(row[1]).get("payload") or {}
    own, parent = _from_payload(row[0], payload)
    return own if parent is None else item_markers(conn, parent, depth - 1)


def kept_local(conn: sqlite3.Connection, events: Sequence[Event]) -> set[str]:
    """The blobs of ``events`` that must not be uploaded: those of local-only items."""
    markers: dict[str, list[str]] = {}
    keep: set[str] = set()
    for e in events:
        if e.type not in _ITEM_TYPES or not isinstance(e.payload, dict):
            continue
        own, parent = _from_payload(e.type, e.payload)
        if parent is not None:
            own = markers[parent] if parent in markers else item_markers(conn, parent)
        if e.subject_item is not None:
            markers[e.subject_item] = own
        if policy(own).local_only:
            keep.update(s for k in _SHA_KEYS if isinstance(s := e.payload.get(k), str))
    return keep
