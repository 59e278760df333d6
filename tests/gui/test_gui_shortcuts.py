"""Editable shortcuts: a clash is refused by name, changes persist, F1 lists them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from hitl_desktop.gui.shortcuts import CheatSheet, ShortcutRegistry, ShortcutsDialog

pytestmark = pytest.mark.gui


def _action(parent: QWidget, name: str, text: str, keys: str) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(keys))
    return action


def test_shortcuts_are_edited_checked_and_kept(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    owner = QWidget()
    qtbot.addWidget(owner)
    accept = _action(owner, "accept", "&Accept suggestions", "A")
    nxt = _action(owner, "next_item", "&Next item", "Ctrl+Right")
    registry = ShortcutRegistry(lambda: settings)
    registry.register("&Edit", [accept, None, nxt])

    assert "already used by “Next item”" in registry.set_shortcut(
        accept, QKeySequence("Ctrl+Right")
    )
    assert accept.shortcut().toString() == "A"  # refused: unchanged
    assert registry.set_shortcut(accept, QKeySequence("Ctrl+Return")) == ""
    assert accept.shortcut().toString() == "Ctrl+Return"

    # a fresh registry (the next start) applies the saved shortcut
    again = _action(owner, "accept", "&Accept suggestions", "A")
    ShortcutRegistry(lambda: settings).register("&Edit", [again])
    assert again.shortcut().toString() == "Ctrl+Return"
    registry.reset(accept)
    assert accept.shortcut().toString() == "A"

    dialog = ShortcutsDialog(registry)
    qtbot.addWidget(dialog)
    row = dialog.action_row(nxt)
    assert row is not None and row.text(0) == "Next item" and row.text(1)
    dialog.tree.setCurrentItem(row)
    assert dialog.editor.isEnabled()
    dialog.editor.setKeySequence(QKeySequence("A"))  # taken by Accept
    dialog._apply()
    assert "already used by “Accept suggestions”" in dialog.message.text()
    sheet = CheatSheet(registry)
    qtbot.addWidget(sheet)
    assert "Accept suggestions" in sheet.text.text() and "Next item" in sheet.text.text()
