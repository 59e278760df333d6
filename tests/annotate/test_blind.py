"""Blind double annotation: people given the same item never see each other's answers, so
their answers are independent and a difference becomes a review task; after a checker
rejects every answer, the rework replaces them all."""

from __future__ import annotations

from pathlib import Path

from hitl_desktop.annotate import Annotation, Box, commands, open_document, recover, revisions, save
from hitl_desktop.annotate.persist import journal
from hitl_desktop.annotate.shapes import Classification
from hitl_desktop.review.assignment import assign
from hitl_desktop.review.decide import decide
from hitl_desktop.review.queue import open_tasks, task_for
from hitl_desktop.workspace import Profile, Workspace
from tests.review.test_assignment import answer, import_texts

CHECKER = Profile("chris", "checker")


def as_(ws: Workspace, name: str, role: str = "worker") -> None:
    ws.set_profile(Profile(name, role))


def label_and_save(ws: Workspace, item: str, *anns: Annotation) -> tuple[str, tuple[str, ...]]:
    """Open the item as the profile's person, add ``anns``, save; (revision, doc base)."""
    doc = open_document(ws, item)
    opened_base = doc.base
    for ann in anns:
        doc.push(commands.add(doc, ann))
    event = save(ws, doc)
    assert event is not None
    return event.hash, opened_base


def test_two_assignees_answer_blind_and_a_difference_becomes_a_task(
    workspace: Workspace, page_item: str
) -> None:
    as_(workspace, "chris", "checker")
    assign(workspace, [page_item], ["ana", "ben"], batch="b1", overlap=1.0)
    as_(workspace, "ana")
    a, _ = label_and_save(workspace, page_item, Annotation(Box(40, 60, 300, 90), "header"))
    as_(workspace, "ben")
    doc = open_document(workspace, page_item)
    assert doc.annotations == [] and doc.base == ()  # ana's answer is not shown to ben
    b, base = label_and_save(workspace, page_item, Annotation(Box(40, 60, 300, 90), "question"))
    assert base == ()
    conn = workspace.reader()
    assert {h.hash for h in revisions.heads(conn, page_item)} == {a, b}
    [task] = open_tasks(conn)
    assert task.item_id == page_item and task.kind == "disagreement"
    assert set(task.actors) == {"ana", "ben"}
    # ana comes back: her own answer, no hint that someone else answered
    as_(workspace, "ana")
    again = open_document(workspace, page_item)
    assert [x.label for x in again.annotations] == ["header"] and again.base == (a,)
    assert again.problems == []
    # someone not assigned (the checker) sees the latest answer and that others compete
    as_(workspace, "chris", "checker")
    seen = open_document(workspace, page_item)
    assert seen.base == (b,) and "2 concurrent revisions" in " ".join(seen.problems)


def test_rework_after_a_reject_replaces_every_answer_and_closes_the_item(
    workspace: Workspace, page_item: str
) -> None:
    as_(workspace, "chris", "checker")
    assign(workspace, [page_item], ["ana", "ben"], batch="b1", overlap=1.0)
    as_(workspace, "ana")
    a, _ = label_and_save(workspace, page_item, Annotation(Box(40, 60, 300, 90), "header"))
    as_(workspace, "ben")
    b, _ = label_and_save(workspace, page_item, Annotation(Box(45, 60, 300, 95), "answer"))
    assert task_for(workspace.reader(), page_item) is not None
    workspace.set_profile(CHECKER)
    decide(workspace, page_item, "reject", reason_="the title is a header, box it tightly")
    assert task_for(workspace.reader(), page_item) is None  # waiting for rework
    as_(workspace, "ana")
    doc = open_document(workspace, page_item)
    assert "Rejected by chris: the title is a header, box it tightly" in doc.problems
    assert set(doc.base) == {a, b}  # the rework replaces both rejected answers
    assert [x.label for x in doc.annotations] == ["header"]  # still blind: her own answer
    doc.push(commands.delete([x.id for x in doc.annotations]))
    doc.push(commands.add(doc, Annotation(Box(42, 62, 298, 88), "header")))
    rework = save(workspace, doc)
    assert rework is not None and set(rework.base) == {a, b}
    conn = workspace.reader()
    assert [h.hash for h in revisions.heads(conn, page_item)] == [rework.hash]
    assert task_for(conn, page_item) is None and open_tasks(conn) == []
    assert "Rejected by" not in " ".join(open_document(workspace, page_item).problems)


def test_a_gold_task_is_answered_blind_and_a_wrong_answer_is_a_gold_failure(
    workspace: Workspace, tmp_path: Path
) -> None:
    sms0, sms1 = import_texts(workspace, tmp_path, 2)
    answer(workspace, sms0, "ana", "ham")
    b = answer(workspace, sms0, "ben", "spam")
    workspace.set_profile(CHECKER)
    decide(workspace, sms0, "accept", chosen=[b])
    event = assign(workspace, [sms1], ["cy"], batch="b", overlap=0, gold_rate=1.0)
    assert {(e["item"], e["kind"]) for e in event.payload["assignments"]} == {
        (sms1, "primary"), (sms0, "gold")
    }  # fmt: skip
    as_(workspace, "cy")
    doc = open_document(workspace, sms0)
    assert doc.annotations == [] and doc.base == ()  # the adjudicated answer stays hidden
    label_and_save(workspace, sms0, Annotation(Classification(("ham",))))
    task = task_for(workspace.reader(), sms0)
    assert task is not None and task.kind == "gold" and "cy" in task.actors


def test_a_draft_left_after_a_blind_save_is_dropped_not_offered_again(
    workspace: Workspace, page_item: str
) -> None:
    as_(workspace, "chris", "checker")
    assign(workspace, [page_item], ["ana", "ben"], batch="b1", overlap=1.0)
    as_(workspace, "ana")
    doc = open_document(workspace, page_item)
    doc.push(commands.add(doc, Annotation(Box(40, 60, 300, 90), "header")))
    assert save(workspace, doc) is not None
    as_(workspace, "ben")
    label_and_save(workspace, page_item, Annotation(Box(40, 60, 300, 90), "question"))
    journal(workspace).write(doc)  # ana's draft of what she saved, left by a crash
    as_(workspace, "ana")  # it equals her own saved answer, whatever ben saved since
    assert recover(workspace, page_item) is None
    assert journal(workspace).read(page_item) is None
