"""The first-run wizard: a profile, a workspace (new, existing or the demo), then the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard

from hitl_desktop.gui.app import first_run_wizard, remembered_workspace, run_gui
from hitl_desktop.gui.first_run import FirstRunWizard, Mode
from hitl_desktop.gui.main_window import MainWindow
from hitl_desktop.gui.opening import open_workspace
from hitl_desktop.gui.tour import Tour
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.workspace import Profile

pytestmark = pytest.mark.gui


def _fill(wizard: FirstRunWizard, name: str, role: str, mode: Mode, folder: Path) -> None:
    wizard.profile_page.form.name_edit.setText(name)
    wizard.profile_page.form.set_role(role)
    wizard.next()
    wizard.workspace_page.set_mode(mode)
    wizard.workspace_page.path_edit.setText(str(folder))


def test_wizard_makes_the_demo_with_the_profile_and_the_window_opens_on_it(
    qtbot,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    wizard = FirstRunWizard(tmp_path / "My workspace")
    qtbot.addWidget(wizard)
    wizard.show()
    finish = wizard.button(QWizard.WizardButton.NextButton)
    wizard.profile_page.form.name_edit.clear()
    assert not finish.isEnabled()  # a name first
    assert "publishes label schemas" not in wizard.profile_page.form.description.text()
    wizard.profile_page.form.set_role("expert")
    assert "publishes label schemas" in wizard.profile_page.form.description.text()
    _fill(wizard, "Wanda", "worker", Mode.DEMO, tmp_path / "demo")
    assert wizard.workspace_page.prepare_box.isEnabled()
    assert not wizard.workspace_page.prepare_box.isChecked()  # OCR and pre-labels are opt-in
    wizard.next()
    assert wizard.currentPage() is wizard.making_page
    back, cancel = (wizard.button(b) for b in (QWizard.WizardButton.BackButton,
                                                QWizard.WizardButton.CancelButton))  # fmt: skip
    assert not cancel.isEnabled()  # until the job reports back
    qtbot.waitUntil(lambda: not back.isEnabled())
    qtbot.waitUntil(wizard.making_page.isComplete, timeout=60_000)
    assert back.isEnabled() and cancel.isEnabled()
    assert "Ready" in wizard.making_page.status.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.workspace_path == tmp_path / "demo"

    win = MainWindow(open_workspace(tmp_path / "demo"))
    qtbot.addWidget(win)
    win.show()
    assert win.workspace.profile == Profile("Wanda", "worker")
    assert win.role_gate.label.text() == "Wanda · worker"
    assert win.model.rowCount() >= 8  # the demo's pages and texts
    assert not win.rebuild_action.isEnabled()
    win.close()


def test_workspace_page_says_what_is_wrong_with_the_folder(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    Workspace.create(tmp_path / "taken", name="taken").close()
    wizard = FirstRunWizard(tmp_path / "taken")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.workspace_page
    assert page.mode() is Mode.NEW and page.path_edit.text() == str(tmp_path / "taken")
    wizard.next()  # refused: the default folder already holds a workspace
    assert wizard.currentPage() is page
    assert (
        page.problem.text() == f"{tmp_path / 'taken'} already holds a workspace; open it instead."
    )
    page.set_mode(Mode.OPEN)
    page.path_edit.setText(str(tmp_path / "empty"))
    wizard.next()
    assert wizard.currentPage() is page
    assert f"{tmp_path / 'empty'} holds no workspace" in page.problem.text()
    # opening an existing workspace records the profile in it
    page.path_edit.setText(str(tmp_path / "taken"))
    wizard.profile_page.form.name_edit.setText("Kim")
    wizard.next()
    qtbot.waitUntil(wizard.making_page.isComplete, timeout=20_000)
    wizard.accept()
    with Workspace.open(tmp_path / "taken", readonly=True) as ws:
        assert ws.profile.name == "Kim"


def _drive_wizard(folder: Path) -> None:
    """Once the wizard is up: Ana, checker, a new workspace in ``folder``, Finish."""
    wizard = QApplication.activeModalWidget()
    if not isinstance(wizard, FirstRunWizard):
        QTimer.singleShot(20, lambda: _drive_wizard(folder))
        return
    _fill(wizard, "Ana", "checker", Mode.NEW, folder)
    wizard.next()

    def finish() -> None:
        if wizard.making_page.isComplete():
            wizard.button(QWizard.WizardButton.FinishButton).click()
        else:
            QTimer.singleShot(20, finish)

    finish()


def test_first_start_runs_the_wizard_and_remembers_the_workspace(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert remembered_workspace() is None
    QTimer.singleShot(0, lambda: _drive_wizard(tmp_path / "mine"))
    assert first_run_wizard(tmp_path / "default") == tmp_path / "mine"
    assert remembered_workspace() == tmp_path / "mine"
    with Workspace.open(tmp_path / "mine", readonly=True) as ws:
        assert ws.profile == Profile("Ana", "checker")
    assert not (tmp_path / "default").exists()


def test_run_gui_first_start_goes_wizard_window_tour_then_reopens(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, object] = {}

    def look_then_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        main = [w for w in windows if isinstance(w, MainWindow)]
        if not main:
            QTimer.singleShot(50, look_then_close)
            return
        seen["role"] = main[0].role_gate.label.text()
        seen["tour"] = [w.current().title for w in windows if isinstance(w, Tour)]
        main[0].close()

    safety = QTimer()
    safety.setSingleShot(True)
    safety.timeout.connect(qapp.quit)
    safety.start(20_000)
    QTimer.singleShot(0, lambda: _drive_wizard(tmp_path / "mine"))
    QTimer.singleShot(0, look_then_close)
    try:
        assert run_gui(tmp_path / "default", first_run=True) == 0
    finally:
        safety.stop()
    assert seen == {"role": "Ana · checker", "tour": ["Items"]}
    # the next first-run start opens the workspace the wizard made, without asking
    shot = tmp_path / "again.png"
    assert run_gui(tmp_path / "default", first_run=True, screenshot=shot) == 0
    assert shot.stat().st_size > 0 and not (tmp_path / "default").exists()
