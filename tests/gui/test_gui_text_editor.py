"""The text span editor: spans made with real mouse drags and Shift+arrow keys on Arabic,
Hindi and Japanese texts land on exact code points of the NFC text, overlap, undo, and save."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from hitl_desktop.annotate import Span, revisions
from hitl_desktop.annotate.text_offsets import index_to_utf16
from hitl_desktop.gui.document_session import DocumentSession
from hitl_desktop.gui.label_palette import LabelPalette
from hitl_desktop.gui.span_marks import assign_lanes, display_text
from hitl_desktop.gui.tasks import TaskRunner
from hitl_desktop.gui.text_editor import TextSpanEditor
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.queries import ItemFilter, page_items
from tests.gui.gui_helpers import SCREENSHOTS

pytestmark = pytest.mark.gui

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "multilingual"
# a word of each text: Arabic with its article, Hindi with vowel signs, Japanese kanji
WORDS = {"arb.txt": "بالكرامة", "hin.txt": "अधिकारों", "jpn.txt": "尊厳"}
LABELS = ["RIGHT", "PERSON", "PLACE"]


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.create(tmp_path / "ws", name="WS")
    files = []
    for name in WORDS:  # stored decomposed (NFD): the workspace keeps NFC, offsets index that
        src = tmp_path / name
        text = unicodedata.normalize("NFD", (DATA / name).read_text("utf-8"))
        src.write_text(text, encoding="utf-8")
        files.append(src)
    import_paths(workspace, files, ImportOptions(workers=1, source="gui-tests"))
    yield workspace
    workspace.close()


def _item(ws: Workspace, name: str) -> str:
    return next(r.id for r in page_items(ws.reader(), ItemFilter(), 0, 100) if r.name == name)


class Desk(QWidget):
    """The editor beside a label palette in one window, as the main window will hold them."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.session = DocumentSession(lambda: ws, self)
        self.runner = TaskRunner(self)
        self.palette = LabelPalette(self)
        self.palette.set_labels(LABELS)
        self.editor = TextSpanEditor(self.session, lambda: ws, self.runner, self,
                                     palette=self.palette)  # fmt: skip
        self.addActions(self.palette.hotkey_actions)
        layout = QHBoxLayout(self)
        layout.addWidget(self.editor, 4)
        layout.addWidget(self.palette, 1)
        self.resize(900, 520)


@pytest.fixture
def desk(qtbot, ws: Workspace) -> Desk:  # type: ignore[no-untyped-def]
    d = Desk(ws)
    qtbot.addWidget(d)
    d.show()
    d.activateWindow()
    qtbot.waitUntil(d.isActiveWindow)
    return d


def _drag(qtbot, desk: Desk, start16: int, end16: int) -> None:  # type: ignore[no-untyped-def]
    """Press at one caret position, move, release at another: a real mouse selection."""
    view = desk.editor.view
    a, b = desk.editor.point_of(start16), desk.editor.point_of(end16)
    # a click exactly on a caret line is ambiguous: aim one pixel outside the selection
    step = 1 if b.x() >= a.x() else -1
    a, b = QPoint(a.x() - step, a.y()), QPoint(b.x() + step, b.y())
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(vp, QPoint((a.x() + b.x()) // 2, a.y()))
    qtbot.mouseMove(vp, b)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=b)


def _open(desk: Desk, ws: Workspace, name: str) -> tuple[str, int]:
    doc = desk.session.open_item(_item(ws, name))
    assert doc is not None and doc.text is not None
    assert unicodedata.is_normalized("NFC", doc.text)
    word = unicodedata.normalize("NFC", WORDS[name])
    return word, doc.text.index(word)


@pytest.mark.parametrize("name", ["arb.txt", "jpn.txt"])
def test_mouse_drag_and_hotkey_label_a_word_exactly(qtbot, desk: Desk, ws: Workspace,  # type: ignore[no-untyped-def]
                                                    name: str) -> None:  # fmt: skip
    word, start = _open(desk, ws, name)
    doc = desk.session.document
    assert doc is not None and doc.text is not None
    editor = desk.editor
    if name == "arb.txt":  # double-click selects the whole word, article included
        middle = editor.point_of(start + len(word) // 2)
        qtbot.mouseDClick(editor.view.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    else:
        _drag(qtbot, desk, start, start + len(word))
    assert editor.selected_range() == (start, start + len(word))
    qtbot.keyClick(editor.view, Qt.Key.Key_2)  # palette hotkey: PERSON
    [ann] = doc.annotations
    assert ann.label == "PERSON" and ann.shape == Span(start, start + len(word))
    assert doc.span_text(ann.id) == word
    # the view laid the paragraph out right to left for Arabic
    rtl = name == "arb.txt"
    assert (editor.view.layoutDirection() == Qt.LayoutDirection.RightToLeft) == rtl
    # an overlapping span on the first two letters
    editor.select_range(start, start)  # caret at the word's start, then two letters on
    forward = Qt.Key.Key_Left if rtl else Qt.Key.Key_Right  # arrows move visually
    for _ in range(2):
        qtbot.keyClick(editor.view, forward, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(editor.view, Qt.Key.Key_3)  # PLACE
    spans = {a.label: a for a in doc.annotations}
    assert doc.span_text(spans["PLACE"].id) == word[:2]
    # both drawn, on different lanes, and both listed at the cursor
    lanes = {m.label: m.lane for m in editor.marks}
    assert lanes["PERSON"] != lanes["PLACE"]
    editor.select_range(start + 1, start + 1)
    assert "PERSON" in editor.status.text() and "PLACE" in editor.status.text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    editor.grab().save(str(SCREENSHOTS / f"text_editor_{name.removesuffix('.txt')}.png"))


def test_shift_arrows_on_hindi_undo_redo_delete_and_save(qtbot, desk: Desk, ws: Workspace) -> None:  # type: ignore[no-untyped-def]
    word, start = _open(desk, ws, "hin.txt")
    doc = desk.session.document
    assert doc is not None and doc.text is not None
    editor = desk.editor
    editor.select_range(start, start)  # caret before the word
    editor.view.setFocus()
    # Shift+Right moves by whole letters (vowel signs stay with their consonant)
    while (editor.selected_range() or (0, start))[1] < start + len(word):
        qtbot.keyClick(editor.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert editor.selected_range() == (start, start + len(word))
    desk.palette.list.setCurrentRow(0)  # RIGHT is the current label; Enter applies it
    qtbot.keyClick(editor.view, Qt.Key.Key_Return)
    [ann] = doc.annotations
    assert doc.span_text(ann.id) == word and ann.label == "RIGHT"
    # undo / redo through the session's actions
    desk.session.undo_action.trigger()
    assert doc.annotations == []
    desk.session.redo_action.trigger()
    assert [a.id for a in doc.annotations] == [ann.id]
    # Del removes the span under the cursor; undo brings it back
    editor.select_range(0, 0)
    desk.session.select([ann.id])  # chosen elsewhere (a span list): the caret goes to it
    assert editor.selected_range() is None
    assert editor.view.textCursor().position() == index_to_utf16(doc.text, start)
    editor.select_range(start + 2, start + 2)  # a caret inside a span selects it
    assert desk.session.selection == [ann.id]
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert doc.annotations == []
    desk.session.undo_action.trigger()
    with qtbot.waitSignal(desk.session.saved, timeout=10_000):
        assert desk.session.save()
    head = revisions.latest_head(ws.reader(), doc.item_id)
    assert head is not None
    [saved] = revisions.revision_payload(ws.reader(), head.hash)["annotations"]
    shape = saved["shape"]
    assert doc.text[shape["start"] : shape["end"]] == word and saved["label"] == "RIGHT"


def test_lanes_and_display_text_keep_positions() -> None:
    lanes = assign_lanes([("a", 0, 10), ("b", 2, 5), ("c", 5, 8), ("d", 11, 12)])
    assert lanes == {"a": 0, "b": 1, "c": 1, "d": 0}
    text = "ab\r\ncd\re"
    assert len(display_text(text)) == len(text)


@pytest.fixture(scope="module")
def tiny_ner(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny randomly initialised BERT tagger that calls every token the start of a PLACE."""
    from tests.prelabel.tiny import tiny_bert

    labels = ["O", "B-PLACE", "I-PLACE", "B-PERSON", "I-PERSON"]
    folder = tmp_path_factory.mktemp("models") / "tiny-ner"
    return tiny_bert(folder, "token-classification", labels, constant=1)


def test_suggested_spans_are_dashed_and_accepted_with_a(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk, ws: Workspace, tmp_path: Path, tiny_ner: Path
) -> None:
    from hitl_desktop.prelabel import (
        add_model,
        load_prelabeller,
        parse_label_set,
        run_prelabel,
        text_items,
    )

    title = (DATA / "arb.txt").read_text("utf-8").splitlines()[0]  # the Declaration's title
    src = tmp_path / "title-ar.txt"
    src.write_text(title, encoding="utf-8")
    import_paths(ws, [src], ImportOptions(workers=1, source="gui-tests"))
    ner = {"name": "ner", "version": 1, "labels": [{"name": "PLACE"}, {"name": "PERSON"}]}
    record = add_model(ws, tiny_ner, label_set=parse_label_set(ner))
    item = _item(ws, "title-ar.txt")
    run_prelabel(ws, load_prelabeller(ws, record.id, device="cpu"), text_items(ws, [item]))
    doc = desk.session.open_item(item)
    assert doc is not None and doc.text is not None
    editor = desk.editor
    words = doc.text.split()
    assert len(editor.marks) == len(words) and all(m.pending for m in editor.marks)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    editor.grab().save(str(SCREENSHOTS / "text_editor_suggestions_ar.png"))
    # A with the cursor in the second word accepts that suggestion only
    second = doc.text.index(words[1])
    editor.select_range(second + 1, second + 1)
    editor.view.setFocus()
    assert "suggested PLACE" in editor.status.text()
    qtbot.keyClick(editor.view, Qt.Key.Key_A)
    [accepted] = doc.annotations
    assert doc.span_text(accepted.id) == words[1] and accepted.origin.kind == "prelabel"
    assert accepted.origin.model == record.id
    # Shift+A accepts the rest; undo puts them back as suggestions
    qtbot.keyClick(editor.view, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    assert len(doc.annotations) == len(words) and not any(m.pending for m in editor.marks)
    desk.session.undo_action.trigger()
    assert len(doc.annotations) == 1 and sum(m.pending for m in editor.marks) == len(words) - 1


def test_characters_outside_the_bmp_before_a_span_do_not_shift_it(  # type: ignore[no-untyped-def]
    qtbot, desk: Desk, ws: Workspace, tmp_path: Path
) -> None:
    # 𠮷 and the emoji take two UTF-16 units each in Qt, one code point each in the span
    src = tmp_path / "yoshinoya.txt"
    src.write_text("𠮷野家で😀尊厳を守る\r\n二行目の尊厳", encoding="utf-8")
    import_paths(ws, [src], ImportOptions(workers=1, source="gui-tests"))
    doc = desk.session.open_item(_item(ws, "yoshinoya.txt"))
    assert doc is not None and doc.text is not None
    for start in (doc.text.index("尊厳"), doc.text.rindex("尊厳")):  # also after a CRLF
        _drag(qtbot, desk, index_to_utf16(doc.text, start), index_to_utf16(doc.text, start + 2))
        qtbot.keyClick(desk.editor.view, Qt.Key.Key_1)
    assert [doc.span_text(a.id) for a in doc.annotations] == ["尊厳", "尊厳"]
    assert [a.shape.start for a in doc.annotations] == [5, doc.text.rindex("尊厳")]  # type: ignore[union-attr]
