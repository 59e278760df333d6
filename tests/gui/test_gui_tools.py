"""Tools → Verify log and Rebuild projections through the real worker threads."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from hitl_desktop.gui.main_window import MainWindow
from hitl_desktop.gui.tasks import TaskRunner
from hitl_desktop.workspace import Cancelled, CancelToken

pytestmark = pytest.mark.gui


def _status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_verify_log_reports_ok(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.verify_action.trigger()  # Tools → Verify log
    qtbot.waitUntil(lambda: "OK" in _status(window), timeout=10_000)
    assert "10 events" in _status(window)
    assert window.runner.active_count == 0


def test_verify_log_lists_problems(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    db = window.workspace.db_path
    conn = sqlite3.connect(db)
    with conn:  # edit an event behind the app's back
        conn.execute(
            "UPDATE events SET body = replace(body, 'invoice.png', 'invoicf.png') "
            "WHERE body LIKE '%invoice.png%'"
        )
    conn.close()
    with qtbot.waitSignal(window.log_tools.verified, timeout=10_000) as blocker:
        window.verify_action.trigger()
    assert blocker.args == [False]
    assert "FAILED" in _status(window)
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert "problem" in box.text()
    assert "event" in box.informativeText()
    box.accept()


def test_rebuild_projections(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.browser.select_row(3)
    selected = window.browser.current_item_id()
    window.rebuild_action.trigger()
    qtbot.waitUntil(lambda: "identical" in _status(window), timeout=10_000)
    assert "10 events" in _status(window)
    assert window.model.rowCount() == 8
    assert window.log_tools.progress_dialog is None
    # The same item is still selected, and its history still shown.
    assert window.browser.current_item_id() == selected
    assert window.history.item_id == selected


def test_rebuild_can_be_cancelled(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()

    def slow_rebuild(*, progress, cancel: CancelToken):  # type: ignore[no-untyped-def]
        started.set()
        for done in range(1, 1000):
            progress(done, 1000)
            if cancel.cancelled:
                raise Cancelled("cancelled")
            threading.Event().wait(0.01)
        raise AssertionError("the cancel never arrived")

    monkeypatch.setattr(window.workspace, "rebuild", slow_rebuild)
    window.rebuild_action.trigger()
    dialog = window.log_tools.progress_dialog
    assert dialog is not None
    assert started.wait(5)
    qtbot.waitUntil(lambda: dialog.maximum() == 1000)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)  # shown once the job takes a while
    assert 0 < dialog.value() < 1000
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
    qtbot.waitUntil(lambda: "cancelled" in _status(window), timeout=10_000)
    assert "unchanged" in _status(window)
    assert window.log_tools.progress_dialog is None
    assert window.runner.active_count == 0


def test_task_runner_reports_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    gui_thread = threading.current_thread()
    seen: dict[str, object] = {}

    def job(cancel: CancelToken, progress):  # type: ignore[no-untyped-def]
        seen["worker"] = threading.current_thread()
        progress(1, 2)
        return 42

    def done(result: object) -> None:
        seen["done"] = (result, threading.current_thread())

    def progressed(done_: int, total: int) -> None:
        seen["progress"] = (done_, total, threading.current_thread())

    runner.start("job", job, on_done=done, on_error=pytest.fail, on_progress=progressed)
    qtbot.waitUntil(lambda: "done" in seen)
    assert seen["worker"] is not gui_thread
    assert seen["done"] == (42, gui_thread)
    assert seen["progress"] == (1, 2, gui_thread)

    errors: list[BaseException] = []
    runner.start("bad", lambda c, p: 1 / 0, on_done=pytest.fail, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ZeroDivisionError)
    qtbot.waitUntil(lambda: runner.active_count == 0)
    assert runner.shutdown(1000)
