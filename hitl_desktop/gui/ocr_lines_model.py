"""The table model behind the OCR lines editor: a page's OCR lines in reading order, then the
OCR lines still suggested (pending), each with its reading order, text and score.

Pending lines are drawn in grey italics with the word "suggested"; lines read with a score under
the threshold carry a warning icon and the word "low" (never colour alone) and a tooltip.
Only the worker's own lines are editable; an edit goes to ``on_edit``, which pushes a command.

The per-page "checked" state lives on the lines themselves: a page is checked when it has OCR
lines and every one carries the attribute ``checked: true`` (``annotate`` has no page-level
attribute). A line added later is unchecked, so the page shows unchecked until looked at again.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QStyle

from ..annotate import Annotation, Document, EditError, OcrLine, commands
from .ocr_view import LOW_SCORE_BRUSH

CHECKED = "checked"
COLUMNS = (
    "#",
    QT_TRANSLATE_NOOP("OcrLinesModel", "Text"),
    QT_TRANSLATE_NOOP("OcrLinesModel", "Score"),
)
ORDER, TEXT, SCORE = range(3)
_Index = QModelIndex | QPersistentModelIndex


def page_checked(doc: Document) -> bool:
    """True when the page has OCR lines and every one is marked checked."""
    lines = doc.ocr_lines()
    return bool(lines) and all(a.attributes.get(CHECKED) is True for a in lines)


def set_checked(doc: Document, checked: bool) -> commands.ChangeAnnotations:
    """Mark every OCR line of the page checked (or not): one undoable step.

    Built from ``dataclasses.replace``, not ``Annotation.with_``: checking a line is not an
    edit of what the model read, so an accepted line keeps ``edited: false``.
    """
    pairs = []
    for a in doc.ocr_lines():
        attrs = dict(a.attributes)
        if checked:
            attrs[CHECKED] = True
        else:
            attrs.pop(CHECKED, None)
        pairs.append((a, dataclasses.replace(a, attributes=attrs)))
    if not pairs:
        raise EditError(f"item {doc.item_id} has no OCR lines to check; accept or add lines first")
    return commands.ChangeAnnotations(pairs, "Page checked" if checked else "Page unchecked")


@dataclass(frozen=True, slots=True)
class Row:
    ann: Annotation
    pending: bool

    @property
    def line(self) -> OcrLine:
        assert isinstance(self.ann.shape, OcrLine)
        return self.ann.shape


def rows_of(doc: Document | None) -> list[Row]:
    """The worker's lines in reading order, then the pending OCR lines in theirs."""
    if doc is None:
        return []
    pending = [s for s in doc.suggestions if isinstance(s.shape, OcrLine)]
    pending.sort(key=lambda s: (s.shape.order, s.id))  # type: ignore[union-attr]
    return [Row(a, False) for a in doc.ocr_lines()] + [Row(s, True) for s in pending]


class OcrLinesModel(QAbstractTableModel):
    def __init__(self, on_edit: Callable[[str, str], bool], low_score: float) -> None:
        super().__init__()
        self.rows: list[Row] = []
        self.low_score = low_score
        self._on_edit = on_edit
        self._italic = QFont()
        self._italic.setItalic(True)
        style = QApplication.style()
        self._warn: QIcon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)

    def refresh(self, doc: Document | None) -> None:
        """Show ``doc``'s lines; keeps editors open when only texts or scores changed."""
        rows = rows_of(doc)
        same = [(r.ann.id, r.pending) for r in rows] == [(r.ann.id, r.pending) for r in self.rows]
        if same and rows:
            self.rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(COLUMNS) - 1))
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, ann_id: str) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.ann.id == ann_id), None)

    def is_low(self, row: Row) -> bool:
        score = row.ann.origin.score
        return score is not None and score < self.low_score

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QApplication.translate("OcrLinesModel", str(COLUMNS[section]))
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == TEXT and not self.rows[index.row()].pending:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == ORDER:
                return (
                    QApplication.translate("OcrLinesModel", "suggested")
                    if row.pending
                    else str(row.line.order + 1)
                )
            if col == TEXT:
                return row.line.text
            score = row.ann.origin.score
            if score is None:
                return "—"
            shown = f"{math.floor(score * 100) / 100:.2f}"  # never rounds up past the threshold
            return (
                QApplication.translate("OcrLinesModel", "low %1").replace("%1", shown)
                if self.is_low(row)
                else shown
            )
        if role == Qt.ItemDataRole.FontRole and row.pending:
            return self._italic
        if role == Qt.ItemDataRole.ForegroundRole and row.pending:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.BackgroundRole and self.is_low(row):
            return LOW_SCORE_BRUSH  # besides the icon and the word "low", never alone
        if role == Qt.ItemDataRole.DecorationRole and col == SCORE and self.is_low(row):
            return self._warn
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = []
            if row.pending:
                tips.append(
                    QApplication.translate(
                        "OcrLinesModel", "Suggested by OCR, not yet accepted: press A."
                    )
                )
            if self.is_low(row):
                tips.append(
                    QApplication.translate("OcrLinesModel", "Low OCR confidence: check this line.")
                )
            if row.ann.attributes.get(CHECKED) is True:
                tips.append(QApplication.translate("OcrLinesModel", "Checked."))
            return "\n".join(tips) or None
        if role == Qt.ItemDataRole.UserRole:
            return row.ann.id
        return None

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row = self.rows[index.row()]
        if str(value) == row.line.text:
            return False
        return self._on_edit(row.ann.id, str(value))


class Rerecognised(commands.ChangeAnnotations):
    """New texts for some lines from a regions-only OCR reading; the revision saved after it
    names that reading in its ``base`` (as accepting a pre-label does), undo takes it back."""

    def __init__(self, pairs: Sequence[tuple[Annotation, Annotation]], event_hash: str) -> None:
        super().__init__(pairs, "Re-recognise boxes")
        self.event_hash = event_hash
        self._added = False

    def apply(self, doc: Document) -> None:
        super().apply(doc)
        self._added = self.event_hash not in doc.replaces
        doc.replaces.add(self.event_hash)

    def revert(self, doc: Document) -> None:
        super().revert(doc)
        if self._added:
            doc.replaces.discard(self.event_hash)
