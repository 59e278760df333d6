"""Signing in to a central store: the protocol and project check of ``hello``, the server's
checkpoint key pinned (trust on first use) and checked at each sync, the role, the device
registration, and a distinct error for each way a sign-in is refused (``errors``).
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import UTC, datetime
from typing import Any

import keyring.errors

from ..workspace import Workspace, identity
from ..workspace.workspace import ROLES
from . import checkpoint, state
from .checkpoint import Checkpoint
from .credentials import require_url, save_token, token_user
from .errors import (
    CheckpointKeyChanged,
    CheckpointRefused,
    DeviceRefused,
    DeviceRevoked,
    LoginRequired,
    ProtocolMismatch,
    RoleMissing,
    SyncError,
    WrongCredentials,
)
from .transport import PROTOCOL, RetryPolicy, Transport


def hello(t: Transport, ws: Workspace) -> dict[str, Any]:
    hello: dict[str, Any] = t.request("GET", "/v1/hello", auth=False).json()
    if hello.get("protocol") != PROTOCOL:
        theirs = hello.get("protocol")
        newer = (theirs or 0) > PROTOCOL
        side = "the client (this app)" if newer else "the server"
        raise ProtocolMismatch(f"the server at {t.url} speaks sync protocol {theirs}, this app "
                               f"{PROTOCOL}: upgrade {side}",
                               upgrade="client" if newer else "server")  # fmt: skip
    project = hello.get("project_id")
    if project is not None and project != ws.project_id:
        raise SyncError(
            f"the server at {t.url} holds project {project}, but {ws.path} is project "
            f"{ws.project_id}; log in to this project's server instead"
        )
    return hello


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def trusted_checkpoint(ws: Workspace, url: str, hello: dict[str, Any]) -> Checkpoint:
    """The hello's checkpoint, its signature checked under the key pinned at sign-in; a
    refusal is kept as a sync incident. A sign-in older than key pinning pins the key now."""
    writer = ws._writer_or_fail()
    pinned = checkpoint.pinned_key(ws.reader(), url)
    try:
        cp = Checkpoint.from_hello(url, hello)
        checkpoint.check_pinned(url, cp, pinned)
    except CheckpointRefused as exc:
        kind = checkpoint.KEY_CHANGED if isinstance(exc, CheckpointKeyChanged) else (
            checkpoint.BAD_SIGNATURE)  # fmt: skip
        when, detail = _now(), str(exc)
        writer.run(lambda c: state.record_incident(c, url, kind, detail, when))
        raise
    if pinned is None:  # at sign-in, or the first sync of a sign-in older than key pinning
        writer.run(lambda c: checkpoint.pin_key(c, url, cp.key))
    return cp


def register(t: Transport, ws: Workspace, url: str) -> None:
    writer = ws._writer_or_fail()
    resp = t.request("POST", "/v1/devices", json={"public_key": writer.key.public_key_b64},
                     ok=(200, 201, 403))  # fmt: skip
    if resp.status_code == 403:
        detail = str(resp.json().get("detail", ""))
        if "revoked" in detail:
            raise DeviceRevoked(
                f"the server at {url} revoked this device ({writer.key.device_id}): it refuses "
                "its events. Ask your administrator; to go on working, open a fresh copy of the "
                "project (a new device) and sign in there"
            )
        raise DeviceRefused(f"the server at {url} refuses this device "
                            f"({writer.key.device_id}): {detail}")  # fmt: skip
    body = resp.json()
    if body.get("device_id") != writer.key.device_id:
        raise SyncError(f"the server registered device {body.get('device_id')}, not this "
                        f"workspace's device {writer.key.device_id}")  # fmt: skip
    writer.run(lambda c: state.set_device(c, url, writer.key.device_id))


def login(
    ws: Workspace, url: str, user: str, password: str, *, policy: RetryPolicy | None = None
) -> dict[str, Any]:
    """Sign in: check the server's signed checkpoint, register this device, then keep the
    token in the keyring and remember the server and its checkpoint key (trust on first use:
    a later sync refuses a checkpoint signed by another key)."""
    url = url.rstrip("/")
    with Transport(url, policy=policy) as t:
        cp = Checkpoint.from_hello(url, hello(t, ws))
        try:
            answer = t.request("POST", "/v1/login", json={"user": user, "password": password},
                               auth=False).json()  # fmt: skip
        except LoginRequired:
            raise WrongCredentials(f"the server at {url} refused the user name {user!r} or its "
                                   "password; check both and try again") from None  # fmt: skip
        role = answer.get("role")
        if role not in ROLES:
            raise RoleMissing(
                f"your account {user!r} on {url} has no role this app knows ({role!r}); ask "
                f"your administrator to give it one of: {', '.join(ROLES)}", role=str(role or ""),
            )  # fmt: skip
        token = str(answer["token"])
        t.token = token
        register(t, ws, url)  # a revoked device stops here, with nothing remembered
        save_token(url, token)

        def remember(conn: sqlite3.Connection) -> None:
            state.ensure(conn)
            conn.execute("BEGIN IMMEDIATE")
            state.store.set_meta(conn, state.SERVER_URL_KEY, url)
            state.store.set_meta(conn, state.USER_KEY, str(answer.get("user", user)))
            checkpoint.pin_key(conn, url, cp.key)
            conn.execute("COMMIT")

        ws._writer_or_fail().run(remember)
    return {"server": url, "user": answer.get("user", user), "role": answer.get("role"),
            "expires_at": answer.get("expires_at"), "device_id": ws.device_id,
            "profile": ws.profile.name}  # fmt: skip


def logout(ws: Workspace) -> str:
    """Forget the token of this workspace's server (the server URL stays)."""
    url = require_url(ws)
    with contextlib.suppress(keyring.errors.PasswordDeleteError):
        identity.check_keyring().delete_password(identity.SERVICE, token_user(url))
    return url
