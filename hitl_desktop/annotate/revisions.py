"""Read side of annotation revisions: an item's heads, a revision's chain and its content."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

import orjson

_COLUMNS = (
    "r.hash, r.item_id, r.actor, r.role, r.schema_ref, r.annotations, r.note, r.rev_key, r.decision"
)


@dataclass(frozen=True, slots=True)
class Revision:
    hash: str
    item_id: str
    actor: str
    role: str
    schema_ref: str | None
    annotation_count: int
    note: str
    rev_key: str  # "hlc|hash": later revisions sort after earlier ones
    parents: tuple[str, ...]  # parent revisions (pre-label/OCR parents are in ``replaces``)
    replaces: tuple[str, ...]  # other events named in ``base``: accepted pre-labels, OCR runs
    decision: str | None = None  # a checker's review decision (accept/merge/adjudicate)


def _revisions(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> list[Revision]:
    out = []
    for row in rows:
        edges = conn.execute(
            """SELECT p.parent, r.hash IS NOT NULL FROM annotation_parents p
               LEFT JOIN annotation_revisions r ON r.hash = p.parent
               WHERE p.hash = ? ORDER BY p.parent""",
            (row[0],),
        ).fetchall()
        parents = tuple(h for h, is_rev in edges if is_rev)
        replaces = tuple(h for h, is_rev in edges if not is_rev)
        h, item, actor, role, schema_ref, count, note, key, decision = row
        out.append(
            Revision(
                h, item, actor, role, schema_ref, count, note, key, parents, replaces, decision
            )
        )
    return out


def heads(conn: sqlite3.Connection, item_id: str) -> list[Revision]:
    """The item's current revisions, latest first; more than one means concurrent edits."""
    rows = conn.execute(
        f"""SELECT {_COLUMNS} FROM annotation_heads h
            JOIN annotation_revisions r ON r.hash = h.hash
            WHERE h.item_id = ? ORDER BY h.rev_key DESC""",
        (item_id,),
    ).fetchall()
    return _revisions(conn, rows)


def latest_head(conn: sqlite3.Connection, item_id: str) -> Revision | None:
    found = heads(conn, item_id)
    return found[0] if found else None


def revision(conn: sqlite3.Connection, hash_: str) -> Revision | None:
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM annotation_revisions r WHERE r.hash = ?", (hash_,)
    ).fetchall()
    return _revisions(conn, rows)[0] if rows else None


def revision_chain(conn: sqlite3.Connection, head: str) -> list[Revision]:
    """``head`` and every revision it descends from, latest first."""
    rows = conn.execute(
        f"""WITH RECURSIVE chain(hash) AS (
                SELECT ? UNION
                SELECT p.parent FROM annotation_parents p JOIN chain c ON p.hash = c.hash
            )
            SELECT {_COLUMNS} FROM chain c JOIN annotation_revisions r ON r.hash = c.hash
            ORDER BY r.rev_key DESC""",
        (head,),
    ).fetchall()
    return _revisions(conn, rows)


def item_revisions(conn: sqlite3.Connection, item_id: str) -> list[Revision]:
    """Every revision of the item, latest first (all branches)."""
    rows = conn.execute(
        f"""SELECT {_COLUMNS} FROM annotation_revisions r WHERE r.item_id = ?
            ORDER BY r.rev_key DESC""",
        (item_id,),
    ).fetchall()
    return _revisions(conn, rows)


def ancestry(conn: sqlite3.Connection, heads_: tuple[str, ...] | list[str]) -> set[str]:
    """Every event hash reachable from ``heads_`` through ``base`` (revisions and others)."""
    if not heads_:
        return set()
    marks = ", ".join("(?)" for _ in heads_)
    rows = conn.execute(
        f"""WITH RECURSIVE chain(hash) AS (
                VALUES {marks} UNION
                SELECT p.parent FROM annotation_parents p JOIN chain c ON p.hash = c.hash
            ) SELECT hash FROM chain""",
        list(heads_),
    ).fetchall()
    return {r[0] for r in rows}


def revision_payload(conn: sqlite3.Connection, hash_: str) -> dict[str, Any]:
    """The stored payload of revision ``hash_`` (an ``annotation.revised`` or a review decision
    with its answer); ``payload["annotations"]`` is the revision's content."""
    row = conn.execute(
        """SELECT body FROM events WHERE hash = ?
           AND type IN ('annotation.revised', 'review.decided')""",
        (hash_,),
    ).fetchone()
    if row is None:
        raise LookupError(f"no annotation revision {hash_} in this workspace")
    payload: dict[str, Any] = orjson.loads(row[0])["payload"]
    return payload
