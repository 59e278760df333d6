"""Insights → Dashboard… in the main window. The dashboard itself (pyqtgraph, scipy) is
imported only when it first opens, so the app's start-up memory does not grow."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from .provenance_dock import insights_menu

if TYPE_CHECKING:
    from .dashboard_window import DashboardWindow
    from .main_window import MainWindow


class DashboardMenu(QObject):
    """Owns the menu action and the one dashboard window, refreshed whenever it is reopened."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.window: DashboardWindow | None = None
        self.action = QAction(self.tr("&Dashboard…"), window)
        self.action.setObjectName("DashboardAction")
        tip = self.tr("Drift, model corrections, agreement and throughput over time")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.triggered.connect(self.open)
        insights_menu(window).addAction(self.action)

    def open(self) -> DashboardWindow:
        from .dashboard_window import DashboardWindow

        if self.window is None:
            main = self.main
            self.window = DashboardWindow(lambda: main.workspace, main.runner, main)
        self.window.show()
        self.window.raise_()
        self.window.refresh()
        return self.window
