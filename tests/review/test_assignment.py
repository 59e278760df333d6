"""Assigning items: a deterministic hash-based plan (balance, overlap share, gold), the
``assignment.made`` event it records, who may assign, and the `hitl assign` CLI."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hitl_desktop.annotate import Annotation, commands, open_document, save
from hitl_desktop.annotate.shapes import Classification
from hitl_desktop.cli import app
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.review.assignment import (
    AssignmentError,
    assign,
    assignees_of,
    assignments_for,
    eligible_items,
    gold_pool,
    loads,
    plan_assignments,
)
from hitl_desktop.review.decide import decide
from hitl_desktop.workspace import Profile, Workspace
from hitl_desktop.workspace.queries import ItemFilter, page_items
from tests.support.files import text_pdf

DATA = Path(__file__).parents[2].parent / "shared" / "data"
SMS = DATA / "textcls" / "sms_spam_2000.tsv"
CHECKER = Profile("chris", "checker")
ITEMS = [f"item-{i:04d}" for i in range(1000)]


def import_texts(ws: Workspace, folder: Path, n: int) -> list[str]:
    """``n`` real SMS messages as text items; their ids in file-name order."""
    if not SMS.exists():
        pytest.skip(f"shared data not found at {SMS}")
    paths = []
    for i, line in enumerate(SMS.read_text(encoding="utf-8").splitlines()[1 : n + 1]):
        path = folder / f"sms{i:02d}.txt"
        path.write_text(line.split("\t", 1)[-1], encoding="utf-8")
        paths.append(path)
    import_paths(ws, paths, ImportOptions(workers=1, source="assign-tests"))
    rows = page_items(ws.reader(), ItemFilter(), 0, 1000)
    return [r.id for r in sorted(rows, key=lambda r: r.name)]


def answer(ws: Workspace, item: str, actor: str, label: str) -> str:
    doc = open_document(ws, item)
    doc.base = ()  # an independent answer
    if doc.annotations:
        doc.push(commands.delete([a.id for a in doc.annotations]))
    doc.push(commands.add(doc, Annotation(Classification((label,)))))
    event = save(ws, doc, actor=actor, role="worker", force=True)
    assert event is not None
    return event.hash


def as_tuples(plan: list) -> list[tuple[str, str, str]]:  # type: ignore[type-arg]
    return [(a.item, a.assignee, a.kind) for a in plan]


def test_plan_is_the_same_whatever_the_input_order_and_changes_with_the_seed() -> None:
    gold = [f"gold-{i}" for i in range(40)]
    done = {"ana": ["gold-1", "gold-2"], "ben": ["gold-3"]}
    kw = {"overlap": 0.2, "gold_rate": 0.05, "seed": "batch-1"}
    first = plan_assignments(ITEMS, ["ana", "ben", "cy"], gold_pool=gold, done=done, **kw)  # type: ignore[arg-type]
    rng = random.Random(7)
    for _ in range(3):
        items, workers, pool = list(ITEMS), ["cy", "ana", "ben", "ana"], list(gold)
        rng.shuffle(items), rng.shuffle(pool)
        again = plan_assignments(items, workers, gold_pool=pool,
                                 done={"ben": ["gold-3"], "ana": ["gold-2", "gold-1"]},
                                 **kw)  # type: ignore[arg-type]  # fmt: skip
        assert as_tuples(again) == as_tuples(first)
    other = plan_assignments(ITEMS, ["ana", "ben", "cy"], gold_pool=gold, done=done,
                             overlap=0.2, gold_rate=0.05, seed="batch-2")  # fmt: skip
    overlap_items = {a.item for a in first if a.kind == "overlap"}
    assert overlap_items != {a.item for a in other if a.kind == "overlap"}
    primary = {a.item: a.assignee for a in first if a.kind == "primary"}
    assert primary != {a.item: a.assignee for a in other if a.kind == "primary"}


def test_overlap_is_exactly_its_share_and_loads_stay_balanced() -> None:
    cases = ((["ana", "ben"], 0.2), (["ana", "ben", "cy"], 0.37), (["ana"], 0.0), (["a", "b"], 1),
             (["a", "b", "c", "d"], 0.2), (["a", "b", "c", "d", "e"], 0.5))  # fmt: skip
    for workers, overlap in cases:
        plan = plan_assignments(ITEMS, workers, overlap=overlap, seed="s")
        kinds = Counter(a.kind for a in plan)
        assert kinds["primary"] == 1000 and kinds["overlap"] == round(overlap * 1000)
        by_item: dict[str, list[str]] = {}
        for a in plan:
            by_item.setdefault(a.item, []).append(a.assignee)
        assert set(by_item) == set(ITEMS)  # every item given, each to distinct people
        assert all(len(set(who)) == len(who) for who in by_item.values())
        per = loads(plan)
        prim, double = [w.primary for w in per], [w.overlap for w in per]
        total = [w.items for w in per]
        assert max(total) - min(total) <= 1 and max(prim) - min(prim) <= 2, per
        assert max(double) - min(double) <= 2, per  # nobody gets only the second places
    # a small batch: round(0.37 * 7) = 3 items go to a second worker
    small = plan_assignments(ITEMS[:7], ["ana", "ben"], overlap=0.37, seed="s")
    assert Counter(a.kind for a in small) == {"primary": 7, "overlap": 3}


def test_gold_comes_at_its_rate_and_never_to_someone_who_saw_it() -> None:
    gold = [f"gold-{i:02d}" for i in range(30)]
    seen_by_ana = gold[:25]  # ana answered or was given most of the gold already
    plan = plan_assignments(ITEMS[:200], ["ana", "ben"], overlap=0.1, gold_rate=0.1,
                            gold_pool=gold, done={"ana": seen_by_ana}, seed="g")  # fmt: skip
    per = {w.worker: w for w in loads(plan)}
    # ben: 100 primary + 10 overlap items -> round(0.1 * 110) = 11 gold; ana has only 5 left
    assert per["ben"].gold == round(0.1 * (per["ben"].primary + per["ben"].overlap)) == 11
    ana_gold = {a.item for a in plan if a.assignee == "ana" and a.kind == "gold"}
    assert ana_gold == set(gold[25:]) and not ana_gold & set(seen_by_ana)
    ben_gold = [a.item for a in plan if a.assignee == "ben" and a.kind == "gold"]
    assert len(set(ben_gold)) == 11 and set(ben_gold) <= set(gold)
    # an item both in the batch and in the gold pool is never a worker's gold and primary
    both = plan_assignments(["x", "y"], ["ana"], overlap=0, gold_rate=1.0, gold_pool=["x", "z"],
                            seed="g")  # fmt: skip
    assert as_tuples(both) == [("x", "ana", "primary"), ("y", "ana", "primary"),
                               ("z", "ana", "gold")]  # fmt: skip


@pytest.mark.parametrize(
    ("workers", "overlap", "message"),
    [
        ([], 0.0, "at least one worker"),
        (["ana", " "], 0.0, "worker name is empty"),
        (["ana"], 0.2, "only 'ana' was named"),
        (["ana", "ben"], 1.5, "between 0 and 1"),
    ],
)
def test_bad_plans_are_refused_with_a_reason(
    workers: list[str], overlap: float, message: str
) -> None:
    with pytest.raises(AssignmentError, match=message):
        plan_assignments(ITEMS[:5], workers, overlap=overlap, seed="s")


def test_assignment_event_lands_in_the_table_and_the_readers(
    workspace: Workspace, tmp_path: Path
) -> None:
    ids = import_texts(workspace, tmp_path, 8)
    workspace.set_profile(CHECKER)
    first = assign(workspace, [], ["ana", "ben"], batch="week-1", overlap=0.5)
    assert first.type == "assignment.made" and first.actor == "chris"
    entries = first.payload["assignments"]
    assert {e["item"] for e in entries} == set(ids)  # no items named: every eligible one
    assert Counter(e["kind"] for e in entries) == {"primary": 8, "overlap": 4}
    conn = workspace.reader()
    rows = conn.execute("SELECT item_id, assignee, kind, batch, event FROM assignments").fetchall()
    assert sorted(rows) == sorted(
        (e["item"], e["assignee"], e["kind"], "week-1", first.hash) for e in entries
    )
    with pytest.raises(AssignmentError, match="every live item is annotated or assigned"):
        assign(workspace, [], ["ana"], batch="week-2", overlap=0)
    with pytest.raises(AssignmentError, match="not in this workspace: nope"):
        assign(workspace, [ids[0], "nope"], ["ana"], batch="week-2", overlap=0)
    with pytest.raises(AssignmentError, match="already assigned"):
        assign(workspace, [ids[0]], ["ana"], batch="week-1", overlap=0)
    second = assign(workspace, [ids[0]], ["cy"], batch="week-2", overlap=0)
    mine = assignments_for(workspace.reader(), "cy")
    assert [(a.item_id, a.kind, a.batch) for a in mine] == [(ids[0], "primary", "week-2")]
    listed = assignments_for(workspace.reader(), None)
    assert listed[0].batch == "week-2" and {a.batch for a in listed[1:]} == {"week-1"}
    people = {a.assignee for a in assignees_of(workspace.reader(), ids[0])}
    assert "cy" in people and len(people) >= 2 and second.payload["seed"] == "week-2"
    assert not any(a.answered for a in listed)
    answer(workspace, ids[0], "cy", "ham")
    assert assignments_for(workspace.reader(), "cy")[0].answered


def test_a_worker_may_not_assign(workspace: Workspace, tmp_path: Path) -> None:
    ids = import_texts(workspace, tmp_path, 2)
    workspace.set_profile(Profile("wendy", "worker"))
    with pytest.raises(AssignmentError, match="Only checkers and experts assign work"):
        assign(workspace, ids, ["ana"], batch="b", overlap=0)
    count = workspace.reader().execute("SELECT count(*) FROM assignments").fetchone()[0]
    assert count == 0


def test_gold_in_a_workspace_goes_only_to_those_who_have_not_seen_it(
    workspace: Workspace, tmp_path: Path
) -> None:
    sms0, *rest = import_texts(workspace, tmp_path, 5)
    answer(workspace, sms0, "ana", "ham")
    b = answer(workspace, sms0, "ben", "spam")
    workspace.set_profile(CHECKER)
    decide(workspace, sms0, "accept", chosen=[b])  # spam is the adjudicated answer
    assert gold_pool(workspace.reader()) == [sms0]
    event = assign(workspace, rest, ["ana", "ben", "cy"], batch="b", overlap=0, gold_rate=1.0)
    gold = [(e["item"], e["assignee"]) for e in event.payload["assignments"] if e["kind"] == "gold"]
    assert gold == [(sms0, "cy")]  # ana and ben answered it: no gold task for them


def test_cli_assign_and_assignments(workspace: Workspace, tmp_path: Path) -> None:
    ids = import_texts(workspace, tmp_path, 6)
    path = workspace.path
    workspace.set_profile(Profile("wendy", "worker"))
    workspace.close()
    runner = CliRunner()
    refused = runner.invoke(app, ["-w", str(path), "assign", "--to", "ana"])
    assert refused.exit_code == 1 and "Only checkers and experts assign work" in refused.output
    with Workspace.open(path) as ws:
        ws.set_profile(CHECKER)
    missing = runner.invoke(app, ["-w", str(path), "assign"])
    assert missing.exit_code == 2 and "--to ana" in missing.output
    out = runner.invoke(app, ["-w", str(path), "assign", "--to", "ana", "--to", "ben",
                              "--overlap", "0.5", "--batch", "b1", "--json"])  # fmt: skip
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["batch"] == "b1" and data["seed"] == "b1" and data["items"] == 6
    workers = {w["worker"]: w for w in data["workers"]}
    assert sum(w["primary"] for w in workers.values()) == 6
    assert sum(w["overlap"] for w in workers.values()) == 3
    assert sorted(w["items"] for w in workers.values()) == [4, 5]  # 9 places, balanced
    text = runner.invoke(app, ["-w", str(path), "assign", "--to", "cy", "--batch", "b2", ids[0]])
    assert text.exit_code == 0 and "1 item(s) to 1 worker(s)" in text.output
    assert "cy" in text.output
    listed = runner.invoke(app, ["-w", str(path), "assignments", "--for", "ana", "--json"])
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert len(rows) == workers["ana"]["items"] and {r["batch"] for r in rows} == {"b1"}
    everyone = runner.invoke(app, ["-w", str(path), "assignments"])
    assert everyone.exit_code == 0 and everyone.output.splitlines()[0].split()[1] == "cy"
    assert "10 assignment(s), 0 answered" in everyone.output


def test_pages_are_assigned_not_their_pdf(workspace: Workspace, tmp_path: Path) -> None:
    (tmp_path / "invoice.pdf").write_bytes(text_pdf(["Invoice 2026-001", "Total 42.00 EUR"]))
    import_paths(workspace, [tmp_path / "invoice.pdf"], ImportOptions(workers=1, source="t"))
    rows = page_items(workspace.reader(), ItemFilter(), 0, 100)
    [pdf] = [r.id for r in rows if r.parent_id is None]
    pages = sorted(r.id for r in rows if r.parent_id == pdf)
    assert len(pages) == 2
    assert sorted(eligible_items(workspace.reader())) == pages
    event = assign(workspace, [pdf], ["ana"], batch="b", overlap=0)  # the PDF stands for its pages
    assert sorted(e["item"] for e in event.payload["assignments"]) == pages
