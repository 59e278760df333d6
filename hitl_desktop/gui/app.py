"""Starting the desktop app: the QApplication, the workspace, the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QEventLoop,
    QLocale,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ..workspace import WorkspaceError
from .first_run import FirstRunWizard
from .i18n import chosen_language, install_translators
from .main_window import SETTINGS_APP, SETTINGS_ORG, MainWindow, app_settings
from .opening import open_workspace
from .resources import resource_path
from .theme import apply_theme, chosen_theme, set_high_dpi_policy
from .tour import start_tour_once

_started: list[QLocale] = []  # the UI locale, once translators are installed


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _install_translators(app: QCoreApplication) -> None:
    if not _started:  # once: a test switching languages calls i18n.install_translators itself
        _started.append(install_translators(app, chosen_language(app_settings())))


def application(*, offscreen_if_headless: bool = False) -> QApplication:
    """The QApplication (created once), named for QSettings and translated for the locale."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        if offscreen_if_headless and not _has_display():
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        set_high_dpi_policy()
        app = QApplication(sys.argv[:1])
        apply_theme(app, chosen_theme(app_settings()))
    app.setOrganizationName(SETTINGS_ORG)
    app.setApplicationName(SETTINGS_APP)
    app.setDesktopFileName("hitl-desktop")
    icon = resource_path("icons", "hitl-desktop.svg")
    if icon is not None:
        app.setWindowIcon(QIcon(str(icon)))
    _install_translators(app)
    # Qt already lays widgets out right-to-left for RTL translations; follow the locale too.
    if _started[0].textDirection() == Qt.LayoutDirection.RightToLeft:
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    return app


def _fail(message: str, *, modal: bool) -> int:
    if modal:
        QMessageBox.critical(None, QCoreApplication.translate("run_gui", "HITL Desktop"), message)
    else:
        print(f"error: {message}", file=sys.stderr)
    return 1


SCREENSHOT_SETTLE_MS = 1500


def _screenshot(app: QApplication, window: MainWindow, path: Path) -> int:
    window.show()
    # let layouts settle, the views fetch their first page and the editor decode the page
    deadline = QDeadlineTimer(SCREENSHOT_SETTLE_MS)
    while not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    pixmap = window.grab()
    window.hide()
    window.close_workspace()
    window.deleteLater()
    path.parent.mkdir(parents=True, exist_ok=True)
    if pixmap.isNull() or not pixmap.save(str(path), "PNG"):
        print(f"error: could not write the screenshot to {path}", file=sys.stderr)
        return 1
    return 0


LAST_WORKSPACE_KEY = "workspace/last"


def remembered_workspace() -> Path | None:
    """The workspace the first-run wizard made or opened, while it is still there."""
    value = app_settings().value(LAST_WORKSPACE_KEY)
    path = Path(str(value)) if value else None
    return path if path is not None and (path / "workspace.db").is_file() else None


def first_run_wizard(default_path: Path) -> Path | None:
    """Run the first-run wizard; the workspace it made or opened, None when cancelled."""
    wizard = FirstRunWizard(default_path)
    accepted = wizard.exec() == FirstRunWizard.DialogCode.Accepted
    path = wizard.workspace_path if accepted else None
    wizard.deleteLater()
    if path is not None:
        app_settings().setValue(LAST_WORKSPACE_KEY, str(path))
    return path


def run_gui(
    workspace_path: Path,
    *,
    readonly: bool = False,
    screenshot: Path | None = None,
    first_run: bool = False,
) -> int:
    """Open the desktop app on a workspace; return the exit code.

    With ``first_run`` (no workspace at ``workspace_path`` yet) the workspace the wizard made
    before is opened, or else the first-run wizard asks for a profile and a workspace and the
    tour follows. With ``screenshot`` the main window is rendered to that PNG and the function
    returns without entering the event loop or showing any dialog (errors go to stderr).
    """
    app = application(offscreen_if_headless=screenshot is not None)
    tour = False
    if first_run:
        remembered = remembered_workspace()
        if remembered is not None:
            workspace_path = remembered
        elif screenshot is None:
            chosen = first_run_wizard(Path(workspace_path))
            if chosen is None:
                return 0
            workspace_path, tour = chosen, True
    try:
        opened = open_workspace(Path(workspace_path), readonly=readonly)
    except WorkspaceError as exc:
        return _fail(str(exc), modal=screenshot is None)
    window = MainWindow(opened)
    if screenshot is not None:
        window.resize(1280, 800)
        return _screenshot(app, window, Path(screenshot))
    app.aboutToQuit.connect(window.close_workspace)
    window.show()
    if tour:
        start_tour_once(window, app_settings())
    return app.exec()
