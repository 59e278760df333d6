"""The interface language: which one is chosen, and loading its translators.

The choice, strongest first: the ``HITL_LANG`` environment variable (tests, one-off runs), the
``ui/language`` setting ("system", "en" or "fr", set in Preferences), else the system locale.
Translations are read when the application starts, so a changed setting applies on next start.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

LANGUAGE_KEY = "ui/language"
SYSTEM = "system"
# Languages with a catalogue; English is the source language (its catalogue holds plurals only).
LANGUAGES: dict[str, str] = {"en": "English", "fr": "Français"}
CATALOGUE = "hitl_desktop"

_installed: list[QTranslator] = []  # kept alive while the application runs


def translations_dir() -> Path | None:
    """The folder of compiled ``.qm`` catalogues: in a PyInstaller bundle, else the package."""
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = [Path(bundle) / "hitl_desktop" / "gui" / "translations"] if bundle else []
    candidates.append(Path(__file__).resolve().parent / "translations")
    return next((c for c in candidates if c.is_dir()), None)


def chosen_language(settings: QSettings | None = None) -> str:
    """The language code asked for ("en", "fr"…) or ``"system"``."""
    env = os.environ.get("HITL_LANG", "").strip().lower()
    if env:
        return env
    if settings is None:
        return SYSTEM
    value = settings.value(LANGUAGE_KEY, SYSTEM)
    return str(value).strip().lower() if value else SYSTEM


def ui_locale(language: str) -> QLocale:
    """The locale the interface uses for ``language`` (the system's for ``"system"``)."""
    return QLocale() if language == SYSTEM else QLocale(language)


def install_translators(app: QCoreApplication, language: str) -> QLocale:
    """Install Qt's own and our catalogues for ``language``; return the locale used.

    Installing again (a test switching languages) first removes the earlier translators.
    A language without a catalogue falls back to English, the source language.
    """
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    locale = ui_locale(language)
    if language != SYSTEM:
        QLocale.setDefault(locale)  # numbers and %Ln plurals follow the chosen language too
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = translations_dir()
    sources = [("qtbase", qt_dir)] + ([(CATALOGUE, str(ours))] if ours else [])
    for name, folder in sources:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            _installed.append(translator)
        elif name == CATALOGUE and translator.load(
            QLocale(QLocale.Language.English), name, "_", folder
        ):
            # untranslated languages still get proper English plurals ("1 item", "2 items")
            app.installTranslator(translator)
            _installed.append(translator)
    return locale


def installed_files() -> list[str]:
    """The catalogue files in use (for the About box and tests)."""
    return [t.filePath() for t in _installed]


# The names of undoable edits come from the Qt-free annotate package in English; they are
# translated where the Edit menu shows them ("Undo Move vertex"). Listed here for lupdate.
EDIT_CONTEXT = "EditName"
_EDIT_NAMES = (
    QT_TRANSLATE_NOOP("EditName", "Add"),
    QT_TRANSLATE_NOOP("EditName", "Delete"),
    QT_TRANSLATE_NOOP("EditName", "Accept pre-labels"),
    QT_TRANSLATE_NOOP("EditName", "Accept all pre-labels"),
    QT_TRANSLATE_NOOP("EditName", "Accept suggested class"),
    QT_TRANSLATE_NOOP("EditName", "Recover unsaved edits"),
    QT_TRANSLATE_NOOP("EditName", "Move"),
    QT_TRANSLATE_NOOP("EditName", "Resize"),
    QT_TRANSLATE_NOOP("EditName", "Move vertex"),
    QT_TRANSLATE_NOOP("EditName", "Edit transcription"),
    QT_TRANSLATE_NOOP("EditName", "Reorder lines"),
    QT_TRANSLATE_NOOP("EditName", "Clear class"),
    QT_TRANSLATE_NOOP("EditName", "Page checked"),
    QT_TRANSLATE_NOOP("EditName", "Page unchecked"),
    QT_TRANSLATE_NOOP("EditName", "Re-recognise boxes"),
)
# Names with a value in them: (pattern, template with %1 for the value).
_EDIT_PATTERNS = (
    (re.compile(r"^Label as '(.*)'$", re.S), QT_TRANSLATE_NOOP("EditName", "Label as '%1'")),
    (re.compile(r"^Label span '(.*)'$", re.S), QT_TRANSLATE_NOOP("EditName", "Label span '%1'")),
    (re.compile(r"^Class: (.*)$", re.S), QT_TRANSLATE_NOOP("EditName", "Class: %1")),
    (re.compile(r"^Set (.*)$", re.S), QT_TRANSLATE_NOOP("EditName", "Set %1")),
)


def edit_name(text: str) -> str:
    """An undoable edit's name in the interface language (unknown names stay as they are)."""
    for pattern, template in _EDIT_PATTERNS:
        match = pattern.match(text)
        if match:
            shown = QCoreApplication.translate(EDIT_CONTEXT, str(template))
            return shown.replace("%1", match.group(1))
    return QCoreApplication.translate(EDIT_CONTEXT, text)


# Roles and their descriptions come from the Qt-free roles module in English; the GUI looks them
# up in the "roles" context (role_gate.tr_reason does the same for the refusal reasons).
ROLE_CONTEXT = "roles"
_ROLE_TEXTS = (
    QT_TRANSLATE_NOOP("roles", "Worker"),
    QT_TRANSLATE_NOOP("roles", "Checker"),
    QT_TRANSLATE_NOOP("roles", "Expert"),
    QT_TRANSLATE_NOOP("roles", "Admin"),
    QT_TRANSLATE_NOOP(
        "roles", "Labels and corrects items: imports, runs OCR and pre-labels, saves annotations."
    ),
    QT_TRANSLATE_NOOP(
        "roles", "Everything a worker does, and decides reviews: accepts or rejects others' work."
    ),
    QT_TRANSLATE_NOOP(
        "roles",
        "Defines what 'correct' means: publishes label schemas and their instructions, and reviews.",
    ),
    QT_TRANSLATE_NOOP(
        "roles", "Looks after the workspace: everything above plus rebuild and maintenance tools."
    ),
    QT_TRANSLATE_NOOP("roles", "Only admins use the rebuild and admin tools"),
    QT_TRANSLATE_NOOP("roles", "Only checkers and experts decide reviews"),
    QT_TRANSLATE_NOOP("roles", "Only checkers and experts assign work"),
    QT_TRANSLATE_NOOP("roles", "Only experts publish schemas"),
    QT_TRANSLATE_NOOP("roles", "Only experts approve dataset exports"),
    QT_TRANSLATE_NOOP("roles", "Only checkers and experts import answers credited to other people"),
)


def role_text(text: str) -> str:
    """A role name ("Worker"), description or refusal reason in the interface language."""
    return QCoreApplication.translate(ROLE_CONTEXT, text)
