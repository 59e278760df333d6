"""``items`` and ``sources``: each item's kind, source, blob and workflow status.

Status is "retired" when the item or its whole source is retired, else the workflow status
set by the latest (hlc, hash) of the events that move it. Every "latest" is decided by that
key, so the tables are the same whatever order events arrive in.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ...lineage import Event
from .base import Projection, order_key

# Workflow status set by each event type (review decisions depend on the decision).
_STATUS_BY_TYPE = {
    "item.imported": "new",
    "item.derived": "new",
    "annotation.revised": "annotated",
}


class ItemsProjection(Projection):
    name = "items"
    version = 2
    tables = ("items", "sources")
    consumes = frozenset(
        {"item.imported", "item.derived", "item.retired", "item.restored", "source.retired",
         "source.restored", "annotation.revised", "review.decided"}
    )  # fmt: skip
    ddl = """
    CREATE TABLE IF NOT EXISTS items (
        id          TEXT PRIMARY KEY,
        kind        TEXT,
        name        TEXT,
        media_type  TEXT,
        source      TEXT,
        blob_sha256 TEXT,
        text_sha256 TEXT,
        size_bytes  INTEGER,
        parent_id   TEXT,
        created_by  TEXT,
        created_key TEXT,
        work_status TEXT NOT NULL DEFAULT 'new',
        work_key    TEXT NOT NULL DEFAULT '',
        retired     INTEGER NOT NULL DEFAULT 0,
        retired_key TEXT NOT NULL DEFAULT '',
        src_retired INTEGER NOT NULL DEFAULT 0,
        src_key     TEXT NOT NULL DEFAULT '',
        status      TEXT GENERATED ALWAYS AS
                    (CASE WHEN retired OR src_retired THEN 'retired' ELSE work_status END) VIRTUAL
    );
    CREATE INDEX IF NOT EXISTS items_by_source ON items (source);
    CREATE TABLE IF NOT EXISTS sources (
        name        TEXT PRIMARY KEY,
        retired     INTEGER NOT NULL DEFAULT 0,
        retired_key TEXT NOT NULL DEFAULT ''
    );
    """
    read_indexes = """
    CREATE INDEX IF NOT EXISTS items_by_created ON items (created_key);
    CREATE INDEX IF NOT EXISTS items_by_status ON items (status, created_key);
    CREATE INDEX IF NOT EXISTS items_by_blob ON items (blob_sha256);
    """

    def apply(self, conn: sqlite3.Connection, events: Sequence[Event]) -> None:
        created, status, retired, sources = [], [], [], []
        for e in events:
            t, key = e.type, order_key(e)
            if t in ("source.retired", "source.restored"):
                sources.append((e.payload["source"], int(t == "source.retired"), key))
                continue
            item = e.subject_item
            if item is None:
                continue
            if t in ("item.imported", "item.derived"):
                p = e.payload
                created.append((
                    item, p["kind"], p["name"], p["media_type"], p.get("source", ""),
                    p["blob_sha256"], p.get("text_sha256"), p["size_bytes"], p.get("parent"),
                    e.actor, key, _STATUS_BY_TYPE[t],
                ))  # fmt: skip
            if t in ("item.retired", "item.restored"):
                retired.append((item, int(t == "item.retired"), key))
                continue
            if t == "review.decided":
                new_status = "rejected" if e.payload.get("decision") == "reject" else "reviewed"
            else:
                new_status = _STATUS_BY_TYPE[t]
            status.append((item, new_status, key))
        if created:
            # A new row also takes its creating event's status, so the status upsert below
            # finds nothing newer to write for it; an existing row keeps its status columns.
            conn.executemany(
                """INSERT INTO items (id, kind, name, media_type, source, blob_sha256, text_sha256,
                                      size_bytes, parent_id, created_by, created_key,
                                      work_status, work_key)
                   VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11)
                   ON CONFLICT (id) DO UPDATE SET
                     kind = excluded.kind, name = excluded.name, media_type = excluded.media_type,
                     source = excluded.source, blob_sha256 = excluded.blob_sha256,
                     text_sha256 = excluded.text_sha256, size_bytes = excluded.size_bytes,
                     parent_id = excluded.parent_id, created_by = excluded.created_by,
                     created_key = excluded.created_key
                   WHERE items.created_key IS NULL OR excluded.created_key < items.created_key""",
                created,
            )
        # items arriving after their source was retired inherit the retirement
        if created and conn.execute("SELECT 1 FROM sources LIMIT 1").fetchone():
            conn.executemany(
                """UPDATE items SET src_retired = s.retired, src_key = s.retired_key
                   FROM sources AS s WHERE items.id = ? AND s.name = items.source
                   AND s.retired_key > items.src_key""",
                [(c[0],) for c in created],
            )
        if status:
            conn.executemany(
                """INSERT INTO items (id, work_status, work_key) VALUES (?, ?, ?)
                   ON CONFLICT (id) DO UPDATE SET
                     work_status = excluded.work_status, work_key = excluded.work_key
                   WHERE excluded.work_key > items.work_key""",
                status,
            )
        if retired:
            conn.executemany(
                """INSERT INTO items (id, retired, retired_key) VALUES (?, ?, ?)
                   ON CONFLICT (id) DO UPDATE SET
                     retired = excluded.retired, retired_key = excluded.retired_key
                   WHERE excluded.retired_key > items.retired_key""",
                retired,
            )
        if sources:
            conn.executemany(
                """INSERT INTO sources (name, retired, retired_key) VALUES (?, ?, ?)
                   ON CONFLICT (name) DO UPDATE SET
                     retired = excluded.retired, retired_key = excluded.retired_key
                   WHERE excluded.retired_key > sources.retired_key""",
                sources,
            )
            conn.executemany(
                """UPDATE items SET src_retired = ?, src_key = ?
                   WHERE source = ? AND src_key < ?""",
                [(r, k, name, k) for name, r, k in sources],
            )
