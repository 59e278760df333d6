"""What the main window needs that is not about what it shows: dock and action factories,
drag and drop of files to import, and the saved window layout.

Kept apart from ``main_window.py`` (a mixin of ``MainWindow``, which supplies ``workspace``,
``importer``, ``browser``); nothing here has user-visible text, so translations keep the
``MainWindow`` context.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from .shortcuts import plain

if TYPE_CHECKING:
    from ..workspace import Workspace
    from .import_runner import ImportController
    from .item_browser import ItemBrowser

SETTINGS_ORG = SETTINGS_APP = "hitl-desktop"
# Bumped whenever the docks or the item table's columns change: a layout saved by an older
# version is then ignored instead of restored into the wrong widgets.
LAYOUT_VERSION = 3


def app_settings() -> QSettings:
    return QSettings(SETTINGS_ORG, SETTINGS_APP)


class WindowPlumbing(QMainWindow):
    """Mixed into ``MainWindow``; see the module docstring."""

    workspace: Workspace
    importer: ImportController
    browser: ItemBrowser

    # ------------------------------------------------------------------ building
    def _dock(
        self, title: str, name: str, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea
    ) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setAccessibleName(title)
        dock.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.addDockWidget(area, dock)
        return dock

    def _action(
        self,
        text: str,
        slot: object = None,
        *,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        enabled: bool = True,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName("main." + plain(text).lower().replace(" ", "_"))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(slot)
        action.setEnabled(enabled)
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        return action

    def _menu(self, title: str, actions: list[QAction | None]) -> QMenu:
        menu = self.menuBar().addMenu(title)
        menu.setToolTipsVisible(True)
        for action in actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        return menu

    # ------------------------------------------------------------------ drag and drop
    @staticmethod
    def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not self.workspace.readonly and self._dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped_paths(event)
        if not paths or self.workspace.readonly:
            event.ignore()
            return
        event.acceptProposedAction()
        self.importer.ask(paths)

    # ------------------------------------------------------------------ settings
    def _restore_settings(self) -> None:
        settings = app_settings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if settings.value("main_window/layout_version") != str(LAYOUT_VERSION):
            return  # saved by an older layout: keep the defaults
        state = settings.value("main_window/state")
        if state is not None:
            self.restoreState(state, LAYOUT_VERSION)
        header = settings.value("item_table/header")
        if header is not None:
            self.browser.table.horizontalHeader().restoreState(header)

    def save_settings(self) -> None:
        settings = app_settings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/state", self.saveState(LAYOUT_VERSION))
        settings.setValue("main_window/layout_version", str(LAYOUT_VERSION))
        settings.setValue("item_table/header", self.browser.table.horizontalHeader().saveState())
