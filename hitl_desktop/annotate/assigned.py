"""Where editing an item starts, given who it was assigned to and what checkers rejected.

Blind double annotation: when an item was given to two or more people (an overlap item), or
to the person opening it as a gold task, that person must answer without seeing anyone
else's answer, or the agreement measured between them means nothing. Such a person starts
from their own latest revision of the item, or from nothing.

Rework after a rejection: when a reject decision covers every current answer of an item,
the next revision replaces them all (its base names every head), so fixing a rejected item
closes it instead of opening a new disagreement with the rejected answers.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import orjson

from . import revisions
from .revisions import Revision


@dataclass(frozen=True, slots=True)
class Assignment:
    """One item given to one person in one ``assignment.made`` event."""

    item_id: str
    assignee: str
    kind: str  # primary | overlap | gold
    batch: str
    event: str
    key: str  # "hlc|hash" of the event: later batches sort after earlier ones


def assignees_of(conn: sqlite3.Connection, item_id: str) -> list[Assignment]:
    """Everyone the item was given to (one row per assignment), by assignee then batch."""
    rows = conn.execute(
        """SELECT item_id, assignee, kind, batch, event, key FROM assignments
           WHERE item_id = ? ORDER BY assignee, key""",
        (item_id,),
    ).fetchall()
    return [Assignment(*r) for r in rows]


def is_blind(conn: sqlite3.Connection, item_id: str, actor: str) -> bool:
    """Whether ``actor`` must answer the item without seeing other people's answers: it was
    given to them and to someone else too, or to them as a gold task."""
    given = assignees_of(conn, item_id)
    mine = [a for a in given if a.assignee == actor]
    if not mine:
        return False
    return len({a.assignee for a in given}) >= 2 or any(a.kind == "gold" for a in mine)


def own_latest(conn: sqlite3.Connection, item_id: str, actor: str) -> Revision | None:
    """``actor``'s latest revision of the item (a head or not), if they made any."""
    row = conn.execute(
        """SELECT hash FROM annotation_revisions WHERE item_id = ? AND actor = ?
           ORDER BY rev_key DESC LIMIT 1""",
        (item_id, actor),
    ).fetchone()
    return revisions.revision(conn, row[0]) if row else None


@dataclass(frozen=True, slots=True)
class Rejection:
    actor: str
    reason: str
    key: str


def rejections_covering(
    conn: sqlite3.Connection, item_id: str, heads: list[str]
) -> list[Rejection]:
    """The item's reject decisions whose base names every one of ``heads``, latest first."""
    if not heads:
        return []
    rows = conn.execute(
        """SELECT d.actor, d.reason, d.key FROM review_decisions d
           WHERE d.item_id = ?1 AND d.decision = 'reject'
           AND (SELECT count(*) FROM review_decision_base b
                WHERE b.hash = d.hash AND b.parent IN (SELECT value FROM json_each(?2))) = ?3
           ORDER BY d.key DESC""",
        (item_id, _json(heads), len(set(heads))),
    ).fetchall()
    return [Rejection(*r) for r in rows]


def _json(values: list[str]) -> str:
    return orjson.dumps(sorted(set(values))).decode()


@dataclass(frozen=True, slots=True)
class Start:
    """Where editing starts: the revision shown (None: an empty document), the document's
    base, the revisions whose accepted suggestions are no longer pending, the label set and
    lines for ``Document.problems``."""

    shown: Revision | None
    base: tuple[str, ...]
    dealt_with: tuple[str, ...]
    schema_ref: str | None
    problems: tuple[str, ...]
    blind: bool


def starting_point(conn: sqlite3.Connection, item_id: str, actor: str) -> Start:
    """Where ``actor`` starts editing the item (see the module docstring)."""
    heads = revisions.heads(conn, item_id)
    blind = is_blind(conn, item_id, actor)
    shown = own_latest(conn, item_id, actor) if blind else (heads[0] if heads else None)
    base: tuple[str, ...] = (shown.hash,) if shown is not None else ()
    problems: list[str] = []
    rejected = rejections_covering(conn, item_id, [h.hash for h in heads])
    if rejected:
        base = tuple(h.hash for h in heads)  # the rework replaces every rejected answer
        problems += [f"Rejected by {r.actor}: {r.reason}" for r in rejected]
    elif len(heads) > 1 and not blind:
        problems.append(
            f"item {item_id} has {len(heads)} concurrent revisions; editing the latest, the "
            "others wait for review"
        )
    # the blind see no one else's revisions, so only their own accepted suggestions are done
    dealt_with = base if blind else tuple(h.hash for h in heads)
    schema_ref = shown.schema_ref if shown is not None else None
    if schema_ref is None and heads:  # the label set, not an answer: fine to show the blind
        schema_ref = heads[0].schema_ref
    return Start(shown, base, dealt_with, schema_ref, tuple(problems), blind)
