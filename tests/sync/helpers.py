"""Workspaces for the sync tests: devices of one project, edits, and what to compare."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes as digests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from hitl_desktop.review.queue import open_tasks
from hitl_desktop.sync import login
from hitl_desktop.workspace import Profile, Workspace
from tests.support.replica import copy_as_device

from .conftest import FAST, PASSWORD, LiveServer

ANA = Profile("ana", "admin")


def new_workspace(path: Path) -> Workspace:
    return Workspace.create(path, name="Sync test", profile=ANA)


def second_device(ws: Workspace, path: Path) -> tuple[Workspace, Workspace]:
    """Close ``ws``, copy it to ``path`` as another device of the project; both reopened."""
    ws.close()
    other = copy_as_device(ws.path, path)
    return Workspace.open(ws.path), other


def sign_in(ws: Workspace, url: str, user: str = "ana") -> None:
    login(ws, url, user, PASSWORD, policy=FAST)


def assign(ws: Workspace, item: str, batch: str = "b") -> str:
    """One small signed event (an assignment), as an admin may make."""
    (event,) = ws.append([ws.draft("assignment.made", {
        "batch": batch, "assignments": [{"item": item, "assignee": "ana", "kind": "primary"}],
    })])  # fmt: skip
    return event.hash


def hashes(ws: Workspace) -> set[str]:
    return {r[0] for r in ws.reader().execute("SELECT hash FROM events")}


def server_hashes(server: LiveServer) -> list[str]:
    conn = sqlite3.connect(server.data_dir / "server.db")
    try:
        return [r[0] for r in conn.execute("SELECT hash FROM events ORDER BY server_seq")]
    finally:
        conn.close()


def queue(ws: Workspace) -> list[dict[str, object]]:
    return [t.to_json() for t in open_tasks(ws.reader())]


def self_signed_cert(folder: Path) -> tuple[str, str]:
    """A certificate for 127.0.0.1 signed by its own key (no authority vouches for it):
    the paths of its PEM certificate and key, for uvicorn's ``ssl_certfile``/``ssl_keyfile``."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, digests.SHA256())
    )  # fmt: skip
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))  # fmt: skip
    return str(cert_file), str(key_file)
