"""The review queue as a projection: ``review_tasks``, ``review_decisions`` (with their
``review_decision_base``) and ``model_corrections``.

An item needs review when its revision graph has two or more heads whose answers differ
(identical answers are agreement, not conflict) and no reject decision covers them all. The
task's kind says why the heads compete:

- ``disagreement``: workers answered independently (overlap assignment);
- ``fork``: the heads share an earlier revision: the item was edited on two devices;
- ``decision_conflict``: a review decision disagrees with another decision or a later edit;
- ``gold``: a worker given the item as a gold task disagrees with its adjudicated answer.

Every row is recomputed from the item's whole state (heads, decisions, assignments), never
patched by the arriving event, so any arrival order of the same events gives the same
tables. ``model_corrections`` compares each human revision with the pre-label and OCR events
it accepted: how far people changed the model's suggestions (for drift and model accuracy).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import orjson

from ..annotate.errors import AnnotateError, InvalidAnnotation
from ..annotate.suggestions import from_event
from ..lineage import Event
from ..workspace.projections.base import Projection, order_key
from ..workspace.projector import gc_paused
from .compare import IDENTICAL, Comparison, answer_digest, compare, compare_views, summarise
from .disagreement import Thresholds
from .fast import View, pack, unpack, view

THRESHOLDS = Thresholds()  # fixed: every replica must detect the same differences
_MODEL_EVENTS = ("prelabel.made", "ocr.ran")


class ReviewProjection(Projection):
    name = "review"
    version = 2
    tables = (
        "review_answers", "review_tasks", "review_decisions", "review_decision_base",
        "model_corrections",
    )  # fmt: skip
    consumes = frozenset(
        {"annotation.revised", "review.decided", "assignment.made", *_MODEL_EVENTS}
    )
    ddl = """
    CREATE TABLE IF NOT EXISTS review_answers (
        hash   TEXT PRIMARY KEY,  -- a revision (or a decision carrying an answer)
        digest TEXT,              -- of its content without ids and origins, NULL if unreadable
        view   BLOB               -- its labels, boxes and spans (fast.pack), NULL for others
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS review_tasks (
        item_id     TEXT PRIMARY KEY,
        kind        TEXT NOT NULL,
        heads       TEXT NOT NULL,  -- JSON: the competing revisions, sorted by hash
        actors      TEXT NOT NULL,  -- JSON: their actors, in the same order
        opened_key  TEXT NOT NULL,  -- rev_key of the latest competing revision
        agreement   REAL NOT NULL,  -- lowest pairwise share of annotations in no difference
        differences INTEGER NOT NULL,
        summary     TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS review_decisions (
        hash     TEXT PRIMARY KEY,
        item_id  TEXT NOT NULL,
        decision TEXT NOT NULL,
        task     TEXT,
        actor    TEXT NOT NULL,
        role     TEXT NOT NULL,
        reason   TEXT NOT NULL,
        key      TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS review_decisions_by_item ON review_decisions (item_id, key);
    CREATE TABLE IF NOT EXISTS review_decision_base (
        hash   TEXT NOT NULL,
        parent TEXT NOT NULL,
        PRIMARY KEY (hash, parent)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS model_corrections (
        revision    TEXT NOT NULL,
        source      TEXT NOT NULL,  -- the prelabel.made / ocr.ran event accepted
        item_id     TEXT NOT NULL,
        model       TEXT NOT NULL,
        actor       TEXT NOT NULL,
        differences INTEGER NOT NULL,  -- 0: taken as suggested
        agreement   REAL NOT NULL,
        summary     TEXT NOT NULL,
        rev_key     TEXT NOT NULL,
        PRIMARY KEY (revision, source)
    ) WITHOUT ROWID;
    """
    read_indexes = """
    CREATE INDEX IF NOT EXISTS review_tasks_by_key ON review_tasks (opened_key);
    CREATE INDEX IF NOT EXISTS model_corrections_by_model ON model_corrections (model, rev_key);
    """

    def apply(self, conn: sqlite3.Connection, events: Sequence[Event]) -> None:
        dirty: set[str] = set()
        revised: list[str] = []
        sources: list[str] = []
        decisions, bases, digests = [], [], []
        for e in events:
            if e.type == "assignment.made":
                dirty.update(a["item"] for a in e.payload.get("assignments", ()))
            elif e.type in _MODEL_EVENTS:
                sources.append(e.hash)
            elif e.subject_item is not None:
                dirty.add(e.subject_item)
                raw = e.payload.get("annotations")
                if raw is not None:
                    viewed = view(raw)
                    packed = pack(viewed) if viewed is not None else None
                    digests.append((e.hash, answer_digest(raw), packed))
                if e.type == "annotation.revised":
                    revised.append(e.hash)
                else:
                    p = e.payload
                    decisions.append((e.hash, e.subject_item, p["decision"], p.get("task"),
                                      e.actor, e.role, p.get("reason", ""), order_key(e)))  # fmt: skip
                    bases += [(e.hash, b) for b in dict.fromkeys(e.base)]
        conn.executemany("INSERT OR IGNORE INTO review_answers VALUES (?, ?, ?)", digests)
        conn.executemany(
            "INSERT OR IGNORE INTO review_decisions VALUES (?, ?, ?, ?, ?, ?, ?, ?)", decisions
        )
        conn.executemany("INSERT OR IGNORE INTO review_decision_base VALUES (?, ?)", bases)
        if dirty:
            refresh_tasks(conn, sorted(dirty))
        if sources:  # revisions that arrived before the model output they accepted
            revised += _revisions_accepting(conn, sources)
        if revised:
            _refresh_corrections(conn, sorted(set(revised)))


@dataclass(slots=True)
class _Head:
    hash: str
    actor: str
    rev_key: str
    decision: str | None
    digest: str | None
    has_parent: bool  # some earlier revision of the item is its parent
    answer: list[dict[str, Any]] | None = None  # None: not loaded, or no readable list
    view: View | None = None  # labels, boxes and spans, kept when the revision arrived


def _json_list(values: Iterable[str]) -> str:
    return orjson.dumps(list(values)).decode()


def _heads_of(conn: sqlite3.Connection, items: Sequence[str]) -> dict[str, list[_Head]]:
    """Items among ``items`` whose two or more heads do not all hold the same answer, with
    those heads and their answers. SQLite settles most items (equal digests) by itself, so
    only competing answers are read, in the same query."""
    rows = conn.execute(
        """WITH competing AS (
               SELECT h.item_id FROM annotation_heads h
               LEFT JOIN review_answers a ON a.hash = h.hash
               WHERE h.item_id IN (SELECT value FROM json_each(?1))
               GROUP BY h.item_id
               HAVING count(*) > 1
                  AND (count(DISTINCT a.digest) > 1 OR count(a.digest) < count(*)))
           SELECT h.item_id, h.hash, r.actor, r.rev_key, r.decision, a.digest,
                  EXISTS (SELECT 1 FROM annotation_parents p
                          JOIN annotation_revisions pr ON pr.hash = p.parent
                          WHERE p.hash = h.hash),
                  a.view,
                  CASE WHEN a.view IS NULL THEN
                      (SELECT json_extract(e.body, '$.payload.annotations') FROM events e
                       WHERE e.hash = h.hash) END
           FROM competing JOIN annotation_heads h USING (item_id)
           JOIN annotation_revisions r ON r.hash = h.hash
           LEFT JOIN review_answers a ON a.hash = h.hash
           ORDER BY h.item_id, h.hash""",
        (_json_list(items),),
    )
    out: dict[str, list[_Head]] = {}
    for item, hash_, actor, key, decision, digest, has_parent, packed, raw in rows:
        head = _Head(hash_, actor, key, decision, digest, bool(has_parent))
        if packed is not None:
            head.view = unpack(packed)
        else:  # not a view: read the answer itself (payloads are read only here)
            loaded = orjson.loads(raw) if raw is not None else None
            head.answer = loaded if isinstance(loaded, list) else None
        out.setdefault(item, []).append(head)
    return out


def _rejected(conn: sqlite3.Connection, items: Sequence[str]) -> dict[str, list[set[str]]]:
    """Per item, the revision sets its reject decisions covered."""
    rows = conn.execute(
        """SELECT d.item_id, d.hash, b.parent FROM review_decisions d
           JOIN review_decision_base b ON b.hash = d.hash
           WHERE d.decision = 'reject' AND d.item_id IN (SELECT value FROM json_each(?))""",
        (_json_list(items),),
    )
    found: dict[tuple[str, str], set[str]] = {}
    for item, hash_, parent in rows:
        found.setdefault((item, hash_), set()).add(parent)
    out: dict[str, list[set[str]]] = {}
    for (item, _), base in found.items():
        out.setdefault(item, []).append(base)
    return out


def _gold_assignees(conn: sqlite3.Connection, items: Sequence[str]) -> dict[str, set[str]]:
    rows = conn.execute(
        """SELECT item_id, assignee FROM assignments
           WHERE kind = 'gold' AND item_id IN (SELECT value FROM json_each(?))""",
        (_json_list(items),),
    )
    out: dict[str, set[str]] = {}
    for item, who in rows:
        out.setdefault(item, set()).add(who)
    return out


def _share_ancestor(conn: sqlite3.Connection, heads: Sequence[str]) -> bool:
    """Whether two of ``heads`` descend from one earlier revision (an offline fork)."""
    seen: set[str] = set()
    for h in heads:
        rows = conn.execute(
            """WITH RECURSIVE up(hash) AS (
                   SELECT parent FROM annotation_parents WHERE hash = ?1
                   UNION SELECT p.parent FROM annotation_parents p JOIN up ON p.hash = up.hash)
               SELECT up.hash FROM up JOIN annotation_revisions r ON r.hash = up.hash""",
            (h,),
        ).fetchall()
        mine = {r[0] for r in rows}
        if mine & seen:
            return True
        seen |= mine
    return False


def _kind(conn: sqlite3.Connection, heads: Sequence[_Head], gold_workers: set[str]) -> str:
    decided = [h for h in heads if h.decision is not None]
    if len(decided) == 1 and any(h.actor in gold_workers for h in heads if h.decision is None):
        return "gold"
    if decided:
        return "decision_conflict"
    if sum(h.has_parent for h in heads) < 2:
        return "disagreement"  # at most one head descends from anything: no shared parent
    return "fork" if _share_ancestor(conn, [h.hash for h in heads]) else "disagreement"


def _answer_of(conn: sqlite3.Connection, head: _Head) -> list[dict[str, Any]] | None:
    """The head's stored annotation list (read on demand for a viewed head)."""
    if head.answer is None and head.view is not None:
        row = conn.execute(
            "SELECT json_extract(body, '$.payload.annotations') FROM events WHERE hash = ?",
            (head.hash,),
        ).fetchone()
        loaded = orjson.loads(row[0]) if row and row[0] is not None else None
        head.answer = loaded if isinstance(loaded, list) else None
    return head.answer


def _compare_pair(conn: sqlite3.Connection, a: _Head, b: _Head) -> Comparison | str:
    """The comparison of two heads, or why it cannot be made."""
    if a.digest and a.digest == b.digest:
        return IDENTICAL
    if a.view is not None and b.view is not None:
        return compare_views(a.view, b.view, THRESHOLDS)
    raw_a, raw_b = _answer_of(conn, a), _answer_of(conn, b)
    if raw_a is None or raw_b is None:
        unreadable = a if raw_a is None else b
        return f"revision {unreadable.hash[:12]} holds no annotation list"
    try:
        return compare(raw_a, raw_b, THRESHOLDS, keys_differ=bool(a.digest and b.digest))
    except (InvalidAnnotation, AnnotateError) as exc:
        return f"unreadable answer: {exc}"


def _compare_heads(
    conn: sqlite3.Connection, heads: Sequence[_Head]
) -> tuple[float, list[str], int] | None:
    """Lowest agreement, summaries and difference count over head pairs; None if all agree."""
    worst, notes, count = 1.0, [], 0
    for a, b in combinations(heads, 2):
        c = _compare_pair(conn, a, b)
        if isinstance(c, str):
            worst, count = 0.0, count + 1
            notes.append(c)
            continue
        if c.identical:
            continue
        worst, count = min(worst, c.agreement), count + len(c.differences)
        notes.append(summarise(c.differences))
    return (worst, notes, count) if count else None


def refresh_tasks(conn: sqlite3.Connection, items: Sequence[str]) -> None:
    """Recompute the review task of each of ``items`` from its whole current state."""
    with gc_paused():
        for start in range(0, len(items), 20_000):
            _refresh_chunk(conn, items[start : start + 20_000])


def _refresh_chunk(conn: sqlite3.Connection, items: Sequence[str]) -> None:
    conn.execute(
        "DELETE FROM review_tasks WHERE item_id IN (SELECT value FROM json_each(?))",
        (_json_list(items),),
    )
    competing = _heads_of(conn, items)
    if not competing:
        return
    rejected = _rejected(conn, list(competing))
    gold = _gold_assignees(conn, list(competing))
    rows = []
    for item, heads in competing.items():
        hashes = {h.hash for h in heads}
        if any(hashes <= base for base in rejected.get(item, ())):
            continue  # a checker rejected these answers; the item waits for rework
        found = _compare_heads(conn, heads)
        if found is None:
            continue  # the answers agree
        agreement, notes, count = found
        rows.append((
            item, _kind(conn, heads, gold.get(item, set())),
            _json_list(h.hash for h in heads), _json_list(h.actor for h in heads),
            max(h.rev_key for h in heads), agreement, count, "; ".join(dict.fromkeys(notes)),
        ))  # fmt: skip
    conn.executemany("INSERT INTO review_tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


def _revisions_accepting(conn: sqlite3.Connection, sources: Sequence[str]) -> list[str]:
    rows = conn.execute(
        """SELECT p.hash FROM annotation_parents p
           JOIN annotation_revisions r ON r.hash = p.hash AND r.decision IS NULL
           WHERE p.parent IN (SELECT value FROM json_each(?))""",
        (_json_list(sources),),
    )
    return [r[0] for r in rows]


def _refresh_corrections(conn: sqlite3.Connection, revisions: Sequence[str]) -> None:
    """Compare each revision with the model events in its base (those already present)."""
    rows = conn.execute(
        """SELECT r.hash, r.item_id, r.actor, r.rev_key, re.body, s.hash, s.body, s.sig
           FROM annotation_revisions r
           JOIN annotation_parents p ON p.hash = r.hash
           JOIN events s ON s.hash = p.parent AND s.type IN ('prelabel.made', 'ocr.ran')
           JOIN events re ON re.hash = r.hash
           WHERE r.hash IN (SELECT value FROM json_each(?)) AND r.decision IS NULL
           ORDER BY r.hash, s.hash""",
        (_json_list(revisions),),
    ).fetchall()
    out = []
    for rev, item, actor, key, rev_body, src, src_body, sig in rows:
        source = Event.from_body(src, src_body, sig)
        suggested = from_event(source)
        kinds = {a.kind for a in suggested.annotations}
        human = orjson.loads(rev_body)["payload"].get("annotations") or []
        mine = [a for a in human if isinstance(a, dict) and a.get("kind") in kinds]
        origins = [a.origin.model for a in suggested.annotations if a.origin.model]
        model = origins[0] if origins else source.actor.removeprefix("model:")
        try:
            c = compare([a.to_json() for a in suggested.annotations], mine, THRESHOLDS)
        except (InvalidAnnotation, AnnotateError) as exc:
            out.append((rev, src, item, model, actor, 1, 0.0, f"unreadable: {exc}", key))
            continue
        out.append((rev, src, item, model, actor, len(c.differences), c.agreement,
                    summarise(c.differences), key))  # fmt: skip
    conn.executemany(
        "INSERT OR REPLACE INTO model_corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", out
    )
