"""Translations, themes and accessible names of the real main window."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication

from hitl_desktop.gui.i18n import (
    LANGUAGE_KEY,
    chosen_language,
    edit_name,
    install_translators,
    role_text,
    translations_dir,
)
from hitl_desktop.gui.main_window import MainWindow, app_settings
from hitl_desktop.gui.opening import open_workspace
from hitl_desktop.gui.preferences import PreferencesDialog
from hitl_desktop.gui.theme import THEME_KEY, apply_theme, chosen_theme, is_dark
from hitl_desktop.roles import ROLE_DESCRIPTIONS, Action, reason
from hitl_desktop.workspace.workspace import ROLES

pytestmark = pytest.mark.gui

ROOT = Path(__file__).parents[2]
SOURCES = ROOT / "resources" / "translations"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


@pytest.fixture
def french(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    install_translators(qapp, "fr")
    yield
    install_translators(qapp, "en")


def _open_window(qtbot, demo_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(open_workspace(demo_path))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _menu_titles(win: MainWindow) -> list[str]:
    return [a.text() for a in win.menuBar().actions()]


def test_french_menus_docks_and_status_bar(qtbot, french, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = _open_window(qtbot, demo_path)
    try:
        titles = _menu_titles(win)
        assert titles[:3] == ["&Fichier", "&Édition", "&Affichage"]
        assert "Aid&e" in titles and "&Outils" in titles
        file_texts = [a.text() for a in win.file_menu.actions() if not a.isSeparator()]
        assert "&Ouvrir un espace de travail…" in file_texts and "&Quitter" in file_texts
        assert "Pre&ferences…" not in file_texts and "Pré&férences…" in file_texts
        assert win.items_dock.windowTitle() == "Éléments"
        assert win.items_label.text().endswith(" éléments")  # the demo has several items
        win._show_jobs(["ocr"])
        assert win.jobs_label.text() == "1 tâche en cours"
        win._show_jobs(["ocr", "prelabel"])
        assert win.jobs_label.text() == "2 tâches en cours"
    finally:
        win.close()


def test_english_menus_after_switching_back(qtbot, qapp, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    install_translators(qapp, "fr")
    install_translators(qapp, "en")
    win = _open_window(qtbot, demo_path)
    try:
        assert _menu_titles(win)[:3] == ["&File", "&Edit", "&View"]
    finally:
        win.close()


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [
        ("en", "1 job running", "3 jobs running"),
        ("fr", "1 tâche en cours", "3 tâches en cours"),
    ],
)
def test_plural_forms(qapp, lang: str, one: str, many: str) -> None:  # type: ignore[no-untyped-def]
    install_translators(qapp, lang)
    try:
        tr = QCoreApplication.translate
        assert tr("MainWindow", "%Ln job(s) running", "", 1) == one
        assert tr("MainWindow", "%Ln job(s) running", "", 3) == many
        boxes = tr("HistoryView", "%Ln box(es)", "", 2)
        assert boxes == {"en": "2 boxes", "fr": "2 cadres"}[lang]
        # French counts zero as singular, English as plural
        zero = tr("PrelabelOptionsDialog", "%Ln text item(s) will be pre-labelled.", "", 0)
        assert (
            zero
            == {
                "en": "0 text items will be pre-labelled.",
                "fr": "0 élément texte sera pré-étiqueté.",
            }[lang]
        )
    finally:
        install_translators(qapp, "en")


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


def test_french_catalogue_is_complete() -> None:
    messages = _messages(SOURCES / "hitl_desktop_fr.ts")
    assert len(messages) > 300
    missing = []
    for msg in messages:
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        assert tr is not None
        forms = [f.text or "" for f in tr.findall("numerusform")]
        finished = tr.get("type") not in ("unfinished", "vanished", "obsolete")
        if msg.get("numerus") == "yes":
            finished = finished and len(forms) == 2 and all(forms)
        else:
            finished = finished and bool((tr.text or "").strip())
        if not finished:
            missing.append(source)
    assert missing == [], f"untranslated in hitl_desktop_fr.ts (run make translations): {missing}"


def test_english_catalogue_has_every_plural_without_brackets() -> None:
    for msg in _messages(SOURCES / "hitl_desktop_en.ts"):
        assert msg.get("numerus") == "yes"
        forms = [f.text or "" for f in msg.iter("numerusform")]
        assert len(forms) == 2 and all(forms), msg.findtext("source")
        assert not any("(s)" in f or "(es)" in f for f in forms), forms


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate not installed")
def test_catalogues_cover_every_string_in_the_sources(tmp_path: Path) -> None:
    """A tr() added to the GUI without `make translations` and a French text fails here."""
    fresh = tmp_path / "hitl_desktop_fr.ts"
    shutil.copy(SOURCES / "hitl_desktop_fr.ts", fresh)
    gui = ROOT / "hitl_desktop" / "gui"
    subprocess.run(
        [str(LUPDATE), "-extensions", "py", "-locations", "none", "-silent", str(gui), "-ts",
         str(fresh)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    new = [
        m.findtext("source")
        for m in _messages(fresh)
        if (m.find("translation") is not None and m.find("translation").get("type") == "unfinished")  # type: ignore[union-attr]
    ]
    assert new == [], f"strings missing from resources/translations (make translations): {new}"


def test_compiled_catalogues_ship_in_the_package(tmp_path: Path) -> None:
    folder = translations_dir()
    assert folder is not None and folder.parent.name == "gui"
    lrelease = LUPDATE.with_name("pyside6-lrelease")
    for lang in ("en", "fr"):
        qm = folder / f"hitl_desktop_{lang}.qm"
        assert qm.stat().st_size > 100
        if lrelease.exists():  # the committed .qm is what its .ts compiles to, not stale
            fresh = tmp_path / qm.name
            ts = SOURCES / f"hitl_desktop_{lang}.ts"
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(fresh)], check=True,
                           capture_output=True, timeout=60)  # fmt: skip
            assert fresh.read_bytes() == qm.read_bytes(), f"{qm} is stale: make translations"


def test_language_choice_env_setting_and_preferences(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    settings = app_settings()
    monkeypatch.delenv("HITL_LANG", raising=False)
    monkeypatch.delenv("HITL_THEME", raising=False)
    assert chosen_language(settings) == "system" and chosen_theme(settings) == "system"
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.accept()
    reread = QSettings(settings.organizationName(), settings.applicationName())
    assert reread.value(LANGUAGE_KEY) == "fr" and reread.value(THEME_KEY) == "dark"
    assert chosen_language(reread) == "fr" and chosen_theme(reread) == "dark"
    monkeypatch.setenv("HITL_LANG", "en")
    monkeypatch.setenv("HITL_THEME", "light")
    assert chosen_language(reread) == "en" and chosen_theme(reread) == "light"
    again = PreferencesDialog(reread)  # shows the stored choice
    qtbot.addWidget(again)
    assert again.language.currentData() == "fr" and again.theme.currentData() == "dark"


@pytest.fixture
def dark(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    apply_theme(qapp, "dark")
    yield
    qapp.styleHints().unsetColorScheme()
    qapp.setStyle(style)
    qapp.setPalette(palette)


def _mean_lightness(image: QImage) -> float:
    small = image.scaled(64, 40)
    values = [small.pixelColor(x, y).lightness() for x in range(64) for y in range(40)]
    return sum(values) / len(values)


def test_dark_theme_screenshot(qtbot, dark, demo_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert is_dark(QApplication.palette())
    win = _open_window(qtbot, demo_path)
    try:
        win.resize(1280, 800)
        qtbot.wait(300)
        shot = tmp_path / "dark.png"
        assert win.grab().save(str(shot))
        image = QImage(str(shot))
        assert _mean_lightness(image) < 110, "the dark theme's window is mostly dark"
        table = win.browser.table
        text = table.palette().color(QPalette.ColorRole.Text)
        base = table.palette().color(QPalette.ColorRole.Base)
        assert text.lightness() - base.lightness() > 150  # light text on a dark list
    finally:
        win.close()


def test_accessible_names_on_key_widgets(window: MainWindow) -> None:
    docks = [window.items_dock, window.labels_dock, window.class_dock, window.lines_dock,
             window.ocr_dock, window.history_dock]  # fmt: skip
    assert [d.accessibleName() for d in docks] == [d.windowTitle() for d in docks]
    desk = window.desk
    named = {
        window.browser.table: "Item list",
        window.browser.search: "Search items",
        desk.image_editor: "Image editor",
        desk.text_editor: "Text editor",
        desk.ocr_lines: "OCR lines editor",
        desk.palette: "Label palette",
        desk.classify.accept_button: "Accept suggested class",
        desk.classify.clear_button: "Clear class",
    }
    assert {w.accessibleName() for w in named} == set(named.values())
    for widget, name in named.items():
        assert widget.accessibleName() == name


def test_undo_names_are_translated(qapp, french) -> None:  # type: ignore[no-untyped-def]
    assert edit_name("Move vertex") == "Déplacer le sommet"
    assert edit_name("Label as 'invoice'") == "Étiqueter comme « invoice »"
    assert edit_name("Some future edit") == "Some future edit"  # unknown: left as it is


def test_role_names_descriptions_and_reasons_are_translated(qapp, french) -> None:  # type: ignore[no-untyped-def]
    """The Qt-free roles module's English texts all have French (fails when one changes)."""
    texts = [r.capitalize() for r in ROLES] + list(ROLE_DESCRIPTIONS.values())
    texts += [reason(r, a) for r in ROLES for a in Action if reason(r, a)]
    untranslated = [t for t in texts if role_text(t) == t and t != "Expert"]
    assert untranslated == []
    assert role_text("Worker") == "Annotateur"
