"""One-to-one matching of two annotators' regions and spans, for agreement and review.

Regions (boxes, polygons, OCR lines) are paired by the Hungarian method
(``scipy.optimize.linear_sum_assignment``) to maximise total IoU, ignoring labels so that a
relabelled region shows up as a label mismatch rather than as one missing and one extra. Pairs
below the IoU threshold are not matches. Polygon and quad IoU is exact, computed with shapely
(a dependency of rapidocr); box against box needs nothing. Points are not regions and are left
to the caller. Inputs are sorted by id first, so the result never depends on list order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from ..annotate.annotation import Annotation
from ..annotate.shapes import Box, OcrLine, Polygon, Span
from ..ocr.metrics import cer
from .errors import ReviewError

REGION_KINDS = ("box", "polygon", "ocr_line")


def _box_iou(a: Box, b: Box) -> float:
    ix = max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0))
    iy = max(0.0, min(a.y1, b.y1) - max(a.y0, b.y0))
    inter = ix * iy
    union = a.width * a.height + b.width * b.height - inter
    return inter / union if union > 0 else 0.0


def region_iou(a: Box | Polygon | OcrLine, b: Box | Polygon | OcrLine) -> float:
    """Intersection over union of two regions' areas; 0.0 when both have no area."""
    if isinstance(a, Box) and isinstance(b, Box):
        return _box_iou(a, b)
    try:
        from shapely.geometry import Polygon as ShapelyPolygon
    except ImportError:  # pragma: no cover - shapely ships with rapidocr
        raise ReviewError(
            "comparing polygons needs the 'shapely' package: pip install shapely"
        ) from None
    pa, pb = ShapelyPolygon(a.vertices()), ShapelyPolygon(b.vertices())
    # a self-crossing outline is repaired (buffer(0)) rather than refused: still comparable
    pa, pb = (p if p.is_valid else p.buffer(0) for p in (pa, pb))
    union = pa.union(pb).area
    return float(pa.intersection(pb).area / union) if union > 0 else 0.0


@dataclass(frozen=True, slots=True)
class RegionMatch:
    """Two annotators' regions paired up; ``cer`` only when both are OCR lines."""

    a_id: str
    b_id: str
    iou: float
    label_a: str
    label_b: str
    cer: float | None = None

    @property
    def label_mismatch(self) -> bool:
        return self.label_a != self.label_b


@dataclass(frozen=True, slots=True)
class RegionMatching:
    matches: tuple[RegionMatch, ...]
    unmatched_a: tuple[str, ...]
    unmatched_b: tuple[str, ...]

    @property
    def label_mismatches(self) -> tuple[RegionMatch, ...]:
        return tuple(m for m in self.matches if m.label_mismatch)

    @property
    def mean_iou(self) -> float | None:
        """Mean IoU of the matched pairs; None when nothing matched."""
        return sum(m.iou for m in self.matches) / len(self.matches) if self.matches else None


def _regions(annotations: Sequence[Annotation]) -> list[Annotation]:
    return sorted((x for x in annotations if x.kind in REGION_KINDS), key=lambda x: x.id)


def _check_threshold(value: float, what: str) -> None:
    if not 0.0 < value <= 1.0:
        raise ReviewError(f"{what} must be above 0 and at most 1, got {value}")


def _box_iou_matrix(a: Sequence[Box], b: Sequence[Box]) -> np.ndarray:
    """All pairwise box IoUs at once: the common case (boxes only) without a Python loop."""
    pa = np.array([(x.x0, x.y0, x.x1, x.y1) for x in a], dtype=float)[:, None, :]
    pb = np.array([(x.x0, x.y0, x.x1, x.y1) for x in b], dtype=float)[None, :, :]
    ix = np.clip(np.minimum(pa[..., 2], pb[..., 2]) - np.maximum(pa[..., 0], pb[..., 0]), 0, None)
    iy = np.clip(np.minimum(pa[..., 3], pb[..., 3]) - np.maximum(pa[..., 1], pb[..., 1]), 0, None)
    inter = ix * iy
    area_a = (pa[..., 2] - pa[..., 0]) * (pa[..., 3] - pa[..., 1])
    area_b = (pb[..., 2] - pb[..., 0]) * (pb[..., 3] - pb[..., 1])
    union = area_a + area_b - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0)


def _small_box_ious(a: Sequence[Box], b: Sequence[Box]) -> list[list[float]]:
    """``_box_iou`` for every pair, in plain Python: faster than numpy for a few boxes."""
    bs = [(y.x0, y.y0, y.x1, y.y1, (y.x1 - y.x0) * (y.y1 - y.y0)) for y in b]
    out = []
    for x in a:
        ax0, ay0, ax1, ay1 = x.x0, x.y0, x.x1, x.y1
        area = (ax1 - ax0) * (ay1 - ay0)
        row = []
        for bx0, by0, bx1, by1, barea in bs:
            iw = (ax1 if ax1 < bx1 else bx1) - (ax0 if ax0 > bx0 else bx0)
            ih = (ay1 if ay1 < by1 else by1) - (ay0 if ay0 > by0 else by0)
            if iw <= 0.0 or ih <= 0.0:
                row.append(0.0)
                continue
            inter = iw * ih
            union = area + barea - inter
            row.append(inter / union if union > 0.0 else 0.0)
        out.append(row)
    return out


def _iou_matrix(ra: Sequence[Annotation], rb: Sequence[Annotation]) -> list[list[float]]:
    boxes_a = [x.shape for x in ra if isinstance(x.shape, Box)]
    boxes_b = [y.shape for y in rb if isinstance(y.shape, Box)]
    if len(boxes_a) == len(ra) and len(boxes_b) == len(rb):
        if len(ra) * len(rb) <= _SMALL:  # numpy's call overhead outweighs a few products
            return _small_box_ious(boxes_a, boxes_b)
        return _box_iou_matrix(boxes_a, boxes_b).tolist()
    return [
        [
            region_iou(x.shape, y.shape)  # type: ignore[arg-type]
            if (x.kind == "ocr_line") == (y.kind == "ocr_line")  # a text line is no box
            else 0.0
            for y in rb
        ]
        for x in ra
    ]


_SMALL = 64


def _assign(scores: list[list[float]]) -> list[tuple[int, int]]:
    """The one-to-one pairs that maximise total IoU. When no region overlaps more than one
    on the other side (most pages) those are simply the overlapping pairs; otherwise the
    Hungarian method decides."""
    pairs = [(i, j) for i, row in enumerate(scores) for j, v in enumerate(row) if v > 0.0]
    rows = [i for i, _ in pairs]
    cols = [j for _, j in pairs]
    if len(set(rows)) == len(rows) and len(set(cols)) == len(cols):
        return pairs
    r, c = linear_sum_assignment(np.array(scores), maximize=True)
    return list(zip(r.tolist(), c.tolist(), strict=True))


def match_regions(
    a: Sequence[Annotation], b: Sequence[Annotation], iou_threshold: float = 0.5
) -> RegionMatching:
    """Pair the regions of ``a`` and ``b`` one to one, maximising total IoU.

    A pair counts only with IoU >= ``iou_threshold``; the rest are unmatched on their side.
    OCR lines pair only with OCR lines; boxes and polygons with each other. Non-region
    annotations (spans, classifications, points) are ignored.
    """
    _check_threshold(iou_threshold, "the IoU threshold")
    ra, rb = _regions(a), _regions(b)
    if not ra or not rb:
        return RegionMatching((), tuple(x.id for x in ra), tuple(x.id for x in rb))
    scores = _iou_matrix(ra, rb)
    matches = []
    used_a, used_b = set(), set()
    for i, j in _assign(scores):
        if scores[i][j] < iou_threshold:
            continue
        x, y = ra[i], rb[j]
        text_cer = None
        if isinstance(x.shape, OcrLine) and isinstance(y.shape, OcrLine):
            text_cer = cer(x.shape.text, y.shape.text)
        matches.append(RegionMatch(x.id, y.id, float(scores[i][j]), x.label, y.label, text_cer))
        used_a.add(i)
        used_b.add(j)
    return RegionMatching(
        tuple(matches),
        tuple(x.id for i, x in enumerate(ra) if i not in used_a),
        tuple(y.id for j, y in enumerate(rb) if j not in used_b),
    )


# --- spans -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpanMatch:
    """Two overlapping spans; ``exact`` when their offsets are the same."""

    a_id: str
    b_id: str
    exact: bool
    label_a: str
    label_b: str

    @property
    def label_mismatch(self) -> bool:
        return self.label_a != self.label_b


@dataclass(frozen=True, slots=True)
class SpanMatching:
    matches: tuple[SpanMatch, ...]
    unmatched_a: tuple[str, ...]
    unmatched_b: tuple[str, ...]

    @property
    def agreed(self) -> tuple[SpanMatch, ...]:
        """Same offsets and same label."""
        return tuple(m for m in self.matches if m.exact and not m.label_mismatch)


def _spans(annotations: Sequence[Annotation]) -> list[tuple[Annotation, Span]]:
    out = [(x, x.shape) for x in annotations if isinstance(x.shape, Span)]
    return sorted(out, key=lambda p: p[0].id)


def _overlap(s: Span, t: Span) -> float:
    inter = min(s.end, t.end) - max(s.start, t.start)
    if inter <= 0:
        return 0.0
    return inter / (max(s.end, t.end) - min(s.start, t.start))


def match_spans(a: Sequence[Annotation], b: Sequence[Annotation]) -> SpanMatching:
    """Pair spans one to one: identical offsets first, then the best-overlapping remainder.

    Exact pairs prefer the same label; overlapping pairs (any shared character) are chosen to
    maximise total overlap (characters shared / characters covered). Spans overlapping nothing
    on the other side are unmatched.
    """
    sa, sb = _spans(a), _spans(b)
    matches: list[SpanMatch] = []
    free_b = list(range(len(sb)))
    rest_a = []
    for x, s in sa:  # same offsets and label, then same offsets any label
        hit = next((j for j in free_b if sb[j][1] == s and sb[j][0].label == x.label), None)
        if hit is None:
            hit = next((j for j in free_b if sb[j][1] == s), None)
        if hit is None:
            rest_a.append((x, s))
            continue
        free_b.remove(hit)
        matches.append(SpanMatch(x.id, sb[hit][0].id, True, x.label, sb[hit][0].label))
    rest_b = [sb[j] for j in free_b]
    used_a: set[int] = set()
    used_b: set[int] = set()
    if rest_a and rest_b:
        scores = np.array([[_overlap(s, t) for _, t in rest_b] for _, s in rest_a])
        rows, cols = linear_sum_assignment(scores, maximize=True)
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            if scores[i, j] > 0:
                x, y = rest_a[i][0], rest_b[j][0]
                matches.append(SpanMatch(x.id, y.id, False, x.label, y.label))
                used_a.add(i)
                used_b.add(j)
    return SpanMatching(
        tuple(sorted(matches, key=lambda m: (m.a_id, m.b_id))),
        tuple(x.id for i, (x, _) in enumerate(rest_a) if i not in used_a),
        tuple(y.id for j, (y, _) in enumerate(rest_b) if j not in used_b),
    )


@dataclass(frozen=True, slots=True)
class SpanScore:
    precision: float
    recall: float
    f1: float


def span_f1(reference: Sequence[Annotation], predicted: Sequence[Annotation]) -> SpanScore:
    """Strict span F1: a predicted span is right when offsets and label equal a reference one.

    Duplicates count once each (multiset). Both empty is perfect agreement (1.0); one side
    empty gives 0.0 for the measures that are defined and 0.0 F1.
    """
    ref = [(s.start, s.end, x.label) for x, s in _spans(reference)]
    pred = [(s.start, s.end, x.label) for x, s in _spans(predicted)]
    if not ref and not pred:
        return SpanScore(1.0, 1.0, 1.0)
    remaining = list(ref)
    hits = 0
    for p in pred:
        if p in remaining:
            remaining.remove(p)
            hits += 1
    precision = hits / len(pred) if pred else 0.0
    recall = hits / len(ref) if ref else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return SpanScore(precision, recall, f1)
