"""Inter-annotator agreement: Cohen's kappa, Fleiss' kappa and Krippendorff's alpha.

Checked against scikit-learn's ``cohen_kappa_score`` and the ``krippendorff`` package to 1e-9.
One deliberate difference: when every rating is the same single category, chance agreement is
total and the usual formulas divide zero by zero (scikit-learn returns nan, ``krippendorff``
raises). Here the raters agree perfectly, so all three return 1.0: a review queue ranks by
agreement and must not rank unanimous items as unknown.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Literal, TypeVar

from .errors import ReviewError

Level = Literal["nominal", "interval"]
H = TypeVar("H", bound=Hashable)


def cohen_kappa(rater_a: Sequence[Hashable], rater_b: Sequence[Hashable]) -> float:
    """Cohen's kappa for two raters labelling the same items (nominal categories).

    ``kappa = (p_o - p_e) / (1 - p_e)`` where ``p_o`` is the share of items both gave the same
    label and ``p_e = sum_c p_a(c) * p_b(c)`` the agreement expected by chance from each rater's
    own label shares. Returns 1.0 when ``p_e == 1`` (both gave one and the same label to every
    item; scikit-learn gives nan). Raises ``ReviewError`` for no items or unequal lengths.
    """
    if len(rater_a) != len(rater_b):
        raise ReviewError(
            f"Cohen's kappa needs both raters to rate the same items: got {len(rater_a)} "
            f"and {len(rater_b)} ratings"
        )
    n = len(rater_a)
    if n == 0:
        raise ReviewError("Cohen's kappa needs at least one item rated by both raters")
    observed = sum(a == b for a, b in zip(rater_a, rater_b, strict=True)) / n
    count_a, count_b = Counter(rater_a), Counter(rater_b)
    expected = sum(count_a[c] * count_b[c] for c in count_a) / (n * n)
    if expected >= 1.0:
        return 1.0
    return (observed - expected) / (1.0 - expected)


def cohen_kappa_counts(table: Mapping[tuple[H, H], int]) -> float:
    """Cohen's kappa from a contingency table: ``table[(a, b)]`` items rater A put in ``a``
    and rater B in ``b``. The same as ``cohen_kappa`` on the items the table counts, without
    listing them (a 100,000-item project has few distinct pairs). Raises ``ReviewError`` for
    an empty table or a negative count."""
    if any(n < 0 for n in table.values()):
        raise ReviewError("a contingency table cannot hold negative counts")
    n = sum(table.values())
    if n == 0:
        raise ReviewError("Cohen's kappa needs at least one item rated by both raters")
    observed = sum(c for (a, b), c in table.items() if a == b) / n
    count_a: Counter[Hashable] = Counter()
    count_b: Counter[Hashable] = Counter()
    for (a, b), c in table.items():
        count_a[a] += c
        count_b[b] += c
    expected = sum(count_a[c] * count_b[c] for c in count_a) / (n * n)
    if expected >= 1.0:
        return 1.0
    return (observed - expected) / (1.0 - expected)


def fleiss_kappa_counts(counts: Sequence[Sequence[int]]) -> float:
    """Fleiss' kappa from a table: ``counts[i][j]`` raters put item ``i`` in category ``j``.

    Every item needs the same number of ratings ``n >= 2``. With ``N`` items,
    ``P_i = (sum_j n_ij^2 - n) / (n (n - 1))``, ``P_bar = mean P_i``,
    ``p_j = sum_i n_ij / (N n)``, ``P_e = sum_j p_j^2`` and
    ``kappa = (P_bar - P_e) / (1 - P_e)``. Returns 1.0 when ``P_e == 1`` (all ratings in one
    category). Raises ``ReviewError`` naming the first item whose rating count differs.
    """
    if not counts:
        raise ReviewError("Fleiss' kappa needs at least one rated item")
    n = sum(counts[0])
    if n < 2:
        raise ReviewError(f"Fleiss' kappa needs at least 2 ratings per item; item 0 has {n}")
    width = len(counts[0])
    for i, row in enumerate(counts):
        if len(row) != width or any(c < 0 for c in row):
            raise ReviewError(f"item {i} has {len(row)} category counts, expected {width}")
        if sum(row) != n:
            raise ReviewError(
                f"Fleiss' kappa needs the same number of ratings per item: item {i} has "
                f"{sum(row)}, item 0 has {n}"
            )
    big_n = len(counts)
    p_bar = sum((sum(c * c for c in row) - n) / (n * (n - 1)) for row in counts) / big_n
    p_e = sum((sum(row[j] for row in counts) / (big_n * n)) ** 2 for j in range(width))
    if p_e >= 1.0:
        return 1.0
    return (p_bar - p_e) / (1.0 - p_e)


def fleiss_kappa(ratings: Sequence[Sequence[Hashable]]) -> float:
    """Fleiss' kappa from each item's list of labels (one per rater; order does not matter)."""
    categories = sorted({label for item in ratings for label in item}, key=repr)
    table = []
    for item in ratings:
        tally = Counter(item)
        table.append([tally[c] for c in categories])
    return fleiss_kappa_counts(table)


def _distance(a: Hashable, b: Hashable, level: Level) -> float:
    if level == "nominal":
        return 0.0 if a == b else 1.0
    return (float(a) - float(b)) ** 2  # type: ignore[arg-type]


def krippendorff_alpha(
    reliability_data: Sequence[Sequence[Hashable | None]], level: Level = "nominal"
) -> float:
    """Krippendorff's alpha; rows are raters, columns units, ``None`` (or nan) is missing.

    Only units with two or more values count. The coincidence matrix is
    ``o_ck = sum_u (number of ordered pairs (c, k) of values in u) / (m_u - 1)`` with ``m_u``
    the values in unit ``u``; ``n_c = sum_k o_ck`` and ``n = sum_c n_c``. Then
    ``alpha = 1 - (n - 1) * sum o_ck d(c, k) / sum n_c n_k d(c, k)`` where ``d`` is 0/1
    (nominal) or ``(c - k)^2`` (interval). Returns 1.0 when the expected disagreement is 0 (one
    value throughout; ``krippendorff`` raises). Raises ``ReviewError`` when no unit has two
    values, when rows differ in length, or when interval data is not numeric.
    """
    _check_level(level)
    if not reliability_data:
        raise ReviewError("Krippendorff's alpha needs at least one rater")
    units = len(reliability_data[0])
    for r, row in enumerate(reliability_data):
        if len(row) != units:
            raise ReviewError(f"rater {r} rated {len(row)} units, rater 0 rated {units}")
    columns = (
        (u, [row[u] for row in reliability_data if not _missing(row[u])], 1) for u in range(units)
    )
    return _alpha(columns, level)


def krippendorff_alpha_units(units: Mapping[tuple[H, ...], int], level: Level = "nominal") -> float:
    """Krippendorff's alpha from unit value lists and how many units have each.

    ``units[(v1, v2, ...)] = k``: ``k`` units received exactly the values ``v1, v2, ...``
    (missing ratings left out, order irrelevant). The same figure as ``krippendorff_alpha`` on
    those units, but linear in the number of distinct value lists, which keeps a report over
    100,000 items fast. Raises ``ReviewError`` like ``krippendorff_alpha``.
    """
    _check_level(level)
    if any(k < 0 for k in units.values()):
        raise ReviewError("a unit count cannot be negative")
    columns = (
        (i, [v for v in values if not _missing(v)], k)
        for i, (values, k) in enumerate(units.items())
    )
    return _alpha(columns, level)


def _check_level(level: str) -> None:
    if level not in ("nominal", "interval"):
        raise ReviewError(f"level must be 'nominal' or 'interval', got {level!r}")


def _alpha(columns: Iterable[tuple[int, Sequence[Hashable], int]], level: Level) -> float:
    """Alpha over (unit number, its values, how many such units) triples."""
    coincidence: defaultdict[tuple[Hashable, Hashable], float] = defaultdict(float)
    for u, values, weight in columns:
        if level == "interval":
            for v in values:
                if isinstance(v, bool) or not isinstance(v, int | float):
                    raise ReviewError(f"interval data must be numbers; unit {u} has {v!r}")
        m = len(values)
        if m < 2 or weight == 0:
            continue
        for i, a in enumerate(values):
            for j, b in enumerate(values):
                if i != j:
                    coincidence[(a, b)] += weight / (m - 1)
    if not coincidence:
        raise ReviewError("Krippendorff's alpha needs at least one unit with two or more values")
    totals: defaultdict[Hashable, float] = defaultdict(float)
    for (a, _b), w in coincidence.items():
        totals[a] += w
    n = sum(totals.values())
    observed = sum(w * _distance(a, b, level) for (a, b), w in coincidence.items())
    expected = _expected(totals, n, level)
    if expected == 0.0:
        return 1.0
    return 1.0 - (n - 1) * observed / expected


def _expected(totals: Mapping[Hashable, float], n: float, level: Level) -> float:
    """``sum_c sum_k n_c n_k d(c, k)`` in closed form, linear in the distinct values (a
    numeric attribute over 100,000 items may have as many): ``n^2 - sum n_c^2`` (nominal) and
    ``2 n sum n_c (c - mean)^2`` (interval, centred for accuracy)."""
    if level == "nominal":
        return n * n - sum(w * w for w in totals.values())
    numbers = {float(c): w for c, w in totals.items()}  # type: ignore[arg-type]
    mean = sum(w * c for c, w in numbers.items()) / n
    return 2.0 * n * sum(w * (c - mean) ** 2 for c, w in numbers.items())


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)
