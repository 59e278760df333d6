"""Distribution shift between a reference window and the current one.

- Labels: the labels of the items whose latest answer was saved in a window, per kind (class
  labels, boxes, spans...): population stability index (PSI) and Pearson's chi-square test of the
  2 x K table of counts, with its p-value.
- Inputs: the statistics recorded at import (image width, height, brightness, contrast; text
  characters and words; the main script of a text): PSI over ten bins cut at the reference
  window's deciles (numbers) or over the categories (script), with means and medians.

``PSI = sum_i (c_i - r_i) * ln(c_i / r_i)`` over bins, where ``r_i`` and ``c_i`` are the
reference and current shares of bin ``i``; a share of 0 counts as ``EPSILON`` so an empty bin
gives a large but finite term. Common reading: < 0.1 stable, 0.1-0.2 a moderate shift,
> 0.2 a significant one (the default alarm). No alarm is raised when either window has fewer
than ``min_samples`` items: the result says so and gives the sample sizes.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.stats import chi2_contingency

from .query import equals, source_join
from .windows import NO_FILTER, Filters, Period, Window

EPSILON = 1e-4
_NUMERIC = ("width", "height", "brightness", "contrast", "characters", "words")


@dataclass(frozen=True, slots=True)
class DriftThresholds:
    psi: float = 0.2  # alarm above this PSI
    min_samples: int = 30  # items needed in each window before any alarm


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether a shift is alarming, and why not when it cannot be told."""

    alarm: bool
    note: str  # "PSI 0.31 > 0.2", "stable (PSI 0.04)", "too few samples (n=12 < 30)"


def psi(reference: Sequence[float], current: Sequence[float]) -> float:
    """Population stability index of two histograms over the same bins (counts or shares)."""
    if len(reference) != len(current):
        raise ValueError("PSI needs both histograms over the same bins")
    r_total, c_total = float(sum(reference)), float(sum(current))
    if r_total <= 0 or c_total <= 0:
        raise ValueError("PSI needs a non-empty histogram on both sides")
    out = 0.0
    for r, c in zip(reference, current, strict=True):
        rs, cs = max(r / r_total, EPSILON), max(c / c_total, EPSILON)
        out += (cs - rs) * math.log(cs / rs)
    return out


def chi_square(reference: Sequence[int], current: Sequence[int]) -> tuple[float, float, int]:
    """Pearson's chi-square test of independence of window and category (no continuity
    correction): statistic, p-value, degrees of freedom. Categories empty on both sides are
    dropped; with fewer than two categories left there is nothing to test (0, 1, 0)."""
    cols = [(r, c) for r, c in zip(reference, current, strict=True) if r or c]
    if len(cols) < 2 or not any(r for r, _ in cols) or not any(c for _, c in cols):
        return 0.0, 1.0, 0
    table = np.array([[r for r, _ in cols], [c for _, c in cols]], dtype=float)
    result = chi2_contingency(table, correction=False)
    return float(result.statistic), float(result.pvalue), int(result.dof)


def verdict(
    value: float | None, n_reference: int, n_current: int, thresholds: DriftThresholds
) -> Verdict:
    smallest = min(n_reference, n_current)
    if smallest < thresholds.min_samples:
        return Verdict(
            False,
            f"too few samples (n={smallest} < {thresholds.min_samples}): no alarm either way",
        )
    if value is None:
        return Verdict(False, "nothing to compare")
    if value > thresholds.psi:
        return Verdict(True, f"shifted: PSI {value:.3f} > {thresholds.psi}")
    return Verdict(False, f"stable: PSI {value:.3f} <= {thresholds.psi}")


@dataclass(frozen=True, slots=True)
class LabelDrift:
    kind: str  # class, box, span, ...
    labels: tuple[str, ...]
    reference: tuple[int, ...]  # label counts, in ``labels`` order
    current: tuple[int, ...]
    n_reference: int  # items with an answer of this kind in the window
    n_current: int
    psi: float | None  # None when a window has no such label at all
    chi2: float | None
    p_value: float | None
    dof: int
    alarm: bool
    note: str


def _label_counts(
    conn: sqlite3.Connection, window: Window, filters: Filters
) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    """Per kind: label counts over the items whose latest answer was saved in ``window``, and
    how many items that is."""
    source, s_params = equals("source", filters.source)
    person, p_params = equals("actor", filters.person)
    args = [window.first, window.last, *s_params, *p_params]
    where = f"day BETWEEN ? AND ? {source} {person}"
    counts: dict[str, dict[str, int]] = {}
    for kind, label, n in conn.execute(
        f"SELECT kind, label, sum(n) FROM insights_item_labels WHERE {where} GROUP BY kind, label",
        args,
    ):
        counts.setdefault(kind, {})[label] = int(n)
    items = {
        str(kind): int(n)
        for kind, n in conn.execute(
            f"""SELECT kind, count(DISTINCT item_id) FROM insights_item_labels WHERE {where}
                GROUP BY kind""",
            args,
        )
    }
    return counts, items


def label_drift(
    conn: sqlite3.Connection,
    period: Period,
    filters: Filters = NO_FILTER,
    thresholds: DriftThresholds = DriftThresholds(),
) -> tuple[LabelDrift, ...]:
    """Label distribution shift per annotation kind (the label filter does not apply: a
    distribution of one label cannot shift)."""
    ref, ref_items = _label_counts(conn, period.reference, filters)
    cur, cur_items = _label_counts(conn, period.current, filters)
    out = []
    for kind in sorted(set(ref) | set(cur)):
        r, c = ref.get(kind, {}), cur.get(kind, {})
        labels = tuple(sorted(set(r) | set(c)))
        rv = tuple(r.get(x, 0) for x in labels)
        cv = tuple(c.get(x, 0) for x in labels)
        n_ref, n_cur = ref_items.get(kind, 0), cur_items.get(kind, 0)
        value = psi(rv, cv) if sum(rv) and sum(cv) else None
        stat, p, dof = chi_square(rv, cv)
        v = verdict(value, n_ref, n_cur, thresholds)
        tested = value is not None and dof > 0
        out.append(LabelDrift(
            kind, labels, rv, cv, n_ref, n_cur, value, stat if tested else None,
            p if tested else None, dof, v.alarm, v.note,
        ))  # fmt: skip
    return tuple(out)


@dataclass(frozen=True, slots=True)
class InputDrift:
    stat: str  # width, height, brightness, contrast, characters, words, script
    n_reference: int
    n_current: int
    mean_reference: float | None  # None for the script (categories)
    mean_current: float | None
    median_reference: float | None
    median_current: float | None
    bins: tuple[str, ...]  # bin edges or categories
    reference: tuple[int, ...]  # counts per bin
    current: tuple[int, ...]
    psi: float | None
    alarm: bool
    note: str


def _numbers(conn: sqlite3.Connection, window: Window, filters: Filters) -> dict[str, np.ndarray]:
    join, params = source_join(filters, "i.item_id")
    rows = conn.execute(
        f"""SELECT {", ".join("i." + n for n in _NUMERIC)} FROM insights_items i {join}
            WHERE i.day BETWEEN ? AND ?""",
        [*params, window.first, window.last],
    ).fetchall()
    table = np.array(rows, dtype=float).reshape(len(rows), len(_NUMERIC))
    return {name: table[:, k][~np.isnan(table[:, k])] for k, name in enumerate(_NUMERIC)}


def _scripts(conn: sqlite3.Connection, window: Window, filters: Filters) -> dict[str, int]:
    join, params = source_join(filters, "i.item_id")
    return {
        str(s): int(n)
        for s, n in conn.execute(
            f"""SELECT i.script, count(*) FROM insights_items i {join}
                WHERE i.day BETWEEN ? AND ? AND i.script IS NOT NULL GROUP BY i.script""",
            [*params, window.first, window.last],
        )
    }


def binned(reference: np.ndarray, current: np.ndarray) -> tuple[list[float], list[int], list[int]]:
    """Edges at the reference's deciles (distinct ones) and both sides' counts per bin (bin
    ``k`` holds ``edges[k-1] <= x < edges[k]``); the outer bins are open, so values beyond
    the reference's range still count."""
    edges = sorted(set(np.quantile(reference, np.linspace(0.1, 0.9, 9)).tolist()))
    r = np.bincount(np.searchsorted(edges, reference, side="right"), minlength=len(edges) + 1)
    c = np.bincount(np.searchsorted(edges, current, side="right"), minlength=len(edges) + 1)
    return edges, r.tolist(), c.tolist()


def _numeric_drift(
    name: str, ref: np.ndarray, cur: np.ndarray, thresholds: DriftThresholds
) -> InputDrift:
    def mean(a: np.ndarray) -> float | None:
        return float(a.mean()) if a.size else None

    def median(a: np.ndarray) -> float | None:
        return float(np.median(a)) if a.size else None

    if ref.size and cur.size:
        edges, rv, cv = binned(ref, cur)
        value: float | None = psi(rv, cv)
        bins = (*(f"< {e:g}" for e in edges), f">= {edges[-1]:g}" if edges else "all")
    else:
        rv, cv, value, bins = [], [], None, ()
    v = verdict(value, int(ref.size), int(cur.size), thresholds)
    return InputDrift(
        name, int(ref.size), int(cur.size), mean(ref), mean(cur), median(ref), median(cur),
        bins, tuple(rv), tuple(cv), value, v.alarm, v.note,
    )  # fmt: skip


def _category_drift(
    name: str, ref: Mapping[str, int], cur: Mapping[str, int], thresholds: DriftThresholds
) -> InputDrift:
    cats = tuple(sorted(set(ref) | set(cur)))
    rv, cv = tuple(ref.get(x, 0) for x in cats), tuple(cur.get(x, 0) for x in cats)
    value = psi(rv, cv) if sum(rv) and sum(cv) else None
    v = verdict(value, sum(rv), sum(cv), thresholds)
    return InputDrift(
        name, sum(rv), sum(cv), None, None, None, None, cats, rv, cv, value, v.alarm, v.note
    )


def input_drift(
    conn: sqlite3.Connection,
    period: Period,
    filters: Filters = NO_FILTER,
    thresholds: DriftThresholds = DriftThresholds(),
) -> tuple[InputDrift, ...]:
    """Shift of each import statistic between the windows (items by their import day;
    statistics no item recorded are left out)."""
    ref, cur = _numbers(conn, period.reference, filters), _numbers(conn, period.current, filters)
    out = [
        _numeric_drift(name, ref[name], cur[name], thresholds)
        for name in _NUMERIC
        if ref[name].size or cur[name].size
    ]
    rs, cs = _scripts(conn, period.reference, filters), _scripts(conn, period.current, filters)
    if rs or cs:
        out.append(_category_drift("script", rs, cs, thresholds))
    return tuple(out)
