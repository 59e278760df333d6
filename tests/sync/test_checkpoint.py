"""The server's checkpoint key: pinned at `hitl login`, checked at every sync. A server that
comes back signing with another key, or an answer whose signature was altered on the way, is
refused before anything is sent or taken, and the refusal is kept as an incident on the device;
signing in again accepts a rotated key."""

from __future__ import annotations

import base64
import json
import re
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.sync import CheckpointKeyChanged, CheckpointRefused, sync, sync_status
from hitl_desktop.sync.credentials import server_url

from .conftest import FAST, FaultProxy, LiveServer, make_server
from .helpers import assign, hashes, new_workspace, second_device, server_hashes, sign_in


def _hello_key(srv: LiveServer) -> str:
    return base64.b64encode(srv.store.key.public_key).decode("ascii")


def test_a_server_restarted_with_another_key_is_refused_until_signed_in_again(
    tmp_path: Path,
) -> None:
    data = tmp_path / "server"
    running = make_server(data)
    srv = next(running)
    srv.add_user("ana", "admin")
    port = int(srv.url.rsplit(":", 1)[1])
    laptop, tablet = second_device(new_workspace(tmp_path / "laptop"), tmp_path / "tablet")
    try:
        for ws in (laptop, tablet):
            sign_in(ws, srv.url)
        assert sync_status(tablet)["checkpoint_key"] == _hello_key(srv)  # pinned at login
        sync(laptop, policy=FAST)
        assert sync(tablet, policy=FAST).refused == []  # the real server's checkpoints verify
        theirs = [assign(laptop, f"item-{i}") for i in range(3)]
        sync(laptop, policy=FAST)
        mine = assign(tablet, "mine")
        before = hashes(tablet)

        next(running, None)  # the server comes back on the same address with another key
        (data / "checkpoint.key").write_text(Ed25519PrivateKey.generate().private_bytes_raw().hex())
        running = make_server(data, port=port)
        srv = next(running)

        with pytest.raises(CheckpointKeyChanged) as err:
            sync(tablet, policy=FAST)
        assert str(err.value).startswith(
            "the server's checkpoint key changed since you signed in; if your administrator "
            f"rotated it, sign in again with `hitl login {srv.url}`"
        )
        assert hashes(tablet) == before and not set(theirs) & hashes(tablet)  # nothing pulled
        assert mine not in server_hashes(srv)  # nothing sent to it either
        (incident,) = sync_status(tablet)["incidents"]
        assert incident["kind"] == "checkpoint_key_changed" and incident["server"] == srv.url
        assert incident["detail"] == str(err.value)

        tablet.close()  # the user sees it with `hitl sync status` too
        out = CliRunner().invoke(app, ["--workspace", str(tablet.path), "sync", "status"]).output
        at = datetime.fromisoformat(incident["at"]).isoformat(timespec="seconds")
        assert f"incident {at}: checkpoint_key_changed: the server's" in out
        tablet = type(tablet).open(tablet.path)

        sign_in(tablet, srv.url)  # the administrator says the key was rotated: sign in again
        assert sync_status(tablet)["checkpoint_key"] == _hello_key(srv)
        result = sync(tablet, policy=FAST)
        assert result.pulled == len(theirs) and result.pushed == 1
        assert set(theirs) <= hashes(tablet) and mine in server_hashes(srv)
    finally:
        laptop.close()
        tablet.close()
        next(running, None)


def _zero_signature(line: bytes, reply: bytes) -> bytes:
    """An attacker on the path swaps hello's signature (same length, so the reply stays
    well-formed HTTP)."""
    if not line.startswith(b"GET /v1/hello"):
        return reply
    fake = base64.b64encode(bytes(64))
    return re.sub(rb'"sig":"[A-Za-z0-9+/=]{88}"', b'"sig":"' + fake + b'"', reply)


def test_an_altered_checkpoint_signature_is_refused_and_kept_as_an_incident(
    proxy: tuple[FaultProxy, str], live_server: LiveServer, tmp_path: Path
) -> None:
    fault, url = proxy
    ws = new_workspace(tmp_path / "ws")
    try:
        fault.rewrite = _zero_signature
        with pytest.raises(CheckpointRefused, match="does not verify"):
            sign_in(ws, url)
        assert server_url(ws) is None  # a sign-in refused remembers nothing

        fault.rewrite = None
        sign_in(ws, url)
        event = assign(ws, "item-1")
        fault.rewrite = _zero_signature
        with pytest.raises(CheckpointRefused) as err:
            sync(ws, policy=FAST)
        assert not isinstance(err.value, CheckpointKeyChanged)
        assert f"the checkpoint signature from {url} does not verify" in str(err.value)
        assert server_hashes(live_server) == []  # nothing was sent
        status = sync_status(ws)
        assert [i["kind"] for i in status["incidents"]] == ["bad_checkpoint"]
        assert status["waiting"] == len(hashes(ws))

        fault.rewrite = None  # the path is clean again: the sync goes through
        assert sync(ws, policy=FAST).refused == []
        assert event in server_hashes(live_server)
        assert json.loads(json.dumps(sync_status(ws)))["incidents"][0]["kind"] == "bad_checkpoint"
    finally:
        ws.close()


def test_a_sign_in_older_than_key_pinning_pins_at_its_next_sync(
    live_server: LiveServer, tmp_path: Path
) -> None:
    ws = new_workspace(tmp_path / "ws")
    try:
        sign_in(ws, live_server.url)
        ws.close()
        conn = sqlite3.connect(tmp_path / "ws" / "workspace.db")
        conn.execute("DELETE FROM meta WHERE key LIKE 'sync.checkpoint_key:%'")
        conn.commit()
        conn.close()
        ws = type(ws).open(tmp_path / "ws")
        assert sync_status(ws)["checkpoint_key"] is None
        sync(ws, policy=FAST)  # trust on first use
        assert sync_status(ws)["checkpoint_key"] == _hello_key(live_server)
    finally:
        ws.close()
