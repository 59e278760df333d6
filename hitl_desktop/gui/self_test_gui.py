"""The Qt half of ``hitl --self-test``: the real main window, offscreen when there is no display.

The check never changes the user's settings: the window's layout is not saved on close, and
where settings are files (Linux) they are read from and written to the self-test's temp folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ..workspace import Workspace
from .app import application
from .main_window import MainWindow
from .opening import Opened

SETTLE_MS = 300


def _settle(app: QApplication, ms: int = SETTLE_MS) -> None:
    deadline = QDeadlineTimer(ms)
    while not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


class WindowCheck:
    """The main window opened on the self-test's workspace, with the few questions it answers."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        self.app = app
        self.window = window

    @classmethod
    def open(cls, ws: Workspace, settings_dir: Path) -> WindowCheck:
        """Start Qt (offscreen without a display), open and show the main window on ``ws``."""
        settings_dir.mkdir(parents=True, exist_ok=True)
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            # honoured where settings are files (Linux); the registry and macOS preferences
            # are left alone because close() never saves the window's settings
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(settings_dir))
        app = application(offscreen_if_headless=True)
        window = MainWindow(Opened(ws))
        window.resize(1024, 700)
        window.show()
        _settle(app)
        if window.grab().isNull():
            window.close()
            raise RuntimeError("the main window could not be drawn")
        return cls(app, window)

    def platform(self) -> str:
        return QGuiApplication.platformName()

    def title(self) -> str:
        return self.window.windowTitle()

    def items_shown(self) -> int:
        """How many items the window's item list shows once it has re-read the workspace."""
        self.reload()
        return self.window.model.rowCount()

    def reload(self) -> None:
        self.window.on_events_appended()
        _settle(self.app, 100)

    def close(self) -> None:
        """Close the workspace and the window without saving its layout as the user's."""
        self.window.close_workspace()
        self.window.hide()
        self.window.deleteLater()
        _settle(self.app, 50)
