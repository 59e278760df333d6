"""Per-item figures the insights projection keeps, recomputed from the item's whole state.

- ``insights_item_labels``: the labels of the item's latest answer (by (hlc, hash)), with that
  answer's day and actor, and the item's source;
- ``insights_truth``: the single class label of its latest review decision (NULL when the
  decision has none or several);
- ``insights_predictions``: each model's latest pre-label of it, its best class;
- ``insights_agreement``: for an item answered by two or more people, whether their latest
  answers agree (identical, or no difference beyond the review queue's thresholds), their
  single class labels, and the day the last of those answers was saved;
- ``insights_corrections``: the review projection's ``model_corrections`` rows of the item
  (a revision that started from a model's output, and whether the person changed it), with
  the revision's day, so correction rates are a range scan by day; and
  ``insights_correction_labels`` the same rows once per label the suggestion carried.

Rows are deleted and rebuilt for every item an arriving event touches, from the tables of
raw rows, never patched, so any arrival order gives the same rows.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import orjson

from ..review.fast import Matched, unpack
from ..review.projection import THRESHOLDS

DDL = """
CREATE TABLE IF NOT EXISTS insights_item_labels (
    item_id TEXT NOT NULL,
    kind    TEXT NOT NULL,
    label   TEXT NOT NULL,
    n       INTEGER NOT NULL,
    day     INTEGER NOT NULL,  -- of the latest answer
    actor   TEXT NOT NULL,
    source  TEXT NOT NULL,
    PRIMARY KEY (item_id, kind, label)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS insights_truth (
    item_id TEXT PRIMARY KEY,
    label   TEXT,
    day     INTEGER NOT NULL,
    source  TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS insights_predictions (
    item_id TEXT NOT NULL,
    model   TEXT NOT NULL,
    label   TEXT NOT NULL,
    PRIMARY KEY (item_id, model)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS insights_agreement (
    item_id TEXT PRIMARY KEY,
    day     INTEGER NOT NULL,
    people  TEXT NOT NULL,  -- JSON list of the people who answered, sorted
    agree   INTEGER NOT NULL,
    singles TEXT,  -- JSON list of their single class labels, sorted, NULL with fewer than two
    source  TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS insights_corrections (
    revision TEXT NOT NULL,
    source   TEXT NOT NULL,  -- the prelabel.made or ocr.ran event the revision started from
    item_id  TEXT NOT NULL,
    day      INTEGER NOT NULL,
    model    TEXT NOT NULL,
    actor    TEXT NOT NULL,
    changed  INTEGER NOT NULL,
    PRIMARY KEY (revision, source)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS insights_corrections_by_item ON insights_corrections (item_id);
CREATE TABLE IF NOT EXISTS insights_correction_labels (
    revision TEXT NOT NULL,
    source   TEXT NOT NULL,
    kind     TEXT NOT NULL,  -- a label the suggestion carried
    label    TEXT NOT NULL,
    item_id  TEXT NOT NULL,
    day      INTEGER NOT NULL,
    model    TEXT NOT NULL,
    actor    TEXT NOT NULL,
    changed  INTEGER NOT NULL,
    PRIMARY KEY (revision, source, kind, label)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS insights_correction_labels_by_item
    ON insights_correction_labels (item_id);
"""
READ_INDEXES = """
CREATE INDEX IF NOT EXISTS insights_item_labels_by_day ON insights_item_labels (day);
CREATE INDEX IF NOT EXISTS insights_truth_by_day ON insights_truth (day);
CREATE INDEX IF NOT EXISTS insights_agreement_by_day ON insights_agreement (day);
CREATE INDEX IF NOT EXISTS insights_corrections_by_day
    ON insights_corrections (day, model, actor, changed, item_id);
CREATE INDEX IF NOT EXISTS insights_correction_labels_by_day
    ON insights_correction_labels (day, model, kind, label, actor, changed, item_id);
CREATE INDEX IF NOT EXISTS insights_item_labels_by_label ON insights_item_labels (kind, label, n);
CREATE INDEX IF NOT EXISTS insights_item_labels_by_kind ON insights_item_labels (kind);
"""
TABLES = (
    "insights_item_labels", "insights_truth", "insights_predictions", "insights_agreement",
    "insights_corrections", "insights_correction_labels",
)  # fmt: skip
_IN = "(SELECT value FROM json_each(?1))"


def agree(views: Sequence[bytes | None], digests: Sequence[str | None]) -> bool:
    """Whether answers agree: the same digest, or (as views) no difference that would open a
    review task. Unreadable answers do not agree."""
    if None not in digests and len(set(digests)) == 1:
        return True
    if any(v is None for v in views):
        return False
    unpacked = [unpack(v) for v in views if v is not None]
    first = unpacked[0]
    return not any(Matched.of(first, other).differ(THRESHOLDS) for other in unpacked[1:])


def _json(values: list[str]) -> str:
    return orjson.dumps(values).decode()


def refresh(conn: sqlite3.Connection, items: Sequence[str]) -> None:
    for start in range(0, len(items), 10_000):
        _refresh(conn, orjson.dumps(list(items[start : start + 10_000])).decode())


def _refresh(conn: sqlite3.Connection, ids: str) -> None:
    for table in TABLES:
        conn.execute(f"DELETE FROM {table} WHERE item_id IN {_IN}", (ids,))
    conn.execute(
        f"""INSERT INTO insights_item_labels
            SELECT a.item_id, l.kind, l.label, l.n, a.day, a.actor, coalesce(i.source, '')
            FROM (SELECT item_id, hash, day, actor, max(key) FROM insights_answers
                  WHERE item_id IN {_IN} GROUP BY item_id) a
            JOIN insights_labels l ON l.hash = a.hash
            LEFT JOIN insights_items i ON i.item_id = a.item_id""",
        (ids,),
    )
    conn.execute(
        f"""INSERT INTO insights_truth
            SELECT d.item_id,
                   (SELECT CASE WHEN sum(n) = 1 THEN min(label) END FROM insights_labels
                    WHERE hash = d.hash AND kind = 'class'),
                   d.day, coalesce(i.source, '')
            FROM (SELECT item_id, hash, day, max(key) FROM insights_answers
                  WHERE decision IS NOT NULL AND item_id IN {_IN} GROUP BY item_id) d
            LEFT JOIN insights_items i ON i.item_id = d.item_id""",
        (ids,),
    )
    conn.execute(
        f"""INSERT INTO insights_predictions
            SELECT s.item_id, s.model, l.label
            FROM (SELECT item_id, model, hash, max(key) FROM insights_suggestions
                  WHERE item_id IN {_IN} GROUP BY item_id, model) s
            JOIN insights_labels l ON l.hash = s.hash AND l.kind = 'class'""",
        (ids,),
    )
    conn.execute(
        f"""INSERT INTO insights_corrections
            SELECT m.revision, m.source, m.item_id, a.day, m.model, m.actor, m.differences > 0
            FROM insights_answers a JOIN model_corrections m ON m.revision = a.hash
            WHERE a.item_id IN {_IN}""",
        (ids,),
    )
    conn.execute(
        f"""INSERT INTO insights_correction_labels
            SELECT c.revision, c.source, l.kind, l.label, c.item_id, c.day, c.model, c.actor,
                   c.changed
            FROM insights_corrections c JOIN insights_labels l ON l.hash = c.source
            WHERE c.item_id IN {_IN}""",
        (ids,),
    )
    _refresh_agreement(conn, ids)


def _refresh_agreement(conn: sqlite3.Connection, ids: str) -> None:
    rows = conn.execute(
        f"""WITH latest AS (
                SELECT item_id, actor, hash, day, max(key) FROM insights_answers
                WHERE decision IS NULL AND item_id IN {_IN} GROUP BY item_id, actor),
            shared AS (SELECT item_id FROM latest GROUP BY item_id HAVING count(*) >= 2)
            SELECT l.item_id, l.actor, l.day, r.digest, r.view,
                   (SELECT CASE WHEN sum(n) = 1 THEN min(label) END FROM insights_labels c
                    WHERE c.hash = l.hash AND c.kind = 'class'),
                   coalesce(i.source, '')
            FROM latest l JOIN shared USING (item_id)
            LEFT JOIN review_answers r ON r.hash = l.hash
            LEFT JOIN insights_items i ON i.item_id = l.item_id
            ORDER BY l.item_id, l.actor""",
        (ids,),
    )
    found: dict[str, list[tuple[str, int, str | None, bytes | None, str | None, str]]] = {}
    for item, *rest in rows:
        found.setdefault(item, []).append(tuple(rest))
    out = []
    for item, answers in found.items():
        singles = sorted(x[4] for x in answers if x[4] is not None)
        out.append((
            item, max(x[1] for x in answers), _json([x[0] for x in answers]),
            int(agree([x[3] for x in answers], [x[2] for x in answers])),
            _json(singles) if len(singles) >= 2 else None, answers[0][5],
        ))  # fmt: skip
    conn.executemany("INSERT INTO insights_agreement VALUES (?, ?, ?, ?, ?, ?)", out)
