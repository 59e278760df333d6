"""One light QGraphicsItem per annotation or suggestion: no widgets, cosmetic pens.

An item draws its annotation's shape in the label's colour. Suggestions (pending pre-labels
and OCR lines) are dashed and translucent, with their score; human annotations are solid.
Text appears only when the shape is large enough on screen to hold it, and always inside the
shape's bounds, so an item never paints outside its bounding rectangle.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ...annotate import Annotation, Box, OcrLine, Point, Polygon
from ...annotate.geometry import bounds
from ..label_palette import color_for

POINT_RADIUS_PX = 4.0  # on screen
POINT_PAD = 12.0  # image pixels around a point its bounding rect keeps for the marker
Z_SUGGESTION, Z_ANNOTATION, Z_SELECTED = 1.0, 2.0, 3.0
_FONT = QFont()
_FONT.setPixelSize(11)


def is_image_annotation(ann: Annotation) -> bool:
    return isinstance(ann.shape, Box | Polygon | Point | OcrLine)


class ShapeItem(QGraphicsItem):
    """Draws one annotation; ``suggestion`` items are drawn dashed with their score."""

    def __init__(
        self, ann: Annotation, suggestion: bool, color_of: Callable[[str], QColor] = color_for
    ) -> None:
        super().__init__()
        self.color_of = color_of  # the label palette's colours (a schema's, when published)
        self.suggestion = suggestion
        self.selected = False
        self.ann = ann
        self._rect = QRectF()
        self._polygon = QPolygonF()
        self._color = QColor()
        self._box = QRectF()
        self._pen = QPen()
        self._brush = QBrush()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the view handles the mouse
        self._load(ann)
        self.setZValue(Z_SUGGESTION if suggestion else Z_ANNOTATION)

    def set_annotation(self, ann: Annotation) -> None:
        self.prepareGeometryChange()
        self._load(ann)
        self.update()

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            base = Z_SUGGESTION if self.suggestion else Z_ANNOTATION
            self.setZValue(Z_SELECTED if selected else base)
            self._style()
            self.update()

    def _load(self, ann: Annotation) -> None:
        self.ann = ann
        shape = ann.shape
        assert isinstance(shape, Box | Polygon | Point | OcrLine)
        b = bounds(shape)
        pad = POINT_PAD if isinstance(shape, Point) else 1.0
        self._rect = QRectF(b.x0 - pad, b.y0 - pad, b.width + 2 * pad, b.height + 2 * pad)
        self._polygon = QPolygonF([QPointF(x, y) for x, y in shape.vertices()])
        self._box = QRectF(b.x0, b.y0, b.width, b.height)
        self._color = self.color_of(ann.label)
        self._style()

    def boundingRect(self) -> QRectF:
        return self._rect

    def _style(self) -> None:
        """Pen and brush for the current label, kind and selection (made once, not per paint)."""
        color = self._color
        pen = QPen(color.darker(130) if self.selected else color, 3 if self.selected else 2)
        pen.setCosmetic(True)
        fill = QColor(color)
        if self.suggestion:
            pen.setStyle(Qt.PenStyle.DashLine)
            fill.setAlpha(70 if self.selected else 35)
        else:
            fill.setAlpha(90 if self.selected else 40)
        self._pen, self._brush = pen, QBrush(fill)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        shape = self.ann.shape
        painter.setPen(self._pen)
        painter.setBrush(self._brush)
        scale = painter.worldTransform().m11() or 1.0
        if isinstance(shape, Point):
            r = min(POINT_RADIUS_PX / scale, POINT_PAD - 1.0)
            painter.drawEllipse(QPointF(shape.x, shape.y), r, r)
            return
        if isinstance(shape, Box):
            painter.drawRect(self._box)
        else:
            painter.drawPolygon(self._polygon)
        self._paint_caption(painter, scale)

    def _paint_caption(self, painter: QPainter, scale: float) -> None:
        """The label (and a suggestion's score) in screen-sized text, when it fits inside."""
        inner = self._rect.adjusted(1, 1, -1, -1)
        w, h = inner.width() * scale, inner.height() * scale
        if h < 14 or w < 24:
            return
        text = self.ann.label
        if self.suggestion and self.ann.origin.score is not None:
            text = f"{text} {self.ann.origin.score:.2f}"
        painter.save()
        painter.translate(inner.topLeft())
        painter.scale(1.0 / scale, 1.0 / scale)
        painter.setFont(_FONT)
        painter.setPen(QPen(self._color.darker(170)))
        painter.drawText(
            QRectF(3, 1, w - 4, min(h, 16.0)),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            text,
        )
        painter.restore()
