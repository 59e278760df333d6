"""The real main window on a demo workspace: the item table, filters, History, menus."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import QMessageBox

from hitl_desktop import __version__
from hitl_desktop.gui.history_view import format_time
from hitl_desktop.gui.item_browser import ALL_ITEMS
from hitl_desktop.gui.item_table_model import ItemTableModel
from hitl_desktop.gui.main_window import MainWindow
from hitl_desktop.gui.opening import open_workspace
from hitl_desktop.lineage import Subject
from hitl_desktop.workspace import Workspace
from tests.gui.gui_helpers import DEMO_NAMES, imported

pytestmark = pytest.mark.gui


def _names(model: ItemTableModel) -> list[str]:
    return [model.data(model.index(r, ItemTableModel.NAME)) for r in range(model.rowCount())]


def test_table_shows_the_demo_items(window: MainWindow) -> None:
    model = window.model
    assert model.rowCount() == 8
    assert _names(model) == DEMO_NAMES
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    row = [model.data(model.index(1, c)) for c in range(model.columnCount())]
    assert row[1:5] == ["Image", "demo", "New", ""]  # no suggestion: no model has run
    assert row[5].endswith("KiB")
    assert window.browser.count_label.text() == "8 items"
    assert window.browser.stack.currentWidget() is window.browser.table


def test_typing_a_search_filters_rows(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    browser, model = window.browser, window.model
    qtbot.keyClicks(browser.search, "greeting")
    qtbot.waitUntil(lambda: model.rowCount() == 5)
    assert all(n.startswith("greeting-") for n in _names(model))
    browser.search.clear()
    qtbot.keyClicks(browser.search, "INVOICE")  # case-insensitive
    qtbot.keyClick(browser.search, Qt.Key.Key_Return)  # applies at once
    assert _names(model) == ["invoice.png"]
    assert browser.count_label.text() == "1 item"
    browser.search.setText("no such item")
    browser.apply_filter()
    assert model.rowCount() == 0
    assert browser.stack.currentWidget() is browser.empty_label
    assert "No items match" in browser.empty_label.text()
    # tag: and source: words narrow the list; the other words still search names
    browser.search.setText("tag:generated greeting")
    browser.apply_filter()
    assert model.rowCount() == 5
    browser.search.setText("tag:nope")
    browser.apply_filter()
    assert model.rowCount() == 0
    browser.search.setText("source:demo")
    browser.apply_filter()
    assert model.rowCount() == 8


def test_status_filter(window: MainWindow) -> None:
    ws = window.workspace
    retired_id = window.model.item_id(2)
    assert retired_id is not None
    ws.append([ws.draft("item.retired", {"reason": "blurred"}, subject=Subject(retired_id))])
    window.on_events_appended()
    combo = window.browser.status_combo
    combo.setCurrentIndex(combo.findData("retired"))
    assert _names(window.model) == ["registration-form.png"]
    combo.setCurrentIndex(combo.findData("new"))
    assert window.model.rowCount() == 7
    combo.setCurrentIndex(combo.findData("reviewed"))
    assert window.model.rowCount() == 0
    combo.setCurrentIndex(0)  # all but retired
    assert window.model.rowCount() == 7
    assert "registration-form.png" not in _names(window.model)
    combo.setCurrentIndex(combo.findData(ALL_ITEMS))
    assert window.model.rowCount() == 8
    assert window.model.data(window.model.index(2, ItemTableModel.STATUS)) == "Retired"


def test_selecting_a_row_fills_the_history_dock(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    table, model = window.browser.table, window.model
    assert window.history_dock.isVisible()
    rect = table.visualRect(model.index(5, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.history.item_id == model.item_id(5)
    entries = window.history.entries()
    assert len(entries) == 1
    when, type_, actor = entries[0]
    assert type_ == "item.imported"
    assert actor == f"{window.workspace.profile.name} (admin)"
    assert when and when[0].isdigit() and "T" not in when  # local time in the locale's format
    assert window.history.heading.text() == "\u2068greeting-ar.txt\u2069: 1 event"


def test_times_follow_the_locale() -> None:
    wall = "2026-01-02T03:04:05.678Z"
    local = QDateTime.fromString(wall, Qt.DateFormat.ISODateWithMs).toLocalTime()
    assert format_time(wall) == QLocale().toString(local, QLocale.FormatType.ShortFormat)
    QLocale.setDefault(QLocale.c())  # restored by the english_locale fixture
    assert format_time(wall) == local.toString("yyyy-MM-dd HH:mm:ss")
    assert format_time("not a time") == "not a time"


def test_new_events_show_after_notification(window: MainWindow) -> None:
    ws = window.workspace
    ws.append([imported(ws, "late-arrival.png")])
    window.on_events_appended()
    assert window.model.rowCount() == 9
    assert window.items_label.text() == "9 items"
    assert window.events_label.text() == "11 events"


def test_status_bar_and_title(window: MainWindow) -> None:
    assert window.windowTitle() == "Demo workspace — HITL Desktop"
    assert window.name_label.text() == "Demo workspace"
    assert window.items_label.text() == "8 items"
    assert window.events_label.text() == "10 events"  # created, enrolled, 8 imports
    device = window.workspace.device_id
    assert device is not None
    assert window.device_label.text() == f"signing as {device[:9]}"
    assert not window.readonly_label.isVisible()


def test_menus(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Annotate", "&Tools", "&Review", "&Sync",
                      "&Insights", "&Help"]  # fmt: skip
    assert window.import_files_action.isEnabled()
    assert window.import_folder_action.isEnabled()
    file_actions = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    assert file_actions[1:3] == ["&Import files…", "Import &folder…"]
    assert window.export_action.isEnabled()  # File → Export dataset… (recorded in the log)
    assert not window.undo_action.isEnabled()
    assert not window.redo_action.isEnabled()
    assert window.sync_menu.menuAction().isEnabled() and window.sync.sync_action.isEnabled()
    assert [a.isEnabled() for a in window.review_menu.actions()] == [True]  # an admin reviews
    toggle = window.view_menu.actions()[0]
    toggle.trigger()
    assert not window.history_dock.isVisible()
    toggle.trigger()
    assert window.history_dock.isVisible()

    window.activateWindow()
    window.find_action.trigger()
    qtbot.waitUntil(window.browser.search.hasFocus)

    window.about_action.trigger()
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert __version__ in box.text()
    box.accept()


def test_locked_workspace_opens_read_only(qtbot, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    writer = Workspace.open(demo_path)  # another "process" holds the write lock
    try:
        opened = open_workspace(demo_path)
        assert opened.locked and opened.workspace.readonly
        win = MainWindow(opened)
        qtbot.addWidget(win)
        win.show()
        assert win.windowTitle().endswith("[read-only]")
        assert win.readonly_label.isVisible()
        assert "read-only" in win.statusBar().currentMessage()
        assert not win.rebuild_action.isEnabled()
        assert not win.import_files_action.isEnabled()
        assert not win.import_folder_action.isEnabled()
        assert win.verify_action.isEnabled()
        assert win.model.rowCount() == 8
        win.close()
    finally:
        writer.close()


def test_geometry_and_dock_state_persist(qtbot, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(open_workspace(demo_path))
    qtbot.addWidget(first)
    first.show()
    first.resize(720, 520)
    first.history_dock.hide()
    first.close()
    second = MainWindow(open_workspace(demo_path))
    qtbot.addWidget(second)
    second.show()
    assert (second.size().width(), second.size().height()) == (720, 520)
    assert not second.history_dock.isVisible()
    second.close()


def test_open_another_workspace(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = window.workspace
    Workspace.create(tmp_path / "empty", name="Empty one").close()
    assert window.open_path(tmp_path / "empty")
    assert window.windowTitle() == "Empty one — HITL Desktop"
    assert window.model.rowCount() == 0
    assert window.browser.stack.currentWidget() is window.browser.empty_label
    assert "no items yet" in window.browser.empty_label.text()
    assert window.history.item_id is None
    Workspace.open(first.path).close()  # the first workspace was closed, lock released

    assert not window.open_path(tmp_path / "missing")  # the error is shown, nothing changes
    box = window.findChild(QMessageBox)
    assert box is not None and "no workspace" in box.text()
    box.accept()
    assert window.windowTitle() == "Empty one — HITL Desktop"
