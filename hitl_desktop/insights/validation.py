"""Data validation summary: class balance, near-duplicates, outliers in import statistics.

- Class balance: labels of each item's latest answer, per kind, with the share of the most
  and least frequent label and their ratio.
- Near-duplicates: items import flagged as near-duplicates of earlier ones (close image
  hashes), and groups of texts equal up to case, punctuation and spacing (the
  ``item_fingerprints`` projection).
- Outliers: per import statistic, the robust z-score ``0.6745 (x - median) / MAD`` with
  ``|z| > 3.5`` (Iglewicz and Hoaglin); when more than half the values are equal (MAD 0) the
  interquartile fences ``[Q1 - 1.5 IQR, Q3 + 1.5 IQR]`` decide instead.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import numpy as np

from .query import equals, source_join
from .windows import NO_FILTER, Filters

Z_LIMIT = 3.5
_NUMERIC = ("width", "height", "brightness", "contrast", "characters", "words")


@dataclass(frozen=True, slots=True)
class ClassBalance:
    kind: str
    labels: tuple[str, ...]  # most frequent first
    counts: tuple[int, ...]
    items: int  # items whose latest answer has labels of this kind
    majority_share: float  # of all labels of this kind
    imbalance: float  # most frequent count / least frequent count


@dataclass(frozen=True, slots=True)
class NearDuplicates:
    items: int  # items considered
    flagged_at_import: int  # items import flagged as near-duplicates of earlier ones
    same_text_groups: int  # groups of two or more texts equal up to case and spacing
    same_text_items: int  # items in those groups


@dataclass(frozen=True, slots=True)
class Outlier:
    item_id: str
    value: float
    robust_z: float | None  # None when the fences decided (MAD 0)


@dataclass(frozen=True, slots=True)
class StatOutliers:
    stat: str
    n: int
    median: float
    mad: float
    count: int
    examples: tuple[Outlier, ...]  # the most extreme, at most ``examples``


@dataclass(frozen=True, slots=True)
class Validation:
    balance: tuple[ClassBalance, ...]
    near_duplicates: NearDuplicates
    outliers: tuple[StatOutliers, ...]


def class_balance(
    conn: sqlite3.Connection, filters: Filters = NO_FILTER
) -> tuple[ClassBalance, ...]:
    """Label counts over every item's latest answer, per kind."""
    source, params = equals("source", filters.source)
    rows = conn.execute(
        f"""SELECT kind, label, sum(n), 0 FROM insights_item_labels WHERE 1 {source}
            GROUP BY kind, label""",
        params,
    ).fetchall()
    items = dict(
        conn.execute(
            f"""SELECT kind, count(DISTINCT item_id) FROM insights_item_labels WHERE 1 {source}
                GROUP BY kind""",
            params,
        ).fetchall()
    )
    by_kind: dict[str, list[tuple[str, int]]] = {}
    for kind, label, n, _ in rows:
        by_kind.setdefault(kind, []).append((label, int(n)))
    out = []
    for kind in sorted(by_kind):
        ranked = sorted(by_kind[kind], key=lambda x: (-x[1], x[0]))
        counts = [n for _, n in ranked]
        out.append(ClassBalance(
            kind, tuple(x for x, _ in ranked), tuple(counts), int(items.get(kind, 0)),
            counts[0] / sum(counts), counts[0] / counts[-1],
        ))  # fmt: skip
    return tuple(out)


def near_duplicates(conn: sqlite3.Connection, filters: Filters = NO_FILTER) -> NearDuplicates:
    join, params = source_join(filters, "i.item_id")
    n, flagged = conn.execute(
        f"SELECT count(*), coalesce(sum(i.near_dups > 0), 0) FROM insights_items i {join}",
        params,
    ).fetchone()
    join_f, params_f = source_join(filters, "f.item_id")
    groups, members = conn.execute(
        f"""SELECT count(*), coalesce(sum(k), 0) FROM (
                SELECT count(*) AS k FROM item_fingerprints f {join_f}
                WHERE f.text_fp IS NOT NULL GROUP BY f.text_fp HAVING count(*) > 1)""",
        params_f,
    ).fetchone()
    return NearDuplicates(int(n), int(flagged), int(groups), int(members))


def robust_outliers(values: np.ndarray) -> tuple[np.ndarray, np.ndarray | None, float, float]:
    """Indices of outliers, their robust z-scores (None when the fences decided), the median
    and the MAD."""
    median = float(np.median(values))
    mad = float(np.median(np.abs(values - median)))
    if mad > 0:
        z = 0.6745 * (values - median) / mad
        found = np.flatnonzero(np.abs(z) > Z_LIMIT)
        return found, z[found], median, mad
    q1, q3 = np.quantile(values, [0.25, 0.75])
    iqr = q3 - q1
    found = np.flatnonzero((values < q1 - 1.5 * iqr) | (values > q3 + 1.5 * iqr))
    return found, None, median, mad


def stat_outliers(
    conn: sqlite3.Connection, filters: Filters = NO_FILTER, *, examples: int = 10
) -> tuple[StatOutliers, ...]:
    join, params = source_join(filters, "i.item_id")
    rows = conn.execute(
        f"SELECT i.item_id, {', '.join('i.' + n for n in _NUMERIC)} FROM insights_items i {join}",
        params,
    ).fetchall()
    if not rows:
        return ()
    ids = np.array([r[0] for r in rows], dtype=object)
    table = np.array([r[1:] for r in rows], dtype=float)
    out = []
    for k, name in enumerate(_NUMERIC):
        present = ~np.isnan(table[:, k])
        values, who = table[present, k], ids[present]
        if values.size < 3:
            continue
        found, z, median, mad = robust_outliers(values)
        extremity = np.abs(z) if z is not None else np.abs(values[found] - median)
        order = np.argsort(-extremity, kind="stable")[:examples]
        shown = tuple(
            Outlier(str(who[found[j]]), float(values[found[j]]),
                    float(z[j]) if z is not None else None)
            for j in order
        )  # fmt: skip
        out.append(StatOutliers(name, int(values.size), median, mad, int(found.size), shown))
    return tuple(out)


def validation_summary(conn: sqlite3.Connection, filters: Filters = NO_FILTER) -> Validation:
    return Validation(
        class_balance(conn, filters), near_duplicates(conn, filters), stat_outliers(conn, filters)
    )
