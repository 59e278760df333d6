"""Per-label counts of matched regions and spans between two answers, summed over items.

Regions (boxes, polygons) are paired by ``match_regions`` (Hungarian, IoU >= 0.5, labels
ignored so a relabelled box is one mismatch); spans by ``match_spans`` (same offsets first,
then any overlap). A pair is a hit for label ``L`` when both sides gave it ``L``. With
``a_L``, ``b_L`` the two sides' annotations of label ``L`` and ``m_L`` the hits,
``F1_L = 2 m_L / (a_L + b_L)``: the F1 of either side against the other (symmetric), the same
as scikit-learn's ``f1_score`` over the matched pairs plus one pair per unmatched annotation.
Mean IoU per label is over its hits.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..annotate.annotation import Annotation
from .answers import REGION_KINDS
from .fast import Matched
from .matching import RegionMatching, SpanMatching, match_regions, match_spans


@dataclass(slots=True)
class Tally:
    """Counts for one kind of annotation (regions or spans) over many item comparisons."""

    a: Counter[str] = field(default_factory=Counter)
    b: Counter[str] = field(default_factory=Counter)
    hits: Counter[str] = field(default_factory=Counter)
    iou: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    items: Counter[str] = field(default_factory=Counter)  # comparisons where a side has it

    def _count(self, a: list[str], b: list[str]) -> None:
        self.a.update(a)
        self.b.update(b)
        self.items.update(set(a) | set(b))

    def add_identical(self, labels: Sequence[str]) -> None:
        """Both sides gave the same annotations (``labels``): every one is a hit, IoU 1."""
        if not labels:
            return
        self.items.update(set(labels))
        for label in labels:
            self.a[label] += 1
            self.b[label] += 1
            self.hits[label] += 1
            self.iou[label] += 1.0

    def add_regions(self, xa: Sequence[Annotation], xb: Sequence[Annotation]) -> RegionMatching:
        ra = [x for x in xa if x.kind in REGION_KINDS]
        rb = [x for x in xb if x.kind in REGION_KINDS]
        self._count([x.label for x in ra], [x.label for x in rb])
        found = match_regions(ra, rb)
        for m in found.matches:
            if not m.label_mismatch:
                self.hits[m.label_a] += 1
                self.iou[m.label_a] += m.iou
        return found

    def add_fast_boxes(self, m: Matched) -> None:
        """Boxes of two views, matched (``fast``)."""
        if not m.a.boxes and not m.b.boxes:
            return
        self._count([x[1] for x in m.a.boxes], [x[1] for x in m.b.boxes])
        for i, j, iou in m.boxes:
            label = m.a.boxes[i][1]
            if label == m.b.boxes[j][1]:
                self.hits[label] += 1
                self.iou[label] += iou

    def add_fast_spans(self, m: Matched) -> None:
        if not m.a.spans and not m.b.spans:
            return
        self._count([x[1] for x in m.a.spans], [x[1] for x in m.b.spans])
        for i, j, _exact in m.spans:
            label = m.a.spans[i][1]
            if label == m.b.spans[j][1]:
                self.hits[label] += 1

    def add_spans(self, xa: Sequence[Annotation], xb: Sequence[Annotation]) -> SpanMatching:
        self._count(
            [x.label for x in xa if x.kind == "span"], [x.label for x in xb if x.kind == "span"]
        )
        found = match_spans(xa, xb)
        for m in found.matches:
            if not m.label_mismatch:
                self.hits[m.label_a] += 1
        return found

    def add(self, other: Tally) -> None:
        self.a.update(other.a)
        self.b.update(other.b)
        self.hits.update(other.hits)
        self.items.update(other.items)
        for label, value in other.iou.items():
            self.iou[label] += value

    def labels(self) -> list[str]:
        return sorted(set(self.a) | set(self.b))

    def total_a(self, label: str | None = None) -> int:
        return sum(self.a.values()) if label is None else self.a[label]

    def total_b(self, label: str | None = None) -> int:
        return sum(self.b.values()) if label is None else self.b[label]

    def matched(self, label: str | None = None) -> int:
        return sum(self.hits.values()) if label is None else self.hits[label]

    def f1(self, label: str | None = None) -> float | None:
        """F1 of label ``label`` (all labels together when None); None when neither side has
        any such annotation."""
        total = self.total_a(label) + self.total_b(label)
        return 2 * self.matched(label) / total if total else None

    def mean_iou(self, label: str | None = None) -> float | None:
        """Mean IoU of the hits (same-label matched regions); None without hits."""
        hits = self.matched(label)
        if not hits:
            return None
        total = sum(self.iou.values()) if label is None else self.iou[label]
        return total / hits
