"""Region and span matching: a real FUNSD page perturbed by hand, spans on an NFC text."""

from __future__ import annotations

import unicodedata

import numpy as np
import pytest

from hitl_desktop.annotate.annotation import Annotation
from hitl_desktop.annotate.shapes import Box, Polygon, Span
from hitl_desktop.review.errors import ReviewError
from hitl_desktop.review.matching import match_regions, match_spans, region_iou, span_f1


def _shift(a: Annotation, dx: float) -> Annotation:
    s = a.shape
    assert isinstance(s, Box)
    return a.with_(shape=Box(s.x0 + dx, s.y0, s.x1 + dx, s.y1))


def test_identical_funsd_page_matches_every_box_with_iou_one(funsd_boxes: list) -> None:
    m = match_regions(funsd_boxes, list(reversed(funsd_boxes)))
    assert len(m.matches) == len(funsd_boxes) > 10
    assert all(x.a_id == x.b_id and x.iou == 1.0 for x in m.matches)
    assert m.unmatched_a == m.unmatched_b == () and m.label_mismatches == ()
    assert m.mean_iou == 1.0


def test_perturbed_dropped_and_relabelled_funsd_boxes_are_reported_exactly(
    funsd_boxes: list,
) -> None:
    a = funsd_boxes
    b = list(a)
    nudged = b[3].id
    b[3] = _shift(b[3], b[3].shape.width * 0.1)  # IoU ~0.82: still the same box
    far = b[5].id
    b[5] = _shift(b[5], b[5].shape.width * 3)  # moved off itself: no longer a match
    dropped = b.pop(7).id
    relabelled = b[1].id
    b[1] = b[1].with_(label="header" if b[1].label != "header" else "answer")
    m = match_regions(a, b, iou_threshold=0.5)
    ious = {x.a_id: x.iou for x in m.matches}
    assert 0.75 < ious[nudged] < 0.9
    assert [x.a_id for x in m.label_mismatches] == [relabelled]
    assert sorted(m.unmatched_a) == sorted([far, dropped])
    assert m.unmatched_b == (far,)
    assert all(x.a_id == x.b_id for x in m.matches)


def test_hungarian_beats_greedy_on_crossed_boxes() -> None:
    # greedy on the best single pair (a1-b0, IoU .6) would leave a0 and b1 unmatched
    a = [Annotation(Box(0, 0, 10, 10), "q", id="a0"), Annotation(Box(4, 0, 14, 10), "q", id="a1")]
    b = [Annotation(Box(2, 0, 12, 10), "q", id="b0"), Annotation(Box(6, 0, 16, 10), "q", id="b1")]
    m = match_regions(a, b, iou_threshold=0.3)
    assert [(x.a_id, x.b_id) for x in m.matches] == [("a0", "b0"), ("a1", "b1")]


def test_polygon_iou_is_exact() -> None:
    tri = Polygon(((0, 0), (10, 0), (0, 10)))  # area 50, half the square
    assert region_iou(tri, Box(0, 0, 10, 10)) == pytest.approx(0.5)
    diamond = Polygon(((5, 0), (10, 5), (5, 10), (0, 5)))
    assert region_iou(diamond, Box(0, 0, 10, 10)) == pytest.approx(0.5)
    assert region_iou(Box(0, 0, 1, 1), Box(2, 2, 3, 3)) == 0.0


def test_ocr_lines_carry_the_cer_of_their_transcriptions(funsd_lines: list) -> None:
    b = list(funsd_lines)
    line = b[2].shape
    changed = b[2].with_(shape=type(line)(line.quad, line.text + "XY", line.order))
    b[2] = changed
    m = match_regions(funsd_lines, b)
    cers = {x.a_id: x.cer for x in m.matches}
    assert cers[changed.id] == pytest.approx(2 / len(" ".join(line.text.split())))
    assert all(c == 0.0 for k, c in cers.items() if k != changed.id)


def test_bad_threshold_is_refused() -> None:
    with pytest.raises(ReviewError, match="IoU threshold"):
        match_regions([], [], iou_threshold=0)


TEXT = unicodedata.normalize("NFC", "Cafe\u0301 crème à Zürich, 12 décembre")


def _span(start: int, end: int, label: str, ident: str) -> Annotation:
    return Annotation(Span(start, end), label, id=ident)


def test_spans_exact_overlap_and_unmatched_on_nfc_text() -> None:
    assert (
        len("Cafe\u0301") == 5
        and TEXT[0:4] == "Café"
        and TEXT[13:19] == "Zürich"
        and TEXT[21:32] == "12 décembre"
    )
    a = [_span(0, 4, "FOOD", "a1"), _span(13, 19, "LOC", "a2"), _span(21, 32, "DATE", "a3")]
    b = [_span(0, 4, "FOOD", "b1"), _span(13, 20, "ORG", "b2"), _span(5, 10, "FOOD", "b3")]
    m = match_spans(a, b)
    assert [(x.a_id, x.b_id, x.exact, x.label_mismatch) for x in m.matches] == [
        ("a1", "b1", True, False),
        ("a2", "b2", False, True),
    ]
    assert m.unmatched_a == ("a3",) and m.unmatched_b == ("b3",)
    assert [x.a_id for x in m.agreed] == ["a1"]
    score = span_f1(a, b)
    assert (score.precision, score.recall) == pytest.approx((1 / 3, 1 / 3))
    assert score.f1 == pytest.approx(1 / 3)


def test_span_f1_edge_cases() -> None:
    one = [_span(0, 4, "FOOD", "x")]
    assert span_f1([], []).f1 == 1.0
    assert span_f1(one, []).f1 == 0.0
    assert span_f1(one, [_span(0, 4, "FOOD", "y")]).f1 == 1.0
    two = [*one, _span(5, 10, "FOOD", "z")]
    assert span_f1(two, one).f1 == pytest.approx(2 * 1 * 0.5 / 1.5)


def test_an_ocr_line_never_pairs_with_a_box_on_the_same_spot(
    funsd_boxes: list, funsd_lines: list
) -> None:
    m = match_regions(funsd_boxes[:3], funsd_lines[:3])
    assert m.matches == ()
    assert len(m.unmatched_a) == len(m.unmatched_b) == 3


def test_box_only_fast_path_agrees_with_the_general_iou(funsd_boxes: list) -> None:
    rng = np.random.default_rng(3)
    b = [_shift(x, float(rng.uniform(-0.5, 0.5)) * x.shape.width) for x in funsd_boxes]
    m = match_regions(funsd_boxes, b, iou_threshold=0.01)
    shapes_a = {x.id: x.shape for x in funsd_boxes}
    shapes_b = {x.id: x.shape for x in b}
    assert m.matches
    for x in m.matches:
        # the general path (shapely) on the same shapes as polygons
        pa, pb = Polygon(shapes_a[x.a_id].vertices()), Polygon(shapes_b[x.b_id].vertices())
        assert x.iou == pytest.approx(region_iou(pa, pb), abs=1e-9)
