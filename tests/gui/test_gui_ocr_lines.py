"""The OCR lines editor on a real FUNSD page read by real rapidocr: accept the suggestions,
edit a transcription in place, reorder, re-recognise a box, mark the page checked, save."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from hitl_desktop.annotate import revisions
from hitl_desktop.gui.document_session import DocumentSession
from hitl_desktop.gui.ocr_lines import RERECOGNISE_TASK, OcrLinesEditor
from hitl_desktop.gui.ocr_lines_model import TEXT, page_checked
from hitl_desktop.gui.tasks import TaskRunner
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.ocr import OcrEngine, make_engine, page_items, run_ocr
from hitl_desktop.workspace import Workspace
from tests.gui.gui_helpers import SCREENSHOTS

pytestmark = pytest.mark.gui

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
FUNSD_PAGE = DATA / "funsd" / "images" / "0000971160.png"


@pytest.fixture(scope="module")
def engine() -> OcrEngine:
    return make_engine("rapidocr", device="cpu")


@pytest.fixture
def ws(tmp_path: Path, engine: OcrEngine) -> Iterator[Workspace]:
    """A workspace holding the top of a real FUNSD form (a few printed lines), OCR'd."""
    strip = tmp_path / "funsd-top.png"
    with Image.open(FUNSD_PAGE) as im:
        im.crop((0, 0, im.width, 420)).save(strip)
    workspace = Workspace.create(tmp_path / "ws", name="WS")
    import_paths(workspace, [strip], ImportOptions(workers=1, source="gui-tests"))
    report = run_ocr(workspace, engine, page_items(workspace))
    assert report.done and report.done[0][1] >= 4, report.summary()
    yield workspace
    workspace.close()


class Desk(QWidget):
    def __init__(self, ws: Workspace, engine: OcrEngine) -> None:
        super().__init__()
        self.session = DocumentSession(lambda: ws, self)
        self.runner = TaskRunner(self)
        self.editor = OcrLinesEditor(self.session, lambda: ws, self.runner, self,
                                     engine_factory=lambda: engine)  # fmt: skip
        QVBoxLayout(self).addWidget(self.editor)
        self.resize(720, 420)


@pytest.fixture
def desk(qtbot, ws: Workspace, engine: OcrEngine) -> Iterator[Desk]:  # type: ignore[no-untyped-def]
    d = Desk(ws, engine)
    qtbot.addWidget(d)
    d.show()
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow)
    yield d
    d.runner.shutdown()


def _click_row(qtbot, desk: Desk, row: int) -> None:  # type: ignore[no-untyped-def]
    table = desk.editor.table
    rect = table.visualRect(desk.editor.model.index(row, TEXT))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _texts(desk: Desk) -> list[str]:
    doc = desk.session.document
    assert doc is not None
    return [a.shape.text for a in doc.ocr_lines()]  # type: ignore[union-attr]


def test_correct_reorder_rerecognise_check_and_save(qtbot, desk: Desk, ws: Workspace) -> None:  # type: ignore[no-untyped-def]
    [item] = page_items(ws)
    doc = desk.session.open_item(item.id)
    assert doc is not None
    editor, table = desk.editor, desk.editor.table
    n = len(editor.model.rows)
    assert n >= 4 and all(r.pending for r in editor.model.rows)  # grey suggestions
    assert "suggested" in editor.model.data(editor.model.index(0, 0))
    # Shift+A accepts all suggested lines; they keep their OCR provenance
    _click_row(qtbot, desk, 0)
    assert desk.session.selection == [editor.model.rows[0].ann.id]  # the canvas would follow
    qtbot.keyClick(table, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    assert len(doc.ocr_lines()) == n and not doc.suggestions
    assert all(a.origin.kind == "ocr" for a in doc.ocr_lines())
    before = _texts(desk)

    # edit the first line in place: F2, type, Enter; the whole edit is one undo step
    _click_row(qtbot, desk, 0)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    line_edit = table.focusWidget()
    line_edit.selectAll()  # type: ignore[union-attr]
    qtbot.keyClicks(line_edit, "Corrected line")
    assert _texts(desk)[0] == "Corrected line"  # written through while typing
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)
    first = doc.ocr_lines()[0]
    assert first.origin.edited  # a person changed what the model read
    desk.session.undo_action.trigger()
    assert _texts(desk) == before  # one step, not one per keystroke
    desk.session.redo_action.trigger()
    assert _texts(desk)[0] == "Corrected line"

    # Escape while editing puts the line back as it was
    _click_row(qtbot, desk, 1)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    qtbot.keyClick(table.focusWidget(), Qt.Key.Key_End)  # F2 selects all; add at the end
    qtbot.keyClicks(table.focusWidget(), " oops")
    assert _texts(desk)[1] == before[1] + " oops"
    qtbot.keyClick(table.focusWidget(), Qt.Key.Key_Escape)
    assert _texts(desk)[1] == before[1]

    # typing on a selected line starts editing it (replacing its text)
    _click_row(qtbot, desk, 2)
    qtbot.keyClicks(table, "a")  # a plain letter: on an accepted line it types, not accepts
    assert table.focusWidget() is not table  # the line editor took the keyboard
    qtbot.keyClicks(table.focusWidget(), "bc")
    qtbot.keyClick(table.focusWidget(), Qt.Key.Key_Return)
    assert _texts(desk)[2] == "abc"
    desk.session.undo_action.trigger()
    assert _texts(desk)[2] == before[2]

    # Alt+Down moves the selected line one place later in reading order
    _click_row(qtbot, desk, 0)
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _texts(desk)[:2] == [before[1], "Corrected line"]
    assert editor.selected_ids() == [first.id]  # the moved line stays selected
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _texts(desk)[0] == "Corrected line"

    # re-recognise the edited box: rapidocr reads it again on a worker thread
    _click_row(qtbot, desk, 0)
    qtbot.keyClick(table, Qt.Key.Key_R,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    qtbot.waitUntil(lambda: not desk.runner.is_running(RERECOGNISE_TASK), timeout=60_000)
    qtbot.waitUntil(lambda: _texts(desk)[0] != "Corrected line", timeout=5_000)
    reread = doc.ocr_lines()[0]
    assert reread.shape.text.strip()  # type: ignore[union-attr]
    assert reread.origin.kind == "ocr" and not reread.origin.edited
    row = (
        ws.reader()
        .execute("SELECT hash, body FROM events WHERE type = 'ocr.ran' ORDER BY hlc DESC LIMIT 1")
        .fetchone()
    )
    body = orjson.loads(row[1])
    assert body["payload"]["regions_only"] is True and len(body["payload"]["lines"]) == 1
    assert reread.origin.event == row[0]

    # the selection from elsewhere (the canvas) selects and scrolls to the row
    last = doc.ocr_lines()[-1].id
    desk.session.select([last])
    assert editor.selected_ids() == [last]
    last_cell = table.visualRect(editor.model.index(editor.model.row_of(last) or 0, TEXT))
    assert table.viewport().rect().intersects(last_cell)  # scrolled into view

    # Ctrl+Enter: page checked, shown, saved in the revision
    assert not page_checked(doc)
    qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page_checked(doc) and editor.checked_action.isChecked()
    assert "checked" in editor.state.text().lower()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    desk.grab().save(str(SCREENSHOTS / "ocr_lines.png"))
    with qtbot.waitSignal(desk.session.saved, timeout=10_000):
        assert desk.session.save()
    head = revisions.latest_head(ws.reader(), item.id)
    assert head is not None
    payload = revisions.revision_payload(ws.reader(), head.hash)
    saved = sorted(payload["annotations"], key=lambda a: a["shape"]["order"])
    assert all(a["attributes"].get("checked") is True for a in saved)
    assert saved[0]["shape"]["text"] == reread.shape.text  # type: ignore[union-attr]
    revised = orjson.loads(
        ws.reader().execute("SELECT body FROM events WHERE hash = ?", (head.hash,)).fetchone()[0]
    )
    assert row[0] in revised["base"]  # the revision names the reading its texts came from


def test_blank_for_text_items_and_nothing_open(qtbot, desk: Desk, ws: Workspace,  # type: ignore[no-untyped-def]
                                               tmp_path: Path) -> None:  # fmt: skip
    [page] = page_items(ws)
    desk.session.open_item(page.id)
    editor, model = desk.editor, desk.editor.model
    assert editor.isEnabled() and model.rowCount() >= 4
    # a plain A on selected suggested lines accepts just those (click, Shift+click)
    _click_row(qtbot, desk, 0)
    rect = editor.table.visualRect(model.index(2, TEXT))
    qtbot.mouseClick(editor.table.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ShiftModifier, rect.center())  # fmt: skip
    assert len(editor.selected_ids()) == 3 and desk.session.selection == editor.selected_ids()
    qtbot.keyClicks(editor.table, "a")
    doc = desk.session.document
    assert doc is not None and len(doc.ocr_lines()) == 3
    assert [r.pending for r in model.rows[:4]] == [False, False, False, True]
    # lines under the threshold say "low" and carry an icon and a tooltip, not just a colour
    editor.set_low_score(0.99)
    low = [i for i, r in enumerate(model.rows) if model.is_low(r)]
    assert low, "the FUNSD strip has lines read under 0.99"
    score_cell = model.index(low[0], 2)
    assert str(model.data(score_cell)).startswith("low ")
    assert model.data(score_cell, Qt.ItemDataRole.DecorationRole) is not None
    assert "Low OCR confidence" in str(model.data(score_cell, Qt.ItemDataRole.ToolTipRole))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    desk.grab().save(str(SCREENSHOTS / "ocr_lines_suggested.png"))

    note = tmp_path / "note.txt"
    note.write_text("just text", encoding="utf-8")
    import_paths(ws, [note], ImportOptions(workers=1, source="gui-tests"))
    [(text_id,)] = ws.reader().execute("SELECT id FROM items WHERE kind = 'text'").fetchall()
    desk.session.open_item(text_id)
    assert not desk.editor.isEnabled() and desk.editor.model.rowCount() == 0
    assert "Open an image" in desk.editor.state.text()
    desk.session.open_item(None)
    assert not desk.editor.isEnabled() and desk.editor.model.rowCount() == 0


def test_a_missing_ocr_model_is_reported_and_nothing_changes(  # type: ignore[no-untyped-def]
    qtbot, ws: Workspace, tmp_path: Path
) -> None:
    missing = tmp_path / "models" / "det.onnx"
    holder = QWidget()  # Qt deletes the session and runner with it, not the garbage collector
    qtbot.addWidget(holder)
    session = DocumentSession(lambda: ws, holder)
    runner = TaskRunner(holder)
    editor = OcrLinesEditor(session, lambda: ws, runner, holder,
                            engine_factory=lambda: make_engine("rapidocr", det_model=missing))  # fmt: skip
    problems: list[str] = []
    session.problem.connect(problems.append)
    [page] = page_items(ws)
    doc = session.open_item(page.id)
    assert doc is not None
    editor.accept_all()
    editor.session.select([doc.ocr_lines()[0].id])
    before = [a.shape for a in doc.ocr_lines()]
    runs = ws.reader().execute("SELECT count(*) FROM events WHERE type = 'ocr.ran'").fetchone()
    assert editor.rerecognise_selected()
    qtbot.waitUntil(lambda: bool(problems), timeout=30_000)
    assert "Re-recognising failed" in problems[-1] and str(missing) in problems[-1]
    assert [a.shape for a in doc.ocr_lines()] == before
    after = ws.reader().execute("SELECT count(*) FROM events WHERE type = 'ocr.ran'").fetchone()
    assert after == runs
    runner.shutdown()
