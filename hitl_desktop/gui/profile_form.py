"""The local profile (name and role) as a form, used by the first-run wizard and File → Profile…"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..roles import ROLE_DESCRIPTIONS
from ..workspace.workspace import ROLES, Profile
from .i18n import role_text


class ProfileForm(QWidget):
    """Name and role, with a sentence on what the chosen role does."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_edit = QLineEdit(profile.name, self)
        self.name_edit.setObjectName("ProfileName")
        self.name_edit.setAccessibleName(self.tr("Your name"))
        self.role_combo = QComboBox(self)
        self.role_combo.setObjectName("ProfileRole")
        self.role_combo.setAccessibleName(self.tr("Your role"))
        for role in ROLES:
            self.role_combo.addItem(role_text(role.capitalize()), role)
        self.description = QLabel(self)
        self.description.setObjectName("RoleDescription")
        self.description.setWordWrap(True)
        layout = QFormLayout(self)
        layout.addRow(self.tr("&Name:"), self.name_edit)
        layout.addRow(self.tr("&Role:"), self.role_combo)
        layout.addRow("", self.description)
        self.role_combo.currentIndexChanged.connect(self._describe)
        self.set_role(profile.role)
        self._describe()

    def set_role(self, role: str) -> None:
        index = self.role_combo.findData(role)
        self.role_combo.setCurrentIndex(max(index, 0))

    def _describe(self) -> None:
        role = self.role_combo.currentData()
        self.description.setText(role_text(ROLE_DESCRIPTIONS.get(role, "")))

    def profile(self) -> Profile:
        return Profile(self.name_edit.text().strip(), str(self.role_combo.currentData()))


class ProfileDialog(QDialog):
    """File → Profile…: change who is working; OK is off while the name is empty."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ProfileDialog")
        self.setWindowTitle(self.tr("Profile"))
        self.form = ProfileForm(profile, self)
        note = QLabel(
            self.tr("Your name and role are recorded in every event you make from now on."), self
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.form.name_edit.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.form.name_edit.text().strip()))
