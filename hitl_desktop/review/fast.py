"""The common answers (class labels, boxes, spans) compared straight from their stored JSON.

Building ``Annotation`` objects costs about 50 microseconds each; a 100,000-item report with
jittered boxes would spend most of its time there. ``view`` reads what the figures need from
the raw dicts (checking those fields as the parser would) and the matchers below follow
``matching.match_regions`` and ``matching.match_spans`` exactly: the same order (by id), the
same IoU arithmetic and the same Hungarian assignment, so results equal the parsed path (a
test holds them together). An answer with any other kind (polygons, OCR lines, points), or a
field the check refuses, has no view: the caller parses it instead, which also gives the
precise error.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import orjson
from scipy.optimize import linear_sum_assignment

from .disagreement import Difference, Thresholds

RawBox = tuple[str, str, float, float, float, float]  # id, label, x0, y0, x1, y1
RawSpan = tuple[str, str, int, int]  # id, label, start, end
_KINDS = frozenset({"classification", "box", "span"})


@dataclass(frozen=True, slots=True)
class View:
    classes: frozenset[str]
    single: str | None  # the one class label; None for none or several
    boxes: tuple[RawBox, ...]  # sorted by id
    spans: tuple[RawSpan, ...]  # sorted by id
    numbers: tuple[tuple[str, float], ...]  # numeric attributes of the classification
    class_ids: tuple[str, ...] = ()  # ids of the classification annotations, sorted

    def content(self) -> tuple[object, ...]:
        """Equal for two answers that give the same labels, boxes and spans (ids aside)."""
        boxes = sorted(b[1:] for b in self.boxes)
        return (self.classes, tuple(boxes), tuple(sorted(s[1:] for s in self.spans)))


def pack(v: View) -> bytes:
    """A view as compact JSON, kept per revision by the review projection (``unpack``)."""
    return orjson.dumps([sorted(v.classes), v.single, v.boxes, v.spans, v.numbers, v.class_ids])


def unpack(data: bytes | str) -> View:
    """The view ``pack`` stored (a few microseconds, against parsing the whole payload)."""
    classes, single, boxes, spans, numbers, class_ids = orjson.loads(data)
    return View(
        frozenset(classes), single, tuple(map(tuple, boxes)), tuple(map(tuple, spans)),
        tuple(map(tuple, numbers)), tuple(class_ids),
    )  # fmt: skip


_NUMBER = (float, int)  # exactly these types: bool is no coordinate


def _box(s: object, ident: str, label: object) -> RawBox | None:
    if type(s) is not dict or type(label) is not str or not label:
        return None
    x0, y0, x1, y1 = s.get("x0"), s.get("y0"), s.get("x1"), s.get("y1")
    if not (
        type(x0) in _NUMBER and type(y0) in _NUMBER
        and type(x1) in _NUMBER and type(y1) in _NUMBER
    ):  # fmt: skip
        return None
    try:
        x0, y0, x1, y1 = float(x0), float(y0), float(x1), float(y1)  # type: ignore[arg-type]
    except OverflowError:  # an integer beyond any float: the parsed path names the problem
        return None
    if not math.isfinite(x0 + y0 + x1 + y1) or x1 < x0 or y1 < y0:
        return None
    return (ident, label, x0, y0, x1, y1)


def _span(s: object, ident: str, label: object) -> RawSpan | None:
    if type(s) is not dict or type(label) is not str or not label:
        return None
    start, end = s.get("start"), s.get("end")
    if type(start) is not int or type(end) is not int or not 0 <= start < end:
        return None
    return (ident, label, start, end)


def _numbers(attrs: object) -> list[tuple[str, float]] | None:
    if type(attrs) is not dict:
        return None if attrs is not None else []
    out = []
    for k, v in attrs.items():
        if type(v) is int or type(v) is float:
            try:
                out.append((k, float(v)))
            except OverflowError:  # an integer beyond any float: parse it to hear why
                return None
    return out


def view(raw: Sequence[Any] | None) -> View | None:
    """What the report needs of an answer of class labels, boxes and spans; None otherwise."""
    if type(raw) is not list:
        return None
    classes: list[str] = []
    class_ids: list[str] = []
    boxes: list[RawBox] = []
    spans: list[RawSpan] = []
    numbers: list[tuple[str, float]] = []
    ids: set[str] = set()
    for d in raw:
        if type(d) is not dict:
            return None
        ident, kind, shape = d.get("id"), d.get("kind"), d.get("shape")
        if type(ident) is not str or not ident or ident in ids:
            return None
        ids.add(ident)
        if kind == "box":
            box = _box(shape, ident, d.get("label"))
            if box is None:
                return None
            boxes.append(box)
        elif kind == "span":
            span = _span(shape, ident, d.get("label"))
            if span is None:
                return None
            spans.append(span)
        elif kind == "classification":
            labels = shape.get("labels") if type(shape) is dict else None
            if type(labels) is not list or not labels:
                return None
            if any(type(x) is not str or not x for x in labels) or len(set(labels)) < len(labels):
                return None
            found = _numbers(d.get("attributes"))
            if found is None:
                return None
            classes += labels
            class_ids.append(ident)
            numbers += found
        else:
            return None
    return View(
        frozenset(classes), classes[0] if len(classes) == 1 else None,
        tuple(sorted(boxes)), tuple(sorted(spans)), tuple(numbers), tuple(sorted(class_ids)),
    )  # fmt: skip


def _iou(a: RawBox, b: RawBox) -> float:
    ix = max(0.0, min(a[4], b[4]) - max(a[2], b[2]))
    iy = max(0.0, min(a[5], b[5]) - max(a[3], b[3]))
    inter = ix * iy
    union = (a[4] - a[2]) * (a[5] - a[3]) + (b[4] - b[2]) * (b[5] - b[3]) - inter
    return inter / union if union > 0 else 0.0


def _assign(scores: list[list[float]]) -> list[tuple[int, int]]:
    """Pairs maximising the total score: the positive pairs when none competes, else
    the Hungarian method."""
    pairs = [(i, j) for i, row in enumerate(scores) for j, v in enumerate(row) if v > 0.0]
    if len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs}):
        return pairs
    rows, cols = linear_sum_assignment(np.array(scores), maximize=True)
    return list(zip(rows.tolist(), cols.tolist(), strict=True))


def match_boxes(
    a: Sequence[RawBox], b: Sequence[RawBox], threshold: float = 0.5
) -> list[tuple[int, int, float]]:
    """(index in a, index in b, IoU) of the matched boxes, as ``match_regions`` pairs them."""
    if not a or not b:
        return []
    scores = [
        [
            _iou(x, y) if x[2] < y[4] and y[2] < x[4] and x[3] < y[5] and y[3] < x[5] else 0.0
            for y in b
        ]
        for x in a
    ]  # boxes apart (most pairs) are 0 without the arithmetic
    return [(i, j, scores[i][j]) for i, j in _assign(scores) if scores[i][j] >= threshold]


def _overlap(s: RawSpan, t: RawSpan) -> float:
    inter = min(s[3], t[3]) - max(s[2], t[2])
    return inter / (max(s[3], t[3]) - min(s[2], t[2])) if inter > 0 else 0.0


def match_spans(a: Sequence[RawSpan], b: Sequence[RawSpan]) -> list[tuple[int, int, bool]]:
    """(index in a, index in b, same offsets) of matched spans, as ``match_spans`` pairs them:
    same offsets (same label first), then the best total overlap of the rest."""
    free = list(range(len(b)))
    out: list[tuple[int, int, bool]] = []
    rest: list[int] = []
    for i, s in enumerate(a):
        same = [j for j in free if b[j][2:] == s[2:]]
        hit = next((j for j in same if b[j][1] == s[1]), same[0] if same else None)
        if hit is None:
            rest.append(i)
        else:
            free.remove(hit)
            out.append((i, hit, True))
    if rest and free:
        scores = [[_overlap(a[i], b[j]) for j in free] for i in rest]
        rows, cols = linear_sum_assignment(np.array(scores), maximize=True)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            if scores[r][c] > 0:
                out.append((rest[r], free[c], False))
    return out


def strict_span_f1(a: Sequence[RawSpan], b: Sequence[RawSpan]) -> float:
    """``matching.span_f1(a, b).f1``: offsets and label equal, duplicates once each."""
    if not a and not b:
        return 1.0
    remaining = [s[1:] for s in a]
    hits = 0
    for s in b:
        if s[1:] in remaining:
            remaining.remove(s[1:])
            hits += 1
    precision = hits / len(b) if b else 0.0
    recall = hits / len(a) if a else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True, slots=True)
class Matched:
    """Two views matched: boxes (i, j, IoU) and spans (i, j, exact)."""

    a: View
    b: View
    boxes: list[tuple[int, int, float]]
    spans: list[tuple[int, int, bool]]

    @classmethod
    def of(cls, a: View, b: View) -> Matched:
        return cls(a, b, match_boxes(a.boxes, b.boxes), match_spans(a.spans, b.spans))

    def differ(self, t: Thresholds) -> bool:
        """Whether ``differences`` would find anything (classes, regions, spans)."""
        a, b = self.a, self.b
        if a.classes != b.classes:
            return True
        if len(self.boxes) != len(a.boxes) or len(self.boxes) != len(b.boxes):
            return True
        if any(a.boxes[i][1] != b.boxes[j][1] or iou < t.min_iou for i, j, iou in self.boxes):
            return True
        if len(self.spans) != len(a.spans) or len(self.spans) != len(b.spans):
            return True
        return any(a.spans[i][1] != b.spans[j][1] or not ex for i, j, ex in self.spans)


def fast_differences(a: View, b: View, t: Thresholds) -> list[Difference]:
    """``disagreement.differences`` of two viewed answers: the same differences, details and
    order, without parsing (a test holds the two together)."""
    out: list[Difference] = []
    if a.classes != b.classes:
        only_a, only_b = sorted(a.classes - b.classes), sorted(b.classes - a.classes)
        detail = f"only in a: {only_a}; only in b: {only_b}"
        out.append(Difference("classification", a.class_ids, b.class_ids, detail))
    boxes = match_boxes(a.boxes, b.boxes, t.match_iou)
    _unmatched(out, "region", a.boxes, b.boxes, {i for i, _, _ in boxes},
               {j for _, j, _ in boxes}, "no matching region in")  # fmt: skip
    for i, j, iou in boxes:
        x, y = a.boxes[i], b.boxes[j]
        if x[1] != y[1]:
            out.append(Difference("region_label", (x[0],), (y[0],), f"{x[1]!r} vs {y[1]!r}"))
        if iou < t.min_iou:
            out.append(Difference("region_iou", (x[0],), (y[0],), f"IoU {iou:.3f} < {t.min_iou}"))
    spans = match_spans(a.spans, b.spans)
    _unmatched(out, "span", a.spans, b.spans, {i for i, _, _ in spans},
               {j for _, j, _ in spans}, "no overlapping span in")  # fmt: skip
    for i, j, exact in spans:
        x2, y2 = a.spans[i], b.spans[j]
        if x2[1] != y2[1]:
            out.append(Difference("span_label", (x2[0],), (y2[0],), f"{x2[1]!r} vs {y2[1]!r}"))
        if not exact:
            out.append(Difference("span_boundary", (x2[0],), (y2[0],),
                                  "overlapping, different offsets"))  # fmt: skip
    return sorted(out, key=Difference.sort_key)


def _unmatched(
    out: list[Difference], what: str, a: Sequence[tuple[Any, ...]], b: Sequence[tuple[Any, ...]],
    used_a: set[int], used_b: set[int], detail: str,
) -> None:  # fmt: skip
    out += [Difference(f"{what}_only_in_a", (x[0],), (), f"{detail} b")  # type: ignore[arg-type]
            for i, x in enumerate(a) if i not in used_a]  # fmt: skip
    out += [Difference(f"{what}_only_in_b", (), (y[0],), f"{detail} a")  # type: ignore[arg-type]
            for j, y in enumerate(b) if j not in used_b]  # fmt: skip
