"""Hit-testing and shape edits the canvas relies on, without a widget."""

from __future__ import annotations

import pytest

from hitl_desktop.annotate import Annotation, Box, EditError, OcrLine, Point, Polygon, geometry

TRIANGLE = Polygon(((0, 0), (100, 0), (0, 100)))


def test_contains_follows_the_outline_not_the_bounding_box() -> None:
    assert geometry.contains(TRIANGLE, 10, 10)
    assert not geometry.contains(TRIANGLE, 60, 60)  # inside its bounds, outside the triangle
    assert geometry.contains(TRIANGLE, 51, 51, tol=2)  # near the slanted edge
    assert geometry.contains(Box(10, 10, 20, 20), 20, 15)
    assert not geometry.contains(Box(10, 10, 20, 20), 21, 15)
    assert geometry.contains(Box(10, 10, 20, 20), 21, 15, tol=1.5)
    assert geometry.contains(Point(5, 5), 7, 5, tol=2) and not geometry.contains(
        Point(5, 5), 8, 5, 2
    )
    skewed = OcrLine(((0, 0), (50, 10), (50, 20), (0, 10)), "line", 0)
    assert geometry.contains(skewed, 25, 10) and not geometry.contains(skewed, 5, 18)


def test_hit_test_prefers_the_smallest_shape_under_the_cursor() -> None:
    line = Annotation(Box(0, 0, 200, 30), "line")
    word = Annotation(Box(40, 5, 80, 25), "word")
    pin = Annotation(Point(60, 15), "pin")
    anns = [word, line, pin]
    assert geometry.hit_test(anns, 60, 15, tol=1) == pin.id
    assert geometry.hit_test(anns, 50, 10) == word.id  # the word, though the line is on top
    assert geometry.hit_test(anns, 150, 10) == line.id
    assert geometry.hit_test(anns, 300, 10) is None


def test_handles_and_the_handle_under_the_cursor() -> None:
    box = Box(10, 20, 50, 60)
    hs = geometry.handles(box)
    assert [(h.x, h.y) for h in hs] == [(10, 20), (30, 20), (50, 20), (50, 40),
                                        (50, 60), (30, 60), (10, 60), (10, 40)]  # fmt: skip
    assert geometry.handle_at(box, 49, 59, tol=3).index == 4  # type: ignore[union-attr]
    assert geometry.handle_at(box, 31, 21, tol=3).kind == "edge"  # type: ignore[union-attr]
    assert geometry.handle_at(box, 30, 40, tol=3) is None
    assert geometry.handle_at(TRIANGLE, 99, 1, tol=2).index == 1  # type: ignore[union-attr]


def test_resize_flips_past_the_opposite_side_and_vertex_moves() -> None:
    box = Box(10, 20, 50, 60)
    assert geometry.resize_box(box, 4, 70, 80) == Box(10, 20, 70, 80)
    assert geometry.resize_box(box, 3, 0, 999) == Box(
        0, 20, 10, 60
    )  # right edge dragged left of x0
    assert geometry.resize_box(box, 1, 999, 70) == Box(10, 60, 50, 70)
    with pytest.raises(EditError):
        geometry.resize_box(box, 8, 0, 0)
    assert geometry.move_vertex(TRIANGLE, 2, 0, 50) == Polygon(((0, 0), (100, 0), (0, 50)))
    with pytest.raises(EditError, match="vertex 3 does not exist"):
        geometry.move_vertex(TRIANGLE, 3, 0, 0)


def test_move_clamp_and_snap_keep_shapes_on_the_image() -> None:
    box = Box(10, 10, 60, 40)
    assert geometry.move_within(box, 500, -500, 100, 80) == Box(50, 0, 100, 30)
    assert geometry.move_within(box, 5, 5, 100, 80) == Box(15, 15, 65, 45)
    assert geometry.clamp(Box(-5, 10, 120, 90), 100, 80) == Box(0, 10, 100, 80)
    assert geometry.clamp(TRIANGLE, 50, 50) == Polygon(((0, 0), (50, 0), (0, 50)))
    assert geometry.snap_to_bounds(Box(2, 30, 97, 79), 100, 80, tol=3) == Box(0, 30, 100, 80)
    line = OcrLine(((1, 1), (99, 1), (99, 9), (1, 9)), "x", 3)
    snapped = geometry.snap_to_bounds(line, 100, 80, tol=2)
    assert isinstance(snapped, OcrLine) and snapped.quad[0] == (0, 0) and snapped.order == 3
