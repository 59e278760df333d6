"""Blobs from the server, fetched lazily: each verified by its hash before it enters the
workspace's BlobStore; the items assigned to the signed-in user are fetched ahead."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import tempfile
from pathlib import Path

from ..workspace import Workspace
from ..workspace.errors import BlobError
from . import state
from .credentials import load_token, require_url
from .errors import SyncError
from .transport import Transport


def fetch_blob(ws: Workspace, sha256: str, *, transport: Transport | None = None) -> bool:
    """Download a blob into the BlobStore, verified by hash first. False if already here."""
    if ws.blobs.has(sha256):
        return False
    own = transport is None
    t = transport or Transport(require_url(ws), token=load_token(require_url(ws)))
    try:
        ws.blobs.path(sha256)  # refuses anything but a SHA-256 hex digest
        data = t.request("GET", f"/v1/blobs/{sha256}").content
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
        shas = [r[0] for r in conn.execute(
            "SELECT DISTINCT i.blob_sha256 FROM assignments a JOIN items i ON i.id = a.item_id"
            " WHERE a.assignee = ? AND i.blob_sha256 IS NOT NULL", (name,))]  # fmt: skip
    except sqlite3.OperationalError:
        return 0
    fetched = 0
    for sha in shas:
        try:
            fetched += fetch_blob(ws, sha, transport=transport)
        except (SyncError, BlobError) as exc:
            if problems is None:
                raise
            problems.append(str(exc))
    return fetched
