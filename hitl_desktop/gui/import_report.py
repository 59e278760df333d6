"""The import report dialog: a summary line and every file's outcome, problems first to find."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Slot,
)
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..ingest import FileResult, ImportReport
from ..ingest.report import DUPLICATE, IMPORTED, REFUSED, SIGHTING, SKIPPED
from .theme import is_dark

AnyIndex = QModelIndex | QPersistentModelIndex
PROBLEM_STATUSES = frozenset({REFUSED, SKIPPED})
REFUSED_COLOUR = QColor(179, 38, 30)
REFUSED_COLOUR_DARK = QColor(255, 120, 110)  # the same red, readable on a dark theme

_STATUS_ICONS = {
    IMPORTED: QStyle.StandardPixmap.SP_DialogApplyButton,
    DUPLICATE: QStyle.StandardPixmap.SP_MessageBoxInformation,
    SIGHTING: QStyle.StandardPixmap.SP_MessageBoxInformation,
    REFUSED: QStyle.StandardPixmap.SP_MessageBoxCritical,
    SKIPPED: QStyle.StandardPixmap.SP_MessageBoxWarning,
}


def is_problem(result: FileResult) -> bool:
    """Refused, not processed, or flagged as a near-duplicate of other items."""
    return result.status in PROBLEM_STATUSES or bool(result.near_duplicates)


class ImportReportModel(QAbstractTableModel):
    """One row per file of an ImportReport."""

    STATUS, FILE, DETAILS, PARTS = range(4)
    PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, report: ImportReport, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self._icons: dict[str, QIcon] = {}

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.report.files)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Status"), self.tr("File"), self.tr("Details"), self.tr("Pages/rows"))[
            section
        ]

    def status_label(self, status: str) -> str:
        labels = {
            IMPORTED: self.tr("Imported"),
            DUPLICATE: self.tr("Duplicate"),
            SIGHTING: self.tr("New sighting"),
            REFUSED: self.tr("Refused"),
            SKIPPED: self.tr("Not processed"),
        }
        return labels.get(status, status)

    def details(self, f: FileResult) -> str:
        parts = [f.reason] if f.reason else []
        parts += f.notes
        if f.near_duplicates:
            n = len(f.near_duplicates)
            parts.append(
                self.tr("looks like 1 other item")
                if n == 1
                else self.tr("looks like %Ln other items", "", n)
            )
        return "; ".join(parts)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        f = self.report.files[index.row()]
        column = index.column()
        if role == self.PROBLEM_ROLE:
            return is_problem(f)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.STATUS:
                return self.status_label(f.status)
            if column == self.FILE:
                return Path(f.path).name
            if column == self.DETAILS:
                return self.details(f)
            return QLocale().toString(f.parts) if f.parts else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.FILE:
                return f.path
            if column == self.DETAILS:
                return "\n".join(self.details(f).split("; "))
            return None
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATUS:
            return self._status_icon(f.status)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            if f.status == REFUSED:
                return REFUSED_COLOUR_DARK if is_dark(QApplication.palette()) else REFUSED_COLOUR
            if f.status == SKIPPED:
                return QApplication.palette().color(
                    QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
                )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PARTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _status_icon(self, status: str) -> QIcon:
        icon = self._icons.get(status)
        if icon is None:
            pixmap = _STATUS_ICONS.get(status, QStyle.StandardPixmap.SP_FileIcon)
            icon = self._icons[status] = QApplication.style().standardIcon(pixmap)
        return icon


class _ProblemFilter(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.problems_only = False

    @Slot(bool)
    def set_problems_only(self, on: bool) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateRowsFilter is deprecated
            self.beginFilterChange()
            self.problems_only = on
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.problems_only = on
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self.problems_only:
            return True
        source = self.sourceModel()
        index = source.index(source_row, 0, source_parent)
        return bool(source.data(index, ImportReportModel.PROBLEM_ROLE))


class ImportReportDialog(QDialog):
    """Shows an ImportReport; ``problems_only`` hides the files that went in cleanly."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportReportDialog")
        self.setWindowTitle(self.tr("Import report"))
        self.report = report
        self.model = ImportReportModel(report, self)
        self.proxy = _ProblemFilter(self)
        self.proxy.setSourceModel(self.model)

        self.summary_label = QLabel(self.summary(), self)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.summary_label.setWordWrap(True)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        problems = sum(1 for f in report.files if is_problem(f))
        self.problems_only = QCheckBox(
            self.tr("Show &problems only (%Ln)", "", problems)
            if problems != 1
            else self.tr("Show &problems only (1)"),
            self,
        )
        self.problems_only.setEnabled(problems > 0)
        self.problems_only.toggled.connect(self.proxy.set_problems_only)
        self.table = self._build_table()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = self.buttons.addButton(
            self.tr("&Save report…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.clicked.connect(self.save_report)
        self.buttons.rejected.connect(self.reject)

        bar = QHBoxLayout()
        bar.addWidget(self.summary_label, 1)
        bar.addWidget(self.problems_only)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 460)

    def _build_table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ImportReportModel.DETAILS, QHeaderView.ResizeMode.Stretch)
        metrics = table.fontMetrics()
        widest_status = max(
            metrics.horizontalAdvance(self.model.status_label(s)) for s in _STATUS_ICONS
        )
        header.resizeSection(ImportReportModel.STATUS, widest_status + 48)
        header.resizeSection(ImportReportModel.FILE, metrics.horizontalAdvance("M" * 18))
        header.resizeSection(
            ImportReportModel.PARTS,
            metrics.horizontalAdvance(self.model.headerData(3, Qt.Orientation.Horizontal)) + 28,
        )
        return table

    def summary(self) -> str:
        """The report's summary, translated (the report's own is for logs and the CLI)."""
        r, counts = self.report, self.report.counts()
        n, items = counts.get(IMPORTED, 0), r.items_created
        parts = [
            self.tr("{n} imported ({items})").format(
                n=QLocale().toString(n),
                items=self.tr("1 item") if items == 1 else self.tr("%Ln items", "", items),
            )
        ]
        others = {
            DUPLICATE: self.tr("{n} duplicate"),
            SIGHTING: self.tr("{n} new sightings"),
            REFUSED: self.tr("{n} refused"),
            SKIPPED: self.tr("{n} not processed"),
        }
        parts += [
            text.format(n=QLocale().toString(counts[s]))
            for s, text in others.items()
            if counts.get(s)
        ]
        near = sum(1 for f in r.files if f.near_duplicates)
        if near:
            parts.append(self.tr("{n} flagged as near-duplicates").format(n=near))
        text = self.tr(", ").join(parts)
        return self.tr("Cancelled: {summary}").format(summary=text) if r.cancelled else text

    def visible_statuses(self) -> list[str]:
        """The status column as shown (after the problems filter), for tests."""
        return [
            self.proxy.data(self.proxy.index(row, ImportReportModel.STATUS))
            for row in range(self.proxy.rowCount())
        ]

    @Slot()
    def save_report(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save import report"), "import-report.json", self.tr("JSON (*.json)")
        )
        if not path:
            return
        try:
            Path(path).write_text(
                json.dumps(self.report.to_json(), indent=2, ensure_ascii=False), encoding="utf-8"
            )
        except OSError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
