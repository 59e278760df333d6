"""Each way a sign-in is refused gives its own error, naming the server and what to do, and
leaves nothing remembered: a wrong password, a server that does not answer, a certificate that
does not verify, a newer protocol, a revoked device, an account without a role."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fastapi import FastAPI

from hitl_desktop.server import create_app
from hitl_desktop.server import db as server_db
from hitl_desktop.server.auth import revoke_device
from hitl_desktop.sync import (
    DeviceRefused,
    DeviceRevoked,
    ProtocolMismatch,
    RetryPolicy,
    RoleMissing,
    ServerUnreachable,
    SyncError,
    TlsFailure,
    WrongCredentials,
    login,
    sync_status,
)
from hitl_desktop.sync.credentials import load_token, server_url
from hitl_desktop.sync.transport import Transport
from hitl_desktop.workspace import Workspace

from .conftest import FAST, PASSWORD, LiveServer, _free_port, serve
from .helpers import new_workspace, self_signed_cert

ONCE = RetryPolicy(base_s=0.01, cap_s=0.01, max_retries=1, timeout_s=5)


def _nothing_remembered(ws: Workspace, url: str) -> bool:
    return server_url(ws) is None and load_token(url) is None


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    w = new_workspace(tmp_path / "ws")
    yield w  # type: ignore[misc]
    w.close()


def test_wrong_password_and_unknown_user_say_so(live_server: LiveServer, ws: Workspace) -> None:
    for user, password in (("ana", "not it"), ("nobody", PASSWORD)):
        with pytest.raises(WrongCredentials) as err:
            login(ws, live_server.url, user, password, policy=FAST)
        assert f"the server at {live_server.url} refused the user name {user!r}" in str(err.value)
    assert _nothing_remembered(ws, live_server.url)


def test_a_server_that_does_not_answer_is_named(ws: Workspace) -> None:
    url = f"http://127.0.0.1:{_free_port()}"  # nothing listens there
    with pytest.raises(ServerUnreachable) as err:
        login(ws, url, "ana", PASSWORD, policy=ONCE)
    assert err.value.url == url and f"the server at {url} is unreachable" in str(err.value)
    assert not isinstance(err.value, TlsFailure)
    assert _nothing_remembered(ws, url)


def test_a_certificate_that_does_not_verify_is_a_tls_failure_not_retried(
    live_server: LiveServer, ws: Workspace, tmp_path: Path
) -> None:
    cert, key = self_signed_cert(tmp_path)
    server, thread, url = serve(create_app(live_server.store), ssl_certfile=cert, ssl_keyfile=key)
    try:
        assert url.startswith("https://")
        with pytest.raises(TlsFailure) as err:
            login(ws, url, "ana", PASSWORD, policy=FAST)
        with Transport(url, policy=FAST) as t, pytest.raises(TlsFailure):
            t.request("GET", "/v1/hello", auth=False)
        assert t.retries == 0  # a certificate does not get better by asking again
    finally:
        server.should_exit = True
        thread.join(10)
    assert err.value.url == url and "certificate does not verify" in str(err.value)
    assert "self-signed" in err.value.reason or "self signed" in err.value.reason
    assert f"secure connection to {url}" in str(err.value)
    assert _nothing_remembered(ws, url)


def test_a_newer_server_protocol_says_upgrade_the_client(ws: Workspace) -> None:
    future = FastAPI()  # a later server, served on loopback
    future.get("/v1/hello")(lambda: {"protocol": 2, "project_id": None})
    server, thread, url = serve(future)
    try:
        with pytest.raises(ProtocolMismatch) as err:
            login(ws, url, "ana", PASSWORD, policy=FAST)
    finally:
        server.should_exit = True
        thread.join(10)
    assert err.value.upgrade == "client" and "upgrade the client (this app)" in str(err.value)
    assert _nothing_remembered(ws, url)


def test_a_revoked_device_cannot_sign_in_again(live_server: LiveServer, ws: Workspace) -> None:
    login(ws, live_server.url, "ana", PASSWORD, policy=FAST)
    with server_db.write_tx(live_server.store.engine) as conn:
        assert revoke_device(conn, ws.device_id)
    with pytest.raises(DeviceRevoked) as err:
        login(ws, live_server.url, "ana", PASSWORD, policy=FAST)
    assert f"the server at {live_server.url} revoked this device ({ws.device_id})" in str(err.value)
    assert "fresh copy of the project" in str(err.value)


def test_a_device_of_another_user_is_refused(live_server: LiveServer, ws: Workspace) -> None:
    login(ws, live_server.url, "ana", PASSWORD, policy=FAST)
    with pytest.raises(DeviceRefused) as err:
        login(ws, live_server.url, "ben", PASSWORD, policy=FAST)
    assert not isinstance(err.value, DeviceRevoked) and "another user" in str(err.value)
    assert sync_status(ws)["server"] == live_server.url  # ana's sign-in stays


def test_an_account_without_a_role_is_refused_before_anything_is_kept(
    live_server: LiveServer, ws: Workspace
) -> None:
    live_server.add_user("cleo", "worker")
    conn = sqlite3.connect(live_server.data_dir / "server.db")
    conn.execute("UPDATE users SET role = '' WHERE name = 'cleo'")  # e.g. a half-made account
    conn.commit()
    conn.close()
    with pytest.raises(RoleMissing) as err:
        login(ws, live_server.url, "cleo", PASSWORD, policy=FAST)
    assert "your account 'cleo'" in str(err.value) and "worker, checker, expert" in str(err.value)
    assert _nothing_remembered(ws, live_server.url)
    assert isinstance(err.value, SyncError)
