"""The text span editor: label stretches of a text item's NFC text with the mouse or keyboard.

Select text (drag, double-click, Shift+arrows) and press a label hotkey (the palette's 1–9) or
Enter for the current label: the selection becomes a span over code points of ``doc.text``
(Qt reports UTF-16 positions; ``annotate.text_offsets`` converts them). Spans are painted as
stacked underlines in their label's colour over a light tint, one lane per overlapping span, so
nested and crossing spans all stay visible; pending pre-label spans are dashed and untinted.
Del removes the span under the cursor, A accepts the suggestion under it (Shift+A all of them).
Each paragraph lays out in its own direction, so Arabic and Hebrew read right to left.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Slot
from PySide6.QtGui import (
    QAction,
    QColor,
    QHelpEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextBlockFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QLabel, QTextEdit, QToolTip, QVBoxLayout, QWidget

from ..annotate import Document, commands
from ..annotate.text_offsets import index_to_utf16, utf16_to_index
from .editor_common import LabelSource, editor_action, multiscript_font, trigger_matching
from .ocr_view import text_direction
from .span_marks import SpanMark, display_text, span_marks

if TYPE_CHECKING:
    from ..workspace import Workspace
    from .document_session import DocumentSession
    from .label_palette import LabelPalette
    from .tasks import TaskRunner

LINE_HEIGHT_PERCENT = 170  # room under each line for three stacked underlines
LANE_GAP = 3.0


class _SpanView(QTextEdit):
    """A read-only text view that paints span marks over the text and runs the editor's keys."""

    def __init__(self, editor: TextSpanEditor) -> None:
        super().__init__(editor)
        self._editor = editor
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFont(multiscript_font(13))
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if trigger_matching(self._editor.actions, event):
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.translate(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
        selected = set(self._editor.session.selection)
        first, last = self._visible_range()
        for mark in self._editor.marks:
            if mark.end >= first and mark.start <= last:  # only what is on screen
                self._paint_mark(painter, mark, mark.ann_id in selected)
        painter.end()

    def _visible_range(self) -> tuple[int, int]:
        """Positions of the first and last paragraphs showing in the viewport."""
        vp = self.viewport().rect()
        top = self.cursorForPosition(vp.topLeft()).block()
        bottom = self.cursorForPosition(vp.bottomLeft()).block()
        return top.position(), bottom.position() + bottom.length()

    def fragments(self, start: int, end: int) -> list[tuple[QRectF, float]]:
        """Rectangles (document coordinates) covering positions [start, end), one per line
        piece, each with the y of its baseline."""
        out: list[tuple[QRectF, float]] = []
        block = self.document().findBlock(start)
        while block.isValid() and block.position() < end:
            layout = block.layout()
            origin = layout.position()
            a = max(start, block.position()) - block.position()
            b = min(end, block.position() + block.length() - 1) - block.position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                fa = max(a, line.textStart())
                fb = min(b, line.textStart() + line.textLength())
                if fa >= fb:
                    continue
                x1, x2 = _x(line.cursorToX(fa)), _x(line.cursorToX(fb))
                rect = QRectF(origin.x() + min(x1, x2), origin.y() + line.y(),
                              abs(x2 - x1), line.ascent() + line.descent())  # fmt: skip
                out.append((rect, origin.y() + line.y() + line.ascent()))
            block = block.next()
        return out

    def _paint_mark(self, painter: QPainter, mark: SpanMark, selected: bool) -> None:
        color = self._editor.labels.color(mark.label)
        for rect, baseline in self.fragments(mark.start, mark.end):
            if not mark.pending:
                tint = QColor(color)
                tint.setAlpha(110 if selected else 45)
                painter.fillRect(rect, tint)
            pen = QPen(color.darker(130) if not mark.pending else color, 3 if selected else 2)
            if mark.pending:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = baseline + 4 + mark.lane * LANE_GAP
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            pos = self.cursorForPosition(event.pos()).position()
            text = self._editor.describe(pos)
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


def _x(value: object) -> float:
    """``QTextLine.cursorToX`` returns the x alone or (x, position) depending on binding."""
    return float(value[0] if isinstance(value, tuple) else value)  # type: ignore[arg-type]


class TextSpanEditor(QWidget):
    """Span labelling for text items; blank for other kinds. Actions are in ``actions``."""

    def __init__(
        self,
        session: DocumentSession,
        workspace: Callable[[], Workspace],
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        palette: LabelPalette | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("TextSpanEditor")
        self.setAccessibleName(self.tr("Text editor"))
        self.session = session
        self._workspace = workspace
        self._runner = runner
        self.document: Document | None = None
        self.marks: list[SpanMark] = []
        self.labels = LabelSource(self)
        self.labels.attach(palette)
        self.labels.chosen.connect(self._label_chosen)

        self.view = _SpanView(self)
        self.view.setAccessibleName(self.tr("Item text"))
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

        self.label_action = self._action(self.tr("Label selected text"),
                                         ["Return", "Enter"], self.label_selection)  # fmt: skip
        self.delete_action = self._action(self.tr("Remove span at cursor"), ["Del"],
                                          self.delete_at_cursor)  # fmt: skip
        self.accept_action = self._action(self.tr("Accept suggestion at cursor"), ["A"],
                                          self.accept_at_cursor)  # fmt: skip
        self.accept_all_action = self._action(self.tr("Accept all span suggestions"),
                                              ["Shift+A"], self.accept_all)  # fmt: skip
        # a list, as the main window expects of every editor (it shadows QWidget.actions())
        self.actions: list[QAction] = [  # type: ignore[assignment]
            self.label_action,
            self.delete_action,
            self.accept_action,
            self.accept_all_action,
        ]

        session.opened.connect(self._opened)
        session.changed.connect(self._refresh)
        session.selection_changed.connect(self._selection_changed)
        self.view.cursorPositionChanged.connect(self._cursor_moved)
        self._opened(session.document)

    def _action(self, text: str, keys: list[str], slot: Callable[[], object]) -> QAction:
        name = f"text_spans.{getattr(slot, '__name__', 'action')}"
        return editor_action(self, name, text, keys, slot)

    def set_palette(self, palette: LabelPalette | None) -> None:
        self.labels.attach(palette)

    def set_label(self, name: str | None) -> None:
        """The label Enter gives a selection when no palette is attached."""
        self.labels.set_label(name)

    # ------------------------------------------------------------------ showing
    @Slot(object)
    def _opened(self, doc: Document | None) -> None:
        self.document = doc if doc is not None and doc.text is not None else None
        if self.document is None:
            self.view.clear()
            self.marks = []
        else:
            text = self.document.text or ""
            self.view.setPlainText(display_text(text))
            direction = text_direction(text) or Qt.LayoutDirection.LeftToRight
            self.view.setLayoutDirection(direction)
            fmt = QTextBlockFormat()
            fmt.setLineHeight(
                LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
            )
            cursor = QTextCursor(self.view.document())
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.mergeBlockFormat(fmt)
            self.view.moveCursor(QTextCursor.MoveOperation.Start)
        for action in self.actions:
            action.setEnabled(self.document is not None)
        self.setEnabled(self.document is not None)
        self._refresh()

    @Slot()
    def _refresh(self) -> None:
        doc = self.document
        self.marks = span_marks(doc) if doc is not None else []
        self._update_status()
        self.view.viewport().update()

    def marks_at(self, pos16: int) -> list[SpanMark]:
        """Span marks covering UTF-16 position ``pos16``, innermost (shortest) first."""
        found = [m for m in self.marks if m.start <= pos16 < m.end]
        return sorted(found, key=lambda m: (m.end - m.start, m.pending))

    def describe(self, pos16: int) -> str:
        """Each span at ``pos16`` (innermost first): label, covered text and code-point offsets."""
        doc = self.document
        if doc is None or doc.text is None:
            return ""
        lines = []
        for m in self.marks_at(pos16):
            start, end = utf16_to_index(doc.text, m.start), utf16_to_index(doc.text, m.end)
            words = f"\u2068{doc.text[start:end]}\u2069"  # isolated: RTL words keep [a, b) intact
            if m.pending:
                score = f" {m.score:.2f}" if m.score is not None else ""
                lines.append(self.tr("suggested {label}{score}: “{words}” [{start}, {end}) — "
                                     "A accepts").format(label=m.label, score=score, words=words,
                                                         start=start, end=end))  # fmt: skip
            else:
                lines.append(self.tr("{label}: “{words}” [{start}, {end})").format(
                    label=m.label, words=words, start=start, end=end))  # fmt: skip
        return "   ·   ".join(lines)

    def _update_status(self) -> None:
        if self.document is None:
            self.status.setText(self.tr("Open a text item to label spans."))
            self.status.setToolTip("")
            return
        here = self.describe(self.view.textCursor().position())
        self.status.setText(here or self.tr("Select text, then press a label key (1–9) or Enter."))
        self.status.setToolTip(here.replace("   ·   ", "\n"))

    # ------------------------------------------------------------------ selection
    def selected_range(self) -> tuple[int, int] | None:
        """The selection as code-point offsets [start, end) of ``doc.text``; None if empty."""
        cursor = self.view.textCursor()
        if self.document is None or self.document.text is None or not cursor.hasSelection():
            return None
        text = self.document.text
        return (utf16_to_index(text, cursor.selectionStart()),
                utf16_to_index(text, cursor.selectionEnd()))  # fmt: skip

    def select_range(self, start: int, end: int) -> None:
        """Select code points [start, end) of the text in the view."""
        assert self.document is not None and self.document.text is not None
        text = self.document.text
        cursor = self.view.textCursor()
        cursor.setPosition(index_to_utf16(text, start))
        cursor.setPosition(index_to_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)

    @Slot()
    def _cursor_moved(self) -> None:
        self._update_status()
        cursor = self.view.textCursor()
        if self.document is None or cursor.hasSelection():
            return
        here = self.marks_at(cursor.position())
        if here and not any(m.ann_id in self.session.selection for m in here):
            self.session.select([here[0].ann_id])
        self.view.viewport().update()

    @Slot(list)
    def _selection_changed(self, ids: list[str]) -> None:
        marks = {m.ann_id: m for m in self.marks}
        chosen = [marks[i] for i in ids if i in marks]
        cursor = self.view.textCursor()
        if chosen and not any(m.start <= cursor.position() < m.end for m in chosen):
            cursor.setPosition(chosen[0].start)
            self.view.setTextCursor(cursor)
            self.view.ensureCursorVisible()
        self.view.viewport().update()

    # ------------------------------------------------------------------ editing
    def _push(self, make: Callable[[Document], commands.Command]) -> bool:
        return self.session.push_new(make)

    @Slot(str)
    def _label_chosen(self, label: str) -> None:
        if self.document is None or not self.isVisible():
            return
        if self.view.textCursor().hasSelection():
            self.label_selection(label)
            return
        spans = [i for i in self.session.selection if i in self.document]
        if spans:
            self._push(lambda doc: commands.relabel(doc, spans, label))

    def label_selection(self, label: str | None = None) -> bool:
        """Make the selected text a span with ``label`` (default: the current label)."""
        chosen = self.selected_range()
        label = label or self.labels.current
        if chosen is None or chosen[0] == chosen[1]:
            self.session.problem.emit(self.tr("Select some text to label first."))
            return False
        if not label:
            self.session.problem.emit(self.tr("Choose a label first (keys 1–9 or the palette)."))
            return False
        start, end = chosen
        command: list[commands.AddAnnotations] = []

        def make(doc: Document) -> commands.Command:
            command.append(commands.add_span(doc, start, end, label))
            return command[0]

        if not self._push(make):
            return False
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self.session.select([command[0].annotations[0].id])
        return True

    def delete_at_cursor(self) -> bool:
        """Remove the worker's span under the cursor (the selected one, else the innermost)."""
        here = [m for m in self.marks_at(self.view.textCursor().position()) if not m.pending]
        if not here:
            self.session.problem.emit(self.tr("No span at the cursor to remove."))
            return False
        picked = next((m for m in here if m.ann_id in self.session.selection), here[0])
        return self._push(lambda _doc: commands.delete([picked.ann_id]))

    def accept_at_cursor(self) -> bool:
        here = [m.ann_id for m in self.marks_at(self.view.textCursor().position()) if m.pending]
        if not here:
            self.session.problem.emit(self.tr("No suggested span at the cursor."))
            return False
        return self._push(lambda doc: commands.accept_suggestions(doc, here))

    def accept_all(self) -> bool:
        pending = [m.ann_id for m in self.marks if m.pending]
        if not pending:
            self.session.problem.emit(self.tr("No span suggestions to accept."))
            return False
        return self._push(lambda doc: commands.accept_suggestions(doc, pending))

    def point_of(self, pos16: int) -> QPoint:
        """The viewport point of the caret at ``pos16``, mid-line (for tests and pop-ups).

        Taken from the text layout, which hit-testing also uses (``cursorRect`` is a few
        pixels off in right-to-left paragraphs)."""
        view = self.view
        block = view.document().findBlock(pos16)
        layout = block.layout()
        line = layout.lineForTextPosition(pos16 - block.position())
        x = layout.position().x() + _x(line.cursorToX(pos16 - block.position()))
        y = layout.position().y() + line.y() + line.height() / 2
        return QPoint(round(x) - view.horizontalScrollBar().value(),
                      round(y) - view.verticalScrollBar().value())  # fmt: skip
