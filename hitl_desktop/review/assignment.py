"""Giving items to workers: one ``assignment.made`` event per batch (no Qt).

The plan is a pure function of its inputs, so every replica (and every rerun) gets the same
assignment from the same items, workers and seed, whatever order they come in:

- exactly ``round(overlap * n)`` items (those with the smallest SHA-256 of (seed, "overlap",
  item)) go to two workers, the rest (sorted by SHA-256 of (seed, "item", item)) to one;
- places are dealt from one round-robin stream over the workers (sorted by a hash of seed
  and name, so no one always gets the extra item), an overlap item taking two consecutive
  places: every worker's load is within one item of every other's, and the two workers of
  an overlap item always differ;
- gold items (items with an adjudicated answer) are mixed into each worker's list:
  ``round(gold_rate * their item count)`` of them, chosen by hash, never one that worker
  already answered or was given.
"""

from __future__ import annotations

import hashlib
import sqlite3
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import orjson

from ..annotate.assigned import Assignment, assignees_of
from ..lineage import Event
from ..lineage.payloads import AssignmentEntry, AssignmentMade
from ..roles import Action, can, reason
from ..workspace import Workspace
from .errors import ReviewError

__all__ = [
    "Assignment", "AssignmentError", "WorkerLoad", "assign", "assignees_of", "assignments_for",
    "eligible_items", "gold_pool", "loads", "plan_assignments",
]  # fmt: skip
KINDS = ("primary", "overlap", "gold")
Dealt = Literal["primary", "overlap"]


class AssignmentError(ReviewError):
    """Assignment inputs that cannot work (no workers, unknown items, ...)."""


def _h(seed: str, *parts: str) -> bytes:
    return hashlib.sha256("\x1f".join((seed, *parts)).encode("utf-8")).digest()


def _names(workers: Iterable[str]) -> list[str]:
    out = sorted({unicodedata.normalize("NFC", w.strip()) for w in workers})
    if any(not w for w in out):
        raise AssignmentError("a worker name is empty")
    if not out:
        raise AssignmentError("name at least one worker to give the items to")
    return out


def plan_assignments(
    items: Iterable[str],
    workers: Iterable[str],
    *,
    overlap: float,
    gold_rate: float = 0.0,
    gold_pool: Iterable[str] = (),
    seed: str,
    done: Mapping[str, Iterable[str]] | None = None,
) -> list[AssignmentEntry]:
    """Who gets which item (see the module docstring), sorted by item then assignee.

    ``done``: per worker, the items they already answered or were given (never given to
    them again as gold). Raises ``AssignmentError`` on inputs that cannot work.
    """
    names = _names(workers)
    todo = sorted(set(items))
    if any(not i for i in todo):
        raise AssignmentError("an item id is empty")
    if not 0.0 <= overlap <= 1.0:
        raise AssignmentError(f"overlap must be between 0 and 1, got {overlap}")
    if not 0.0 <= gold_rate <= 1.0:
        raise AssignmentError(f"gold rate must be between 0 and 1, got {gold_rate}")
    if overlap > 0 and len(names) < 2:
        raise AssignmentError(
            f"overlap {overlap:g} gives items to a second worker, but only {names[0]!r} was "
            "named; add another worker or use overlap 0"
        )
    if not todo:
        raise AssignmentError("no items to assign")
    order = sorted(names, key=lambda w: (_h(seed, "worker", w), w))
    given: dict[str, set[str]] = {w: set() for w in names}
    out: list[AssignmentEntry] = []
    slot = 0  # one round-robin stream of places: loads differ by one item at most

    def give(item: str, kind: Dealt) -> None:
        nonlocal slot
        worker = order[slot % len(order)]
        slot += 1
        given[worker].add(item)
        out.append(AssignmentEntry(item=item, assignee=worker, kind=kind))

    wanted = round(overlap * len(todo))
    doubled = sorted(todo, key=lambda i: (_h(seed, "overlap", i), i))[:wanted]
    even = len(order) % 2 == 0
    for k, item in enumerate(doubled):  # two consecutive places: two different workers
        # with an even number of workers the pairs repeat; swap every other round so each
        # worker gets as many primary as overlap places
        swap = even and (2 * k // len(order)) % 2 == 1
        pair: tuple[Dealt, Dealt] = ("overlap", "primary") if swap else ("primary", "overlap")
        give(item, pair[0])
        give(item, pair[1])
    rest = set(todo).difference(doubled)
    for item in sorted(rest, key=lambda i: (_h(seed, "item", i), i)):
        give(item, "primary")
    gold = sorted(set(gold_pool))
    if gold_rate > 0 and gold:
        before = {w: set(ids) for w, ids in (done or {}).items()}
        for w in names:
            count = round(gold_rate * len(given[w]))
            seen = given[w] | before.get(w, set())
            pick = sorted(
                (g for g in gold if g not in seen), key=lambda g: (_h(seed, "gold", w, g), g)
            )
            out += [AssignmentEntry(item=g, assignee=w, kind="gold") for g in pick[:count]]
    return sorted(out, key=lambda a: (a.item, a.assignee, KINDS.index(a.kind)))


@dataclass(frozen=True, slots=True)
class WorkerLoad:
    """What one worker was given in a batch."""

    worker: str
    primary: int
    overlap: int
    gold: int

    @property
    def items(self) -> int:
        return self.primary + self.overlap + self.gold


def loads(entries: Iterable[AssignmentEntry | Mapping[str, str]]) -> list[WorkerLoad]:
    """Per worker (by name), how many primary, overlap and gold items ``entries`` give."""
    counts: dict[str, dict[str, int]] = {}
    for e in entries:
        who, kind = (e.assignee, e.kind) if isinstance(e, AssignmentEntry) else (
            e["assignee"], e["kind"])  # fmt: skip
        counts.setdefault(who, dict.fromkeys(KINDS, 0))[kind] += 1
    return [WorkerLoad(w, c["primary"], c["overlap"], c["gold"]) for w, c in sorted(counts.items())]


# ---- reading the workspace --------------------------------------------------------------


def eligible_items(conn: sqlite3.Connection) -> list[str]:
    """Items to assign when none are named: live, not yet annotated, not yet assigned, and
    not a container of other items (a PDF's pages are assigned, not the PDF)."""
    rows = conn.execute(
        """SELECT id FROM items WHERE kind IS NOT NULL AND status != 'retired'
           AND id NOT IN (SELECT item_id FROM annotation_revisions)
           AND id NOT IN (SELECT item_id FROM assignments)
           AND id NOT IN (SELECT parent_id FROM items WHERE parent_id IS NOT NULL)
           ORDER BY id"""
    )
    return [r[0] for r in rows]


def gold_pool(conn: sqlite3.Connection) -> list[str]:
    """Live items with an adjudicated answer: a head that is a checker's review decision."""
    rows = conn.execute(
        """SELECT DISTINCT h.item_id FROM annotation_heads h
           JOIN annotation_revisions r ON r.hash = h.hash
           JOIN items i ON i.id = h.item_id
           WHERE r.decision IS NOT NULL AND i.status != 'retired' ORDER BY h.item_id"""
    )
    return [r[0] for r in rows]


def _done(conn: sqlite3.Connection, workers: Sequence[str]) -> dict[str, set[str]]:
    """Per worker, the items they answered or were given before."""
    rows = conn.execute(
        """SELECT actor, item_id FROM annotation_revisions
           WHERE actor IN (SELECT value FROM json_each(?1))
           UNION SELECT assignee, item_id FROM assignments
           WHERE assignee IN (SELECT value FROM json_each(?1))""",
        (_json(workers),),
    )
    out: dict[str, set[str]] = {w: set() for w in workers}
    for who, item in rows:
        out[who].add(item)
    return out


def _json(values: Sequence[str]) -> str:
    return orjson.dumps(list(values)).decode()


def _named_items(conn: sqlite3.Connection, named: Sequence[str]) -> list[str]:
    """The named items, a container replaced by its live items; unknown ones refused."""
    rows = conn.execute(
        """SELECT n.value, i.kind, i.status,
                  (SELECT json_group_array(c.id) FROM items c
                   WHERE c.parent_id = n.value AND c.kind IS NOT NULL AND c.status != 'retired')
           FROM json_each(?) n LEFT JOIN items i ON i.id = n.value""",
        (_json(named),),
    ).fetchall()
    unknown = [r[0] for r in rows if r[1] is None]
    if unknown:
        raise AssignmentError(
            f"{len(unknown)} item(s) not in this workspace: {', '.join(unknown[:5])}"
            + (" …" if len(unknown) > 5 else "") + "; `hitl items` lists the item ids"
        )  # fmt: skip
    retired = [r[0] for r in rows if r[2] == "retired"]
    if retired:
        raise AssignmentError(f"item(s) retired, nothing to do: {', '.join(retired[:5])}")
    out: list[str] = []
    for item, _, _, children in rows:
        pages = orjson.loads(children) if children else []
        out += pages or [item]
    return out


def assign(
    ws: Workspace,
    items: Sequence[str],
    workers: Sequence[str],
    *,
    batch: str,
    overlap: float | None = None,
    gold_rate: float = 0.0,
    seed: str | None = None,
) -> Event:
    """Plan and record one ``assignment.made`` event; checkers, experts and admins only.

    ``items``: item ids (a PDF's id stands for its pages); empty: every eligible item (see
    ``eligible_items``). ``overlap`` defaults to the workspace schema's review policy (0
    without a schema). ``seed`` defaults to ``batch``; a batch name is used once.
    """
    if not can(ws.profile.role, Action.ASSIGN):
        raise AssignmentError(
            f"{reason(ws.profile.role, Action.ASSIGN)} ({ws.profile.name} is a "
            f"{ws.profile.role}); change the profile in the app (File → Profile…)"
        )
    batch = unicodedata.normalize("NFC", batch.strip())
    if not batch:
        raise AssignmentError("the batch needs a name")
    conn = ws.reader()
    if conn.execute("SELECT 1 FROM assignments WHERE batch = ? LIMIT 1", (batch,)).fetchone():
        raise AssignmentError(f"batch {batch!r} was already assigned; choose another name")
    names = _names(workers)
    from_schema = overlap is None
    if overlap is None:
        from ..schema.current import schema_for

        schema = schema_for(conn, None)
        overlap = schema.review.overlap if schema is not None else 0.0
    todo = _named_items(conn, items) if items else eligible_items(conn)
    if not todo:
        raise AssignmentError(
            "no items to assign: every live item is annotated or assigned already; name items "
            "to assign them again"
        )
    if from_schema and overlap > 0 and len(names) < 2:
        raise AssignmentError(
            f"the schema's review policy asks for overlap {overlap:g}, which needs two or more "
            "workers; add another --to, or pass --overlap 0"
        )
    seed = batch if seed is None else seed
    entries = plan_assignments(todo, names, overlap=overlap, gold_rate=gold_rate,
                               gold_pool=gold_pool(conn) if gold_rate > 0 else (), seed=seed,
                               done=_done(conn, names) if gold_rate > 0 else None)  # fmt: skip
    payload = AssignmentMade(
        batch=batch, assignments=entries, overlap=overlap, gold_rate=gold_rate, seed=seed
    )
    [event] = ws.append([ws.draft("assignment.made", payload)])
    return event


@dataclass(frozen=True, slots=True)
class Assigned:
    """An item given to someone, as their to-do list shows it."""

    item_id: str
    item_name: str
    assignee: str
    kind: str
    batch: str
    answered: bool  # the assignee has saved a revision of the item
    key: str


def assignments_for(conn: sqlite3.Connection, assignee: str | None = None) -> list[Assigned]:
    """Items given to ``assignee`` (everyone's when None), newest batch first, then by item."""
    rows = conn.execute(
        """SELECT a.item_id, coalesce(i.name, ''), a.assignee, a.kind, a.batch,
                  EXISTS (SELECT 1 FROM annotation_revisions r
                          WHERE r.item_id = a.item_id AND r.actor = a.assignee), a.key
           FROM assignments a LEFT JOIN items i ON i.id = a.item_id
           WHERE ?1 IS NULL OR a.assignee = ?1
           ORDER BY a.key DESC, a.assignee, a.item_id""",
        (assignee,),
    )
    return [Assigned(i, n, a, k, b, bool(done), key) for i, n, a, k, b, done, key in rows]
