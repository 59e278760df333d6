"""Data validation summary: class balance, near-duplicates, outliers in import statistics.

- Class balance: labels of each item's latest answer, per kind, with the share of the most
  and least frequent label and their ratio.
- Near-duplicates: items import flagged as near-duplicates of earlier ones (close image
  hashes), and groups of texts equal up to case, punctuation and spacing (the
  ``item_fingerprints`` projection).
- Outliers: per import statistic, the robust z-score ``0.6745 (x - median) / MAD`` with
  ``|z| > 3.5`` (Iglewicz and Hoaglin); when more than half the values are equal (MAD 0) the
  interquartile fences ``[Q1 - 1.5 IQR, Q3 + 1.5 IQR]`` decide instead. The values are read
  one statistic at a time; the examples come from SQL once the limits are known.
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


def robust_limits(values: np.ndarray) -> tuple[float, float, float, float, bool]:
    """The median, the MAD, and the range outside which a value is an outlier: ``|z| > 3.5``
    for the robust z-score, or (MAD 0) the interquartile fences. The last value says whether
    the fences decided."""
    median = float(np.median(values))
    mad = float(np.median(np.abs(values - median)))
    if mad > 0:
        half = Z_LIMIT * mad / 0.6745
        return median, mad, median - half, median + half, False
    q1, q3 = (float(q) for q in np.quantile(values, [0.25, 0.75]))
    iqr = q3 - q1
    return median, mad, q1 - 1.5 * iqr, q3 + 1.5 * iqr, True


def stat_outliers(
    conn: sqlite3.Connection, filters: Filters = NO_FILTER, *, examples: int = 10
) -> tuple[StatOutliers, ...]:
    """Per import statistic: how many items lie outside its robust limits, and the most
    extreme of them."""
    join, params = source_join(filters, "i.item_id")
    out = []
    for name in _NUMERIC:
        cur = conn.execute(
            f"SELECT i.{name} FROM insights_items i {join} WHERE i.{name} IS NOT NULL", params
        )
        values = np.fromiter((r[0] for r in cur), dtype=float)
        if values.size < 3:
            continue
        median, mad, lo, hi, fences = robust_limits(values)
        count = int(np.count_nonzero((values < lo) | (values > hi)))
        rows = conn.execute(
            f"""SELECT i.item_id, i.{name} FROM insights_items i {join}
                WHERE i.{name} < ? OR i.{name} > ?
                ORDER BY abs(i.{name} - ?) DESC, i.item_id LIMIT ?""",
            [*params, lo, hi, median, examples],
        ).fetchall()
        shown = tuple(
            Outlier(str(item), float(x), None if fences else 0.6745 * (x - median) / mad)
            for item, x in rows
        )
        out.append(StatOutliers(name, int(values.size), median, mad, count, shown))
    return tuple(out)


def validation_summary(conn: sqlite3.Connection, filters: Filters = NO_FILTER) -> Validation:
    return Validation(
        class_balance(conn, filters), near_duplicates(conn, filters), stat_outliers(conn, filters)
    )
