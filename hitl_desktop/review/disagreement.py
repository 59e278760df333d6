"""Differences between two revisions of one item: what a checker has to look at.

Deterministic and independent of list order: the same two answers always give the same
ordered list. Identical answers (even with different annotation ids, as two annotators'
answers have) give none. Points are not compared yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..annotate.annotation import Annotation
from ..annotate.shapes import Classification
from .errors import ReviewError
from .matching import match_regions, match_spans

DifferenceKind = Literal[
    "classification",
    "region_only_in_a",
    "region_only_in_b",
    "region_label",
    "region_iou",
    "transcription",
    "span_only_in_a",
    "span_only_in_b",
    "span_label",
    "span_boundary",
]
_KIND_ORDER = {k: i for i, k in enumerate(DifferenceKind.__args__)}  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Thresholds:
    """``match_iou``: least IoU for two regions to be the same region at all; ``min_iou``: a
    matched pair below it is a disagreement; ``max_cer``: a matched OCR line whose character
    error rate is above it is a disagreement (0.0: any changed character)."""

    match_iou: float = 0.5
    min_iou: float = 0.8
    max_cer: float = 0.0

    def __post_init__(self) -> None:
        if not 0.0 < self.match_iou <= self.min_iou <= 1.0:
            raise ReviewError(
                f"thresholds need 0 < match_iou <= min_iou <= 1, got match_iou "
                f"{self.match_iou} and min_iou {self.min_iou}"
            )
        if self.max_cer < 0.0:
            raise ReviewError(f"max_cer must be 0 or more, got {self.max_cer}")


@dataclass(frozen=True, slots=True)
class Difference:
    """One disagreement: its kind, the annotations involved on each side, and a short detail."""

    kind: DifferenceKind
    a_ids: tuple[str, ...]
    b_ids: tuple[str, ...]
    detail: str

    def sort_key(self) -> tuple[int, tuple[str, ...], tuple[str, ...], str]:
        return (_KIND_ORDER[self.kind], self.a_ids, self.b_ids, self.detail)


def _classes(annotations: Sequence[Annotation]) -> tuple[set[str], tuple[str, ...]]:
    labels: set[str] = set()
    ids = []
    for x in annotations:
        if isinstance(x.shape, Classification):
            labels.update(x.shape.labels)
            ids.append(x.id)
    return labels, tuple(sorted(ids))


def _classification(a: Sequence[Annotation], b: Sequence[Annotation]) -> list[Difference]:
    (la, ia), (lb, ib) = _classes(a), _classes(b)
    if la == lb:
        return []
    only_a, only_b = sorted(la - lb), sorted(lb - la)
    return [Difference("classification", ia, ib, f"only in a: {only_a}; only in b: {only_b}")]


def _regions(a: Sequence[Annotation], b: Sequence[Annotation], t: Thresholds) -> list[Difference]:
    m = match_regions(a, b, t.match_iou)
    out = [
        Difference("region_only_in_a", (i,), (), "no matching region in b") for i in m.unmatched_a
    ]
    out += [
        Difference("region_only_in_b", (), (i,), "no matching region in a") for i in m.unmatched_b
    ]
    for p in m.matches:
        pair = ((p.a_id,), (p.b_id,))
        if p.label_mismatch:
            out.append(Difference("region_label", *pair, f"{p.label_a!r} vs {p.label_b!r}"))
        if p.iou < t.min_iou:
            out.append(Difference("region_iou", *pair, f"IoU {p.iou:.3f} < {t.min_iou}"))
        if p.cer is not None and p.cer > t.max_cer:
            out.append(Difference("transcription", *pair, f"CER {p.cer:.3f} > {t.max_cer}"))
    return out


def _spans(a: Sequence[Annotation], b: Sequence[Annotation]) -> list[Difference]:
    m = match_spans(a, b)
    out = [
        Difference("span_only_in_a", (i,), (), "no overlapping span in b") for i in m.unmatched_a
    ]
    out += [
        Difference("span_only_in_b", (), (i,), "no overlapping span in a") for i in m.unmatched_b
    ]
    for p in m.matches:
        pair = ((p.a_id,), (p.b_id,))
        if p.label_mismatch:
            out.append(Difference("span_label", *pair, f"{p.label_a!r} vs {p.label_b!r}"))
        if not p.exact:
            out.append(Difference("span_boundary", *pair, "overlapping, different offsets"))
    return out


def differences(
    a: Sequence[Annotation], b: Sequence[Annotation], thresholds: Thresholds | None = None
) -> list[Difference]:
    """All disagreements between revisions ``a`` and ``b``, in a fixed order (kind, ids)."""
    t = thresholds or Thresholds()
    found = _classification(a, b) + _regions(a, b, t) + _spans(a, b)
    return sorted(found, key=Difference.sort_key)
