"""The first-run wizard: who you are, which workspace to work in, then the main window.

Shown when the app starts with no workspace. Pages: the profile (name and role, a sentence on
each role); the workspace (create a new one in a chosen folder, open an existing one, or make
the demo workspace, optionally with OCR and pre-labels ready to correct; joining a central store
comes with sync); then the workspace is made on a worker thread, with its progress shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..demo import create_demo_workspace, shared_data
from ..workspace import Workspace, WorkspaceError
from ..workspace.paths import DB_NAME
from ..workspace.workspace import Profile
from .profile_form import ProfileForm
from .tasks import Progress, TaskRunner


class Mode(StrEnum):
    NEW = "new"
    OPEN = "open"
    DEMO = "demo"


@dataclass(frozen=True)
class WorkspaceChoice:
    """What the workspace page asks for."""

    mode: Mode
    path: Path
    prepare: bool = False


def check_choice(choice: WorkspaceChoice) -> str:
    """Why ``choice`` cannot be made (empty when it can), naming the folder."""
    if not str(choice.path).strip() or choice.path == Path():
        return "Choose a folder."
    has_workspace = (choice.path / DB_NAME).is_file()
    if choice.mode is Mode.OPEN and not has_workspace:
        return f"{choice.path} holds no workspace; choose its folder or create a new one."
    if choice.mode is not Mode.OPEN and has_workspace:
        return f"{choice.path} already holds a workspace; open it instead."
    if choice.path.exists() and not choice.path.is_dir():
        return f"{choice.path} is a file, not a folder."
    return ""


def make_workspace(
    choice: WorkspaceChoice, profile: Profile, say: Callable[[str], None] = lambda _m: None
) -> Path:
    """Create, open or make the demo workspace of ``choice`` with ``profile`` recorded in it
    (Qt-free; the wizard runs it on a worker thread). Returns the workspace folder."""
    problem = check_choice(choice)
    if problem:
        raise WorkspaceError(problem)
    if choice.mode is Mode.NEW:
        say(f"creating the workspace in {choice.path}")
        Workspace.create(choice.path, name=choice.path.name, profile=profile).close()
    elif choice.mode is Mode.OPEN:
        say(f"opening {choice.path}")
        Workspace.open(choice.path, profile=profile).close()
    else:
        say(f"making the demo workspace in {choice.path}")
        ws = create_demo_workspace(
            choice.path, prepare=choice.prepare, shared=shared_data(), say=say
        )
        try:
            ws.set_profile(profile)  # the sample items came in under the default profile
        finally:
            ws.close()
    return choice.path


class ProfilePage(QWizardPage):
    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome to HITL Desktop"))
        self.setSubTitle(
            self.tr("Who are you? Your name and role are recorded with every change you make.")
        )
        self.form = ProfileForm(profile, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.form.name_edit.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:
        return bool(self.form.name_edit.text().strip())


class WorkspacePage(QWizardPage):
    def __init__(self, default_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your workspace"))
        self.setSubTitle(self.tr("A workspace is a folder holding your items and their history."))
        self._defaults = {
            Mode.NEW: default_path,
            Mode.OPEN: Path(),
            Mode.DEMO: default_path.parent / "demo-workspace",
        }
        self.buttons = QButtonGroup(self)
        texts = {
            Mode.NEW: self.tr("&Create a new workspace"),
            Mode.OPEN: self.tr("&Open an existing workspace"),
            Mode.DEMO: self.tr("Make the &demo workspace (sample pages and texts)"),
        }
        layout = QVBoxLayout(self)
        self.radios: dict[Mode, QRadioButton] = {}
        for i, mode in enumerate(Mode):
            radio = QRadioButton(texts[mode], self)
            radio.setObjectName(f"Mode_{mode.value}")
            self.buttons.addButton(radio, i)
            self.radios[mode] = radio
            layout.addWidget(radio)
        self.prepare_box = QCheckBox(
            self.tr("Run OCR and pre-labels on the demo (takes a minute or two)"), self
        )
        layout.addWidget(self.prepare_box)
        central = QRadioButton(self.tr("Join a central store (comes with sync)"), self)
        central.setEnabled(False)
        layout.addWidget(central)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("WorkspacePath")
        self.path_edit.setAccessibleName(self.tr("Workspace folder"))
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(QLabel(self.tr("Folder:"), self))
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.problem = QLabel(self)
        self.problem.setObjectName("WorkspaceProblem")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        self.buttons.idToggled.connect(self._mode_changed)
        self.radios[Mode.NEW].setChecked(True)

    def mode(self) -> Mode:
        return list(Mode)[max(self.buttons.checkedId(), 0)]

    def set_mode(self, mode: Mode) -> None:
        self.radios[mode].setChecked(True)

    def choice(self) -> WorkspaceChoice:
        text = self.path_edit.text().strip()
        path = Path(text).expanduser() if text else Path()
        return WorkspaceChoice(self.mode(), path, self.prepare_box.isChecked())

    @Slot(int, bool)
    def _mode_changed(self, _id: int, checked: bool) -> None:
        if not checked:
            return
        mode = self.mode()
        default = self._defaults[mode]
        self.path_edit.setText(str(default) if default != Path() else "")
        self.prepare_box.setEnabled(mode is Mode.DEMO)
        self.problem.clear()

    @Slot()
    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Workspace folder"), self.path_edit.text()
        )
        if folder:
            self.path_edit.setText(folder)

    def validatePage(self) -> bool:
        problem = check_choice(self.choice())
        self.problem.setText(problem)
        return not problem


class MakingPage(QWizardPage):
    """Makes the workspace on a worker thread; Finish is on once it is there."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(self.tr("Getting your workspace ready"))
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.status = QLabel(self)
        self.status.setObjectName("MakingStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.made: WorkspaceChoice | None = None
        self.running = False

    def initializePage(self) -> None:
        choice = self._wizard.workspace_page.choice()
        profile = self._wizard.profile_page.form.profile()
        if self.made == choice:
            return  # back and forth without changes: it is already there
        self.made = None
        self.bar.setRange(0, 0)
        self.bar.show()
        self.status.setText(self.tr("Starting…"))

        def job(_cancel: Any, progress: Progress) -> Path:
            return make_workspace(choice, profile, lambda m: progress(0, 0, m))

        self._wizard.runner.start(
            "first-run",
            job,
            on_done=lambda path: self._done(choice, path),
            on_error=self._failed,
            on_detail=lambda _d, _t, text: self.status.setText(text),
        )
        self._set_running(True)

    def _done(self, choice: WorkspaceChoice, path: Path) -> None:
        self.made = choice
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.status.setText(self.tr("Ready: {path}. Press Finish to start.").format(path=path))
        self._set_running(False)

    def _failed(self, exc: BaseException) -> None:
        self.bar.hide()
        self.status.setText(
            self.tr("Could not make the workspace: {error}. Go back to choose again.").format(
                error=str(exc).rstrip(".")
            )
        )
        self._set_running(False)

    def _set_running(self, running: bool) -> None:
        # Back and Cancel are off while the job runs: the wizard waits for it rather than
        # leave a half-made workspace behind or start a second one
        self.running = running
        self.completeChanged.emit()
        self._wizard.button(QWizard.WizardButton.CancelButton).setEnabled(not running)
        if running:  # after the wizard has set its buttons for the page it is showing
            QTimer.singleShot(0, self._hold_back)

    @Slot()
    def _hold_back(self) -> None:
        if self.running:
            self._wizard.button(QWizard.WizardButton.BackButton).setEnabled(False)

    def isComplete(self) -> bool:
        return self.made is not None and not self.running


class FirstRunWizard(QWizard):
    """Profile → workspace → made; ``workspace_path`` and ``profile`` once accepted."""

    def __init__(self, default_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FirstRunWizard")
        self.setWindowTitle(self.tr("HITL Desktop: first start"))
        self.runner = TaskRunner(self, max_threads=1)
        self.profile_page = ProfilePage(Profile.default(), self)
        self.workspace_page = WorkspacePage(Path(default_path), self)
        self.making_page = MakingPage(self)
        for page in (self.profile_page, self.workspace_page, self.making_page):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)

    @property
    def workspace_path(self) -> Path | None:
        made = self.making_page.made
        return made.path if made is not None else None

    @property
    def profile(self) -> Profile:
        return self.profile_page.form.profile()

    def done(self, result: int) -> None:
        if self.making_page.running:
            return  # never leave a half-made workspace behind: wait for the job
        self.runner.shutdown()
        super().done(result)
