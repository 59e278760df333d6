"""Throughput per person and day, the agreement trend, the timeline, and the projection's
independence from arrival order."""

from __future__ import annotations

import sqlite3

import pytest

from hitl_desktop.insights.activity import agreement_trend, throughput, timeline
from hitl_desktop.insights.dashboard import compute_dashboard
from hitl_desktop.insights.projection import InsightsProjection
from hitl_desktop.insights.windows import Filters, Window, day_date, last_days
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.projector import projection_digest
from tests.support.replica import log_events, shuffled_replica

from .events import (
    DAY0,
    adjudicated,
    as_person,
    box,
    classification,
    imported,
    prelabel,
    register_model,
    revised,
    set_day,
)


def _people_work(ws: Workspace) -> list[str]:
    set_day(ws, DAY0)
    as_person(ws, "olga")
    drafts = [imported(ws, f"p{i}.png") for i in range(4)]
    ws.append(drafts)
    items = [d.subject.item for d in drafts if d.subject is not None]
    ws.append([revised(ws, it, classification("a"), actor="ana") for it in items[:3]])
    set_day(ws, DAY0 + 1)
    ws.append([revised(ws, it, classification("a"), actor="ben") for it in items[:2]])
    as_person(ws, "chris", "checker")
    ws.append([adjudicated(ws, items[0], "a")])
    return items


def test_throughput_per_person_and_day(workspace: Workspace) -> None:
    _people_work(workspace)
    t = throughput(workspace.reader(), Window(DAY0, DAY0 + 1))
    rows = {(p.day, p.person): (p.answers, p.decisions, p.events) for p in t.days}
    assert rows == {
        (DAY0, "olga"): (0, 0, 4),  # she imported the four items
        (DAY0, "ana"): (3, 0, 3),
        (DAY0 + 1, "ben"): (2, 0, 2),
        (DAY0 + 1, "chris"): (0, 1, 1),
    }
    assert {p.person: p.answers for p in t.people}["ana"] == 3
    only = throughput(workspace.reader(), Window(DAY0, DAY0 + 1), Filters(person="ben"))
    assert [(p.day, p.person, p.answers) for p in only.days] == [(DAY0 + 1, "ben", 2)]


def test_agreement_trend_share_and_alpha(workspace: Workspace) -> None:
    set_day(workspace, DAY0)
    drafts = [imported(workspace, f"p{i}.png") for i in range(5)]
    workspace.append(drafts)
    items = [d.subject.item for d in drafts if d.subject is not None]
    ana = ["a", "b", "a", "a"]
    ben = ["a", "b", "a", "b"]  # the fourth item differs
    workspace.append([revised(workspace, it, classification(x), actor="ana")
                      for it, x in zip(items, ana, strict=False)])  # fmt: skip
    set_day(workspace, DAY0 + 2)
    workspace.append([revised(workspace, it, classification(x), actor="ben")
                      for it, x in zip(items, ben, strict=False)])  # fmt: skip
    # boxes a pixel apart agree (the review queue's thresholds), a relabelled one does not
    workspace.append([revised(workspace, items[4], [box("q")], actor="ana"),
                      revised(workspace, items[4], [box("q", 11.0)], actor="ben")])  # fmt: skip
    [point] = agreement_trend(workspace.reader(), Window(DAY0 - 5, DAY0 + 8), bucket_days=7)
    assert (point.first_day, point.last_day) == (DAY0 + 2, DAY0 + 8)
    assert (point.items, point.agreeing) == (5, 4) and point.share == pytest.approx(0.8)
    # units (a,a) x2, (b,b), (a,b): o_aa 4, o_bb 2, o_ab = o_ba 1; n_a 5, n_b 3, n 8
    # alpha = 1 - (2/8) / (2 * 5 * 3 / (8 * 7)) = 1 - 0.25 / (30/56)
    assert point.class_items == 4
    assert point.alpha == pytest.approx(1 - 0.25 / (30 / 56))
    assert agreement_trend(workspace.reader(), Window(DAY0 - 5, DAY0 + 1)) == ()


def test_timeline_lists_who_did_what_and_when(workspace: Workspace) -> None:
    _people_work(workspace)
    t = timeline(workspace.reader(), Window(DAY0 + 1, DAY0 + 1))
    assert t.events == 3 and len(t.entries) == 3
    newest = t.entries[0]
    assert (newest.actor, newest.role, newest.type) == ("chris", "checker", "review.decided")
    assert newest.when.startswith(day_date(DAY0 + 1).isoformat())
    assert newest.device == workspace.device_id and not newest.synced
    assert dict(t.by_type) == {"annotation.revised": 2, "review.decided": 1}
    ben = timeline(workspace.reader(), Window(DAY0, DAY0 + 1), Filters(person="ben"))
    assert {e.actor for e in ben.entries} == {"ben"} and ben.events == 2


def test_dashboard_gathers_every_figure(workspace: Workspace) -> None:
    _people_work(workspace)
    d = compute_dashboard(workspace.reader(), last_days(DAY0 + 1, 1))
    assert d.throughput.answers == 2 and d.timeline.events == 3
    assert d.vocabulary is None and d.alarms == []
    assert d.to_json()["period"]["current"] == {"first": DAY0 + 1, "last": DAY0 + 1}


def test_projection_tables_do_not_depend_on_arrival_order(workspace: Workspace) -> None:
    items = _people_work(workspace)
    set_day(workspace, DAY0 + 3)
    model = register_model(workspace, "doc-type")
    made = workspace.append([prelabel(workspace, it, model, "a", "b") for it in items])
    workspace.append([revised(workspace, items[1], classification("b"), actor="ben",
                              base=[made[1].hash])])  # fmt: skip
    # the same item imported again under another source, later: the first import wins
    workspace.append([imported(workspace, "again.png", source="other", item=items[0],
                               stats={"width": 5})])  # fmt: skip
    events = log_events(workspace.db_path)
    ours = projection_digest(workspace.reader(), [InsightsProjection()])
    conn = workspace.reader()
    for table in ("insights_item_labels", "insights_agreement", "insights_truth",
                  "insights_predictions", "insights_corrections"):  # fmt: skip
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
    assert conn.execute(
        "SELECT agree FROM insights_agreement WHERE item_id = ?", (items[1],)
    ).fetchone() == (0,)
    for seed, batch in ((1, 1), (2, 3), (3, 1000)):
        replica, _ = shuffled_replica(events, seed, batch=batch)
        assert projection_digest(replica, [InsightsProjection()]) == ours, (seed, batch)
    stored = conn.execute(
        "SELECT source FROM insights_items WHERE item_id = ?", (items[0],)
    ).fetchone()
    assert stored == ("tests",)
    assert workspace.rebuild().identical


def test_timeline_shows_this_devices_syncs_and_incidents(workspace: Workspace) -> None:
    from hitl_desktop.sync import state

    _people_work(workspace)

    def record(conn: sqlite3.Connection) -> None:
        state.ensure(conn)
        state.record_incident(conn, "https://hub.example", "key_changed",
                              "checkpoint signed by another key", "2026-01-01T00:00:00+00:00")  # fmt: skip
        state.set_last_sync(conn, "https://hub.example", "2026-01-02T00:00:00+00:00")

    workspace._writer_or_fail().run(record)
    t = timeline(workspace.reader(), Window(DAY0, DAY0 + 1))
    assert t.last_syncs == (("https://hub.example", "2026-01-02T00:00:00+00:00"),)
    [incident] = t.incidents
    assert (incident.server, incident.kind) == ("https://hub.example", "key_changed")
    assert not any(e.synced for e in t.entries)  # nothing here came from the server
