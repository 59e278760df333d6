"""``assignments``: which items were given to whom, from ``assignment.made`` events.

One row per (item, assignee, event): the same item given twice to one worker in two batches
is two rows. Rows are only ever added, so any arrival order gives the same table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ...lineage import Event
from .base import Projection, order_key


class AssignmentsProjection(Projection):
    name = "assignments"
    version = 1
    tables = ("assignments",)
    consumes = frozenset({"assignment.made"})
    ddl = """
    CREATE TABLE IF NOT EXISTS assignments (
        item_id  TEXT NOT NULL,
        assignee TEXT NOT NULL,
        event    TEXT NOT NULL,
        kind     TEXT NOT NULL,  -- primary | overlap | gold
        batch    TEXT NOT NULL,
        key      TEXT NOT NULL,
        PRIMARY KEY (item_id, assignee, event)
    ) WITHOUT ROWID;
    """
    read_indexes = """
    CREATE INDEX IF NOT EXISTS assignments_by_assignee ON assignments (assignee, key);
    """

    def apply(self, conn: sqlite3.Connection, events: Sequence[Event]) -> None:
        rows = [
            (a["item"], a["assignee"], e.hash, a["kind"], e.payload["batch"], order_key(e))
            for e in events
            for a in e.payload.get("assignments", ())
        ]
        conn.executemany("INSERT OR IGNORE INTO assignments VALUES (?, ?, ?, ?, ?, ?)", rows)
