"""The table and in-place editor of the OCR lines editor (see ``ocr_lines``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QStyleOptionViewItem, QTableView, QWidget

from ..lineage import uuid7
from .editor_common import multiscript_font, trigger_matching
from .ocr_view import BidiDelegate

if TYPE_CHECKING:
    from .ocr_lines import OcrLinesEditor


class LiveEditDelegate(BidiDelegate):
    """Edits a transcription in a line edit that writes every change through at once."""

    def __init__(self, editor: OcrLinesEditor) -> None:
        super().__init__(editor)
        self._owner = editor

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Any) -> QWidget:
        line_edit = QLineEdit(parent)
        line_edit.setFont(multiscript_font(11))
        ann_id = str(index.data(Qt.ItemDataRole.UserRole))
        gesture = uuid7()  # one undo step for everything typed in this editor
        line_edit.textEdited.connect(lambda text: self._owner.edit_text(ann_id, text, gesture))
        line_edit.setProperty("gesture", gesture)
        line_edit.setProperty("original", str(index.data(Qt.ItemDataRole.EditRole)))
        return line_edit

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # Escape closes the editor without committing: put back the text it started with
        # (merged into the same undo step, so nothing of the typing is left)
        if (
            isinstance(obj, QLineEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and obj.property("gesture")
        ):
            index = self._owner.table.currentIndex()
            ann_id = str(index.data(Qt.ItemDataRole.UserRole))
            gesture, original = str(obj.property("gesture")), str(obj.property("original"))
            self._owner.edit_text(ann_id, original, gesture)
        return super().eventFilter(obj, event)

    def setEditorData(self, editor: QWidget, index: Any) -> None:
        assert isinstance(editor, QLineEdit)
        text = str(index.data(Qt.ItemDataRole.EditRole))
        if editor.text() != text:  # a live update would otherwise move the caret
            editor.setText(text)

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        assert isinstance(editor, QLineEdit)
        ann_id = str(index.data(Qt.ItemDataRole.UserRole))
        self._owner.edit_text(ann_id, editor.text(), str(editor.property("gesture")))


class LinesTable(QTableView):
    """Runs the editor's keys; a plain "A" on the worker's own line starts typing instead."""

    def __init__(self, owner: OcrLinesEditor) -> None:
        super().__init__(owner)
        self._owner = owner

    def _types(self, event: QKeyEvent) -> bool:
        plain_a = event.key() == Qt.Key.Key_A and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        )
        return plain_a and not self._owner.current_is_pending()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if self._types(event):
                event.accept()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._types(event) and trigger_matching(self._owner.actions, event):
            return
        super().keyPressEvent(event)
