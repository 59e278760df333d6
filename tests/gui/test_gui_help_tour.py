"""The help pane (instructions of the workspace's schema, the cheat sheet) and Help → Tour."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDockWidget

from hitl_desktop.gui.main_window import MainWindow, app_settings
from hitl_desktop.gui.tour import start_tour_once

pytestmark = pytest.mark.gui

SCHEMA = {
    "name": "forms",
    "version": 1,
    "instructions": "# Forms\n\nBox every **field**; leave stamps alone.",
    "tasks": [
        {
            "name": "fields",
            "kind": "boxes",
            "labels": [
                {"name": "question", "description": "a prompt", "hotkey": "1"},
                {"name": "answer", "description": "what was filled in", "hotkey": "2"},
            ],
        }
    ],
}


def test_help_pane_shows_the_cheat_sheet_then_the_published_instructions(
    qtbot,
    window: MainWindow,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    text = window.help_pane.browser.toPlainText()
    assert "Keyboard shortcuts" in text
    assert "Find items" in text and "Ctrl+F" in text
    assert "Next item to do" in text
    assert "No instructions" in text
    window.help_dock.show()
    assert window.help_pane_action.isChecked()

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**SCHEMA, "tasks": [{**SCHEMA["tasks"][0], "kind": "blobs"}]}))  # type: ignore[dict-item]
    window.schema_file.publish_file(bad)
    qtbot.waitUntil(lambda: window.runner.active_count == 0)
    assert "No instructions" in window.help_pane.browser.toPlainText()

    good = tmp_path / "forms.json"
    good.write_text(json.dumps(SCHEMA), encoding="utf-8")
    window.schema_file.publish_file(good)
    qtbot.waitUntil(lambda: "leave stamps alone" in window.help_pane.browser.toPlainText())
    assert "Published forms@1" in window.statusBar().currentMessage()
    # rendered Markdown: the heading and bold are formatting, not literal characters
    text = window.help_pane.browser.toPlainText()
    assert "**field**" not in text and "Box every field" in text
    assert "No instructions" not in text


def test_tour_steps_through_the_window_and_closes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tour = window.show_tour()
    qtbot.waitExposed(tour)
    titles = [tour.current().title]
    assert titles == ["Items"]
    assert tour.highlight.isVisible()
    assert tour.highlight.target is window.findChild(QDockWidget, "ItemsDock")
    assert not tour.back_button.isEnabled()
    while tour.next_button.text() != "&Done":
        tour.next_button.click()
        titles.append(tour.current().title)
    assert titles == ["Items", "Editor", "Labels", "OCR lines", "Status bar", "Help"]
    assert tour.counter.text() == "6 of 6"
    assert tour.highlight.target is window.help_dock
    tour.back_button.click()
    assert tour.current().title == "Status bar"
    assert tour.highlight.target is window.statusBar()
    tour.close_button.click()
    assert not tour.isVisible() and not tour.highlight.isVisible()


def test_the_tour_after_the_wizard_is_shown_once(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    settings: QSettings = app_settings()
    first = start_tour_once(window, settings)
    assert first is not None
    first.close()
    assert start_tour_once(window, settings) is None
