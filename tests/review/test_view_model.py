"""The review view's model: two workers' answers to a real FUNSD page, their differences
grouped for merging, changed characters of a transcription, and a merge that takes from each."""

from __future__ import annotations

from pathlib import Path

import pytest

from hitl_desktop.annotate import Annotation, Box, commands, open_document, save
from hitl_desktop.annotate.annotation import Origin
from hitl_desktop.annotate.shapes import OcrLine
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.review.decide import decide, merge_answers
from hitl_desktop.review.errors import ReviewError
from hitl_desktop.review.queue import open_tasks, task_for
from hitl_desktop.review.view_model import (
    Side,
    char_changes,
    load_page,
    merge_plan,
    ocr_counterparts,
)
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.queries import ItemFilter, page_items

PAGE = Path(__file__).parents[2].parent / "shared" / "data" / "funsd" / "images" / "0000971160.png"


def _quad(x0: float, y0: float, x1: float, y1: float) -> tuple[tuple[float, float], ...]:
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def _answer(ws: Workspace, item: str, actor: str, *anns: Annotation) -> None:
    doc = open_document(ws, item)
    doc.base = ()  # each worker answers on their own
    if doc.annotations:
        doc.push(commands.delete([a.id for a in doc.annotations]))
    for ann in anns:
        doc.push(commands.add(doc, ann))
    assert save(ws, doc, actor=actor, role="worker") is not None


@pytest.fixture
def page(workspace: Workspace) -> str:
    if not PAGE.exists():
        pytest.skip(f"FUNSD page not found at {PAGE}")
    import_paths(workspace, [PAGE], ImportOptions(workers=1, source="view-model-tests"))
    [row] = page_items(workspace.reader(), ItemFilter(), 0, 10)
    model = Origin("ocr", event="e" * 64, model="pp-ocrv6-small", score=0.9)
    _answer(workspace, row.id, "ana",
            Annotation(Box(80, 60, 300, 110), "header"),
            Annotation(Box(400, 300, 600, 340), "question"),
            Annotation(OcrLine(_quad(90, 150, 400, 175), "RJR TOBACCO COMPANY", 0), "line",
                       origin=model))  # fmt: skip
    _answer(workspace, row.id, "ben",
            Annotation(Box(80, 60, 300, 110), "header"),
            Annotation(Box(100, 500, 300, 540), "answer"),
            Annotation(OcrLine(_quad(90, 150, 400, 175), "RJR TOBACC0 C0MPANY", 0), "line"))  # fmt: skip
    return row.id


def test_page_flags_the_differing_annotations_and_names_the_model(
    workspace: Workspace, page: str
) -> None:
    view = load_page(workspace, page)
    assert view.item_name == PAGE.name and view.kind == "image"
    assert view.size is not None and view.size[0] > 700 and view.size[1] == 1000
    assert view.blob_sha256 is not None and view.text is None
    actors = {a.candidate.actor: a for a in view.answers}
    assert set(actors) == {"ana", "ben"} and view.seen == sorted(view.seen)
    kinds = [d.kind for d in view.differences]
    assert kinds == ["region_only_in_a", "region_only_in_b", "transcription"]
    left, right = view.answers
    labels_l = {x.id: x.label for x in left.candidate.annotations}
    labels_r = {x.id: x.label for x in right.candidate.annotations}
    # the shared header is not flagged; each side's lone box and both OCR lines are
    lone = {"ana": "question", "ben": "answer"}
    assert sorted(labels_l[i] for i in left.flagged) == sorted(["line", lone[left.candidate.actor]])
    assert sorted(labels_r[i] for i in right.flagged) == sorted(
        ["line", lone[right.candidate.actor]]
    )
    assert len(view.groups) == 3
    assert actors["ana"].models == ("pp-ocrv6-small",) and actors["ben"].models == ()
    pairs = ocr_counterparts(view)
    assert len(pairs) == 2 and all(pairs[pairs[k]] == k for k in pairs)


def test_merge_takes_a_region_from_each_and_closes_the_task(
    workspace: Workspace, page: str
) -> None:
    view = load_page(workspace, page)
    left, right = view.answers
    # keep the left's lone box, take the right's lone box and the right's transcription
    # both lone boxes are kept (left's: take left; right's: take right), ben's line is taken
    ben = "a" if left.candidate.actor == "ben" else "b"
    picks: dict[int, Side] = {}
    for i, g in enumerate(view.groups):
        kinds = {view.differences[d].kind for d in g.diffs}
        picks[i] = {"region_only_in_a": "a", "region_only_in_b": "b"}.get(kinds.pop(), ben)
    take, used = merge_plan(view, picks)
    result = merge_answers({a.candidate.hash: a.candidate.annotations for a in view.answers}, take)
    assert sorted(x.label for x in result) == ["answer", "header", "line", "question"]
    [line] = [x for x in result if isinstance(x.shape, OcrLine)]
    assert line.shape.text == "RJR TOBACC0 C0MPANY"
    assert used == sorted({left.candidate.hash, right.candidate.hash})
    event = decide(workspace, page, "merge", chosen=used, annotations=result, seen=view.seen)
    assert event.type == "review.decided" and sorted(event.base) == view.seen
    assert task_for(workspace.reader(), page) is None
    assert open_tasks(workspace.reader()) == []


def test_merge_of_left_only_keeps_the_left_answer(workspace: Workspace, page: str) -> None:
    view = load_page(workspace, page)
    take, used = merge_plan(view, {})
    left = view.answers[0].candidate
    assert used == [left.hash]
    assert sorted(x for _, x in take) == sorted(a.id for a in left.annotations)
    assert {rev for rev, _ in take} == {left.hash}


def test_changed_characters_of_a_transcription() -> None:
    a, b = char_changes("RJR TOBACCO COMPANY", "RJR TOBACC0 C0MPANY")
    assert [s for s, changed in a if changed] == ["O", "O"]
    assert [s for s, changed in b if changed] == ["0", "0"]
    assert "".join(s for s, _ in a) == "RJR TOBACCO COMPANY"
    assert char_changes("same", "same") == ([("same", False)], [("same", False)])


def test_an_item_without_answers_is_refused(workspace: Workspace) -> None:
    if not PAGE.exists():
        pytest.skip(f"FUNSD page not found at {PAGE}")
    import_paths(workspace, [PAGE], ImportOptions(workers=1, source="view-model-tests"))
    [row] = page_items(workspace.reader(), ItemFilter(), 0, 10)
    with pytest.raises(ReviewError, match="no annotations to review"):
        load_page(workspace, row.id)
    with pytest.raises(ReviewError, match="not in the workspace"):
        load_page(workspace, "no-such-item")
