"""Blobs from the server, fetched lazily: each verified by its hash before it enters the
workspace's BlobStore; the items assigned to the signed-in user are fetched ahead."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import tempfile
from pathlib import Path

import httpx

from ..privacy import policy
from ..workspace import Workspace
from ..workspace.errors import BlobError
from . import state
from .credentials import load_token, require_url
from .errors import BlobWithheld, SyncError
from .privacy import item_markers
from .transport import Transport


def fetch_blob(ws: Workspace, sha256: str, *, transport: Transport | None = None) -> bool:
    """Download a blob into the BlobStore, verified by hash first. False if already here."""
    if ws.blobs.has(sha256):
        return False
    own = transport is None
    t = transport or Transport(require_url(ws), token=load_token(require_url(ws)))
    try:
        ws.blobs.path(sha256)  # refuses anything but a SHA-256 hex digest
        resp = t.request("GET", f"/v1/blobs/{sha256}", ok=(200, 403))
        if resp.status_code == 403:
            raise BlobWithheld(f"the file {sha256[:16]} is not available from the server: "
                               f"{_detail(resp)}; the item is shown without it")  # fmt: skip
        data = resp.content
    finally:
        if own:
            t.close()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise BlobError(f"blob {sha256[:16]} from the server does not match its hash; not kept")
    tmp_dir = ws.blobs.root / "tmp"
    tmp_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=tmp_dir, prefix="dl-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        ws.blobs.put_file(Path(tmp))
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return True


def prefetch_assigned(
    ws: Workspace, *, transport: Transport | None = None, problems: list[str] | None = None
) -> int:
    """Download the blobs of the items assigned to the signed-in user (for offline work).
    Returns how many were downloaded; with ``problems``, failures are listed there instead
    of raised, and the rest goes on."""
    conn = ws.reader()
    user = conn.execute("SELECT value FROM meta WHERE key = ?", (state.USER_KEY,)).fetchone()
    name = user[0] if user else ws.profile.name
    try:
        rows = conn.execute(
            "SELECT i.id, i.blob_sha256 FROM assignments a JOIN items i ON i.id = a.item_id"
            " WHERE a.assignee = ? AND i.blob_sha256 IS NOT NULL", (name,)).fetchall()  # fmt: skip
    except sqlite3.OperationalError:
        return 0
    shas = list(dict.fromkeys(sha for item, sha in rows
                              if ws.blobs.has(sha) or not _local_only(conn, item)))  # fmt: skip
    fetched = 0
    for sha in shas:
        try:
            fetched += fetch_blob(ws, sha, transport=transport)
        except BlobWithheld:
            continue  # privacy: the item is worked on without its file, nothing to report
        except (SyncError, BlobError) as exc:
            if problems is None:
                raise
            problems.append(str(exc))
    return fetched


def _local_only(conn: sqlite3.Connection, item: str) -> bool:
    return policy(item_markers(conn, item)).local_only


def _detail(resp: httpx.Response) -> str:
    try:
        return str(resp.json().get("detail", resp.text))
    except ValueError:
        return resp.text[:200]
