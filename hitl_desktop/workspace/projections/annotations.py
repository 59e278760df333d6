"""``annotation_revisions``, ``annotation_parents`` and ``annotation_heads``.

Every ``annotation.revised`` event is a revision of its item, and so is every
``review.decided`` that carries an answer (accept, merge, adjudicate: ``decision`` says
which; a reject carries none and is no revision). The envelope ``base`` names the parents (earlier revisions, and the pre-label/OCR events it replaces). A head is a
revision no other revision names as a parent: one head per item normally, two or more when
people edited the same item concurrently (kept for review). Heads are decided from the
parent edges alone, so any arrival order gives the same tables.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ...lineage import Event
from .base import Projection, order_key


class AnnotationsProjection(Projection):
    name = "annotations"
    version = 3
    tables = ("annotation_revisions", "annotation_parents", "annotation_heads")
    consumes = frozenset({"annotation.revised", "review.decided"})
    ddl = """
    CREATE TABLE IF NOT EXISTS annotation_revisions (
        hash        TEXT PRIMARY KEY,
        item_id     TEXT NOT NULL,
        actor       TEXT NOT NULL,
        role        TEXT NOT NULL,
        schema_ref  TEXT,
        annotations INTEGER NOT NULL,
        note        TEXT NOT NULL,
        rev_key     TEXT NOT NULL,
        decision    TEXT  -- accept, merge or adjudicate for a review decision, else NULL
    );
    CREATE INDEX IF NOT EXISTS annotation_revisions_by_item
        ON annotation_revisions (item_id, rev_key);
    CREATE INDEX IF NOT EXISTS annotation_revisions_by_actor
        ON annotation_revisions (actor, rev_key);
    CREATE TABLE IF NOT EXISTS annotation_parents (
        hash   TEXT NOT NULL,
        parent TEXT NOT NULL,
        PRIMARY KEY (hash, parent)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS annotation_parents_by_parent ON annotation_parents (parent);
    CREATE TABLE IF NOT EXISTS annotation_heads (
        item_id TEXT NOT NULL,
        hash    TEXT NOT NULL,
        rev_key TEXT NOT NULL,
        PRIMARY KEY (item_id, hash)
    ) WITHOUT ROWID;
    """

    def apply(self, conn: sqlite3.Connection, events: Sequence[Event]) -> None:
        revisions, parents, heads, drops = [], [], [], []
        for e in events:
            item = e.subject_item
            if item is None:
                continue
            p, key = e.payload, order_key(e)
            anns = p.get("annotations")
            decision = p.get("decision") if e.type == "review.decided" else None
            if e.type == "review.decided" and anns is None:
                continue  # a reject: the rejected revisions stay heads until reworked
            revisions.append((e.hash, item, e.actor, e.role, e.schema_ref,
                              len(anns) if isinstance(anns, list) else 0,
                              p.get("note") or p.get("reason") or "", key, decision))  # fmt: skip
            parents += [(e.hash, b) for b in dict.fromkeys(e.base)]
            heads.append((item, e.hash, key, e.hash, item))
            drops += [(b, item) for b in dict.fromkeys(e.base)]
        conn.executemany(
            "INSERT OR IGNORE INTO annotation_revisions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            revisions,
        )
        conn.executemany("INSERT OR IGNORE INTO annotation_parents VALUES (?, ?)", parents)
        # A revision that arrives after its child (another replica's order) is no head. Only
        # a revision of the same item can supersede one, so a stray base cannot hide a head.
        conn.executemany(
            """INSERT OR IGNORE INTO annotation_heads (item_id, hash, rev_key)
               SELECT ?, ?, ? WHERE NOT EXISTS
                 (SELECT 1 FROM annotation_parents p JOIN annotation_revisions r ON r.hash = p.hash
                  WHERE p.parent = ? AND r.item_id = ?)""",
            heads,
        )
        conn.executemany("DELETE FROM annotation_heads WHERE hash = ? AND item_id = ?", drops)
