"""Spans as the text editor draws them: UTF-16 ranges of the displayed text, stacked in lanes
so overlapping spans each keep a visible underline. Qt-free apart from nothing: plain data."""

from __future__ import annotations

from dataclasses import dataclass

from ..annotate import Annotation, Document, Span
from ..annotate.text_offsets import index_to_utf16


@dataclass(frozen=True, slots=True)
class SpanMark:
    """A span as drawn: its UTF-16 range in the widget, lane (stacking depth) and state."""

    ann_id: str
    start: int  # UTF-16 positions in the displayed document
    end: int
    label: str
    pending: bool
    score: float | None
    lane: int


def display_text(text: str) -> str:
    """``text`` as shown: Qt turns "\\r\\n" into one paragraph break, which would shift every
    later position, so the "\\r" becomes a zero-width space (same length, nothing visible)."""
    return text.replace("\r\n", "\u200b\n").replace("\r", "\n")


def assign_lanes(ranges: list[tuple[str, int, int]]) -> dict[str, int]:
    """Stack overlapping ranges: each gets the lowest lane free over its whole extent."""
    lanes: dict[str, int] = {}
    lane_ends: list[int] = []
    for ann_id, start, end in sorted(ranges, key=lambda r: (r[1], -r[2], r[0])):
        for lane, busy_until in enumerate(lane_ends):
            if busy_until <= start:
                lane_ends[lane] = end
                lanes[ann_id] = lane
                break
        else:
            lanes[ann_id] = len(lane_ends)
            lane_ends.append(end)
    return lanes


def span_marks(doc: Document) -> list[SpanMark]:
    """Every span (worker's and pending) of a text document, in UTF-16 positions, with lanes."""
    assert doc.text is not None
    text = doc.text
    found: list[tuple[Annotation, bool]] = [
        (a, False) for a in doc.annotations if isinstance(a.shape, Span)
    ] + [(s, True) for s in doc.suggestions if isinstance(s.shape, Span)]
    ranges = []
    for ann, _pending in found:
        shape = ann.shape
        assert isinstance(shape, Span)
        ranges.append((ann.id, index_to_utf16(text, shape.start), index_to_utf16(text, shape.end)))
    lanes = assign_lanes(ranges)
    return [
        SpanMark(ann.id, start, end, ann.label, pending, ann.origin.score, lanes[ann.id])
        for (ann, pending), (_, start, end) in zip(found, ranges, strict=True)
    ]
