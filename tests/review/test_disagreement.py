"""Differences between two revisions: none for identical answers, each change named once."""

from __future__ import annotations

import random
import uuid

import pytest

from hitl_desktop.annotate.annotation import Annotation
from hitl_desktop.annotate.shapes import Box, Classification, Span
from hitl_desktop.review.disagreement import Thresholds, differences
from hitl_desktop.review.errors import ReviewError


def _fresh_ids(annotations: list[Annotation]) -> list[Annotation]:
    """The same answer as another annotator would give it: same shapes, new ids."""
    return [
        a.with_(id=str(uuid.UUID(int=random.Random(a.id).getrandbits(128)))) for a in annotations
    ]


def test_identical_answers_are_agreement_not_conflict(funsd_boxes: list, funsd_lines: list) -> None:
    a = [*funsd_boxes, *funsd_lines, Annotation(Classification(("form", "fax")), id="c")]
    b = _fresh_ids(a)
    random.Random(1).shuffle(b)
    assert differences(a, a) == []
    assert differences(a, b) == []


def test_each_change_on_a_funsd_page_is_reported_once_in_a_fixed_order(
    funsd_boxes: list, funsd_lines: list
) -> None:
    a = [*funsd_boxes, *funsd_lines, Annotation(Classification(("form",)), id="c1")]
    b = list(a)
    box = b[4].shape
    b[4] = b[4].with_(
        shape=Box(box.x0 + box.width * 0.15, box.y0, box.x1 + box.width * 0.15, box.y1)
    )
    b[6] = b[6].with_(label="other" if b[6].label != "other" else "question")
    line_index = len(funsd_boxes) + 1
    line = b[line_index].shape
    b[line_index] = b[line_index].with_(shape=type(line)(line.quad, line.text + "!", line.order))
    dropped = b.pop(9)
    b[-1] = Annotation(Classification(("invoice",)), id="c2")
    diffs = differences(a, b, Thresholds(match_iou=0.5, min_iou=0.8, max_cer=0.0))
    summary = [(d.kind, d.a_ids, d.b_ids) for d in diffs]
    assert summary == [
        ("classification", ("c1",), ("c2",)),
        ("region_only_in_a", (dropped.id,), ()),
        ("region_label", (a[6].id,), (a[6].id,)),
        ("region_iou", (a[4].id,), (a[4].id,)),
        ("transcription", (a[line_index].id,), (a[line_index].id,)),
    ]
    assert "'form'" in diffs[0].detail and "'invoice'" in diffs[0].detail
    # the same answers given in another order give the very same list
    shuffled_a, shuffled_b = list(a), list(b)
    random.Random(7).shuffle(shuffled_a)
    random.Random(8).shuffle(shuffled_b)
    assert differences(shuffled_a, shuffled_b, Thresholds(0.5, 0.8, 0.0)) == diffs


def test_looser_thresholds_accept_small_changes(funsd_lines: list) -> None:
    b = list(funsd_lines)
    line = b[0].shape
    b[0] = b[0].with_(shape=type(line)(line.quad, line.text + "!", line.order))
    assert [d.kind for d in differences(funsd_lines, b)] == ["transcription"]
    assert differences(funsd_lines, b, Thresholds(max_cer=0.5)) == []


def test_span_differences() -> None:
    a = [Annotation(Span(0, 4), "FOOD", id="a1"), Annotation(Span(10, 15), "LOC", id="a2")]
    b = [Annotation(Span(0, 5), "DRINK", id="b1"), Annotation(Span(20, 25), "LOC", id="b2")]
    assert [(d.kind, d.a_ids, d.b_ids) for d in differences(a, b)] == [
        ("span_only_in_a", ("a2",), ()),
        ("span_only_in_b", (), ("b2",)),
        ("span_label", ("a1",), ("b1",)),
        ("span_boundary", ("a1",), ("b1",)),
    ]


def test_inconsistent_thresholds_are_refused() -> None:
    with pytest.raises(ReviewError, match="match_iou <= min_iou"):
        Thresholds(match_iou=0.9, min_iou=0.5)
    with pytest.raises(ReviewError, match="max_cer"):
        Thresholds(max_cer=-1)
