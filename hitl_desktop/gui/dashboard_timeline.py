"""The dashboard's event table: who did what, when, on which device, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ..insights.activity import Timeline


class TimelineTable(QTableWidget):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(0, 6, parent)
        self.setObjectName("DashboardTimeline")
        self.setHorizontalHeaderLabels([
            self.tr("When (UTC)"), self.tr("Who"), self.tr("Role"), self.tr("What"),
            self.tr("Item"), self.tr("Device"),
        ])  # fmt: skip
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.setAccessibleName(self.tr("Events in the current window"))
        self.setMinimumHeight(220)

    def show_entries(self, timeline: Timeline) -> None:
        self.setRowCount(len(timeline.entries))
        for row, e in enumerate(timeline.entries):
            device = e.device[:12] + (self.tr(" (synced)") if e.synced else "")
            cells = [e.when.replace("T", " ")[:19], e.actor, e.role, e.type, (e.item or "")[:12],
                     device]  # fmt: skip
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 4 and e.item:
                    item.setToolTip(e.item)
                if col == 5:
                    item.setToolTip(e.device)
                self.setItem(row, col, item)
        self.resizeColumnsToContents()
