"""Roles shape the GUI: actions the profile's role may not use are disabled, with a tooltip
naming the roles that may; the status bar shows who is working.

The gate sits on top of the other reasons an action is off (a read-only workspace, a feature
still to come): it remembers each gated action's own state and gives it back when the role
allows the action again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox, QStatusBar, QWidget

from ..roles import Action, can, reason
from ..workspace import Workspace, WorkspaceError
from ..workspace.workspace import Profile
from .profile_form import ProfileDialog


def tr_reason(role: str, action: Action) -> str:
    return QCoreApplication.translate("roles", reason(role, action))


class RoleGate(QObject):
    """Which role-limited thing each QAction does, and applying a role to all of them."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.role = ""
        self._gated: dict[QAction, Action] = {}
        # an action's own (enabled, tooltip) while the gate holds it disabled, and the tooltip
        # the gate gave it: another tooltip means its owner has set it afresh since (a workspace
        # opened), and that is its own state now
        self._held: dict[QAction, tuple[bool, str]] = {}
        self._tips: dict[QAction, str] = {}
        self.label = QLabel(parent)
        self.label.setObjectName("RoleLabel")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setContentsMargins(6, 0, 6, 0)

    def gate(self, action: Action, qactions: Iterable[QAction]) -> None:
        """Mark ``qactions`` as doing ``action`` (applied at the next ``apply``)."""
        for qaction in qactions:
            self._gated[qaction] = action

    def apply(self, profile: Profile) -> None:
        """Disable what ``profile.role`` may not do, give back the rest their own state."""
        self.role = profile.role
        for qaction, action in self._gated.items():
            ours = self._tips.pop(qaction, None)
            held = self._held.pop(qaction, None)
            if ours is None or held is None or qaction.toolTip() != ours or qaction.isEnabled():
                held = (qaction.isEnabled(), qaction.toolTip())
            if can(profile.role, action):
                qaction.setEnabled(held[0])
                qaction.setToolTip(held[1])
                continue
            self._held[qaction] = held
            self._tips[qaction] = tr_reason(profile.role, action)
            qaction.setEnabled(False)
            qaction.setToolTip(self._tips[qaction])
        self.label.setText(self.tr("{name} · {role}").format(name=profile.name, role=profile.role))
        self.label.setToolTip(self.tr("Your profile: File → Profile… changes it"))

    def allowed(self, action: Action) -> bool:
        return can(self.role, action)


class ProfileController(QObject):
    """File → Profile… and the role gate: changing the profile reshapes the window.

    Its strings keep the main window's translation context, where they were first written."""

    def __init__(
        self, workspace: Callable[[], Workspace], bar: QStatusBar, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._bar = bar
        self._parent = parent
        self.gate = RoleGate(parent)
        bar.addPermanentWidget(self.gate.label)
        self.action = QAction(QCoreApplication.translate("MainWindow", "&Profile…"), parent)
        self.action.setObjectName("main.profile")
        tip = QCoreApplication.translate("MainWindow", "Your name and role")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.triggered.connect(self.edit)

    def set_writable(self, writable: bool) -> None:
        """The profile is kept in the workspace: a read-only one cannot change it."""
        self.action.setEnabled(writable)
        needs = QCoreApplication.translate("MainWindow", "Needs the workspace open for writing")
        self.action.setToolTip(self.action.statusTip() if writable else needs)

    @Slot()
    def edit(self) -> ProfileDialog:
        """Open the profile dialog; OK records the profile."""
        dialog = ProfileDialog(self._workspace().profile, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.set_profile(dialog.form.profile()))
        dialog.open()
        return dialog

    def set_profile(self, profile: Profile) -> bool:
        """Record ``profile`` in the workspace and reshape the window for its role."""
        try:
            self._workspace().set_profile(profile)
        except WorkspaceError as exc:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                QCoreApplication.translate("MainWindow", "HITL Desktop"),
                str(exc),
                QMessageBox.StandardButton.Ok,
                self._parent,
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            return False
        self.gate.apply(profile)
        text = QCoreApplication.translate("MainWindow", "You are now {name} ({role}).")
        self._bar.showMessage(text.format(name=profile.name, role=profile.role), 5000)
        return True
