"""Agreement per label: one-vs-rest kappa for classes, matched F1 and IoU for regions and spans,
and Krippendorff's alpha (interval) for numeric whole-item attributes.

Class labels: for label ``L`` and a pair, each item both gave class labels to becomes yes/no
("is ``L`` among the labels?") on each side, and Cohen's kappa is taken on those; overall,
the mean of the pairs' kappas (Light's kappa) and Krippendorff's alpha (nominal) on the same
yes/no values over all annotators. ``count_a``/``count_b`` count items given ``L`` and
``matched`` items both gave it, so ``f1`` is the positive agreement. Regions and spans: see
``tally`` (hits are same-label matches; overall rows sum every pair's counts).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from .agreement import cohen_kappa_counts, krippendorff_alpha_units
from .errors import ReviewError
from .pairs import PairWork
from .tally import Tally

LabelKind = Literal["class", "region", "span"]
_KIND_ORDER = {"class": 0, "region": 1, "span": 2}


@dataclass(frozen=True, slots=True)
class LabelAgreement:
    """One label's agreement for one annotator pair, or all pairs (``actor_a`` None)."""

    kind: LabelKind
    label: str
    actor_a: str | None
    actor_b: str | None
    # class: items both gave class labels (overall: items two or more did); regions and spans:
    # item comparisons where either side has the label (overall: summed over pairs)
    items: int
    count_a: int
    count_b: int
    matched: int
    f1: float | None
    kappa: float | None = None  # class labels: one-vs-rest Cohen's kappa (overall: mean of pairs)
    alpha: float | None = None  # class labels overall: Krippendorff's alpha on the yes/no values
    mean_iou: float | None = None  # regions: over same-label matches

    def sort_key(self) -> tuple[int, str, str, str]:
        return (_KIND_ORDER[self.kind], self.label, self.actor_a or "", self.actor_b or "")


@dataclass(frozen=True, slots=True)
class AttributeAgreement:
    """Krippendorff's alpha (interval) of a numeric attribute of the items' classification."""

    name: str
    items: int  # items where two or more annotators gave the attribute
    alpha: float | None


ClassUnits = Counter[tuple[frozenset[str], ...]]  # sorted class sets of one item's annotators


def _pair_class_rows(a: str, b: str, work: PairWork) -> list[LabelAgreement]:
    labels = sorted({x for pair in work.class_sets for side in pair for x in side})
    items = sum(work.class_sets.values())
    rows = []
    for label in labels:
        table: Counter[tuple[bool, bool]] = Counter()
        for (sa, sb), n in work.class_sets.items():
            table[(label in sa, label in sb)] += n
        count_a = table[(True, True)] + table[(True, False)]
        count_b = table[(True, True)] + table[(False, True)]
        rows.append(LabelAgreement(
            "class", label, a, b, items, count_a, count_b, table[(True, True)],
            f1=2 * table[(True, True)] / (count_a + count_b), kappa=cohen_kappa_counts(table),
        ))  # fmt: skip
    return rows


def _tally_rows(
    kind: LabelKind, a: str | None, b: str | None, tally: Tally
) -> list[LabelAgreement]:
    return [
        LabelAgreement(
            kind,
            label,
            a,
            b,
            tally.items[label],
            tally.total_a(label),
            tally.total_b(label),
            tally.matched(label),
            tally.f1(label),
            mean_iou=tally.mean_iou(label) if kind == "region" else None,
        )
        for label in tally.labels()
    ]


def _binary_alpha(label: str, units: ClassUnits) -> float | None:
    counts: Counter[tuple[bool, ...]] = Counter()
    for sets, n in units.items():
        counts[tuple(sorted(label in s for s in sets))] += n
    try:
        return krippendorff_alpha_units(counts)
    except ReviewError:
        return None


def label_agreement(
    works: Mapping[tuple[str, str], PairWork], class_units: ClassUnits
) -> tuple[LabelAgreement, ...]:
    """Every label's rows: per pair, and overall (actors None), in a fixed order."""
    rows: list[LabelAgreement] = []
    regions, spans = Tally(), Tally()
    for (a, b), work in sorted(works.items()):
        rows += _pair_class_rows(a, b, work)
        rows += _tally_rows("region", a, b, work.regions)
        rows += _tally_rows("span", a, b, work.spans)
        regions.add(work.regions)
        spans.add(work.spans)
    pair_class = [r for r in rows if r.kind == "class"]
    unit_count = sum(class_units.values())
    for label in sorted({r.label for r in pair_class}):
        mine = [r for r in pair_class if r.label == label]
        kappas = [r.kappa for r in mine if r.kappa is not None]
        count_a, count_b = sum(r.count_a for r in mine), sum(r.count_b for r in mine)
        matched = sum(r.matched for r in mine)
        rows.append(LabelAgreement(
            "class", label, None, None, unit_count, count_a, count_b, matched,
            f1=2 * matched / (count_a + count_b) if count_a + count_b else None,
            kappa=sum(kappas) / len(kappas) if kappas else None,
            alpha=_binary_alpha(label, class_units),
        ))  # fmt: skip
    rows += _tally_rows("region", None, None, regions)
    rows += _tally_rows("span", None, None, spans)
    return tuple(sorted(rows, key=LabelAgreement.sort_key))


def attribute_agreement(
    units: Mapping[str, Counter[tuple[float, ...]]],
) -> tuple[AttributeAgreement, ...]:
    """Interval alpha of each numeric attribute, by name."""
    out = []
    for name in sorted(units):
        try:
            alpha: float | None = krippendorff_alpha_units(units[name], level="interval")
        except ReviewError:  # no item where two annotators gave it
            alpha = None
        out.append(AttributeAgreement(name, sum(units[name].values()), alpha))
    return tuple(out)
