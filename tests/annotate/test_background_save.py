"""Saving in the background while the worker keeps editing: what was saved is clean, the rest
stays unsaved and undoable, and the draft journal keeps it."""

from __future__ import annotations

from hitl_desktop.annotate import (
    Annotation,
    Box,
    Document,
    commands,
    finish_save,
    open_document,
    prepare_save,
    recover,
    revisions,
)
from hitl_desktop.workspace import Workspace


def test_a_drag_going_on_during_a_save_stays_unsaved(workspace: Workspace, page_item: str) -> None:
    doc = open_document(workspace, page_item)
    box = Annotation(Box(10, 10, 60, 40), "total")
    doc.push(commands.add(doc, box))
    doc.push(commands.move(doc, [box.id], 5, 0, gesture="drag"))
    pending = prepare_save(workspace, doc)
    assert pending is not None
    future = workspace.submit([pending.draft])  # the writer thread validates, signs, commits
    doc.push(commands.move(doc, [box.id], 5, 0, gesture="drag"))  # the same drag goes on
    (event,) = future.result()
    finish_save(doc, pending, event)
    assert doc.base == (event.hash,) and doc.dirty
    saved = revisions.revision_payload(workspace.reader(), event.hash)["annotations"]
    assert saved[0]["shape"] == {"x0": 15.0, "x1": 65.0, "y0": 10.0, "y1": 40.0}
    draft = recover(workspace, page_item)  # the unsaved part is in the journal
    assert draft is not None and draft.annotations[0].shape == Box(20, 10, 70, 40)
    doc.undo()  # one step back is exactly the saved state
    assert not doc.dirty and doc.get(box.id).shape == Box(15, 10, 65, 40)


def test_undo_during_a_save_then_redo_returns_to_clean() -> None:
    doc = Document("item", [Annotation(Box(0, 0, 5, 5), "a")])
    ann = doc.annotations[0].id
    doc.push(commands.relabel(doc, [ann], "b"))
    mark = doc.stack.mark()
    doc.undo()  # while the save runs
    doc.stack.set_clean(mark)
    assert doc.dirty
    doc.redo()
    assert not doc.dirty
    doc.undo()
    doc.push(commands.relabel(doc, [ann], "c"))  # a new branch: the saved state is gone
    assert doc.dirty and not doc.stack.can_redo
