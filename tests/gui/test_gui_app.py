"""run_gui end to end (screenshot mode), screenshots to look at, and non-Latin names drawn."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QTextLayout
from PySide6.QtWidgets import QApplication

from hitl_desktop.gui.app import run_gui
from hitl_desktop.gui.item_table_model import ItemTableModel
from hitl_desktop.gui.main_window import MainWindow
from hitl_desktop.gui.opening import open_workspace
from hitl_desktop.workspace import Workspace
from tests.gui.gui_helpers import SCREENSHOTS, imported

pytestmark = pytest.mark.gui

NON_LATIN = {
    "arabic": ("تحية-الصباح.txt", QFontDatabase.WritingSystem.Arabic),
    "chinese": ("问候语.txt", QFontDatabase.WritingSystem.SimplifiedChinese),
    "hindi": ("नमस्ते.txt", QFontDatabase.WritingSystem.Devanagari),
}


def test_run_gui_writes_a_screenshot(qapp, demo_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "shots" / "main.png"
    assert run_gui(demo_path, screenshot=out) == 0
    assert out.stat().st_size > 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    Workspace.open(demo_path).close()  # run_gui closed the workspace: the lock is free


def test_run_gui_runs_until_the_window_closes(qapp, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    def close_main_window() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                widget.close()

    safety = QTimer()
    safety.setSingleShot(True)
    safety.timeout.connect(qapp.quit)
    safety.start(10_000)
    QTimer.singleShot(300, close_main_window)
    try:
        assert run_gui(demo_path) == 0
    finally:
        safety.stop()
    assert qapp.applicationName() == "hitl-desktop"
    Workspace.open(demo_path).close()  # closing the window closed the workspace


def test_run_gui_reports_errors_without_dialogs(qapp, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run_gui(tmp_path / "missing", screenshot=tmp_path / "x.png") == 1
    assert "no workspace" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_run_gui_shows_errors_in_a_message_box(qapp, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(
        "hitl_desktop.gui.app.QMessageBox.critical",
        lambda _parent, _title, text: shown.append(text),
    )
    assert run_gui(tmp_path / "missing") == 1
    assert len(shown) == 1 and "no workspace" in shown[0]


def test_run_gui_read_only_when_locked(qapp, demo_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    holder = Workspace.open(demo_path)
    try:
        assert run_gui(demo_path, screenshot=tmp_path / "ro.png") == 0
    finally:
        holder.close()


def test_main_window_screenshot(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Saved for people to look at (tests/screenshots is git-ignored)."""
    window.resize(1280, 800)
    window.browser.select_row(5)
    qtbot.wait(50)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "main_window.png"))
    header = window.browser.table.horizontalHeader()
    # Every shown column is wide enough for its header text: nothing clipped at the default
    # size; the hidden ones come back from the header's context menu.
    metrics = header.fontMetrics()
    shown = [c for c in range(window.model.columnCount()) if not header.isSectionHidden(c)]
    assert shown == [ItemTableModel.NAME, ItemTableModel.STATUS, ItemTableModel.SUGGESTION]
    for column in shown:
        title = window.model.headerData(column, header.orientation())
        assert header.sectionSize(column) > metrics.horizontalAdvance(title)
    toggles = {a.text(): a for a in header.actions()}
    toggles["Source"].trigger()
    assert not header.isSectionHidden(ItemTableModel.SOURCE)


def _missing_glyphs(text: str, font: QFont) -> int:
    """How many glyphs of ``text`` would draw as the "missing glyph" box."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return sum(list(run.glyphIndexes()).count(0) for run in layout.glyphRuns())


def _ink(image: QImage) -> int:
    """Pixels that stand out from the background (the corner pixel), selected or not."""
    background = QColor(image.pixel(QPoint(1, 1))).lightness()
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if abs(QColor(image.pixel(x, y)).lightness() - background) > 80
    )


@pytest.mark.parametrize("script", list(NON_LATIN))
def test_non_latin_names_draw(qtbot, workspace: Workspace, script: str) -> None:  # type: ignore[no-untyped-def]
    name, writing_system = NON_LATIN[script]
    workspace.append([imported(workspace, n) for n, _ in NON_LATIN.values()])
    win = MainWindow(open_workspace(workspace.path, readonly=True))
    qtbot.addWidget(win)
    win.resize(1100, 500)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(50)  # let the layouts settle before the screenshot
    table, model = win.browser.table, win.model
    row = next(r for r in range(model.rowCount()) if model.item_at(r).name == name)  # type: ignore[union-attr]
    assert model.data(model.index(row, ItemTableModel.NAME)) == name
    if script == "arabic":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        win.grab().save(str(SCREENSHOTS / "non_latin_names.png"))
    if not QFontDatabase.families(writing_system):
        win.close()
        pytest.skip(f"no {script} font installed (e.g. Debian's fonts-noto-core / -cjk)")
    assert _missing_glyphs(name, table.font()) == 0
    rect = table.visualRect(model.index(row, ItemTableModel.NAME))
    cell = table.viewport().grab(rect).toImage()
    assert _ink(cell) > 30  # the name was drawn
    win.close()
