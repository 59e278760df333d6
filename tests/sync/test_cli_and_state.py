"""`hitl login`, `hitl sync`, `hitl sync status` driven as a script would, where the token
lives, and pulls whose pages cut a device's signed batch in two."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.lineage import Event
from hitl_desktop.sync import sync
from hitl_desktop.sync.client import cut_chunk
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.progress import Cancelled, CancelToken
from tests.conftest import MemoryKeyring

from .conftest import FAST, PASSWORD, LiveServer, PairFactory
from .helpers import hashes, new_workspace, server_hashes


def _hitl(ws: Path, *args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--workspace", str(ws), *args], input=stdin)
    return result.exit_code, result.output


def test_login_sync_and_status_from_the_command_line(
    live_server: LiveServer, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    path = tmp_path / "ws"
    new_workspace(path).close()
    code, out = _hitl(path, "sync", "status", "--json")
    assert code == 0 and json.loads(out)["server"] is None

    code, out = _hitl(path, "login", live_server.url, "--user", "ana", "--password-stdin",
                      stdin=PASSWORD + "\n")  # fmt: skip
    assert code == 0, out
    assert "Logged in" in out and "admin" in out
    token = memory_keyring.secrets[("hitl-desktop", f"sync-token/{live_server.url}")]
    assert token not in out
    for f in path.glob("workspace.db*"):  # the database and its write-ahead log
        assert token.encode() not in f.read_bytes()  # the token is only in the keyring

    code, out = _hitl(path, "sync", "status", "--json")
    status = json.loads(out)
    assert code == 0 and status["server"] == live_server.url and status["waiting"] == 2
    assert status["logged_in"] is True and status["last_sync"] is None

    code, out = _hitl(path, "sync", "--json")
    assert code == 0, out
    result = json.loads(out)
    assert (result["pushed"], result["refused"]) == (2, [])
    assert token not in out

    code, out = _hitl(path, "sync", "status")
    assert code == 0 and "events waiting to push: 0" in out and "last sync: never" not in out

    code, out = _hitl(path, "login", live_server.url, "--user", "ana", "--password-stdin",
                      stdin="wrong\n")  # fmt: skip
    assert code == 1 and "error:" in out

    code, out = _hitl(path, "logout")
    assert code == 0
    code, out = _hitl(path, "sync")
    assert code == 1 and "hitl login" in out


def test_refused_events_exit_3_with_status_and_reason(
    live_server: LiveServer, tmp_path: Path
) -> None:
    path = tmp_path / "ws"
    new_workspace(path).close()  # ana's events...
    code, out = _hitl(path, "login", live_server.url, "--user", "ben", "--password-stdin",
                      stdin=PASSWORD + "\n")  # fmt: skip  # ...pushed by ben, a worker
    assert code == 0 and "note: this workspace records your work as 'ana'" in out
    code, out = _hitl(path, "sync")
    assert code == 3, out
    assert "refused" in out and "forbidden" in out
    assert server_hashes(live_server) == []  # the first event is refused, nothing after it


def test_pull_waits_for_the_signature_that_seals_a_batch(signed_in_pair: PairFactory) -> None:
    laptop, tablet = signed_in_pair()
    sync(tablet, policy=FAST)
    batch = laptop.append([
        laptop.draft("assignment.made", {"batch": "b", "assignments": [
            {"item": f"item-{i}", "assignee": "ana", "kind": "primary"}]})
        for i in range(5)
    ])  # fmt: skip
    assert [e.sig is not None for e in batch] == [False] * 4 + [True]
    sync(laptop, policy=FAST)
    # pages of 2 cut the batch; the unsigned events wait for the page with the signature:
    # stopped after the first page, none of the batch is stored
    stop = CancelToken()
    with pytest.raises(Cancelled):
        sync(tablet, policy=FAST, page_size=2, progress=lambda done, total: stop.cancel(),
             cancel=stop)  # fmt: skip
    assert not {e.hash for e in batch} & hashes(tablet)
    result = sync(tablet, policy=FAST, page_size=2)
    assert result.pulled == 5 and hashes(tablet) == hashes(laptop)
    assert tablet.verify().ok


def test_push_chunks_end_where_every_device_run_is_signed(tmp_path: Path) -> None:
    ws = new_workspace(tmp_path / "ws")
    try:
        for size in (3, 4, 2):
            ws.append([
                ws.draft("assignment.made", {"batch": "b", "assignments": [
                    {"item": f"i{size}-{i}", "assignee": "ana", "kind": "primary"}]})
                for i in range(size)
            ])  # fmt: skip
        rows = [(r[0], _event(ws, r[0])) for r in ws.reader().execute(
            "SELECT seq FROM events ORDER BY seq")]  # fmt: skip
        signed_ends = [i for i, (_, e) in enumerate(rows, 1) if e.sig is not None]
        assert cut_chunk(rows, size=5) in signed_ends and cut_chunk(rows, size=5) <= 5
        assert cut_chunk(rows, size=1) == signed_ends[0]  # never cut inside a batch
        assert cut_chunk(rows[:-1], size=100) == signed_ends[-2]  # an unsealed tail waits
    finally:
        ws.close()


def _event(ws: Workspace, seq: int) -> Event:
    h, body, sig = (
        ws.reader().execute("SELECT hash, body, sig FROM events WHERE seq = ?", (seq,)).fetchone()
    )
    return Event.from_body(h, body, sig)
