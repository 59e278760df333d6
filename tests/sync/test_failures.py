"""Failure cases 9, 12, 17, 18 and 20 of ../shared/design/failure-cases.md, against a real
server on loopback (with a fault-injecting proxy where the connection must be cut)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from hitl_desktop.sync import (
    LoginRequired,
    ProtocolMismatch,
    PulledEventRefused,
    RetryPolicy,
    SyncError,
    sync,
    sync_status,
)
from hitl_desktop.sync.transport import Transport

from .conftest import FAST, FaultProxy, LiveServer, PairFactory, make_server
from .helpers import assign, hashes, new_workspace, second_device, server_hashes, sign_in

NO_RETRY = RetryPolicy(base_s=0.01, cap_s=0.01, max_retries=0, timeout_s=20)


def _cursor(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT pull_cursor FROM sync_state").fetchone()[0])
    finally:
        conn.close()


def test_case_9_reply_lost_after_commit_retry_is_duplicate_nothing_lost(
    proxy: tuple[FaultProxy, str], live_server: LiveServer, tmp_path: Path
) -> None:
    fault, url = proxy
    ws = new_workspace(tmp_path / "ws")
    try:
        for i in range(4):
            assign(ws, f"item-{i}")
        sign_in(ws, url)
        fault.drop.append(lambda line: line.startswith(b"POST /v1/events/push"))
        result = sync(ws, policy=FAST)
        assert fault.dropped == 1  # the server stored the chunk; its reply never arrived
        assert result.refused == []
        assert result.pushed == len(hashes(ws))  # the retry's receipt: all duplicates
        on_server = server_hashes(live_server)
        assert len(on_server) == len(set(on_server)) == len(hashes(ws))  # stored once
        assert sync_status(ws)["waiting"] == 0
    finally:
        ws.close()


def test_case_12_pull_cut_halfway_keeps_events_and_cursor_together(
    proxy: tuple[FaultProxy, str], live_server: LiveServer, signed_in_pair: PairFactory
) -> None:
    fault, url = proxy
    laptop, tablet = signed_in_pair(tablet_url=url)
    sync(tablet, policy=FAST)
    made = [assign(laptop, f"item-{i}") for i in range(7)]
    sync(laptop, policy=FAST)
    pulls = [0]

    def second_page(line: bytes) -> bool:
        if line.startswith(b"GET /v1/events"):
            pulls[0] += 1
        return pulls[0] == 2

    fault.drop.append(second_page)
    with pytest.raises(SyncError, match="unreachable"):
        sync(tablet, policy=NO_RETRY, page_size=3)
    # page one (laptop's device.enrolled... up to 3 events) is stored with its cursor
    cursor = _cursor(tablet.db_path)
    up_to = set(server_hashes(live_server)[:cursor])
    beyond = set(server_hashes(live_server)[cursor:])
    assert cursor > 0 and up_to <= hashes(tablet)
    assert not (beyond & hashes(tablet))
    assert sync(tablet, policy=FAST, page_size=3).pulled == len(set(made) - up_to)
    assert hashes(tablet) == hashes(laptop)


def test_case_17_tampered_event_from_the_server_is_refused(
    live_server: LiveServer, signed_in_pair: PairFactory
) -> None:
    laptop, tablet = signed_in_pair()
    sync(tablet, policy=FAST)
    before, cursor = hashes(tablet), _cursor(tablet.db_path)
    good = assign(laptop, "item-1")
    bad = assign(laptop, "item-2")
    sync(laptop, policy=FAST)
    # someone with access to the server's database gives the item to another person
    conn = sqlite3.connect(live_server.data_dir / "server.db")
    conn.execute("UPDATE events SET body = replace(body, '\"item-2\"', '\"item-9\"')"
                 " WHERE hash = ?", (bad,))  # fmt: skip
    conn.commit()
    conn.close()
    with pytest.raises(PulledEventRefused, match=bad[:16]) as err:
        sync(tablet, policy=FAST)
    assert "hash does not match" in str(err.value)
    assert hashes(tablet) == before and good not in hashes(tablet)  # none of that page
    assert _cursor(tablet.db_path) == cursor
    assert tablet.verify().ok


def test_case_17_forged_signature_from_the_server_is_refused(
    live_server: LiveServer, signed_in_pair: PairFactory
) -> None:
    laptop, tablet = signed_in_pair()
    sync(tablet, policy=FAST)
    forged = assign(laptop, "item-1")
    sync(laptop, policy=FAST)
    conn = sqlite3.connect(live_server.data_dir / "server.db")
    conn.execute("UPDATE events SET sig = ? WHERE hash = ?", (bytes(64), forged))
    conn.commit()
    conn.close()
    with pytest.raises(PulledEventRefused, match="signature does not verify"):
        sync(tablet, policy=FAST)
    assert forged not in hashes(tablet)


def test_case_18_protocol_mismatch_names_the_side_to_upgrade(
    live_server: LiveServer, tmp_path: Path
) -> None:
    for theirs_older, ours in ((True, 2), (False, 0)):
        with (
            Transport(live_server.url, policy=FAST, protocol=ours) as t,
            pytest.raises(ProtocolMismatch) as err,
        ):
            t.request("GET", "/v1/hello", auth=False)
        side = "upgrade the server" if theirs_older else "upgrade the client"
        assert side in str(err.value) and "local work is kept" in str(err.value)


def test_case_20_token_expired_mid_sync_resumes_after_login(
    live_server: LiveServer, signed_in_pair: PairFactory
) -> None:
    laptop, tablet = signed_in_pair()
    for i in range(3):
        assign(laptop, f"item-{i}")
    sync(laptop, policy=FAST)
    mine = [assign(tablet, f"mine-{i}") for i in range(2)]

    def expire_tokens(done: int, total: int) -> None:  # after the tablet's push
        conn = sqlite3.connect(live_server.data_dir / "server.db")
        conn.execute("UPDATE tokens SET expires = 0")
        conn.commit()
        conn.close()

    with pytest.raises(LoginRequired, match="log in again"):
        sync(tablet, policy=FAST, progress=expire_tokens)
    assert set(mine) <= set(server_hashes(live_server))  # the push had its receipt
    assert sync_status(tablet)["waiting"] == 0
    assert not set(server_hashes(live_server)) <= hashes(tablet)  # the pull had not run
    sign_in(tablet, live_server.url)
    resumed = sync(tablet, policy=FAST)
    assert resumed.pushed == 0 and resumed.pulled == 3
    assert hashes(tablet) == set(server_hashes(live_server))


def test_busy_server_is_retried_then_given_up_with_work_kept(
    proxy: tuple[FaultProxy, str], live_server: LiveServer, tmp_path: Path
) -> None:
    fault, url = proxy
    ws = new_workspace(tmp_path / "ws")
    try:
        sign_in(ws, url)
        assign(ws, "item-1")
        waiting = sync_status(ws)["waiting"]
        fault.busy = 5
        with pytest.raises(SyncError, match=r"unreachable or busy .*503.* after 2 retries"):
            sync(ws, policy=RetryPolicy(base_s=0.01, cap_s=0.01, max_retries=2))
        assert sync_status(ws)["waiting"] == waiting and server_hashes(live_server) == []
        fault.busy = 2
        result = sync(ws, policy=FAST)
        assert result.retries == 2 and result.pushed == waiting
        assert sync_status(ws)["waiting"] == 0
    finally:
        ws.close()


def test_case_16_server_restored_from_old_backup_gets_lost_events_again(tmp_path: Path) -> None:
    data = tmp_path / "server"
    running = make_server(data)
    srv = next(running)
    srv.add_user("ana", "admin")
    port = int(srv.url.rsplit(":", 1)[1])
    laptop, tablet = second_device(new_workspace(tmp_path / "laptop"), tmp_path / "tablet")
    try:
        for ws in (laptop, tablet):
            sign_in(ws, srv.url)
        sync(laptop, policy=FAST)
        sync(tablet, policy=FAST)
        sync(laptop, policy=FAST)
        backup = sqlite3.connect(tmp_path / "backup.db")
        with sqlite3.connect(data / "server.db") as live:
            live.backup(backup)
        kept = server_hashes(srv)
        lost = [assign(laptop, f"item-{i}") for i in range(3)]
        sync(laptop, policy=FAST)
        lost.append(assign(tablet, "mine"))
        sync(tablet, policy=FAST)
        assert set(lost) <= set(server_hashes(srv))

        next(running, None)  # stop, restore yesterday's database, start again on the same port
        with sqlite3.connect(data / "server.db") as live:
            backup.backup(live)
        backup.close()
        running = make_server(data, port=port)
        srv = next(running)
        assert server_hashes(srv) == kept

        result = sync(tablet, policy=FAST)
        assert result.server_restored and result.refused == []
        assert set(lost) <= set(server_hashes(srv))  # the tablet sent the laptop's events too
        again = sync(laptop, policy=FAST)
        assert again.server_restored and again.refused == []
        assert hashes(laptop) == hashes(tablet) == set(server_hashes(srv))
        assert not sync(tablet, policy=FAST).server_restored  # settled
    finally:
        laptop.close()
        tablet.close()
        next(running, None)
