"""``item_history``: the events about each item, in causal order (HLC, then hash)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ...lineage import Event
from .base import Projection


class ItemHistoryProjection(Projection):
    name = "item_history"
    version = 1
    tables = ("item_history",)
    consumes = None
    ddl = """
    CREATE TABLE IF NOT EXISTS item_history (
        item_id   TEXT NOT NULL,
        hlc       TEXT NOT NULL,
        hash      TEXT NOT NULL,
        type      TEXT NOT NULL,
        actor     TEXT NOT NULL,
        role      TEXT NOT NULL,
        device_id TEXT NOT NULL,
        PRIMARY KEY (item_id, hlc, hash)
    ) WITHOUT ROWID;
    """

    def apply(self, conn: sqlite3.Connection, events: Sequence[Event]) -> None:
        rows = []
        for e in events:
            item = e.subject_item
            if item is None:
                continue
            rows.append((item, e.hlc, e.hash, e.type, e.actor, e.role, e.device_id))
            if e.type == "item.derived":  # the source item's history shows what was made from it
                rows.append(
                    (e.payload["parent"], e.hlc, e.hash, e.type, e.actor, e.role, e.device_id)
                )
        if rows:
            conn.executemany(
                "INSERT OR IGNORE INTO item_history VALUES (?, ?, ?, ?, ?, ?, ?)", rows
            )
