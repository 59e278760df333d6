"""The canvas view: zoom to the cursor, pan, fit, the page tiles behind the shapes, and the
tool overlay (handles, rubber band, the shape being drawn) in front of them.

Mouse and key events that are not navigation go to the tool controller, which turns them
into edit commands; this module only moves the camera.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

if TYPE_CHECKING:
    from .tiles import PageTiles
    from .tools import ToolController

ZOOM_STEP = 1.25
MAX_SCALE = 32.0
BACKGROUND = QColor(58, 60, 64)


class CanvasView(QGraphicsView):
    """Shows the scene in image pixel coordinates; ``zoom`` is screen pixels per image pixel.
    ``zoomed(zoom)`` follows every change of it."""

    zoomed = Signal(float)

    def __init__(
        self, scene: QGraphicsScene, tiles: PageTiles, parent: QWidget | None = None
    ) -> None:
        super().__init__(scene, parent)
        self.tiles = tiles
        self.tools: ToolController | None = None
        self.page = QRectF()
        self.setObjectName("ImageCanvas")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setMouseTracking(True)
        # always shown, so fitting does not change the viewport it fitted into
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_from: QPoint | None = None
        self._space = False
        self._fitted = False  # fitting follows resizes until the user zooms
        tiles.tile_ready.connect(self._tile_ready)

    # ------------------------------------------------------------------ camera
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_page(self, width: float, height: float) -> None:
        """Show a page of this size; the scene extends a page beyond each edge for panning."""
        self.page = QRectF(0, 0, width, height)
        self.setSceneRect(self.page.adjusted(-width, -height, width, height))
        self.fit()

    def fit(self) -> None:
        if not self.page.isEmpty():
            self.fitInView(self.page, Qt.AspectRatioMode.KeepAspectRatio)
            self._fitted = True
            self.zoomed.emit(self.zoom)

    def actual_size(self) -> None:
        """100 %: one image pixel per screen pixel, keeping the view's centre."""
        centre = self.mapToScene(self.viewport().rect().center())
        self.resetTransform()
        self._fitted = False
        self.centerOn(centre)
        self.zoomed.emit(self.zoom)

    def min_scale(self) -> float:
        if self.page.isEmpty():
            return 0.01
        vp = self.viewport().rect()
        return 0.25 * min(vp.width() / self.page.width(), vp.height() / self.page.height())

    def zoom_at(self, factor: float, at: QPointF | None = None) -> None:
        """Zoom by ``factor`` keeping the image point under ``at`` (viewport pixels) still."""
        pos = at if at is not None else QPointF(self.viewport().rect().center())
        target = max(self.min_scale(), min(MAX_SCALE, self.zoom * factor))
        factor = target / self.zoom
        if abs(factor - 1.0) < 1e-9:
            return
        self._fitted = False
        at_px = pos.toPoint()
        anchor = self.mapToScene(at_px)
        self.scale(factor, factor)
        moved = self.mapFromScene(anchor)
        self._scroll_by(moved.x() - at_px.x(), moved.y() - at_px.y())
        self.zoomed.emit(self.zoom)

    def zoom_in(self) -> None:
        self.zoom_at(ZOOM_STEP, self._cursor_or_none())

    def zoom_out(self) -> None:
        self.zoom_at(1 / ZOOM_STEP, self._cursor_or_none())

    def _cursor_or_none(self) -> QPointF | None:
        from PySide6.QtGui import QCursor

        pos = self.viewport().mapFromGlobal(QCursor.pos())
        return QPointF(pos) if self.viewport().rect().contains(pos) else None

    def _scroll_by(self, dx: float, dy: float) -> None:
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() + round(dx))
        v.setValue(v.value() + round(dy))

    def _tile_ready(self, rect: QRectF) -> None:
        self.viewport().update(self.mapFromScene(rect).boundingRect().adjusted(-1, -1, 1, 1))

    # ------------------------------------------------------------------ painting
    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        rect = QRectF(rect)
        painter.fillRect(rect, BACKGROUND)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self.zoom < 1.0)
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        self.tiles.paint(painter, rect, visible, self.zoom)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        if self.tools is not None:
            self.tools.paint_overlay(painter, self.zoom)

    # ------------------------------------------------------------------ events
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fitted:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if delta:
            self.zoom_at(ZOOM_STEP ** (delta / 120.0), event.position())
        event.accept()

    def _panning(self, event: QMouseEvent) -> bool:
        return event.button() == Qt.MouseButton.MiddleButton or (
            self._space and event.button() == Qt.MouseButton.LeftButton
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if self._panning(event):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        elif self.tools is not None:
            self.tools.press(event, self.mapToScene(event.position().toPoint()))
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            pos = event.position().toPoint()
            d = pos - self._pan_from
            self._pan_from = pos
            self._scroll_by(-d.x(), -d.y())
        elif self.tools is not None:
            self.tools.move(event, self.mapToScene(event.position().toPoint()))
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
        elif self.tools is not None:
            self.tools.release(event, self.mapToScene(event.position().toPoint()))
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.tools is not None and event.button() == Qt.MouseButton.LeftButton:
            self.tools.double_click(self.mapToScene(event.position().toPoint()))
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space:
            self._space = True
            event.accept()
            return
        if self.tools is not None and self.tools.key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
        super().keyReleaseEvent(event)
