"""The document session: edits, undo/redo actions, background save on item change, drafts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from hitl_desktop.annotate import Annotation, Box, commands, revisions
from hitl_desktop.gui.document_session import DocumentSession
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.workspace import Workspace

pytestmark = pytest.mark.gui

SROIE = Path(__file__).resolve().parents[3] / "shared" / "data" / "sroie" / "img"


@pytest.fixture
def ws(tmp_path: Path):  # type: ignore[no-untyped-def]
    workspace = Workspace.create(tmp_path / "ws", name="WS")
    import_paths(workspace, [SROIE / "000.jpg", SROIE / "001.jpg"], ImportOptions(workers=1))
    yield workspace
    workspace.close()


def _session(qtbot, ws: Workspace) -> DocumentSession:  # type: ignore[no-untyped-def]
    """A session deleted by Qt with its holder (a timer of a QObject collected by Python on
    another thread would dangle and crash a later test)."""
    holder = QWidget()
    qtbot.addWidget(holder)
    session = DocumentSession(lambda: ws, holder)
    session.holder = holder  # type: ignore[attr-defined]  # keeps the holder alive with it
    return session


def _ids(ws: Workspace) -> list[str]:
    return [r[0] for r in ws.reader().execute("SELECT id FROM items ORDER BY created_key, id")]


def test_edit_undo_redo_and_save_on_item_change(qtbot, ws: Workspace) -> None:  # type: ignore[no-untyped-def]
    session = _session(qtbot, ws)
    first, second = _ids(ws)
    doc = session.open_item(first)
    assert doc is not None and not session.undo_action.isEnabled()
    with qtbot.waitSignal(session.changed):
        assert session.push(commands.add(doc, Annotation(Box(10, 10, 120, 40), "total")))
    assert session.undo_action.isEnabled() and session.save_action.isEnabled()
    assert session.undo_action.text().startswith("&Undo ")
    session.undo_action.trigger()
    assert len(doc) == 0 and session.redo_action.isEnabled()
    session.redo_action.trigger()
    assert len(doc) == 1

    with qtbot.waitSignal(session.saved, timeout=10_000) as saved:
        session.open_item(second)  # leaving the item saves it, in the background
    head = revisions.latest_head(ws.reader(), first)
    assert head is not None and head.hash == saved.args[0]
    assert session.document is not None and session.document.item_id == second
    # reopening the first item shows the saved box
    reopened = session.open_item(first)
    assert reopened is not None and [a.label for a in reopened.annotations] == ["total"]
    assert not reopened.dirty and not session.save_action.isEnabled()


def test_idle_edits_reach_the_draft_journal_and_come_back(qtbot, ws: Workspace) -> None:  # type: ignore[no-untyped-def]
    session = _session(qtbot, ws)
    first = _ids(ws)[0]
    doc = session.open_item(first)
    assert doc is not None
    session.push(commands.add(doc, Annotation(Box(5, 5, 50, 20), "date")))
    session.autosave_now()  # what the idle timer does
    # a new session (the app restarted after a crash) gets the edit back, unsaved
    again = _session(qtbot, ws)
    problems: list[str] = []
    again.problem.connect(problems.append)
    doc2 = again.open_item(first)
    assert doc2 is not None and again.recovered and doc2.dirty
    assert [a.label for a in doc2.annotations] == ["date"]
    assert any("earlier session" in p for p in problems)
    assert revisions.latest_head(ws.reader(), first) is None  # nothing was saved to the log
