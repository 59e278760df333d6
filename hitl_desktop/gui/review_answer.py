"""One competing answer as the review view draws it: a read-only page canvas (image items),
the text with its spans (text items) and its OCR lines with the changed characters marked.

Annotations involved in a difference are drawn in a warning style (a thick orange-red
outline, or an orange tint in the text), so the eye goes to what needs a decision. The same
canvas draws both answers at once in the overlay, each answer in its own colour.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsScene, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ..annotate import Annotation, Span
from ..annotate.geometry import bounds
from ..review.view_model import Answer, ReviewPage, char_changes, ocr_counterparts, ocr_lines
from ..workspace import Workspace
from .canvas.items import ShapeItem, is_image_annotation
from .canvas.tiles import PageTiles
from .canvas.view import CanvasView
from .editor_common import multiscript_font
from .label_palette import color_for
from .tasks import TaskRunner

WARNING = QColor(235, 70, 20)  # differences: thick orange-red outline
WARNING_TINT = "#ffc9a8"
FLAGGED_WIDTH = 4
SIDE_COLOURS = (QColor(30, 110, 220), QColor(20, 160, 70))  # overlay: left blue, right green


class ReviewShape(ShapeItem):
    """A read-only shape; ``flagged`` ones (in a difference) get the warning outline."""

    def __init__(
        self, ann: Annotation, flagged: bool, color_of: Callable[[str], QColor], overlay: bool
    ) -> None:
        super().__init__(ann, False, color_of)
        self.flagged = flagged
        self.overlay = overlay
        self._style()

    def _style(self) -> None:
        super()._style()
        if not getattr(self, "flagged", False):
            return
        colour = self._color if getattr(self, "overlay", False) else WARNING
        pen = QPen(colour.darker(130) if self.selected else colour, FLAGGED_WIDTH + self.selected)
        pen.setCosmetic(True)
        tint = QColor(WARNING)
        tint.setAlpha(80 if self.selected else 45)
        self._pen, self._brush = pen, QBrush(tint)

    def pen(self) -> QPen:
        return QPen(self._pen)


@dataclass(frozen=True, slots=True)
class Layer:
    """Annotations to draw on a canvas and how."""

    annotations: Sequence[Annotation]
    flagged: frozenset[str]
    color_of: Callable[[str], QColor]


class PageCanvas(QWidget):
    """A read-only page with shapes over it; ``select`` marks and centres some of them."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scene = QGraphicsScene(self)
        self.tiles = PageTiles(runner, self)
        self.view = CanvasView(self.scene, self.tiles, self)
        self.view.setObjectName("ReviewCanvas")
        self.items: dict[str, ReviewShape] = {}
        self._blob: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.tiles.ready.connect(self._ready)

    def show_layers(
        self, workspace: Callable[[], Workspace], page: ReviewPage, layers: Sequence[Layer]
    ) -> None:
        """Draw ``layers`` over the item's page; more than one layer is the overlay."""
        self.scene.clear()
        self.items = {}
        if page.blob_sha256 != self._blob:
            self._blob = page.blob_sha256
            self.tiles.open(workspace, page.blob_sha256)
        if page.size is not None:
            self.view.set_page(*page.size)
        overlay = len(layers) > 1
        for z, layer in enumerate(layers):
            for ann in layer.annotations:
                if not is_image_annotation(ann):
                    continue
                item = ReviewShape(ann, ann.id in layer.flagged, layer.color_of, overlay)
                item.setZValue(item.zValue() + z * 0.1 + (1 if item.flagged else 0))
                self.items[ann.id + "/" + str(z)] = item
                self.scene.addItem(item)

    def shapes(self) -> list[ReviewShape]:
        return list(self.items.values())

    def select(self, ids: Iterable[str]) -> None:
        """Select the shapes of these annotation ids and bring them into view."""
        wanted = set(ids)
        area = QRectF()
        for item in self.items.values():
            hit = item.ann.id in wanted
            item.set_selected(hit)
            if hit:
                b = bounds(item.ann.shape)  # type: ignore[arg-type]  # image shapes only
                area = area.united(QRectF(b.x0, b.y0, b.width, b.height))
        if not area.isEmpty():  # scroll only when the regions are out of sight
            self.view.ensureVisible(area, 40, 40)
        self.view.viewport().update()

    def _ready(self) -> None:
        p = self.tiles.pyramid
        if p is not None and self.view.page.isEmpty():
            self.view.set_page(p.width, p.height)
        self.view.viewport().update()


def _mark(text: str, changed: bool) -> str:
    body = html.escape(text)
    return f"<span style='background:{WARNING_TINT}'><b>{body}</b></span>" if changed else body


def ocr_html(page: ReviewPage, index: int) -> str:
    """The answer's OCR lines, numbered, with the characters its counterpart lacks marked."""
    answer = page.answers[index]
    others = {
        a.id: a
        for other in page.answers
        if other is not answer
        for a in other.candidate.annotations
    }
    pairs = ocr_counterparts(page)
    rows = []
    for n, ann in enumerate(ocr_lines(answer.candidate.annotations), 1):
        text = ann.shape.text  # type: ignore[union-attr]  # OCR lines only
        partner = others.get(pairs.get(ann.id, ""))
        if partner is not None:  # mark what its counterpart on the other side lacks
            mine, _theirs = char_changes(text, partner.shape.text)  # type: ignore[union-attr]
            body = "".join(_mark(s, ch) for s, ch in mine)
        else:
            body = _mark(text, ann.id in answer.flagged)
        rows.append(f"<tr><td align=right>{n}.&nbsp;</td><td>{body}</td></tr>")
    return "<table cellspacing=2>" + "".join(rows) + "</table>"


def spans_html(text: str, annotations: Sequence[Annotation], flagged: frozenset[str]) -> str:
    """The text with its spans tinted in their label's colour, spans in a difference in the
    warning tint and bold; labels in the tooltip-free title of each run."""
    spans = [(a, a.shape) for a in annotations if isinstance(a.shape, Span)]
    cuts = sorted({0, len(text), *(s.start for _, s in spans), *(s.end for _, s in spans)})
    out = []
    for start, end in pairwise(cuts):
        covering = [a for a, s in spans if s.start <= start and end <= s.end]
        piece = html.escape(text[start:end]).replace("\n", "<br>")
        if not covering:
            out.append(piece)
            continue
        labels = html.escape(", ".join(a.label for a in covering))
        if any(a.id in flagged for a in covering):
            out.append(f"<span title='{labels}' style='background:{WARNING_TINT}; "
                       f"text-decoration: underline'><b>{piece}</b></span>")  # fmt: skip
        else:
            tint = QColor(color_for(covering[0].label))
            tint.setAlpha(255)
            out.append(f"<span title='{labels}' style='background:{tint.lighter(150).name()}'>"
                       f"{piece}</span>")  # fmt: skip
    return "".join(out)


class AnswerPane(QWidget):
    """Header, the page (or text) and the OCR lines of one answer."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.canvas = PageCanvas(runner, self)
        self.text = QTextBrowser(self)
        self.text.setFont(multiscript_font(12))
        self.lines = QTextBrowser(self)
        self.lines.setObjectName("ReviewOcrLines")
        self.lines.setMaximumHeight(110)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.lines)

    def header_text(self, side: str, answer: Answer) -> str:
        """Who made the answer, from which models, and whether it is a review decision."""
        c = answer.candidate
        parts = [f"<b>{html.escape(side)}: {html.escape(c.actor)}</b> ({html.escape(c.role)})"]
        parts.append(self.tr("{n} annotations").format(n=len(c.annotations)))
        if c.decision:
            parts.append(self.tr("review decision: {d}").format(d=html.escape(c.decision)))
        if answer.models:
            parts.append(self.tr("models: {m}").format(m=html.escape(", ".join(answer.models))))
        if answer.classes:
            parts.append(self.tr("class: {c}").format(c=html.escape(", ".join(answer.classes))))
        text = " · ".join(parts)
        if c.problem:
            text += f"<br><span style='color:#b00000'>{html.escape(c.problem)}</span>"
        return text

    def show_answer(
        self,
        workspace: Callable[[], Workspace],
        page: ReviewPage,
        index: int,
        side: str,
    ) -> None:
        if index >= len(page.answers):
            self.header.setText(self.tr("No second answer"))
            self.canvas.hide()
            self.text.hide()
            self.lines.hide()
            return
        answer = page.answers[index]
        self.header.setText(self.header_text(side, answer))
        anns = answer.candidate.annotations
        image = page.on_page
        self.canvas.setVisible(image)
        self.text.setVisible(page.text is not None)
        if image:
            self.canvas.show_layers(workspace, page, [Layer(anns, answer.flagged, color_for)])
        if page.text is not None:
            self.text.setHtml(spans_html(page.text, anns, answer.flagged))
        has_lines = bool(ocr_lines(anns))
        self.lines.setVisible(has_lines)
        if has_lines:
            self.lines.setHtml(ocr_html(page, index))
