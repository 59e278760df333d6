"""Mouse and keyboard editing on the canvas: select, move, resize, vertex drags, drawing.

Every change is an ``annotate.commands`` command pushed on the session. A drag is one
gesture: its commands share a gesture id, so the stack merges them into one undo step, and
each step is computed from the shapes as they were when the drag began (exact, and a drag
back to the start restores the start). Coordinates are snapped into the image.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPen, QPolygonF

from ...annotate import Annotation, Box, OcrLine, Point, Polygon, commands, geometry
from ...annotate.shapes import ImageShape
from .items import ShapeItem

if TYPE_CHECKING:
    from .editor import ImageEditor

Tool = Literal["select", "box", "polygon", "point"]
HANDLE_PX = 7.0  # handle grab distance and drawn size, in screen pixels
SNAP_PX = 6.0  # coordinates this close to an image edge land on it
MIN_BOX_PX = 3.0  # a box drag shorter than this on screen is a click, not a box
DragKind = Literal["move", "resize", "vertex", "rubber", "draw"]
_HANDLE_CURSORS = (Qt.CursorShape.SizeFDiagCursor, Qt.CursorShape.SizeVerCursor,
                   Qt.CursorShape.SizeBDiagCursor, Qt.CursorShape.SizeHorCursor)  # fmt: skip


@dataclass
class Drag:
    kind: DragKind
    start: QPointF
    current: QPointF
    gesture: str = field(default_factory=lambda: uuid.uuid4().hex)
    originals: dict[str, Annotation] = field(default_factory=dict)
    target: str = ""
    index: int = 0
    additive: bool = False


class ToolController:
    """Turns the view's events into commands on the editor's document."""

    def __init__(self, editor: ImageEditor) -> None:
        self.editor = editor
        self.tool: Tool = "select"
        self.drag: Drag | None = None
        self.polygon: list[tuple[float, float]] = []
        self.hover = QPointF()
        self._nudge_gesture = ""

    # ------------------------------------------------------------------ helpers
    def set_tool(self, tool: Tool) -> None:
        self.cancel()
        self.tool = tool

    def cancel(self) -> bool:
        """Esc: drop the shape being drawn or the rubber band. True if something was dropped."""
        had = bool(self.polygon) or (self.drag is not None and self.drag.kind in ("draw", "rubber"))
        self.polygon = []
        if self.drag is not None and self.drag.kind in ("draw", "rubber"):
            self.drag = None
        self._refresh()
        return had

    def _tol(self) -> float:
        return HANDLE_PX / max(self.editor.view.zoom, 1e-6)

    def _snap(self, shape: ImageShape) -> ImageShape:
        size = self.editor.page_size()
        if size is None:
            return shape
        return geometry.snap_to_bounds(shape, size[0], size[1], SNAP_PX / self.editor.view.zoom)

    def _xy(self, p: QPointF) -> tuple[float, float]:
        return round(p.x(), 2), round(p.y(), 2)

    def _refresh(self) -> None:
        self.editor.view.viewport().update()

    def _candidates(self, rect: QRectF) -> list[ShapeItem]:
        found = self.editor.scene.items(
            rect, Qt.ItemSelectionMode.IntersectsItemBoundingRect, Qt.SortOrder.AscendingOrder
        )
        return [i for i in found if isinstance(i, ShapeItem)]

    def hit(self, p: QPointF) -> str | None:
        """The id of the annotation or suggestion under ``p`` (the smallest, when nested)."""
        tol = self._tol()
        items = self._candidates(QRectF(p.x() - tol, p.y() - tol, 2 * tol, 2 * tol))
        return geometry.hit_test([i.ann for i in items], p.x(), p.y(), tol)

    def _selected_annotations(self) -> list[Annotation]:
        doc = self.editor.doc
        if doc is None:
            return []
        return [doc.get(i) for i in self.editor.session.selection if i in doc]

    def _cursor_at(self, p: QPointF) -> Qt.CursorShape:
        """Resize arrows over a selected box's handles, a cross over vertices, a move cursor
        over a selected shape."""
        tol = self._tol()
        for ann in self._selected_annotations():
            h = geometry.handle_at(ann.shape, p.x(), p.y(), tol)  # type: ignore[arg-type]
            if h is not None:
                if h.kind == "vertex":
                    return Qt.CursorShape.CrossCursor
                return _HANDLE_CURSORS[h.index % 4]
        hit = self.hit(p)
        doc = self.editor.doc
        if hit is not None and hit in self.editor.session.selection and doc is not None:
            return Qt.CursorShape.SizeAllCursor if hit in doc else Qt.CursorShape.ArrowCursor
        return Qt.CursorShape.ArrowCursor

    # ------------------------------------------------------------------ mouse
    def press(self, event: QMouseEvent, p: QPointF) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.editor.doc is None:
            return
        if self.editor.page_size() is None:
            return
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if self.tool == "box":
            self.drag = Drag("draw", p, p)
        elif self.tool == "point":
            self._add(Point(*self._xy(p)))
        elif self.tool == "polygon":
            x, y = self._xy(p)
            if len(self.polygon) >= 3:
                fx, fy = self.polygon[0]
                if abs(fx - x) <= self._tol() and abs(fy - y) <= self._tol():
                    self.close_polygon()  # a click on the first point closes the polygon
                    return
            self.polygon.append((x, y))
            self._refresh()
        else:
            self._press_select(p, shift)

    def _press_select(self, p: QPointF, shift: bool) -> None:
        tol = self._tol()
        if not shift:
            for ann in self._selected_annotations():
                h = geometry.handle_at(ann.shape, p.x(), p.y(), tol)  # type: ignore[arg-type]
                if h is not None:
                    kind: DragKind = "resize" if isinstance(ann.shape, Box) else "vertex"
                    self.drag = Drag(kind, p, p, originals={ann.id: ann}, target=ann.id,
                                     index=h.index)  # fmt: skip
                    return
        hit = self.hit(p)
        session = self.editor.session
        if hit is None:
            self.drag = Drag("rubber", p, p, additive=shift)
            if not shift:
                session.select([])
            return
        if shift:
            chosen = [i for i in session.selection if i != hit]
            session.select(chosen if hit in session.selection else [*chosen, hit])
            return
        if hit not in session.selection:
            session.select([hit])
        moving = self._selected_annotations()
        if moving:
            self.drag = Drag("move", p, p, originals={a.id: a for a in moving})

    def move(self, event: QMouseEvent, p: QPointF) -> None:
        self.hover = p
        drag = self.drag
        if drag is None:
            if self.polygon:
                self._refresh()
            elif self.tool == "select":
                self.editor.view.viewport().setCursor(self._cursor_at(p))
            return
        drag.current = p
        if drag.kind in ("rubber", "draw"):
            self._refresh()
        elif drag.kind == "move":
            self._drag_move(drag, p.x() - drag.start.x(), p.y() - drag.start.y())
        else:
            self._drag_handle(drag, p)

    def release(self, event: QMouseEvent, p: QPointF) -> None:
        drag, self.drag = self.drag, None
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if drag.kind == "draw":
            a, b = drag.start, p
            min_len = MIN_BOX_PX / self.editor.view.zoom
            if abs(a.x() - b.x()) >= min_len and abs(a.y() - b.y()) >= min_len:
                self._add(Box.spanning(*self._xy(a), *self._xy(b)))
        elif drag.kind == "rubber":
            self._select_in(QRectF(drag.start, p).normalized(), drag.additive)
        self._refresh()

    def double_click(self, p: QPointF) -> None:
        if self.tool == "polygon":
            self.close_polygon()

    # ------------------------------------------------------------------ edits
    def _add(self, shape: ImageShape) -> None:
        editor = self.editor
        doc = editor.doc
        label = editor.current_label
        if doc is None:
            return
        if not label:
            editor.session.problem.emit(
                QCoreApplication.translate("ImageEditor", "Choose a label first (keys 1-9).")
            )
            return
        ann = Annotation(self._snap(shape), label)
        if editor.session.push(commands.add(doc, ann)):
            editor.session.select([ann.id])

    def close_polygon(self) -> bool:
        """Enter or double-click: the clicked points become a polygon (three or more)."""
        points = list(dict.fromkeys(self.polygon))
        if len(points) < 3:
            if self.polygon:
                self.editor.session.problem.emit(
                    QCoreApplication.translate("ImageEditor", "A polygon needs at least 3 points.")
                )
            return False
        self.polygon = []
        self._add(Polygon(tuple(points)))
        self._refresh()
        return True

    def _push_changes(self, drag: Drag, new: dict[str, Annotation], text: str) -> None:
        doc = self.editor.doc
        if doc is None:
            return
        pairs = [(doc.get(i), a) for i, a in new.items() if i in doc and doc.get(i) != a]
        if pairs:
            self.editor.session.push(commands.ChangeAnnotations(pairs, text, drag.gesture))

    def _drag_move(self, drag: Drag, dx: float, dy: float) -> None:
        size = self.editor.page_size()
        new = {}
        for i, a in drag.originals.items():
            shape = a.shape
            assert isinstance(shape, Box | Polygon | Point | OcrLine)
            moved = (geometry.move_within(shape, dx, dy, *size) if size
                     else geometry.translate(shape, dx, dy))  # fmt: skip
            new[i] = a.with_(shape=moved) if moved != shape else a
        self._push_changes(drag, new, "Move")

    def _drag_handle(self, drag: Drag, p: QPointF) -> None:
        orig = drag.originals[drag.target]
        shape = orig.shape
        x, y = self._xy(p)
        if drag.kind == "resize" and isinstance(shape, Box):
            changed: ImageShape = geometry.resize_box(shape, drag.index, x, y)
            text = "Resize"
        else:
            assert isinstance(shape, Box | Polygon | Point | OcrLine)
            changed = geometry.move_vertex(shape, drag.index, x, y)
            text = "Move vertex"
        changed = self._snap(changed)
        self._push_changes(drag, {orig.id: orig.with_(shape=changed)}, text)

    def _select_in(self, rect: QRectF, additive: bool) -> None:
        inside = []
        for item in self._candidates(rect):
            b = geometry.bounds(item.ann.shape)  # type: ignore[arg-type]
            inside_x = rect.left() <= b.x0 and b.x1 <= rect.right()
            if inside_x and rect.top() <= b.y0 and b.y1 <= rect.bottom():  # points have no area
                inside.append(item.ann.id)
        base = list(self.editor.session.selection) if additive else []
        self.editor.session.select([*base, *inside])

    def nudge(self, dx: float, dy: float, repeat: bool) -> None:
        doc = self.editor.doc
        ids = [a.id for a in self._selected_annotations()]
        if doc is None or not ids:
            return
        if not repeat or not self._nudge_gesture:
            self._nudge_gesture = uuid.uuid4().hex  # a held arrow key is one undo step
        self.editor.session.push(commands.move(doc, ids, dx, dy, gesture=self._nudge_gesture))

    # ------------------------------------------------------------------ keys
    def key(self, event: QKeyEvent) -> bool:
        k = event.key()
        if k == Qt.Key.Key_Escape:
            if not self.cancel():
                self.editor.session.select([])
            return True
        if k in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.polygon:
            self.close_polygon()
            return True
        if k == Qt.Key.Key_Backspace and self.polygon:
            self.polygon.pop()
            self._refresh()
            return True
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                  Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}  # fmt: skip
        if k in arrows:
            step = 10.0 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1.0
            dx, dy = arrows[Qt.Key(k)]
            self.nudge(dx * step, dy * step, event.isAutoRepeat())
            return True
        return False

    # ------------------------------------------------------------------ overlay
    def paint_overlay(self, painter: QPainter, zoom: float) -> None:
        """Handles of the selected annotations, the rubber band and the shape being drawn."""
        pen = QPen(QColor(20, 20, 20), 1)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(QColor(255, 255, 255))
        half = HANDLE_PX / 2 / max(zoom, 1e-6)
        for ann in self._selected_annotations():
            if isinstance(ann.shape, Box | Polygon | Point | OcrLine):
                for h in geometry.handles(ann.shape):
                    painter.drawRect(QRectF(h.x - half, h.y - half, 2 * half, 2 * half))
        drag = self.drag
        dashed = QPen(QColor(0, 120, 215), 1, Qt.PenStyle.DashLine)
        dashed.setCosmetic(True)
        painter.setPen(dashed)
        painter.setBrush(QColor(0, 120, 215, 40))
        if drag is not None and drag.kind in ("rubber", "draw"):
            painter.drawRect(QRectF(drag.start, drag.current).normalized())
        if self.polygon:
            pts = [QPointF(x, y) for x, y in self.polygon] + [self.hover]
            painter.drawPolyline(QPolygonF(pts))
