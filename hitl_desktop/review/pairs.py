"""What two annotators' answers share, item by item, summed per annotator pair.

``PairWork`` collects one pair's comparisons; identical answers (same ``answer_key``) are
summarised from their raw JSON without parsing, the rest are parsed once and matched.
``PairAgreement`` is the pair's row of the agreement report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..annotate.annotation import Annotation
from .agreement import cohen_kappa_counts
from .answers import Answer, class_set, labels_of, single_label
from .fast import Matched, View, strict_span_f1
from .matching import match_regions, span_f1
from .tally import Tally


@dataclass(frozen=True, slots=True)
class PairAgreement:
    """Agreement of two actors over the items both annotated; None where nothing to compare."""

    actor_a: str
    actor_b: str
    items: int  # items both annotated
    class_items: int  # of those, items both gave a single class label
    kappa: float | None
    regions_a: int
    regions_b: int
    matched_regions: int
    mean_iou: float | None  # over matched boxes/polygons
    matched_share: float | None  # 2 * matched / (regions_a + regions_b)
    span_items: int  # items where either actor marked spans
    span_f1: float | None  # mean over those items, actor_a as reference
    matched_lines: int
    mean_cer: float | None  # over matched OCR lines, actor_a as reference


ClassPair = tuple[frozenset[str], frozenset[str]]


@dataclass(slots=True)
class PairWork:
    """One annotator pair's running counts."""

    items: int = 0
    single: Counter[tuple[str, str]] = field(default_factory=Counter)  # single class labels
    class_sets: Counter[ClassPair] = field(default_factory=Counter)  # both gave class labels
    ious: list[float] = field(default_factory=list)  # every matched region, any label
    cers: list[float] = field(default_factory=list)
    span_f1s: list[float] = field(default_factory=list)
    regions: Tally = field(default_factory=Tally)
    spans: Tally = field(default_factory=Tally)

    def add_identical(self, a: Answer) -> None:
        """Both gave ``a``'s answer (ids aside)."""
        self.items += 1
        label = single_label(a.raw)
        if label is not None:
            self.single[(label, label)] += 1
        classes = class_set(a.raw)
        if classes:
            self.class_sets[(classes, classes)] += 1
        regions = labels_of(a.raw, ("box", "polygon"))
        self.ious.extend([1.0] * len(regions))
        self.regions.add_identical(regions)
        self.cers.extend([0.0] * len(labels_of(a.raw, ("ocr_line",))))
        spans = labels_of(a.raw, ("span",))
        if spans:
            self.span_f1s.append(1.0)
            self.spans.add_identical(spans)

    def add_same_view(self, v: View) -> None:
        """Both gave the labels, boxes and spans of view ``v``."""
        self.items += 1
        if v.single is not None:
            self.single[(v.single, v.single)] += 1
        if v.classes:
            self.class_sets[(v.classes, v.classes)] += 1
        self.ious.extend([1.0] * len(v.boxes))
        self.regions.add_identical([b[1] for b in v.boxes])
        if v.spans:
            self.span_f1s.append(1.0)
            self.spans.add_identical([x[1] for x in v.spans])

    def add_fast(self, m: Matched) -> None:
        """Two answers of class labels, boxes and spans that differ, matched from raw JSON."""
        self.items += 1
        a, b = m.a, m.b
        if a.single is not None and b.single is not None:
            self.single[(a.single, b.single)] += 1
        if a.classes and b.classes:
            self.class_sets[(a.classes, b.classes)] += 1
        self.ious.extend(iou for _, _, iou in m.boxes)
        self.regions.add_fast_boxes(m)
        if a.spans or b.spans:
            self.span_f1s.append(strict_span_f1(a.spans, b.spans))
            self.spans.add_fast_spans(m)

    def add_different(self, a: Answer, b: Answer) -> None:
        """``a`` and ``b`` differ somewhere: parse (cached) and match."""
        self.items += 1
        la, lb = single_label(a.raw), single_label(b.raw)
        if la is not None and lb is not None:
            self.single[(la, lb)] += 1
        ca, cb = class_set(a.raw), class_set(b.raw)
        if ca and cb:
            self.class_sets[(ca, cb)] += 1
        xa, xb = a.annotations(), b.annotations()
        self.ious.extend(m.iou for m in self.regions.add_regions(xa, xb).matches)
        lines = match_regions(_of_kind(xa, "ocr_line"), _of_kind(xb, "ocr_line"))
        self.cers.extend(m.cer for m in lines.matches if m.cer is not None)
        sa, sb = _of_kind(xa, "span"), _of_kind(xb, "span")
        if sa or sb:
            self.span_f1s.append(span_f1(sa, sb).f1)
            self.spans.add_spans(sa, sb)

    def kappa(self) -> float | None:
        return cohen_kappa_counts(self.single) if self.single else None

    def agreement(self, a: str, b: str) -> PairAgreement:
        regions_a, regions_b = self.regions.total_a(), self.regions.total_b()
        total = regions_a + regions_b
        return PairAgreement(
            actor_a=a, actor_b=b, items=self.items, class_items=sum(self.single.values()),
            kappa=self.kappa(), regions_a=regions_a, regions_b=regions_b,
            matched_regions=len(self.ious), mean_iou=_mean(self.ious),
            matched_share=2 * len(self.ious) / total if total else None,
            span_items=len(self.span_f1s), span_f1=_mean(self.span_f1s),
            matched_lines=len(self.cers), mean_cer=_mean(self.cers),
        )  # fmt: skip


def _of_kind(annotations: Sequence[Annotation], kind: str) -> list[Annotation]:
    return [x for x in annotations if x.kind == kind]


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None
