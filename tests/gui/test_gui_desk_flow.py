"""The worker's whole flow in the real main window, by mouse and keyboard: open a FUNSD page,
run OCR, accept and fix a transcription, draw and label a box, undo and redo, move on, and
find it all again after reopening the workspace."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt

from hitl_desktop.annotate import Box, OcrLine, revisions
from hitl_desktop.gui.main_window import MainWindow
from hitl_desktop.gui.opening import open_workspace
from hitl_desktop.gui.text_editor import TextSpanEditor
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.workspace import Workspace
from tests.gui.gui_helpers import SCREENSHOTS

pytestmark = pytest.mark.gui

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
PAGE = DATA / "funsd" / "images" / "0000971160.png"
TEXT = DATA / "multilingual" / "eng.txt"
OCR_TIMEOUT_MS = 120_000


@pytest.fixture
def forms(qtbot, tmp_path: Path) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    ws = Workspace.create(tmp_path / "forms", name="Forms")
    import_paths(ws, [PAGE, TEXT], ImportOptions(workers=1))
    ws.close()
    yield tmp_path / "forms"


def _window(qtbot, path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(open_workspace(path))
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def _row_of(win: MainWindow, name: str) -> int:
    model = win.model
    return next(r for r in range(model.rowCount()) if model.item_at(r).name == name)  # type: ignore[union-attr]


def _drag(qtbot, win: MainWindow, a: QPointF, b: QPointF) -> None:  # type: ignore[no-untyped-def]
    view = win.desk.image_editor.view
    pa, pb = view.mapFromScene(a), view.mapFromScene(b)
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=pa)
    for i in range(1, 7):
        qtbot.mouseMove(vp, pa + (pb - pa) * (i / 6))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=pb)


def test_a_page_corrected_end_to_end_survives_reopening(qtbot, forms: Path) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, forms)
    session, desk = win.desk.session, win.desk
    win.browser.select_row(_row_of(win, PAGE.name))
    qtbot.waitUntil(lambda: session.document is not None)
    page_id = session.document.item_id  # type: ignore[union-attr]
    assert desk.stack.currentWidget() is desk.image_editor
    qtbot.waitUntil(lambda: desk.image_editor.tiles.base is not None, timeout=20_000)

    # Tools → Run OCR on the selected page, through the dialog
    win.ocr.run_selected_action.trigger()
    dialog = win.ocr.dialog
    assert dialog is not None
    dialog.set_engine("rapidocr")
    dialog.set_device("cpu")
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.ocr.last_report is not None, timeout=OCR_TIMEOUT_MS)
    qtbot.waitUntil(lambda: not win.ocr.running)
    # the open page now offers the lines read as suggestions, in the OCR lines dock
    doc = session.document
    assert doc is not None and doc.item_id == page_id
    lines = desk.ocr_lines
    qtbot.waitUntil(lambda: len(lines.model.rows) > 10)
    assert all(r.pending for r in lines.model.rows)

    # accept them all (Shift+A in the lines table), then fix the first transcription in place
    win.lines_dock.raise_()
    lines.table.setFocus()
    qtbot.keyClick(lines.table, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    assert doc.ocr_lines() and not [s for s in doc.suggestions if isinstance(s.shape, OcrLine)]
    rect = lines.table.visualRect(lines.model.index(0, 1))
    qtbot.mouseClick(lines.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(lines.table, Qt.Key.Key_F2)
    editor = lines.table.focusWidget()
    editor.selectAll()  # type: ignore[union-attr]
    qtbot.keyClicks(editor, "CONFIDENTIAL")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert doc.ocr_lines()[0].shape.text == "CONFIDENTIAL"  # type: ignore[union-attr]

    # add a label in the palette, draw a box with the box tool
    desk.label_dock.new_label.setText("question")
    qtbot.keyClick(desk.label_dock.new_label, Qt.Key.Key_Return)
    assert desk.palette.current_label == "question"
    view = desk.image_editor.view
    win.activateWindow()  # the OCR progress dialog had it
    qtbot.waitUntil(win.isActiveWindow)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_B)
    assert desk.image_editor.tools.tool == "box"
    _drag(qtbot, win, QPointF(100, 300), QPointF(400, 340))
    boxes = [a for a in doc.annotations if isinstance(a.shape, Box)]
    assert [b.label for b in boxes] == ["question"]

    # undo and redo from the Edit menu's actions (Ctrl+Z, Ctrl+Shift+Z)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not [a for a in doc.annotations if isinstance(a.shape, Box)]
    qtbot.keyClick(
        view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert [a.label for a in doc.annotations if isinstance(a.shape, Box)] == ["question"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert win.grab().save(str(SCREENSHOTS / "desk_page.png"))

    # next item (Ctrl+Down): the page is saved as a revision, the text opens in its editor
    with qtbot.waitSignal(session.saved, timeout=20_000):
        win.desk.next_action.trigger()
    assert isinstance(desk.stack.currentWidget(), TextSpanEditor)
    assert win.grab().save(str(SCREENSHOTS / "desk_text.png"))
    head = revisions.latest_head(win.workspace.reader(), page_id)
    assert head is not None
    status = win.model.index(_row_of(win, PAGE.name), win.model.STATUS)
    assert win.model.data(status) == "Annotated"
    win.close()

    # reopen: the saved revision comes back exactly
    again = _window(qtbot, forms)
    again.browser.select_row(_row_of(again, PAGE.name))
    qtbot.waitUntil(lambda: again.desk.session.document is not None)
    reopened = again.desk.session.document
    assert reopened is not None and reopened.item_id == page_id and not reopened.dirty
    assert reopened.ocr_lines()[0].shape.text == "CONFIDENTIAL"  # type: ignore[union-attr]
    assert [a.label for a in reopened.annotations if isinstance(a.shape, Box)] == ["question"]
    assert all(a.origin.kind == "ocr" for a in reopened.ocr_lines())
    events = [e[1] for e in again.history.entries()]
    assert events.count("annotation.revised") == 1 and "ocr.ran" in events
    again.close()
