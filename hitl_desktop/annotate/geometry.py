"""Pure geometry for the image editor: hit-testing, handles, moving, resizing, clamping.

Every function takes and returns plain shapes, so the canvas stays a thin view over them
and all of this is tested without a widget. ``tol`` is a distance in image pixels (the
canvas converts its screen tolerance by the zoom factor).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .annotation import Annotation
from .errors import EditError
from .shapes import XY, Box, ImageShape, OcrLine, Point, Polygon

HandleKind = Literal["corner", "edge", "vertex"]
# Box handles, clockwise from the top-left corner: 0, 2, 4, 6 are corners, odd ones edges.
_BOX_HANDLES = ((0.0, 0.0), (0.5, 0.0), (1.0, 0.0), (1.0, 0.5),
                (1.0, 1.0), (0.5, 1.0), (0.0, 1.0), (0.0, 0.5))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Handle:
    """A grip on a shape: a box corner/edge (index 0-7 clockwise) or a vertex (its index)."""

    kind: HandleKind
    index: int
    x: float
    y: float


def _in_polygon(points: Sequence[XY], x: float, y: float) -> bool:
    """Even-odd ray casting; points on the boundary count through ``_near_outline``."""
    inside = False
    n = len(points)
    for i in range(n):
        (xa, ya), (xb, yb) = points[i], points[(i + 1) % n]
        if (ya > y) != (yb > y):
            cross_x = xa + (y - ya) * (xb - xa) / (yb - ya)
            if x < cross_x:
                inside = not inside
    return inside


def _segment_distance(x: float, y: float, a: XY, b: XY) -> float:
    (xa, ya), (xb, yb) = a, b
    dx, dy = xb - xa, yb - ya
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((x - xa) * dx + (y - ya) * dy) / length2))
    return math.hypot(x - (xa + t * dx), y - (ya + t * dy))


def _near_outline(points: Sequence[XY], x: float, y: float, tol: float) -> bool:
    n = len(points)
    return any(_segment_distance(x, y, points[i], points[(i + 1) % n]) <= tol for i in range(n))


def contains(shape: ImageShape, x: float, y: float, tol: float = 0.0) -> bool:
    """Whether image point (x, y) is on ``shape``, or within ``tol`` pixels of its outline."""
    if isinstance(shape, Point):
        return math.hypot(x - shape.x, y - shape.y) <= max(tol, 0.0)
    if isinstance(shape, Box):
        return shape.x0 - tol <= x <= shape.x1 + tol and shape.y0 - tol <= y <= shape.y1 + tol
    pts = shape.vertices()
    return _in_polygon(pts, x, y) or _near_outline(pts, x, y, tol)


def hit_test(annotations: Sequence[Annotation], x: float, y: float, tol: float = 0.0) -> str | None:
    """The id of the topmost (last drawn) image annotation under (x, y), or None.

    Among nested shapes the smallest wins, so a word box inside a line box stays clickable.
    """
    best: tuple[float, int, str] | None = None
    for i, a in enumerate(annotations):
        shape = a.shape
        if isinstance(shape, Box | Polygon | Point | OcrLine) and contains(shape, x, y, tol):
            key = (area(shape), -i, a.id)
            if best is None or key < best:
                best = key
    return best[2] if best else None


def area(shape: ImageShape) -> float:
    if isinstance(shape, Point):
        return 0.0
    if isinstance(shape, Box):
        return shape.width * shape.height
    pts = shape.vertices()
    s = sum(pts[i][0] * pts[(i + 1) % len(pts)][1] - pts[(i + 1) % len(pts)][0] * pts[i][1]
            for i in range(len(pts)))  # fmt: skip
    return abs(s) / 2.0


def bounds(shape: ImageShape) -> Box:
    """The smallest axis-aligned box holding the shape."""
    if isinstance(shape, Box):
        return shape
    xs = [p[0] for p in shape.vertices()]
    ys = [p[1] for p in shape.vertices()]
    return Box(min(xs), min(ys), max(xs), max(ys))


def handles(shape: ImageShape) -> list[Handle]:
    if isinstance(shape, Box):
        return [
            Handle("corner" if i % 2 == 0 else "edge", i,
                   shape.x0 + fx * shape.width, shape.y0 + fy * shape.height)
            for i, (fx, fy) in enumerate(_BOX_HANDLES)
        ]  # fmt: skip
    return [Handle("vertex", i, x, y) for i, (x, y) in enumerate(shape.vertices())]


def handle_at(shape: ImageShape, x: float, y: float, tol: float) -> Handle | None:
    """The handle nearest (x, y) within ``tol`` pixels; corners win ties over edges."""
    best: tuple[float, int, Handle] | None = None
    for h in handles(shape):
        d = math.hypot(h.x - x, h.y - y)
        if d <= tol:
            key = (d, 0 if h.kind != "edge" else 1, h)
            if best is None or key[:2] < best[:2]:
                best = key
    return best[2] if best else None


def translate(shape: ImageShape, dx: float, dy: float) -> ImageShape:
    if isinstance(shape, Box):
        return Box(shape.x0 + dx, shape.y0 + dy, shape.x1 + dx, shape.y1 + dy)
    if isinstance(shape, Point):
        return Point(shape.x + dx, shape.y + dy)
    moved = tuple((x + dx, y + dy) for x, y in shape.vertices())
    if isinstance(shape, OcrLine):
        return OcrLine(moved, shape.text, shape.order)  # type: ignore[arg-type]
    return Polygon(moved)


def move_within(shape: ImageShape, dx: float, dy: float, width: float, height: float) -> ImageShape:
    """Translate by (dx, dy), shortened so the shape stays on a ``width`` x ``height`` image.

    A shape larger than the image is pinned to the top-left edge it overhangs least.
    """
    b = bounds(shape)
    dx = min(max(dx, -b.x0), width - b.x1) if b.width <= width else -b.x0
    dy = min(max(dy, -b.y0), height - b.y1) if b.height <= height else -b.y0
    return translate(shape, dx, dy)


def _clamp_xy(x: float, y: float, width: float, height: float) -> XY:
    return min(max(x, 0.0), width), min(max(y, 0.0), height)


def clamp(shape: ImageShape, width: float, height: float) -> ImageShape:
    """Clip every coordinate into the image (a box hanging off the page is cut at its edge)."""
    if isinstance(shape, Box):
        x0, y0 = _clamp_xy(shape.x0, shape.y0, width, height)
        x1, y1 = _clamp_xy(shape.x1, shape.y1, width, height)
        return Box(x0, y0, x1, y1)
    if isinstance(shape, Point):
        return Point(*_clamp_xy(shape.x, shape.y, width, height))
    pts = tuple(_clamp_xy(x, y, width, height) for x, y in shape.vertices())
    if isinstance(shape, OcrLine):
        return OcrLine(pts, shape.text, shape.order)  # type: ignore[arg-type]
    return Polygon(pts)


def _snap(v: float, limit: float, tol: float) -> float:
    if abs(v) <= tol:
        return 0.0
    if abs(v - limit) <= tol:
        return limit
    return v


def snap_to_bounds(shape: ImageShape, width: float, height: float, tol: float) -> ImageShape:
    """Clamp into the image, then pull coordinates within ``tol`` of an image edge onto it."""
    clamped = clamp(shape, width, height)

    def snap_xy(x: float, y: float) -> XY:
        return _snap(x, width, tol), _snap(y, height, tol)

    if isinstance(clamped, Box):
        return Box(*snap_xy(clamped.x0, clamped.y0), *snap_xy(clamped.x1, clamped.y1))
    if isinstance(clamped, Point):
        return Point(*snap_xy(clamped.x, clamped.y))
    pts = tuple(snap_xy(x, y) for x, y in clamped.vertices())
    if isinstance(clamped, OcrLine):
        return OcrLine(pts, clamped.text, clamped.order)  # type: ignore[arg-type]
    return Polygon(pts)


def resize_box(box: Box, handle: int, x: float, y: float) -> Box:
    """The box after dragging handle ``handle`` (0-7) to (x, y).

    Dragging past the opposite side flips the box instead of failing, as drawing tools do.
    """
    if not 0 <= handle < 8:
        raise EditError(f"box handle must be 0-7, got {handle}")
    fx, fy = _BOX_HANDLES[handle]
    x0, y0, x1, y1 = box.x0, box.y0, box.x1, box.y1
    if fx == 0.0:
        x0 = x
    elif fx == 1.0:
        x1 = x
    if fy == 0.0:
        y0 = y
    elif fy == 1.0:
        y1 = y
    return Box.spanning(x0, y0, x1, y1)


def move_vertex(shape: ImageShape, index: int, x: float, y: float) -> ImageShape:
    """The shape with vertex ``index`` at (x, y); a box's vertices are its four corners."""
    if isinstance(shape, Box):
        if not 0 <= index < 4:
            raise EditError(f"a box has corners 0-3, got {index}")
        return resize_box(shape, index * 2, x, y)
    if isinstance(shape, Point):
        if index != 0:
            raise EditError(f"a point has one vertex (0), got {index}")
        return Point(x, y)
    pts = list(shape.vertices())
    if not 0 <= index < len(pts):
        raise EditError(f"vertex {index} does not exist; the shape has {len(pts)}")
    pts[index] = (x, y)
    if isinstance(shape, OcrLine):
        return OcrLine(tuple(pts), shape.text, shape.order)  # type: ignore[arg-type]
    return Polygon(tuple(pts))
