"""Two devices of one project work offline, sync through a real server, and converge: the same
events, projections and review queue (a fork is a review task on both), blobs uploaded once
and fetched lazily, verified by hash."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.lineage import HybridClock
from hitl_desktop.sync import fetch_blob, sync, sync_status
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.queries import ItemFilter, page_items
from tests.review.test_queue import answer, boxes

from .conftest import FAST, LiveServer
from .helpers import assign, hashes, new_workspace, queue, second_device, server_hashes, sign_in

DATA = Path(__file__).parents[2].parent / "shared" / "data"
PAGES = sorted((DATA / "funsd" / "images").glob("*.png"))[:2]
DAY_MS = 86_400_000


def _devices(tmp_path: Path) -> tuple[Workspace, Workspace, list[str]]:
    if len(PAGES) < 2:
        pytest.skip(f"FUNSD pages not found under {DATA}")
    laptop = new_workspace(tmp_path / "laptop")
    import_paths(laptop, PAGES, ImportOptions(workers=1, source="sync-tests"))
    items = sorted(page_items(laptop.reader(), ItemFilter(), 0, 10), key=lambda r: r.name)
    laptop, tablet = second_device(laptop, tmp_path / "tablet")
    return laptop, tablet, [r.id for r in items]


def _blob_of(ws: Workspace, item: str) -> str:
    row = ws.reader().execute("SELECT blob_sha256 FROM items WHERE id = ?", (item,)).fetchone()
    return str(row[0])


def _converged(a: Workspace, b: Workspace) -> None:
    assert hashes(a) == hashes(b)
    assert a.projection_digest() == b.projection_digest()
    assert queue(a) == queue(b)
    assert a.verify().ok and b.verify().ok


def test_two_devices_edit_offline_and_converge(live_server: LiveServer, tmp_path: Path) -> None:
    laptop, tablet, items = _devices(tmp_path)
    try:
        root = answer(laptop, items[0], "ana", boxes("question", "answer"))
        sign_in(laptop, live_server.url)
        first = sync(laptop, policy=FAST)
        assert first.refused == [] and first.blob_problems == []
        assert first.blobs_uploaded >= 2  # the two page images went up before their events
        assert len(server_hashes(live_server)) == len(hashes(laptop)) == first.pushed

        sign_in(tablet, live_server.url)
        sync(tablet, policy=FAST)  # gets the root answer
        # offline on both: each edits the same revision, the tablet also another page
        on_laptop = answer(laptop, items[0], "ana", boxes("question", "header"), base=[root])
        on_tablet = answer(tablet, items[0], "ana", boxes("question", "other"), base=[root])
        other = answer(tablet, items[1], "ana", boxes("answer"))

        r_laptop = sync(laptop, policy=FAST)
        r_tablet = sync(tablet, policy=FAST)
        r_again = sync(laptop, policy=FAST)
        assert (r_laptop.pushed, r_tablet.pushed, r_tablet.pulled) == (1, 2, 1)
        assert r_again.pulled == 2 and {on_tablet, other} <= hashes(laptop)
        _converged(laptop, tablet)
        (task,) = [t for t in queue(laptop) if t["item_id"] == items[0]]
        assert task["kind"] == "fork" and set(task["heads"]) == {on_laptop, on_tablet}
        assert sorted(server_hashes(live_server)) == sorted(hashes(laptop))

        # nothing left: a second sync moves nothing, and nothing waits
        idle = sync(tablet, policy=FAST)
        assert (idle.pushed, idle.pulled) == (0, 0)
        assert sync_status(tablet)["waiting"] == 0
    finally:
        laptop.close()
        tablet.close()


def test_blob_fetched_lazily_and_verified_and_assigned_items_prefetched(
    live_server: LiveServer, tmp_path: Path
) -> None:
    laptop, tablet, items = _devices(tmp_path)
    try:
        for ws in (laptop, tablet):
            sign_in(ws, live_server.url)
        sync(laptop, policy=FAST)
        gone = [_blob_of(tablet, i) for i in items]
        for sha in gone:  # as if the tablet had only the events, not the page images
            tablet.blobs.path(sha).unlink()
        assert fetch_blob(tablet, gone[0]) is True
        assert tablet.blobs.verify(gone[0])
        assert fetch_blob(tablet, gone[0]) is False  # already here: no download

        assign(laptop, items[1])  # ana is given the second page: it is fetched for offline work
        sync(laptop, policy=FAST)
        result = sync(tablet, policy=FAST)
        assert result.blobs_downloaded == 1 and tablet.blobs.verify(gone[1])
    finally:
        laptop.close()
        tablet.close()


def test_case_14_clock_set_back_a_day_still_converges(
    live_server: LiveServer, tmp_path: Path
) -> None:
    laptop, tablet, items = _devices(tmp_path)
    try:
        root = answer(laptop, items[0], "ana", boxes("question"))
        for ws in (laptop, tablet):
            sign_in(ws, live_server.url)
        sync(laptop, policy=FAST)
        sync(tablet, policy=FAST)
        # the tablet's clock now reads a day behind (and its clock forgot what it had seen)
        tablet._writer_or_fail().clock = HybridClock(
            wall_ms=lambda: time.time_ns() // 10**6 - DAY_MS
        )
        late = answer(tablet, items[0], "ana", boxes("header"), base=[root])
        on_time = answer(laptop, items[0], "ana", boxes("answer"), base=[root])
        hlc = dict(laptop.reader().execute("SELECT hash, hlc FROM events").fetchall())
        for _ in range(2):
            for ws in (tablet, laptop):
                sync(ws, policy=FAST)
        hlc_t = dict(tablet.reader().execute("SELECT hash, hlc FROM events").fetchall())
        assert hlc_t[late] < hlc[root] < hlc_t[on_time]  # the odd wall time did not matter:
        _converged(laptop, tablet)
        (task,) = queue(tablet)
        assert task["kind"] == "fork" and set(task["heads"]) == {late, on_time}
    finally:
        laptop.close()
        tablet.close()


def test_pulled_events_are_not_pushed_back(live_server: LiveServer, tmp_path: Path) -> None:
    laptop = new_workspace(tmp_path / "laptop")
    laptop, tablet = second_device(laptop, tmp_path / "tablet")
    try:
        for ws in (laptop, tablet):
            sign_in(ws, live_server.url)
        for i in range(5):
            assign(laptop, f"item-{i}")
        sync(laptop, policy=FAST)
        got = sync(tablet, policy=FAST)
        assert got.pulled == 5
        conn = sqlite3.connect(tablet.db_path)
        pushed = conn.execute("SELECT pushed_up_to_seq FROM sync_state").fetchone()[0]
        conn.close()
        assert pushed == max(r[0] for r in tablet.reader().execute("SELECT seq FROM events"))
        assert sync_status(tablet)["waiting"] == 0
    finally:
        laptop.close()
        tablet.close()
