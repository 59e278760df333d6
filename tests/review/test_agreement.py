"""Agreement metrics against scikit-learn, the ``krippendorff`` package and worked examples."""

from __future__ import annotations

import math
import warnings
from collections import Counter

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from hitl_desktop.review.agreement import (
    cohen_kappa,
    cohen_kappa_counts,
    fleiss_kappa,
    fleiss_kappa_counts,
    krippendorff_alpha,
    krippendorff_alpha_units,
)
from hitl_desktop.review.errors import ReviewError


def test_cohen_textbook_example_is_0_4() -> None:
    # 50 proposals: both yes 20, A yes / B no 5, A no / B yes 10, both no 15 -> p_o .7, p_e .5
    a = ["yes"] * 20 + ["yes"] * 5 + ["no"] * 10 + ["no"] * 15
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4, abs=1e-12)
    assert cohen_kappa(a, b) == pytest.approx(cohen_kappa_score(a, b), abs=1e-9)


@pytest.mark.parametrize("seed", range(20))
def test_cohen_matches_sklearn_on_random_labels(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 200))
    labels = ["cat", "dog", "bird", "fish"][: int(rng.integers(2, 5))]
    a = list(rng.choice(labels, n))
    # the second rater copies the first most of the time, so kappa spans a useful range
    b = [x if rng.random() < rng.random() else str(rng.choice(labels)) for x in a]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = cohen_kappa_score(a, b)
    if math.isnan(ref):
        assert cohen_kappa(a, b) == 1.0
    else:
        assert cohen_kappa(a, b) == pytest.approx(ref, abs=1e-9)


def test_cohen_unanimous_single_label_is_one_where_sklearn_gives_nan() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert math.isnan(cohen_kappa_score(["a", "a"], ["a", "a"]))
    assert cohen_kappa(["a", "a"], ["a", "a"]) == 1.0
    assert cohen_kappa(["a", "b"], ["a", "a"]) == 0.0


def test_cohen_rejects_unequal_raters_naming_counts() -> None:
    with pytest.raises(ReviewError, match="3 and 2"):
        cohen_kappa(["a", "b", "a"], ["a", "b"])
    with pytest.raises(ReviewError, match="at least one item"):
        cohen_kappa([], [])


# Fleiss (1971) as worked on Wikipedia: 10 items, 14 raters, 5 categories.
FLEISS_TABLE = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def test_fleiss_worked_example_is_0_210() -> None:
    # P_bar = 0.378022, P_e = 0.212755 (hand-worked): kappa = (P_bar - P_e) / (1 - P_e)
    p_e = 0.143**2 + 0.200**2 + 0.279**2 + 0.150**2 + 0.229**2
    assert p_e == pytest.approx(0.2128, abs=1e-3)
    kappa = fleiss_kappa_counts(FLEISS_TABLE)
    assert round(kappa, 3) == 0.210
    assert kappa == pytest.approx((0.378022 - 0.212755) / (1 - 0.212755), abs=1e-5)


def test_fleiss_from_label_lists_equals_table_and_cohen_form_for_two_raters() -> None:
    labels = ["a", "b", "c", "d", "e"]
    ratings = [[labels[j] for j, c in enumerate(row) for _ in range(c)] for row in FLEISS_TABLE]
    assert fleiss_kappa(ratings) == pytest.approx(fleiss_kappa_counts(FLEISS_TABLE), abs=1e-12)
    assert fleiss_kappa([["x"] * 3, ["x"] * 3]) == 1.0


def test_fleiss_rejects_items_with_different_rating_counts() -> None:
    with pytest.raises(ReviewError, match="item 1 has 2, item 0 has 3"):
        fleiss_kappa([["a", "b", "a"], ["a", "b"]])


def test_krippendorff_canonical_example_matches_package() -> None:
    nan = np.nan
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
        [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
    ]
    for level in ("nominal", "interval"):
        ref = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
        ours = krippendorff_alpha([[None if math.isnan(v) else v for v in r] for r in data], level)
        assert ours == pytest.approx(ref, abs=1e-9)
    assert krippendorff_alpha(data, "nominal") == pytest.approx(0.743, abs=1e-3)


@pytest.mark.parametrize("seed", range(15))
@pytest.mark.parametrize("level", ["nominal", "interval"])
def test_krippendorff_matches_package_with_missing_values(seed: int, level: str) -> None:
    rng = np.random.default_rng(seed)
    raters, units = int(rng.integers(2, 6)), int(rng.integers(3, 40))
    truth = rng.integers(1, 6, units).astype(float)
    data = np.where(rng.random((raters, units)) < 0.7, truth, rng.integers(1, 6, (raters, units)))
    data = np.where(rng.random((raters, units)) < 0.25, np.nan, data)
    try:
        ref = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
    except ValueError:  # one value throughout: the package refuses; we document 1.0
        assert krippendorff_alpha(data.tolist(), level) == 1.0  # type: ignore[arg-type]
        return
    assert krippendorff_alpha(data.tolist(), level) == pytest.approx(ref, abs=1e-9)  # type: ignore[arg-type]


def test_krippendorff_edge_cases() -> None:
    assert krippendorff_alpha([["a", "a"], ["a", "a"]]) == 1.0
    with pytest.raises(ReviewError, match="two or more values"):
        krippendorff_alpha([["a", None], [None, "b"]])
    with pytest.raises(ReviewError, match="unit 0 has 'x'"):
        krippendorff_alpha([["x", 1], [2, 1]], "interval")
    with pytest.raises(ReviewError, match="rater 1 rated 1 units"):
        krippendorff_alpha([["a", "b"], ["a"]])


@pytest.mark.parametrize("seed", range(10))
def test_cohen_from_a_contingency_table_matches_sklearn(seed: int) -> None:
    rng = np.random.default_rng(100 + seed)
    n = int(rng.integers(5, 300))
    a = list(rng.choice(["x", "y", "z"], n))
    b = [v if rng.random() < 0.6 else str(rng.choice(["x", "y", "z"])) for v in a]
    table: Counter[tuple[str, str]] = Counter(zip(a, b, strict=True))
    assert cohen_kappa_counts(table) == pytest.approx(cohen_kappa_score(a, b), abs=1e-9)


def test_cohen_table_hand_worked_and_refusals() -> None:
    # yes/yes 20, yes/no 5, no/yes 10, no/no 15: p_o 0.7, p_e 0.5, kappa 0.4
    table = {("yes", "yes"): 20, ("yes", "no"): 5, ("no", "yes"): 10, ("no", "no"): 15}
    assert cohen_kappa_counts(table) == pytest.approx(0.4, abs=1e-12)
    assert cohen_kappa_counts({(True, True): 7}) == 1.0  # one category throughout
    with pytest.raises(ReviewError, match="at least one item"):
        cohen_kappa_counts({})
    with pytest.raises(ReviewError, match="negative"):
        cohen_kappa_counts({("a", "a"): -1})


@pytest.mark.parametrize("seed", range(10))
@pytest.mark.parametrize("level", ["nominal", "interval"])
def test_krippendorff_from_unit_counts_matches_package(seed: int, level: str) -> None:
    """Units given as value lists with counts give the package's alpha on the expanded data."""
    rng = np.random.default_rng(200 + seed)
    raters, units = int(rng.integers(2, 5)), int(rng.integers(5, 200))
    truth = rng.integers(1, 4, units).astype(float)
    data = np.where(rng.random((raters, units)) < 0.75, truth, rng.integers(1, 4, (raters, units)))
    data = np.where(rng.random((raters, units)) < 0.2, np.nan, data)
    counts: Counter[tuple[float, ...]] = Counter(
        tuple(sorted(v for v in data[:, u] if not math.isnan(v))) for u in range(units)
    )
    assert sum(counts.values()) == units and len(counts) < units  # repeated value lists
    try:
        ref = krippendorff.alpha(reliability_data=data, level_of_measurement=level)
    except ValueError:
        assert krippendorff_alpha_units(counts, level) == 1.0  # type: ignore[arg-type]
        return
    assert krippendorff_alpha_units(counts, level) == pytest.approx(ref, abs=1e-9)  # type: ignore[arg-type]


def test_krippendorff_interval_hand_worked_and_large_values() -> None:
    # two raters, units (1, 2) and (3, 3): o = {1-2: 1, 2-1: 1, 3-3: 2}, n = 4,
    # D_o = 2 * 1 = 2, D_e = sum n_c n_k (c - k)^2 = 2 * (1*1*1 + 1*2*4 + 1*2*1) = 22
    # alpha = 1 - (n - 1) D_o / D_e = 1 - 3 * 2 / 22 = 8 / 11
    assert krippendorff_alpha([[1, 3], [2, 3]], "interval") == pytest.approx(8 / 11, abs=1e-12)
    assert krippendorff_alpha_units({(1, 2): 1, (3, 3): 1}, "interval") == pytest.approx(8 / 11)
    # a shift by a million changes nothing (the closed form is centred)
    shifted = {(1e6 + 1, 1e6 + 2): 1, (1e6 + 3, 1e6 + 3): 1}
    assert krippendorff_alpha_units(shifted, "interval") == pytest.approx(8 / 11, abs=1e-9)
    with pytest.raises(ReviewError, match="negative"):
        krippendorff_alpha_units({(1, 2): -1})
    with pytest.raises(ReviewError, match="two or more values"):
        krippendorff_alpha_units({(1,): 5})
