"""Insights → Dataset provenance: the flow sources → items → pre-labelled → corrected →
reviewed → exported with its counts, and where the data came from, which models suggested and
who did what. ``ProvenanceFlowWidget`` draws the flow alone, for the dashboard to embed."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..insights.flow import DatasetFlow, dataset_flow
from .tasks import TaskRunner

STAGE_COLOURS = ("#cfe3ff", "#dcecff", "#f8d9f0", "#d6f2d6", "#fff3b0", "#d9d9f6")


def stage_title(name: str) -> str:
    titles = {
        "sources": QCoreApplication.translate("Provenance", "Sources"),
        "items": QCoreApplication.translate("Provenance", "Items"),
        "pre-labelled": QCoreApplication.translate("Provenance", "Pre-labelled"),
        "corrected": QCoreApplication.translate("Provenance", "Corrected"),
        "reviewed": QCoreApplication.translate("Provenance", "Reviewed"),
        "exported": QCoreApplication.translate("Provenance", "Exported"),
    }
    return titles.get(name, name)


class ProvenanceFlowWidget(QWidget):
    """The six stages as boxes joined by arrows, each with its count and a bar showing its
    share of the items (sources excepted)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.flow: DatasetFlow | None = None
        self.setMinimumSize(640, 130)
        self.setAccessibleName(self.tr("Dataset flow"))

    def sizeHint(self) -> QSize:
        return QSize(820, 150)

    def set_flow(self, flow: DatasetFlow | None) -> None:
        self.flow = flow
        if flow is not None:
            parts = [f"{stage_title(s.name)} {QLocale().toString(s.count)}" for s in flow.stages]
            self.setToolTip(" → ".join(parts))
        self.update()

    def stage_counts(self) -> dict[str, int]:
        return {s.name: s.count for s in self.flow.stages} if self.flow else {}

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = QColor("#1a1a1a")
        if self.flow is None:
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Reading…"))
            return
        n = len(self.flow.stages)
        gap = 26.0
        width = (self.width() - 16 - gap * (n - 1)) / n
        height = min(110.0, self.height() - 16.0)
        items = max(self.flow.stage("items"), 1)
        title_font, count_font = QFont(self.font()), QFont(self.font())
        title_font.setBold(True)
        count_font.setPointSizeF(count_font.pointSizeF() * 1.6)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for i, stage in enumerate(self.flow.stages):
            slot = n - 1 - i if rtl else i
            box = QRectF(8 + slot * (width + gap), 8, width, height)
            painter.setPen(QPen(QColor("#555555"), 1.2))
            painter.setBrush(QBrush(QColor(STAGE_COLOURS[i % len(STAGE_COLOURS)])))
            painter.drawRoundedRect(box, 8, 8)
            if stage.name != "sources":
                share = min(stage.count / items, 1.0)
                bar = QRectF(box.left() + 8, box.bottom() - 14, (width - 16) * share, 6)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(QColor("#546e7a")))
                painter.drawRect(bar)
            painter.setPen(text_colour)
            painter.setFont(title_font)
            painter.drawText(box.adjusted(6, 8, -6, 0), Qt.AlignmentFlag.AlignHCenter,
                             stage_title(stage.name))  # fmt: skip
            painter.setFont(count_font)
            painter.drawText(box.adjusted(6, 0, -6, -10), Qt.AlignmentFlag.AlignCenter,
                             QLocale().toString(stage.count))  # fmt: skip
            if i < n - 1:
                y = box.center().y()
                x0, x1 = (box.left() - gap + 4, box.left() - 4) if rtl else (
                    box.right() + 4, box.right() + gap - 4)  # fmt: skip
                painter.setPen(QPen(QColor("#607d8b"), 2))
                painter.drawLine(QPointF(x0, y), QPointF(x1, y))
                tip = QPointF(x0, y) if rtl else QPointF(x1, y)
                back = 8 if rtl else -8
                painter.setBrush(QBrush(QColor("#607d8b")))
                painter.drawPolygon(QPolygonF([tip, tip + QPointF(back, -5),
                                               tip + QPointF(back, 5)]))  # fmt: skip
        painter.end()


def _tree(parent: QWidget, headers: list[str], rows: list[list[str]]) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setColumnCount(len(headers))
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.addTopLevelItems([QTreeWidgetItem(r) for r in rows])
    for column in range(len(headers)):
        tree.resizeColumnToContents(column)
    return tree


class ProvenanceFlowWindow(QDialog):
    """The dataset's provenance, read off the GUI thread when the window opens."""

    loaded = Signal()

    def __init__(
        self, reader: Callable[[], sqlite3.Connection], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dataset provenance"))
        self.setObjectName("ProvenanceFlowWindow")
        self.resize(900, 560)
        self.flow_widget = ProvenanceFlowWidget(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.tabs = QTabWidget(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.flow_widget)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self._runner = TaskRunner(self, max_threads=1)

        def job(_cancel: Any, _progress: Any) -> DatasetFlow:
            return dataset_flow(reader())

        def failed(exc: BaseException) -> None:
            self.summary.setText(self.tr("Could not read the dataset: {error}").format(
                error=str(exc)))  # fmt: skip

        self._runner.start("dataset provenance", job, on_done=self.show_flow, on_error=failed)

    def show_flow(self, flow: DatasetFlow) -> None:
        self.flow_widget.set_flow(flow)
        loc = QLocale()
        if not flow.retired_items:
            retired = self.tr("No data is retired.")
        elif flow.retired_items == 1:
            retired = self.tr("Retired: 1 item, kept in the history but left out of the counts.")
        else:
            retired = self.tr(
                "Retired: %Ln items, kept in the history but left out of the counts.",
                "",
                flow.retired_items,
            )
        if flow.exports_unread == 1:
            retired += " " + self.tr(
                "1 export could not be read (moved or edited): its items are not counted."
            )
        elif flow.exports_unread:
            retired += " " + self.tr(
                "%Ln exports could not be read (moved or edited): their items are not counted.",
                "",
                flow.exports_unread,
            )
        self.summary.setText(retired)
        self.tabs.clear()
        yes = self.tr("yes")
        sources = [[s.name or self.tr("(no source)"), loc.toString(s.items),
                    loc.toString(s.files), yes if s.retired else "", ", ".join(s.collectors),
                    ", ".join(s.licences), ", ".join(s.devices), ", ".join(s.tags),
                    s.first_import[:10]] for s in flow.sources]  # fmt: skip
        self.tabs.addTab(_tree(self, [self.tr("Source"), self.tr("Items"), self.tr("Files"),
                                      self.tr("Retired"), self.tr("Collected by"),
                                      self.tr("Licence"), self.tr("Capture device"),
                                      self.tr("Tags"), self.tr("First import")], sources),
                         self.tr("Sources"))  # fmt: skip
        models = [[m.task, m.name, m.version, m.model_id, loc.toString(m.items),
                   loc.toString(m.events)] for m in flow.models]  # fmt: skip
        self.tabs.addTab(_tree(self, [self.tr("Task"), self.tr("Model"), self.tr("Version"),
                                      self.tr("Id"), self.tr("Items"), self.tr("Events")],
                               models), self.tr("Models"))  # fmt: skip
        people = [[actor, role, loc.toString(n)] for (actor, role), n in
                  flow.per_person().items()]  # fmt: skip
        self.tabs.addTab(_tree(self, [self.tr("Person"), self.tr("Role"), self.tr("Events")],
                               people), self.tr("People"))  # fmt: skip
        status = [[k, loc.toString(v)] for k, v in flow.status_counts.items()]
        status += [[self.tr("schema {ref}").format(ref=ref or self.tr("(none)")),
                    loc.toString(n)] for ref, n in flow.schema_versions.items()]  # fmt: skip
        self.tabs.addTab(_tree(self, [self.tr("Status or schema"), self.tr("Count")], status),
                         self.tr("Status and schemas"))  # fmt: skip
        self.loaded.emit()
