"""Preferences: the interface language and theme, stored in QSettings, applied on next start;
the automatic sync's interval, applied at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMenu,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .i18n import LANGUAGE_KEY, LANGUAGES, SYSTEM, chosen_language
from .sync_controller import INTERVAL_KEY, interval_minutes
from .theme import DARK, LIGHT, THEME_KEY, chosen_theme


class PreferencesDialog(QDialog):
    """Language ("system", "en", "fr") and theme ("system", "light", "dark")."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PreferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings

        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("System language"), SYSTEM)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)  # each language named in itself
        self._select(self.language, str(settings.value(LANGUAGE_KEY, SYSTEM) or SYSTEM))

        self.theme = QComboBox(self)
        self.theme.setAccessibleName(self.tr("Theme"))
        self.theme.addItem(self.tr("Follow the system"), SYSTEM)
        self.theme.addItem(self.tr("Light"), LIGHT)
        self.theme.addItem(self.tr("Dark"), DARK)
        self._select(self.theme, str(settings.value(THEME_KEY, SYSTEM) or SYSTEM))

        self.sync_interval = QSpinBox(self)
        self.sync_interval.setRange(0, 24 * 60)
        self.sync_interval.setSuffix(self.tr(" min"))
        self.sync_interval.setSpecialValueText(self.tr("Off"))
        self.sync_interval.setValue(round(interval_minutes(settings)))
        self.sync_interval.setAccessibleName(self.tr("Automatic sync interval"))
        self.sync_interval.setToolTip(
            self.tr(
                "While signed in to a server, sync every so many minutes; 0 turns it off. "
                "Applies at once."
            )
        )

        note = QLabel(self.tr("Changes apply the next time HITL Desktop starts."), self)
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow(self.tr("&Sync every:"), self.sync_interval)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        index = combo.findData(value.strip().lower())
        combo.setCurrentIndex(max(index, 0))

    def accept(self) -> None:
        """Store the choices; the running window keeps its language and theme until restart."""
        self._settings.setValue(LANGUAGE_KEY, self.language.currentData())
        self._settings.setValue(THEME_KEY, self.theme.currentData())
        self._settings.setValue(INTERVAL_KEY, self.sync_interval.value())
        self._settings.sync()
        super().accept()


def effective_choices(settings: QSettings) -> tuple[str, str]:
    """The language and theme the next start will use (environment overrides included)."""
    return chosen_language(settings), chosen_theme(settings)


def add_preferences_action(
    menu: QMenu,
    before: QAction,
    settings: Callable[[], QSettings],
    on_saved: Callable[[], None] | None = None,
) -> QAction:
    """A "Preferences…" action placed in ``menu`` above ``before`` (the Quit action);
    ``on_saved`` runs after the choices are stored (what applies at once)."""
    parent = menu.parentWidget()
    action = QAction(QCoreApplication.translate("PreferencesDialog", "Pre&ferences…"), menu)
    action.setObjectName("main.preferences")
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
    action.setMenuRole(QAction.MenuRole.PreferencesRole)

    def open_dialog() -> None:
        dialog = PreferencesDialog(settings(), parent)
        if on_saved is not None:
            dialog.accepted.connect(on_saved)
        dialog.open()

    action.triggered.connect(open_dialog)
    menu.insertAction(before, action)
    return action
