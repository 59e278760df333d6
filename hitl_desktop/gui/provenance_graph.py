"""Drawing an item's provenance graph: one column per depth, left to right, a colour per kind
of event, a badge for its signature status, and the relation written on each arrow."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from ..insights.provenance import ItemProvenance, ProvNode

NODE_W, NODE_H, GAP_X, GAP_Y = 190.0, 64.0, 70.0, 22.0
MIN_SCALE = 0.6  # smaller text is no longer readable: scroll instead

# A light fill per kind (text stays dark on it in both themes) and a darker border.
KIND_COLOURS = {
    "import": "#cfe3ff", "page": "#dcecff", "sighting": "#e8f0fb", "ocr": "#fde7c8",
    "prelabel": "#f8d9f0", "correction": "#d6f2d6", "review": "#fff3b0", "export": "#d9d9f6",
    "other": "#e6e6e6",
}  # fmt: skip
BADGE_COLOURS = {"signed": "#2e7d32", "sealed": "#2e7d32", "unsigned": "#9e9e9e",
                 "bad": "#c62828"}  # fmt: skip
BADGE_TEXT = {"signed": "✓", "sealed": "✓", "unsigned": "?", "bad": "!"}


def kind_title(kind: str) -> str:
    """The kind of event as a person names it (translated)."""
    titles = {
        "import": QCoreApplication.translate("Provenance", "Import"),
        "page": QCoreApplication.translate("Provenance", "Derived page"),
        "sighting": QCoreApplication.translate("Provenance", "Seen again"),
        "ocr": QCoreApplication.translate("Provenance", "OCR run"),
        "prelabel": QCoreApplication.translate("Provenance", "Pre-label"),
        "correction": QCoreApplication.translate("Provenance", "Correction"),
        "review": QCoreApplication.translate("Provenance", "Review decision"),
        "export": QCoreApplication.translate("Provenance", "Export"),
    }
    return titles.get(kind, QCoreApplication.translate("Provenance", "Other event"))


def relation_title(relation: str) -> str:
    titles = {
        "derived-from": QCoreApplication.translate("Provenance", "derived from"),
        "used": QCoreApplication.translate("Provenance", "used"),
        "revises": QCoreApplication.translate("Provenance", "revises"),
        "decided": QCoreApplication.translate("Provenance", "decided"),
    }
    return titles.get(relation, relation)


class NodeItem(QGraphicsPathItem):
    """One event: its kind, who (or which model) and when; selectable."""

    def __init__(self, node: ProvNode, when: str) -> None:
        path = QPainterPath()
        path.addRoundedRect(QRectF(0, 0, NODE_W, NODE_H), 8, 8)
        super().__init__(path)
        self.node = node
        self.setBrush(QBrush(QColor(KIND_COLOURS.get(node.kind, KIND_COLOURS["other"]))))
        self.setPen(QPen(QColor("#555555"), 1.2))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(f"{node.type}\n{node.hash[:16]}")
        bold = QFont()
        bold.setBold(True)
        self.title = self._text(kind_title(node.kind), 8, 5, bold)
        who = node.agent if node.is_machine else f"\u2068{node.actor}\u2069 · {node.role}"
        self.actor = self._text(who, 8, 24)
        # elided to the box; \u2068…\u2069 keep a right-to-left name from reordering the line
        self.actor.setText(
            QFontMetricsF(self.actor.font()).elidedText(
                who, Qt.TextElideMode.ElideRight, NODE_W - 16
            )
        )
        self.when = self._text(when, 8, 42)
        colour = BADGE_COLOURS.get(node.verification, BADGE_COLOURS["unsigned"])
        badge = QPainterPath()
        badge.addEllipse(QRectF(NODE_W - 22, 6, 16, 16))
        self.badge = QGraphicsPathItem(badge, self)
        self.badge.setBrush(QBrush(QColor(colour)))
        self.badge.setPen(QPen(Qt.PenStyle.NoPen))
        mark = QGraphicsSimpleTextItem(BADGE_TEXT.get(node.verification, "?"), self.badge)
        mark.setBrush(QBrush(QColor("white")))
        rect = mark.boundingRect()
        mark.setPos(NODE_W - 14 - rect.width() / 2, 14 - rect.height() / 2)

    def _text(
        self, text: str, x: float, y: float, font: QFont | None = None
    ) -> QGraphicsSimpleTextItem:
        item = QGraphicsSimpleTextItem(text, self)
        if font is not None:
            item.setFont(font)
        item.setBrush(QBrush(QColor("#1a1a1a")))
        item.setPos(x, y)
        return item

    def set_highlight(self, on: bool) -> None:
        self.setPen(QPen(QColor("#1565c0") if on else QColor("#555555"), 3.0 if on else 1.2))


def layout(graph: ItemProvenance) -> dict[str, QPointF]:
    """Top-left corner of each node: column = depth, rows in causal order within a column."""
    rows: dict[int, int] = defaultdict(int)
    out: dict[str, QPointF] = {}
    for node in graph.nodes:
        row = rows[node.depth]
        rows[node.depth] += 1
        out[node.hash] = QPointF(node.depth * (NODE_W + GAP_X), row * (NODE_H + GAP_Y))
    return out


class ProvenanceScene(QGraphicsScene):
    """The graph of one item; ``node_clicked(hash)`` when the selection lands on a node."""

    node_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nodes: dict[str, NodeItem] = {}
        self.selectionChanged.connect(self._selection_changed)

    def draw(self, graph: ItemProvenance, when: dict[str, str]) -> None:
        """Replace the drawing with ``graph``; ``when`` gives each node's displayed time."""
        self.clear()
        self.nodes = {}
        at = layout(graph)
        for node in graph.nodes:
            item = NodeItem(node, when.get(node.hash, node.time))
            item.setPos(at[node.hash])
            self.addItem(item)
            self.nodes[node.hash] = item
        pen = QPen(QColor("#607d8b"), 1.4)
        for edge in graph.edges:
            a, b = at.get(edge.earlier), at.get(edge.later)
            if a is None or b is None:
                continue
            start = a + QPointF(NODE_W, NODE_H / 2)
            end = b + QPointF(0, NODE_H / 2)
            path = QPainterPath(start)
            mid = (start.x() + end.x()) / 2
            path.cubicTo(QPointF(mid, start.y()), QPointF(mid, end.y()), end)
            line = self.addPath(path, pen)
            line.setZValue(-1)
            head = QPolygonF([end, end + QPointF(-9, -5), end + QPointF(-9, 5)])
            arrow = QGraphicsPolygonItem(head)
            arrow.setBrush(QBrush(QColor("#607d8b")))
            arrow.setPen(QPen(Qt.PenStyle.NoPen))
            self.addItem(arrow)
            label = self.addSimpleText(relation_title(edge.relation))
            label.setBrush(QBrush(QColor("#455a64")))
            label.setPos(path.pointAtPercent(0.5) + QPointF(-label.boundingRect().width() / 2, -16))
        self.setSceneRect(self.itemsBoundingRect().adjusted(-12, -12, 12, 12))

    def select(self, hash_: str) -> None:
        item = self.nodes.get(hash_)
        if item is not None:
            self.clearSelection()
            item.setSelected(True)

    def _selection_changed(self) -> None:
        chosen = [i for i in self.selectedItems() if isinstance(i, NodeItem)]
        for item in self.nodes.values():
            item.set_highlight(item in chosen)
        if chosen:
            self.node_clicked.emit(chosen[0].node.hash)


class ProvenanceGraphView(QGraphicsView):
    """The scene in a view that keeps the whole graph readable when the dock is resized."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.graph_scene = ProvenanceScene(parent)
        super().__init__(self.graph_scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.zoom = 1.0  # on top of the fit: Ctrl+wheel

    def fit(self) -> None:
        """Scale the graph to the view, never below ``MIN_SCALE`` (then it scrolls)."""
        rect = self.sceneRect()
        if rect.isEmpty():
            return
        view = self.viewport().size()
        fit = min(view.width() / rect.width(), view.height() / rect.height(), 1.0)
        scale = max(fit, MIN_SCALE) * self.zoom
        self.setTransform(QTransform.fromScale(scale, scale))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
            self.zoom = min(max(self.zoom * step, 0.5), 4.0)
            self.fit()
            event.accept()
            return
        super().wheelEvent(event)
