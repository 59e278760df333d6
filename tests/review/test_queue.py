"""The review queue over real workspaces: what becomes a task, in which order, and how
decisions close it. Replicas that get the same events in other orders must agree."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hitl_desktop.annotate import Annotation, Box, commands, open_document, save
from hitl_desktop.annotate import revisions as revs
from hitl_desktop.annotate.shapes import OcrLine
from hitl_desktop.cli import app
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.lineage import Agent, Subject
from hitl_desktop.review.decide import decide, merge_answers
from hitl_desktop.review.errors import ReviewError
from hitl_desktop.review.queue import open_tasks, queue_counts, task_for
from hitl_desktop.workspace import Profile, Workspace
from hitl_desktop.workspace.projector import apply_all, projection_digest
from hitl_desktop.workspace.queries import ItemFilter, page_items
from hitl_desktop.workspace.store import insert_events
from tests.support.replica import copy_as_device, log_events, shuffled_replica

DATA = Path(__file__).parents[2].parent / "shared" / "data"
PAGES = sorted((DATA / "funsd" / "images").glob("*.png"))[:6]
REVIEW_TABLES = ("review_tasks", "review_decisions", "review_decision_base", "model_corrections")
CHECKER = Profile("chris", "checker")


@pytest.fixture
def pages(workspace: Workspace) -> list[str]:
    """Six real FUNSD pages, imported; their item ids in name order."""
    if len(PAGES) < 6:
        pytest.skip(f"FUNSD pages not found under {DATA}")
    import_paths(workspace, PAGES, ImportOptions(workers=1, source="queue-tests"))
    rows = page_items(workspace.reader(), ItemFilter(), 0, 100)
    return [r.id for r in sorted(rows, key=lambda r: r.name)]


def answer(
    ws: Workspace, item: str, actor: str, anns: Sequence[Annotation], base: Sequence[str] = ()
) -> str:
    """``actor``'s answer to ``item`` built on ``base`` (independent when empty)."""
    doc = open_document(ws, item)
    doc.base = tuple(base)
    if doc.annotations:
        doc.push(commands.delete([a.id for a in doc.annotations]))
    for ann in anns:
        doc.push(commands.add(doc, ann))
    event = save(ws, doc, actor=actor, role="worker", force=True)
    assert event is not None
    return event.hash


def boxes(*labels: str, shift: float = 0.0) -> list[Annotation]:
    return [
        Annotation(Box(100 * i + shift, 10, 100 * i + 80 + shift, 60), label)
        for i, label in enumerate(labels)
    ]


def as_checker(ws: Workspace) -> None:
    ws.set_profile(CHECKER)


def test_identical_answers_agree_and_different_ones_open_a_task(
    workspace: Workspace, pages: list[str]
) -> None:
    same, differ = pages[0], pages[1]
    answer(workspace, same, "ana", boxes("question", "answer"))
    answer(workspace, same, "ben", boxes("question", "answer"))  # new ids, same content
    answer(workspace, differ, "ana", boxes("question", "answer"))
    answer(workspace, differ, "ben", boxes("question", "header"))
    conn = workspace.reader()
    assert len(revs.heads(conn, same)) == 2 and task_for(conn, same) is None
    task = task_for(conn, differ)
    assert task is not None and task.kind == "disagreement"
    assert task.actors == tuple(
        r.actor for r in sorted(revs.heads(conn, differ), key=lambda r: r.hash)
    )
    # one of two boxes on each side differs: 2 of 4 annotations in a difference
    assert task.agreement == pytest.approx(0.5)
    assert task.summary == "1 region_label" and task.differences == 1
    assert [t.item_id for t in open_tasks(conn)] == [differ]


def test_policy_threshold_hides_minor_disagreements_and_orders_the_queue(
    workspace: Workspace, pages: list[str]
) -> None:
    labels = ("question", "answer", "header", "other")
    minor, major, oldest = pages[0], pages[1], pages[2]
    answer(workspace, oldest, "ana", boxes(*labels))
    answer(workspace, oldest, "ben", boxes("other", "other", "other", "other"))  # 3 differ
    answer(workspace, minor, "ana", boxes(*labels))
    answer(workspace, minor, "ben", boxes(*labels[:3], "question"))  # 1 of 4 differs
    answer(workspace, major, "ana", boxes(*labels))
    answer(workspace, major, "ben", boxes("answer", "question", "other", "header"))  # 4 differ
    conn = workspace.reader()
    assert task_for(conn, minor).agreement == pytest.approx(0.75)  # type: ignore[union-attr]
    assert [t.item_id for t in open_tasks(conn)] == [oldest, minor, major]
    assert [t.item_id for t in open_tasks(conn, order="agreement")] == [major, oldest, minor]
    assert [t.item_id for t in open_tasks(conn, threshold=0.7)] == [oldest, major]
    assert [t.item_id for t in open_tasks(conn, threshold=0.7, include_minor=True)] == [
        oldest, minor, major,
    ]  # fmt: skip
    assert queue_counts(conn, threshold=0.7) == {
        "gold": 0, "decision_conflict": 0, "fork": 0, "disagreement": 2, "minor": 1,
    }  # fmt: skip
    with pytest.raises(ReviewError, match="queue order must be one of oldest, agreement"):
        open_tasks(conn, order="newest")  # type: ignore[arg-type]


def test_accept_closes_the_task_and_becomes_the_single_head(
    workspace: Workspace, pages: list[str]
) -> None:
    item = pages[0]
    a = answer(workspace, item, "ana", boxes("question"))
    b = answer(workspace, item, "ben", boxes("answer"))
    task = task_for(workspace.reader(), item)
    assert task is not None
    workspace.set_profile(Profile("wendy", "worker"))
    with pytest.raises(ReviewError, match="Only checkers"):
        decide(workspace, item, "accept", chosen=[a])
    as_checker(workspace)
    with pytest.raises(ReviewError, match="matches none"):
        decide(workspace, item, "accept", chosen=["0" * 12])
    with pytest.raises(ReviewError, match="needs a reason"):
        decide(workspace, item, "reject", reason_=" ")
    with pytest.raises(ReviewError, match="changed while you reviewed it"):
        decide(workspace, item, "accept", chosen=[a], seen=[a])
    event = decide(workspace, item, "accept", chosen=["ana"], seen=task.heads)
    assert sorted(event.base) == sorted([a, b]) and event.payload["chosen"] == [a]
    assert event.payload["task"] == "disagreement"
    conn = workspace.reader()
    assert task_for(conn, item) is None and open_tasks(conn) == []
    [head] = revs.heads(conn, item)
    assert head.hash == event.hash and head.decision == "accept" and head.actor == "chris"
    assert revs.revision_payload(conn, head.hash)["annotations"][0]["label"] == "question"
    status = conn.execute("SELECT work_status FROM items WHERE id = ?", (item,)).fetchone()
    assert status == ("reviewed",)
    # the rejected answer stays in the log
    assert {r.hash for r in revs.item_revisions(conn, item)} >= {a, b}


def test_reject_closes_the_task_and_merge_takes_regions_from_each(
    workspace: Workspace, pages: list[str]
) -> None:
    rejected, merged = pages[0], pages[1]
    answer(workspace, rejected, "ana", boxes("question"))
    answer(workspace, rejected, "ben", boxes("answer"))
    a = answer(workspace, merged, "ana", boxes("question", "answer"))
    b = answer(workspace, merged, "ben", boxes("question", "header"))
    as_checker(workspace)
    decide(workspace, rejected, "reject", reason_="both missed the header")
    conn = workspace.reader()
    assert task_for(conn, rejected) is None and len(revs.heads(conn, rejected)) == 2
    status = conn.execute("SELECT work_status FROM items WHERE id = ?", (rejected,)).fetchone()
    assert status == ("rejected",)

    answers = {
        h: [Annotation.from_json(x) for x in revs.revision_payload(conn, h)["annotations"]]
        for h in (a, b)
    }
    take = [(a, answers[a][0].id), (a, answers[a][1].id), (b, answers[b][1].id)]
    result = merge_answers(answers, take)
    assert [x.label for x in result] == ["question", "answer", "header"]
    event = decide(workspace, merged, "merge", chosen=[a, b], annotations=result)
    assert task_for(conn, merged) is None
    assert len(revs.revision_payload(conn, event.hash)["annotations"]) == 3


def test_gold_failures_come_first(workspace: Workspace, pages: list[str]) -> None:
    gold, other = pages[0], pages[1]
    answer(workspace, other, "ana", boxes("question"))
    answer(workspace, other, "ben", boxes("answer"))
    answer(workspace, gold, "ana", boxes("question"))
    as_checker(workspace)
    decide(workspace, gold, "accept", chosen=["ana"])  # approved: the adjudicated answer
    workspace.append([workspace.draft("assignment.made", {
        "batch": "week 48", "assignments": [{"item": gold, "assignee": "dan", "kind": "gold"}],
    })])  # fmt: skip
    answer(workspace, gold, "dan", boxes("header"))  # dan fails the gold item
    conn = workspace.reader()
    assert [(t.item_id, t.kind) for t in open_tasks(conn)] == [
        (gold, "gold"), (other, "disagreement"),
    ]  # fmt: skip


def test_model_corrections_record_how_people_changed_accepted_ocr(
    workspace: Workspace, pages: list[str]
) -> None:
    item = pages[0]
    sha = (
        workspace.reader()
        .execute("SELECT blob_sha256 FROM items WHERE id = ?", (item,))
        .fetchone()[0]
    )
    quad = [[10.0, 10.0], [200.0, 10.0], [200.0, 40.0], [10.0, 40.0]]
    lines = [{"quad": quad, "text": "TOTAL 12.00", "score": 0.9},
             {"quad": [[x, y + 100] for x, y in quad], "text": "Date", "score": 0.8}]  # fmt: skip
    [ocr] = workspace.append([workspace.draft(
        "ocr.ran", {"image_sha256": sha, "width": 800, "height": 1000, "lines": lines},
        subject=Subject(item), actor="model:rapidocr",
        agent=Agent("rapidocr", "3.4", parameters={}, device="cpu"),
    )])  # fmt: skip
    doc = open_document(workspace, item)
    doc.push(commands.accept_suggestions(doc))
    first = next(a for a in doc.annotations if isinstance(a.shape, OcrLine) and a.shape.order == 0)
    doc.push(commands.edit_transcription(doc, first.id, "TOTAL 12,00"))
    event = save(workspace, doc, actor="ana", role="worker")
    assert event is not None and ocr.hash in event.base
    row = (
        workspace.reader()
        .execute(
            "SELECT source, model, actor, differences, summary FROM model_corrections WHERE revision = ?",
            (event.hash,),
        )
        .fetchone()
    )
    assert row == (ocr.hash, "rapidocr", "ana", 1, "1 transcription")


def _pull(src: Workspace, dst: Workspace) -> None:
    """Give ``dst`` the events of ``src`` it lacks, stored and projected together (a sync)."""
    have = {r[0] for r in dst.reader().execute("SELECT hash FROM events")}
    new = [e for e in log_events(src.db_path) if e.hash not in have]
    writer = dst._writer_or_fail()

    def store(conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        insert_events(conn, new)
        apply_all(conn, writer.projections, new)
        conn.execute("COMMIT")

    writer.run(store)


def _second_device(ws: Workspace, path: Path) -> Workspace:
    """A copy of ``ws`` opened as another device of the same project (its own key)."""
    ws.close()
    return copy_as_device(ws.path, path)


def _review_digest(ws: Workspace) -> dict[str, str]:
    return {k: v for k, v in ws.projection_digest().items() if k in REVIEW_TABLES}


def test_fork_from_two_devices_is_surfaced_and_a_second_resolution_reopens(
    workspace: Workspace, pages: list[str], tmp_path: Path
) -> None:
    item = pages[0]
    root = answer(workspace, item, "ana", boxes("question", "answer"))
    tablet = _second_device(workspace, tmp_path / "tablet")  # closes the fixture's handle
    laptop = Workspace.open(workspace.path)
    try:
        assert laptop.device_id != tablet.device_id
        # offline on both: each edits the same revision
        on_laptop = answer(laptop, item, "ana", boxes("question", "header"), base=[root])
        on_tablet = answer(tablet, item, "ben", boxes("question", "other"), base=[root])
        _pull(tablet, laptop)
        _pull(laptop, tablet)
        for ws in (laptop, tablet):
            task = task_for(ws.reader(), item)
            assert task is not None and task.kind == "fork"
            assert set(task.heads) == {on_laptop, on_tablet}
        assert _review_digest(laptop) == _review_digest(tablet)

        # both resolve it, offline, differently
        as_checker(laptop)
        tablet.set_profile(Profile("dora", "checker"))
        decide(laptop, item, "accept", chosen=[on_laptop])
        assert task_for(laptop.reader(), item) is None
        decide(tablet, item, "accept", chosen=[on_tablet])
        _pull(tablet, laptop)
        _pull(laptop, tablet)
        for ws in (laptop, tablet):
            task = task_for(ws.reader(), item)
            assert task is not None and task.kind == "decision_conflict"
            assert set(task.actors) == {"chris", "dora"}
        assert _review_digest(laptop) == _review_digest(tablet)
        # resolving the conflict between the decisions closes it everywhere
        decide(laptop, item, "accept", chosen=["chris"])
        _pull(laptop, tablet)
        assert task_for(tablet.reader(), item) is None
    finally:
        laptop.close()
        tablet.close()


def test_queue_is_the_same_for_any_arrival_order(workspace: Workspace, pages: list[str]) -> None:
    root = answer(workspace, pages[0], "ana", boxes("question", "answer"))
    answer(workspace, pages[0], "ana", boxes("question", "header"), base=[root])
    answer(workspace, pages[0], "ben", boxes("question", "other"), base=[root])  # fork
    for item, labels in zip(pages[1:4], ("answer", "question", "header"), strict=True):
        answer(workspace, item, "ana", boxes("question", "answer"))
        answer(workspace, item, "ben", boxes("question", labels))  # one agrees, two do not
    answer(workspace, pages[4], "ana", boxes("question"))
    answer(workspace, pages[4], "ben", boxes("header"))
    as_checker(workspace)
    decide(workspace, pages[4], "reject", reason_="wrong form type")
    decide(workspace, pages[3], "accept", chosen=["ben"])
    workspace.append([workspace.draft("assignment.made", {
        "batch": "b1", "assignments": [{"item": pages[3], "assignee": "eve", "kind": "gold"}],
    })])  # fmt: skip
    answer(workspace, pages[3], "eve", boxes("other"))
    expected = [t.to_json() for t in open_tasks(workspace.reader())]
    assert [t["kind"] for t in expected] == ["gold", "fork", "disagreement"]

    events = log_events(workspace.db_path)
    ours = _review_digest(workspace)
    for seed, batch in ((1, 1), (2, 3), (3, 7), (4, 50)):
        replica, projections = shuffled_replica(events, seed, batch=batch)
        digest = projection_digest(replica, projections)
        assert {k: digest[k] for k in REVIEW_TABLES} == ours, (seed, batch)
        assert [t.to_json() for t in open_tasks(replica)] == expected
    assert workspace.rebuild().identical


def test_cli_lists_shows_and_decides(workspace: Workspace, pages: list[str]) -> None:
    item = pages[0]
    a = answer(workspace, item, "ana", boxes("question", "answer"))
    answer(workspace, item, "ben", boxes("question", "header"))
    path = workspace.path
    workspace.set_profile(Profile("wendy", "worker"))
    workspace.close()
    runner = CliRunner()
    listed = runner.invoke(app, ["-w", str(path), "review", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    [row] = [json.loads(line) for line in listed.output.splitlines()]
    assert row["item_id"] == item and row["kind"] == "disagreement"
    shown = runner.invoke(app, ["-w", str(path), "review", "show", item])
    assert shown.exit_code == 0  # answers are listed by hash, so either may come first
    assert re.search(r"region_label: '(answer' vs 'header|header' vs 'answer)'", shown.output)
    assert "ana (worker), 2 annotation(s)" in shown.output
    refused = runner.invoke(app, ["-w", str(path), "review", "decide", item, "--accept", a[:8]])
    assert refused.exit_code == 1 and "Only checkers" in refused.output
    became = runner.invoke(
        app, ["-w", str(path), "profile", "--user", "chris", "--role", "checker"]
    )
    assert became.exit_code == 0 and became.output.strip() == "chris (checker)"
    bad_role = runner.invoke(app, ["-w", str(path), "profile", "--role", "boss"])
    assert bad_role.exit_code == 2 and "unknown role 'boss'" in bad_role.output
    both = runner.invoke(app, ["-w", str(path), "review", "decide", item, "--accept", "x",
                               "--reject"])  # fmt: skip
    assert both.exit_code == 2 and "exactly one of" in both.output
    done = runner.invoke(
        app, ["-w", str(path), "review", "decide", item, "--accept", a[:8], "--json"]
    )
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["chosen"] == [a]
    empty = runner.invoke(app, ["-w", str(path), "review", "list"])
    assert "The review queue is empty." in empty.output


def test_numbers_beyond_any_float_are_refused_not_fatal() -> None:
    """The log's canonical JSON already refuses integers past 2**53; the parsers must still
    turn such a number (a damaged or foreign payload) into a clear refusal, not a crash."""
    from hitl_desktop.annotate.errors import InvalidAnnotation
    from hitl_desktop.review.compare import compare
    from hitl_desktop.review.fast import view

    huge = 10**400
    box = {
        "attributes": {},
        "id": "x1",
        "kind": "box",
        "label": "question",
        "origin": {"kind": "human"},
        "shape": {"x0": 0, "y0": 10, "x1": huge, "y1": 60},
    }
    tagged = {"attributes": {"n": -huge}, "id": "x2", "kind": "classification", "label": "",
              "origin": {"kind": "human"}, "shape": {"labels": ["invoice"]}}  # fmt: skip
    for bad, why in ((box, "box x1 is out of range"), (tagged, "attribute 'n' is out of range")):
        assert view([bad]) is None
        with pytest.raises(InvalidAnnotation, match=why):
            Annotation.from_json(bad)
        with pytest.raises(InvalidAnnotation, match="cannot be read as JSON"):
            compare([bad], [])
