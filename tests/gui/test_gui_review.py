"""The review view: two workers' answers to a real FUNSD page side by side, their differences
highlighted, and a checker's decisions (merge, accept by key, reject with a reason, edit and
adjudicate) leaving the queue; a worker cannot open it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from hitl_desktop.annotate import Annotation, Box, commands, open_document, revisions, save
from hitl_desktop.annotate.shapes import OcrLine, Span
from hitl_desktop.gui.main_window import MainWindow
from hitl_desktop.gui.opening import open_workspace
from hitl_desktop.gui.review_answer import FLAGGED_WIDTH, SIDE_COLOURS, WARNING
from hitl_desktop.gui.review_dialogs import RejectDialog
from hitl_desktop.gui.review_view import ReviewView
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.lineage import Event
from hitl_desktop.review.queue import open_tasks
from hitl_desktop.schema.model import Label, ReviewPolicy, Schema, Task
from hitl_desktop.schema.publish import publish
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.store import iter_events
from hitl_desktop.workspace.workspace import Profile

from .gui_helpers import SCREENSHOTS

pytestmark = pytest.mark.gui

DATA = Path(__file__).parents[2].parent / "shared" / "data"
PAGE = DATA / "funsd" / "images" / "0000971160.png"
SMS = DATA / "textcls" / "sms_spam_2000.tsv"


def _quad(x0: float, y0: float, x1: float, y1: float) -> tuple[tuple[float, float], ...]:
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def _answer(ws: Workspace, item: str, actor: str, *anns: Annotation) -> None:
    doc = open_document(ws, item)
    doc.base = ()  # each worker answers on their own, not on top of the other's revision
    if doc.annotations:
        doc.push(commands.delete([a.id for a in doc.annotations]))
    for ann in anns:
        doc.push(commands.add(doc, ann))
    assert save(ws, doc, actor=actor, role="worker") is not None


def _two_answers(path: Path, role: str) -> str:
    """Import the FUNSD page into the workspace; ana and ben answer it differently: each has a
    box the other lacks, and their transcriptions of the same line differ by two characters."""
    if not PAGE.exists():
        pytest.skip(f"FUNSD page not found at {PAGE}")
    with Workspace.open(path) as ws:
        [result] = import_paths(ws, [PAGE], ImportOptions(workers=1, source="review-gui")).files
        item = result.item_id
        assert item is not None
        _answer(ws, item, "ana",
                Annotation(Box(80, 60, 300, 110), "header"),
                Annotation(Box(400, 300, 600, 340), "question"),
                Annotation(OcrLine(_quad(90, 150, 400, 175), "RJR TOBACCO COMPANY", 0), "line"))  # fmt: skip
        _answer(ws, item, "ben",
                Annotation(Box(80, 60, 300, 110), "header"),
                Annotation(Box(100, 500, 300, 540), "answer"),
                Annotation(OcrLine(_quad(90, 150, 400, 175), "RJR TOBACC0 C0MPANY", 0), "line"))  # fmt: skip
        ws.set_profile(Profile("chris", role))
    return item


@pytest.fixture
def checker(qtbot, demo_path: Path) -> Iterator[tuple[MainWindow, str]]:  # type: ignore[no-untyped-def]
    item = _two_answers(demo_path, "checker")
    win = MainWindow(open_workspace(demo_path))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win, item
    win.close()


def _open_view(qtbot, win: MainWindow) -> ReviewView:  # type: ignore[no-untyped-def]
    assert win.review.action.isEnabled()
    win.review.action.trigger()
    view = win.review.view
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    assert view.page is not None
    return view


def _decisions(ws: Workspace) -> list[Event]:
    return [e for chunk in iter_events(ws.reader()) for e in chunk if e.type == "review.decided"]


def _labels(view: ReviewView, side: int) -> dict[str, str]:
    assert view.page is not None
    return {a.id: a.label for a in view.page.answers[side].candidate.annotations}


def test_differences_are_highlighted_and_a_merge_takes_a_box_from_each(
    qtbot, checker: tuple[MainWindow, str]
) -> None:  # type: ignore[no-untyped-def]
    win, item = checker
    assert win.review.count_label.text() == "Review: 1"
    view = _open_view(qtbot, win)
    page = view.page
    assert page is not None and page.item_id == item
    # the queue: one task, both actors, the summary of what differs
    assert view.queue.tree.topLevelItemCount() == 1
    row = view.queue.tree.topLevelItem(0)
    assert row is not None and row.text(1) == PAGE.name
    assert sorted(row.text(2).split(" vs ")) == ["ana", "ben"]
    assert "transcription" in row.text(4)
    # the differences list under the canvases
    listed = [view.diffs.topLevelItem(i).text(0) for i in range(view.diffs.topLevelItemCount())]  # type: ignore[union-attr]
    assert listed == ["Region only on the left", "Region only on the right", "Different text"]
    # who made each answer
    actors = [a.candidate.actor for a in page.answers]
    assert f"Left: {actors[0]}" in view.left.header.text()
    assert f"Right: {actors[1]}" in view.right.header.text()
    # shapes in a difference: thick warning outline; the shared header box: normal
    for pane, side in ((view.left, 0), (view.right, 1)):
        labels = _labels(view, side)
        styles = {
            labels[s.ann.id]: (s.pen().width(), s.pen().color()) for s in pane.canvas.shapes()
        }
        lone = "question" if actors[side] == "ana" else "answer"
        assert styles[lone] == (FLAGGED_WIDTH, WARNING)
        assert styles["line"] == (FLAGGED_WIDTH, WARNING)
        assert styles["header"][0] < FLAGGED_WIDTH and styles["header"][1] != WARNING
    # OCR lines listed with the two changed characters marked on each side
    ana_pane = view.left if actors[0] == "ana" else view.right
    ana_lines = ana_pane.lines.toHtml()
    assert ana_lines.count('background-color:#ffc9a8;">O</span>') == 2
    ben_pane = view.right if ana_pane is view.left else view.left
    assert ben_pane.lines.toHtml().count('background-color:#ffc9a8;">0</span>') == 2
    assert ana_pane.lines.toPlainText().split() == ["1.", "RJR", "TOBACCO", "COMPANY"]
    # selecting a difference selects its region
    view.diffs.setCurrentItem(view.diffs.topLevelItem(0))
    selected = [s for s in view.left.canvas.shapes() if s.selected]
    assert [s.ann.id for s in selected] == list(page.differences[0].a_ids)
    # the overlay: both answers on one page, in two colours
    qtbot.keyClick(view.queue.tree, Qt.Key.Key_O)
    assert view.overlay_action.isChecked() and view.pages.currentIndex() == 1
    colours = {s.pen().color().name() for s in view.overlay.shapes() if not s.selected}
    assert colours == {c.name() for c in SIDE_COLOURS} and len(view.overlay.shapes()) == 6
    qtbot.keyClick(view.queue.tree, Qt.Key.Key_O)
    assert view.pages.currentIndex() == 0
    for pane in (view.left, view.right):
        qtbot.waitUntil(lambda pane=pane: pane.canvas.tiles.pyramid is not None)
    assert view.grab().save(str(SCREENSHOTS / "review_view.png"))

    # merge: keep the left's lone box, take the right's lone box and ben's transcription
    ben_side = "a" if actors[0] == "ben" else "b"
    view.set_pick(1, "b")
    view.set_pick(2, ben_side)  # type: ignore[arg-type]
    qtbot.keyClick(view.queue.tree, Qt.Key.Key_M)
    assert view.wait_for_decisions()
    ws = win.workspace
    [decision] = _decisions(ws)
    assert decision.payload["decision"] == "merge"
    assert sorted(decision.base) == sorted(page.seen)  # base = both heads
    assert sorted(decision.payload["chosen"]) == sorted(page.seen)
    merged = decision.payload["annotations"]
    assert sorted(a["label"] for a in merged) == ["answer", "header", "line", "question"]
    assert [a["shape"]["text"] for a in merged if a["label"] == "line"] == ["RJR TOBACC0 C0MPANY"]
    [head] = revisions.heads(ws.reader(), item)
    assert head.hash == decision.hash and head.decision == "merge"
    # the item left the queue; the view says so, the status bar counts none
    assert open_tasks(ws.reader()) == []
    assert view.queue.tree.topLevelItemCount() == 0 and view.page is None
    assert win.review.count_label.text() == "Review: 0"
    assert "merge recorded" in view.message.text()


def test_accept_by_keyboard_and_a_refused_decision_when_the_item_changed(
    qtbot, checker: tuple[MainWindow, str]
) -> None:  # type: ignore[no-untyped-def]
    win, item = checker
    view = _open_view(qtbot, win)
    page = view.page
    assert page is not None
    # a third answer arrives after the checker looked: the decision is refused, not lost
    _answer(win.workspace, item, "cy", Annotation(Box(0, 0, 50, 50), "header"))
    qtbot.keyClick(view.queue.tree, Qt.Key.Key_1)
    assert view.wait_for_decisions()
    assert "changed while you reviewed it" in view.message.text()
    assert _decisions(win.workspace) == []
    assert view.page is not None and len(view.page.answers) == 3
    # now accept the right answer with 2
    right = view.page.answers[1].candidate.hash
    qtbot.keyClick(view.queue.tree, Qt.Key.Key_2)
    assert view.wait_for_decisions()
    [decision] = _decisions(win.workspace)
    assert decision.payload["decision"] == "accept" and decision.payload["chosen"] == [right]
    assert len(decision.base) == 3
    assert open_tasks(win.workspace.reader()) == []


def test_reject_needs_a_reason(qtbot, checker: tuple[MainWindow, str]) -> None:  # type: ignore[no-untyped-def]
    win, item = checker
    view = _open_view(qtbot, win)
    qtbot.keyClick(view.queue.tree, Qt.Key.Key_R)
    dialog = view.findChild(RejectDialog)
    assert dialog is not None and not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.text, "   ")
    assert not dialog.ok.isEnabled()  # blanks are no reason
    qtbot.keyClicks(dialog.text, "the header box is missing")
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    assert view.wait_for_decisions()
    [decision] = _decisions(win.workspace)
    assert decision.payload["decision"] == "reject"
    assert decision.payload["reason"] == "the header box is missing"
    assert decision.payload["annotations"] is None
    assert open_tasks(win.workspace.reader()) == []
    assert len(revisions.heads(win.workspace.reader(), item)) == 2  # the answers stay in the log


def test_edit_and_adjudicate_records_the_edited_answer(
    qtbot, checker: tuple[MainWindow, str]
) -> None:  # type: ignore[no-untyped-def]
    win, item = checker
    view = _open_view(qtbot, win)
    qtbot.keyClick(view.queue.tree, Qt.Key.Key_E)
    dialog = view.adjudicate_dialog
    assert dialog is not None
    doc = dialog.document
    assert sorted(a.label for a in doc.annotations) == sorted(_labels(view, 0).values())
    # the checker deletes the header box in the editor and records the result
    [header] = [a.id for a in doc.annotations if a.label == "header"]
    assert dialog.session.push(commands.delete([header]))
    assert header not in dialog.editor.items  # type: ignore[union-attr]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert view.wait_for_decisions()
    [decision] = _decisions(win.workspace)
    assert decision.payload["decision"] == "adjudicate"
    assert "header" not in [a["label"] for a in decision.payload["annotations"]]
    assert len(decision.payload["annotations"]) == 2
    assert revisions.heads(win.workspace.reader(), item)[0].decision == "adjudicate"


def test_a_worker_cannot_open_the_review_view(qtbot, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    _two_answers(demo_path, "worker")
    win = MainWindow(open_workspace(demo_path))
    qtbot.addWidget(win)
    assert not win.review.action.isEnabled()
    assert win.review.action.toolTip() == "Only checkers and experts decide reviews"
    keys = win.review.action.shortcut()
    assert keys.toString() == "Ctrl+R"
    assert win.shortcuts.owner_of(keys, win.review.action) is None  # no other action's key
    assert win.review.count_label.text() == "Review: 1"  # the queue is visible, not decidable
    win.close()


def test_text_spans_and_the_keyboard_walk_through_the_queue(  # type: ignore[no-untyped-def]
    qtbot, demo_path: Path, tmp_path: Path
) -> None:
    page_item = _two_answers(demo_path, "expert")
    if not SMS.exists():
        pytest.skip(f"SMS data not found at {SMS}")
    message = SMS.read_text(encoding="utf-8").splitlines()[1].split("\t", 1)[-1]
    sms = tmp_path / "sms0.txt"
    sms.write_text(message, encoding="utf-8")
    with Workspace.open(demo_path) as ws:
        [result] = import_paths(ws, [sms], ImportOptions(workers=1, source="review-gui")).files
        text = result.item_id
        assert text is not None
        # ana marks one span, ben marks it with another label and adds a second one
        _answer(ws, text, "ana", Annotation(Span(0, 5), "greeting"))
        _answer(ws, text, "ben", Annotation(Span(0, 5), "name"), Annotation(Span(6, 10), "name"))
    win = MainWindow(open_workspace(demo_path))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.review.count_label.text() == "Review: 2"
    view = _open_view(qtbot, win)
    tree = view.queue.tree
    # oldest first: the FUNSD page, then the text; lowest agreement first: the text first
    assert [t.item_id for t in view.queue.tasks] == [page_item, text]
    view.queue.order.setCurrentIndex(view.queue.order.findData("agreement"))
    assert [t.item_id for t in view.queue.tasks] == [text, page_item]
    view.queue.order.setCurrentIndex(view.queue.order.findData("oldest"))
    assert view.page is not None and view.page.item_id == page_item
    # J moves down, K up, Enter opens the selected task
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_J)
    assert view.queue.current_item() == text
    assert view.page.item_id == page_item  # moving does not open
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert view.page is not None and view.page.item_id == text
    # the text with its spans; spans in a difference get the warning tint
    assert not view.left.canvas.isVisible() and view.left.text.isVisible()
    assert not view.overlay_action.isEnabled()  # nothing to overlay on a text
    listed = [view.diffs.topLevelItem(i).text(0) for i in range(view.diffs.topLevelItemCount())]  # type: ignore[union-attr]
    ben = "left" if view.page.answers[0].candidate.actor == "ben" else "right"  # the extra span
    assert listed == [f"Span only on the {ben}", "Different span label"]
    for pane in (view.left, view.right):
        assert "background-color:#ffc9a8" in pane.text.toHtml()
        assert pane.text.toPlainText() == message
    qtbot.keyClick(tree, Qt.Key.Key_K)
    assert view.queue.current_item() == page_item
    # accept the left answer of the text: it leaves the queue, the page stays
    tree.setCurrentItem(tree.topLevelItem(1))
    qtbot.keyClick(tree, Qt.Key.Key_1)
    assert view.wait_for_decisions()
    assert [t.item_id for t in view.queue.tasks] == [page_item]
    assert view.page is not None and view.page.item_id == page_item
    assert win.review.count_label.text() == "Review: 1"
    # a schema whose review policy calls agreement 0.3 enough makes the page (0.33) minor:
    # hidden from the queue and the count until "Show minor" is ticked
    schema = Schema(name="forms", version=1, review=ReviewPolicy(agreement=0.3),
                    tasks=[Task(name="regions", kind="boxes", labels=[Label(name="header")])])  # fmt: skip
    publish(win.workspace, schema)
    win.on_events_appended()
    assert win.review.count_label.text() == "Review: 0"
    assert view.queue.tasks == []
    view.queue.minor.click()
    assert [t.item_id for t in view.queue.tasks] == [page_item]
    win.close()
