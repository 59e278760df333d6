"""The "OCR" panel: the lines read on the selected page by its latest OCR run, and by what.

The header names the engine, its version, the device and the model files' hash, as recorded in
the ``ocr.ran`` event; lines with a low score are highlighted for checking. Each cell takes its
direction from its own text, so Arabic or Hebrew lines read right to left in any layout.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QModelIndex, QPersistentModelIndex, Qt, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

LOW_SCORE = 0.8  # lines read with less confidence are highlighted
LOW_SCORE_BRUSH = QColor(255, 179, 0, 80)  # translucent amber: readable on light and dark
SHORT_HASH = 12
OCR_KINDS = ("image", "scan_page")


def text_direction(text: str) -> Qt.LayoutDirection | None:
    """The direction of ``text``'s first strong character (None for digits and punctuation)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
    return None


class BidiDelegate(QStyledItemDelegate):
    """Lays out each cell in its own text's direction (first strong character), so an RTL line
    is right-aligned and ordered right to left even in a left-to-right window, and vice versa."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        direction = text_direction(option.text)
        if direction is not None:
            option.direction = direction


@dataclass(frozen=True)
class OcrRun:
    hash: str
    engine: str
    version: str
    weights: str | None
    device: str | None
    line_count: int
    mean_score: float | None


def latest_run(conn: sqlite3.Connection, item_id: str) -> OcrRun | None:
    row = conn.execute(
        "SELECT r.hash, r.engine, r.version, r.weights, r.device, r.line_count, r.mean_score "
        "FROM ocr_latest l JOIN ocr_runs r ON r.hash = l.run_hash WHERE l.item_id = ?",
        (item_id,),
    ).fetchone()
    return OcrRun(*row) if row is not None else None


def run_lines(conn: sqlite3.Connection, run_hash: str) -> list[tuple[int, str, float]]:
    return conn.execute(
        "SELECT line_no, text, score FROM ocr_lines WHERE run_hash = ? ORDER BY line_no",
        (run_hash,),
    ).fetchall()


class OcrView(QWidget):
    """Shows the latest OCR reading of one item: a provenance header and its lines."""

    LINE, TEXT, SCORE = range(3)

    def __init__(
        self, reader: Callable[[], sqlite3.Connection], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("OcrView")
        self.setAccessibleName(self.tr("OCR reading"))
        self._reader = reader
        self._item_id: str | None = None
        self._name = ""
        self.run: OcrRun | None = None

        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(self.heading.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        self.provenance = QLabel(self)
        self.provenance.setWordWrap(True)
        self.provenance.setTextFormat(Qt.TextFormat.PlainText)
        self.provenance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("#"), self.tr("Text"), self.tr("Score")])
        self.table.setItemDelegateForColumn(self.TEXT, BidiDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.TEXT, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        header.resizeSection(self.LINE, metrics.horizontalAdvance("0000") + 16)
        header.resizeSection(self.SCORE, metrics.horizontalAdvance(self.tr("Score")) + 24)

        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)  # drawn in the disabled (muted) colour
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.provenance)
        layout.addWidget(self.stack, 1)
        self.show_item(None)

    @property
    def item_id(self) -> str | None:
        return self._item_id

    def lines(self) -> list[tuple[str, str, str]]:
        """The rows as shown (line, text, score), for tests and accessibility tools."""
        rows = []
        for r in range(self.table.rowCount()):
            cells = [self.table.item(r, c) for c in range(3)]
            line, text, score = (cell.text() if cell is not None else "" for cell in cells)
            rows.append((line, text, score))
        return rows

    @Slot(object, str)
    def show_item(self, item_id: str | None, name: str = "") -> None:
        """Show the latest OCR reading of ``item_id`` (None clears the panel)."""
        self._item_id, self._name = item_id, name
        self.table.setRowCount(0)
        self.run = None
        self.provenance.clear()
        self.provenance.setToolTip("")
        self.provenance.hide()
        if item_id is None:
            self.heading.setText(self.tr("OCR"))
            return self._empty(self.tr("Select an image or a page to see the text read on it."))
        conn = self._reader()
        self.run = run = latest_run(conn, item_id)
        shown = f"\u2068{name or item_id}\u2069"  # a bidi isolate: an Arabic name stays put
        if run is None:
            self.heading.setText(shown)
            kind = conn.execute("SELECT kind FROM items WHERE id = ?", (item_id,)).fetchone()
            if kind is not None and kind[0] not in OCR_KINDS:
                return self._empty(self.tr("OCR reads images and pages only."))
            return self._empty(self.tr("No OCR yet — Tools → Run OCR"))
        rows = run_lines(conn, run.hash)
        low = sum(1 for _no, _text, score in rows if score < LOW_SCORE)
        heading = (
            self.tr("{name}: 1 line")
            if len(rows) == 1
            else self.tr("{name}: %Ln lines", "", len(rows))
        ).format(name=shown)
        if low:
            heading += self.tr(", %Ln to check", "", low)
        self.heading.setText(heading)
        self._show_provenance(run)
        self.table.setRowCount(len(rows))
        for r, (line_no, text, score) in enumerate(rows):
            self._fill_row(r, line_no, text, score)
        self.stack.setCurrentWidget(self.table)
        if not rows:
            self._empty(self.tr("The OCR run found no text on this page."))

    @Slot()
    def reload(self) -> None:
        if self._item_id is not None:
            self.show_item(self._item_id, self._name)

    # ------------------------------------------------------------------ building
    def _empty(self, text: str) -> None:
        self.empty_label.setText(text)
        self.stack.setCurrentWidget(self.empty_label)

    def device_name(self, device: str | None) -> str:
        if device == "cuda":
            return self.tr("GPU (CUDA)")
        return device.upper() if device else self.tr("unknown device")

    def _show_provenance(self, run: OcrRun) -> None:
        read_by = self.tr("Read by {engine} {version} on {device}").format(
            engine=run.engine, version=run.version, device=self.device_name(run.device)
        )
        details = [
            self.tr("model {hash}").format(hash=run.weights[:SHORT_HASH])
            if run.weights
            else self.tr("no model files")
        ]
        if run.mean_score is not None:
            details.append(self.tr("mean score {score}").format(score=self._score(run.mean_score)))
        self.provenance.setText(read_by + "\n" + " · ".join(details))
        self.provenance.setToolTip(
            self.tr(
                "Read by {engine} {version} on {device}\nmodel files {weights}\nevent {hash}"
            ).format(
                engine=run.engine,
                version=run.version,
                device=self.device_name(run.device),
                weights=run.weights or self.tr("none"),
                hash=run.hash[:16],
            )
        )
        self.provenance.show()

    @staticmethod
    def _score(score: float) -> str:
        return QLocale().toString(score, "f", 2)

    def _fill_row(self, row: int, line_no: int, text: str, score: float) -> None:
        cells = [QTableWidgetItem(QLocale().toString(line_no + 1)), QTableWidgetItem(text)]
        cells.append(QTableWidgetItem(self._score(score)))
        numbers = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        cells[self.LINE].setTextAlignment(numbers)
        cells[self.SCORE].setTextAlignment(numbers)
        cells[self.TEXT].setToolTip(text)
        if score < LOW_SCORE:
            tip = self.tr("Low confidence ({score}): check this line").format(
                score=self._score(score)
            )
            for cell in cells:
                cell.setBackground(QBrush(LOW_SCORE_BRUSH))
            font = QFont(self.table.font())
            font.setBold(True)
            cells[self.SCORE].setFont(font)
            cells[self.SCORE].setToolTip(tip)
            cells[self.TEXT].setToolTip(f"{text}\n{tip}")
        for column, cell in enumerate(cells):
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, column, cell)
