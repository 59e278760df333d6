"""The GUI's Qt-free sync helpers against a real server: admins read the refused events,
others are told why not; the automatic sync's backoff."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from hitl_desktop.sync import SyncError, logout, sync
from hitl_desktop.sync.gui_support import fetch_incidents, local_status, next_delay_s, signed_in
from hitl_desktop.workspace import Profile, Workspace

from .conftest import FAST, LiveServer
from .helpers import assign, new_workspace, second_device, sign_in


def test_admin_reads_refused_events_and_a_worker_is_refused(
    live_server: LiveServer, tmp_path: Path
) -> None:
    # events signed as "zed" pushed with ana's token: the server refuses them as forbidden
    ws = Workspace.create(tmp_path / "ws", name="Incidents", profile=Profile("zed", "admin"))
    try:
        made = assign(ws, "item-1")
        sign_in(ws, live_server.url, "ana")
        result = sync(ws, policy=FAST)
        assert result.refused and result.pushed == 0
        found = fetch_incidents(ws, policy=FAST)
        assert made in {i.hash for i in found}
        assert {i.status for i in found} == {"forbidden"} and {i.user for i in found} == {"ana"}
        assert all(i.device_id == ws.device_id and i.at for i in found)
        later = fetch_incidents(ws, after=found[-1].id, policy=FAST)
        assert later == []

        ws, other = second_device(ws, tmp_path / "other")
        sign_in(other, live_server.url, "ben")  # a worker, on another device
        with pytest.raises(SyncError, match="only admins see incidents"):
            fetch_incidents(other, policy=FAST)
        other.close()
    finally:
        ws.close()


def test_incidents_need_a_server(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws", name="Alone")
    try:
        with pytest.raises(SyncError, match="not connected to a server"):
            fetch_incidents(ws)
    finally:
        ws.close()


def test_backoff_doubles_after_failures_and_is_capped() -> None:
    assert next_delay_s(300, 0) == 300
    assert [next_delay_s(60, n) for n in (1, 2, 3)] == [120, 240, 480]
    assert next_delay_s(300, 10) == 3600  # an hour at most
    assert next_delay_s(7200, 3) == 7200  # never sooner than the interval itself
    with pytest.raises(ValueError, match="off"):
        next_delay_s(0, 0)


def test_local_status_counts_what_waits_and_when_it_last_synced(
    live_server: LiveServer, tmp_path: Path
) -> None:
    ws = new_workspace(tmp_path / "ws")
    try:
        assign(ws, "item-1")
        before = local_status(ws)
        assert (before.server, before.last_sync) == (None, None) and before.waiting >= 1
        assert not signed_in(before.server)
        sign_in(ws, live_server.url)
        assert signed_in(live_server.url)
        connected = local_status(ws)
        assert connected.server == live_server.url and connected.waiting == before.waiting
        sync(ws, policy=FAST)
        assign(ws, "item-2")
        after = local_status(ws)
        assert after.waiting == 1
        assert after.last_sync is not None
        assert abs((datetime.now(UTC) - after.last_sync).total_seconds()) < 60
        logout(ws)
        assert not signed_in(live_server.url)
    finally:
        ws.close()
