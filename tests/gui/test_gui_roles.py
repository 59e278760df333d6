"""Roles shape the main window: what a role may not do is off, with who may in the tooltip."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from hitl_desktop.gui.main_window import MainWindow
from hitl_desktop.gui.opening import open_workspace
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.workspace import Profile

pytestmark = pytest.mark.gui


def _set_role(path: Path, role: str) -> None:
    with Workspace.open(path) as ws:
        ws.set_profile(Profile("wanda", role))


def test_a_worker_sees_review_publish_and_rebuild_off_with_the_reason(
    qtbot,
    demo_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    _set_role(demo_path, "worker")
    win = MainWindow(open_workspace(demo_path))
    qtbot.addWidget(win)
    assert win.role_gate.label.text() == "wanda · worker"
    assert not win.publish_schema_action.isEnabled()
    assert win.publish_schema_action.toolTip() == "Only experts publish schemas"
    for action in win.review_actions:
        assert not action.isEnabled()
        assert action.toolTip() == "Only checkers and experts decide reviews"
    assert not win.rebuild_action.isEnabled()
    assert win.rebuild_action.toolTip() == "Only admins use the rebuild and admin tools"
    # a worker still imports, runs models and annotates
    assert win.import_files_action.isEnabled() and all(a.isEnabled() for a in win.ocr.actions)

    # File → Profile…: become an expert; the change is recorded in the workspace
    dialog = win.profiles.edit()
    assert dialog.form.description.text().startswith("Labels and corrects")
    dialog.form.set_role("expert")
    assert "publishes label schemas" in dialog.form.description.text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert win.role_gate.label.text() == "wanda · expert"
    assert win.workspace.profile == Profile("wanda", "expert")
    # the gate gives each action back its own state
    assert win.publish_schema_action.isEnabled()
    assert win.publish_schema_action.toolTip().startswith("Publish a label schema file")
    assert win.review_actions[0].isEnabled()
    assert win.review_actions[0].toolTip() == "Decide the items whose answers disagree"
    assert not win.rebuild_action.isEnabled()  # experts do not run admin tools

    assert win.profiles.set_profile(Profile("wanda", "admin"))
    assert win.rebuild_action.isEnabled()
    assert win.rebuild_action.toolTip() == "Replay the whole log into fresh tables"
    win.close()
    with Workspace.open(demo_path, readonly=True) as ws:
        assert ws.profile == Profile("wanda", "admin")


def test_the_profile_dialog_needs_a_name(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = window.profiles.edit()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.form.name_edit.setText("   ")
    assert not ok.isEnabled()
    dialog.form.name_edit.setText("kim")
    assert ok.isEnabled()
    dialog.reject()
    assert window.workspace.profile.name != "kim"


def test_read_only_keeps_its_reason_under_the_role_gate(qtbot, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    _set_role(demo_path, "worker")
    win = MainWindow(open_workspace(demo_path, readonly=True))
    qtbot.addWidget(win)
    assert win.role_gate.label.text() == "wanda · worker"  # read from the workspace
    assert not win.profile_action.isEnabled()
    assert win.profile_action.toolTip() == "Needs the workspace open for writing"
    assert not win.import_files_action.isEnabled()
    assert win.import_files_action.toolTip() == "Needs the workspace open for writing"
    assert win.rebuild_action.toolTip() == "Only admins use the rebuild and admin tools"
    assert not win.profiles.set_profile(Profile("wanda", "admin"))  # refused with a message
    assert win.workspace.profile.role == "worker"
    assert not win.rebuild_action.isEnabled()
    win.close()
