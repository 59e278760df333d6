"""The label palette: stable colours, hotkeys 1–9, the current label."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QPushButton

from hitl_desktop.gui.label_palette import LabelPalette, color_for

pytestmark = pytest.mark.gui


def test_hotkeys_choose_labels_and_colours_are_stable(qtbot) -> None:  # type: ignore[no-untyped-def]
    win = QMainWindow()
    palette = LabelPalette(win)
    dock = QDockWidget("Labels", win)
    dock.setWidget(palette)
    win.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    editor = QPushButton("editor", win)  # stands for the editor that has the keyboard
    win.setCentralWidget(editor)
    win.addActions(palette.hotkey_actions)
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    editor.setFocus()
    palette.set_labels(["header", "question", "answer", "question", "تاريخ"])
    assert palette.labels == ["header", "question", "answer", "تاريخ"]
    assert palette.current_label == "header"
    with qtbot.waitSignal(palette.label_chosen) as chosen:
        qtbot.keyClick(editor, Qt.Key.Key_3)
    assert chosen.args == ["answer"] and palette.current_label == "answer"
    assert not palette.hotkey_actions[4].isEnabled()  # only four labels
    # the same name always gets the same colour; different names differ
    assert color_for("answer") == palette.color_for("answer")
    assert color_for("answer") != color_for("question")
    palette.set_labels(["answer", "other"])  # the current label survives a reload
    assert palette.current_label == "answer"
