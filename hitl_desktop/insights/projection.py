"""The ``insights`` projection: compact tables the dashboard's figures are computed from.

- ``insights_activity``: events per (UTC day, actor, role, device, type), a running count;
- ``insights_items``: each item's import day, kind, source and import statistics (image size,
  brightness, contrast, text length, main script, near-duplicates flagged);
- ``insights_answers``: each human answer (a revision, or a review decision carrying one) with
  its day, actor and (hlc, hash) key; ``insights_suggestions``: each pre-label with its model;
- ``insights_labels``: the labels of each answer or suggestion, counted by (kind, label);
- per item (``item_state``): its latest answer's labels, its adjudicated class, each model's
  latest prediction, and whether the people who answered it agree.

Counts only add up, raw rows are keyed by their event's hash (an item's row is kept from
its earliest creating event by (hlc, hash)), and per-item rows are recomputed from the
item's whole state whenever an event touches it, so any arrival order of the same events
gives the same tables. The agreement rows read the review projection's answer digests,
which is why this projection comes after it.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..lineage import Event
from ..workspace.projections.base import Projection, order_key
from . import item_state
from .windows import day_of_key

_CREATING = ("item.imported", "item.derived")
_ANSWERS = ("annotation.revised", "review.decided")
# events after which an item's per-item rows may change (an OCR run can complete a correction)
_TOUCHING = frozenset({*_CREATING, *_ANSWERS, "prelabel.made", "ocr.ran"})
_NUMBERS = ("width", "height", "brightness", "contrast", "characters", "words")


class InsightsProjection(Projection):
    name = "insights"
    version = 4
    tables = (
        "insights_activity", "insights_items", "insights_answers", "insights_suggestions",
        "insights_labels", *item_state.TABLES,
    )  # fmt: skip
    consumes = None  # activity counts every event
    ddl = (
        """
    CREATE TABLE IF NOT EXISTS insights_activity (
        day       INTEGER NOT NULL,
        actor     TEXT NOT NULL,
        role      TEXT NOT NULL,
        device_id TEXT NOT NULL,
        type      TEXT NOT NULL,
        n         INTEGER NOT NULL,
        PRIMARY KEY (day, actor, role, device_id, type)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS insights_items (
        item_id     TEXT PRIMARY KEY,
        created_key TEXT NOT NULL,
        day         INTEGER NOT NULL,
        kind        TEXT NOT NULL,
        source      TEXT NOT NULL,
        width       REAL,
        height      REAL,
        brightness  REAL,
        contrast    REAL,
        characters  REAL,
        words       REAL,
        script      TEXT,  -- the main script of the letters of a text (LATIN, CJK, ...)
        near_dups   INTEGER NOT NULL  -- items flagged as near-duplicates at import
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS insights_answers (
        hash     TEXT PRIMARY KEY,
        item_id  TEXT NOT NULL,
        day      INTEGER NOT NULL,
        actor    TEXT NOT NULL,
        key      TEXT NOT NULL,
        decision TEXT  -- accept, merge, adjudicate for a review decision, NULL for a revision
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS insights_suggestions (
        hash    TEXT PRIMARY KEY,
        item_id TEXT NOT NULL,
        day     INTEGER NOT NULL,
        model   TEXT NOT NULL,
        key     TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS insights_labels (
        hash  TEXT NOT NULL,  -- an answer or a suggestion
        kind  TEXT NOT NULL,  -- class, box, polygon, span, point
        label TEXT NOT NULL,
        n     INTEGER NOT NULL,
        PRIMARY KEY (hash, kind, label)
    ) WITHOUT ROWID;
    -- the per-item refresh looks answers and suggestions up by item, even during a replay
    CREATE INDEX IF NOT EXISTS insights_answers_by_item ON insights_answers (item_id, key);
    CREATE INDEX IF NOT EXISTS insights_suggestions_by_item ON insights_suggestions (item_id, key);
    """
        + item_state.DDL
    )
    read_indexes = (
        """
    CREATE INDEX IF NOT EXISTS insights_items_by_day ON insights_items (day);
    """
        + item_state.READ_INDEXES
    )

    def apply(self, conn: sqlite3.Connection, events: Sequence[Event]) -> None:
        activity: Counter[tuple[int, str, str, str, str]] = Counter()
        items, answers, suggestions, labels = [], [], [], []
        dirty: set[str] = set()
        for e in events:
            key = order_key(e)
            day = day_of_key(key)
            activity[(day, e.actor, e.role, e.device_id, e.type)] += 1
            item = e.subject_item
            if item is None:
                continue
            p = e.payload
            if e.type in _TOUCHING:
                dirty.add(item)
            if e.type in _CREATING:
                items.append(_item_row(item, key, day, p))
            elif e.type in _ANSWERS and isinstance(p.get("annotations"), list):
                decision = p.get("decision") if e.type == "review.decided" else None
                answers.append((e.hash, item, day, e.actor, key, decision))
                labels += _rows(e.hash, answer_labels(p["annotations"]))
            elif e.type == "prelabel.made":
                suggestions.append((e.hash, item, day, str(p.get("model_id", "")), key))
                labels += _rows(e.hash, suggestion_labels(p))
        conn.executemany(
            """INSERT INTO insights_activity VALUES (?, ?, ?, ?, ?, ?)
               ON CONFLICT DO UPDATE SET n = n + excluded.n""",
            [(*k, n) for k, n in activity.items()],
        )
        conn.executemany(
            """INSERT INTO insights_items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (item_id) DO UPDATE SET
                 created_key = excluded.created_key, day = excluded.day, kind = excluded.kind,
                 source = excluded.source, width = excluded.width, height = excluded.height,
                 brightness = excluded.brightness, contrast = excluded.contrast,
                 characters = excluded.characters, words = excluded.words,
                 script = excluded.script, near_dups = excluded.near_dups
               WHERE excluded.created_key < insights_items.created_key""",
            items,
        )
        conn.executemany(
            "INSERT OR IGNORE INTO insights_answers VALUES (?, ?, ?, ?, ?, ?)", answers
        )
        conn.executemany(
            "INSERT OR IGNORE INTO insights_suggestions VALUES (?, ?, ?, ?, ?)", suggestions
        )
        conn.executemany("INSERT OR IGNORE INTO insights_labels VALUES (?, ?, ?, ?)", labels)
        if dirty:
            item_state.refresh(conn, sorted(dirty))


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _item_row(item: str, key: str, day: int, p: Mapping[str, Any]) -> tuple[Any, ...]:
    raw = p.get("stats")
    stats: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
    scripts = stats.get("scripts")
    script = next(iter(scripts), None) if isinstance(scripts, Mapping) and scripts else None
    near = p.get("near_duplicates")
    return (
        item, key, day, str(p.get("kind", "")), str(p.get("source", "")),
        *(_number(stats.get(name)) for name in _NUMBERS),
        script, len(near) if isinstance(near, list) else 0,
    )  # fmt: skip


def answer_labels(annotations: Iterable[Any]) -> Counter[tuple[str, str]]:
    """(kind, label) counts of a stored answer: class labels as kind ``class``, regions and
    spans by their kind. OCR lines carry text, not labels, and are left out."""
    out: Counter[tuple[str, str]] = Counter()
    for a in annotations:
        if not isinstance(a, Mapping):
            continue
        kind = a.get("kind")
        if kind == "classification":
            shape = a.get("shape")
            labels = shape.get("labels") if isinstance(shape, Mapping) else None
            if isinstance(labels, list):
                out.update(("class", str(x)) for x in labels)
        elif isinstance(kind, str) and kind != "ocr_line":
            out[(kind, str(a.get("label", "")))] += 1
    return out


def suggestion_labels(p: Mapping[str, Any]) -> Counter[tuple[str, str]]:
    """(kind, label) counts of a pre-label: its best class only (what a person would see
    suggested), and every box and span."""
    out: Counter[tuple[str, str]] = Counter()
    scored = [x for x in p.get("labels") or () if isinstance(x, Mapping)]
    if scored:
        best = max(scored, key=lambda x: float(x.get("score", 0.0)))
        out[("class", str(best.get("label", "")))] += 1
    out.update(("box", str(b.get("label", ""))) for b in p.get("boxes") or ())
    out.update(("span", str(s.get("label", ""))) for s in p.get("spans") or ())
    return out


def _rows(hash_: str, counts: Counter[tuple[str, str]]) -> list[tuple[str, str, str, int]]:
    return [(hash_, kind, label, n) for (kind, label), n in counts.items()]
