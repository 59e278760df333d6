"""What each export holds, for provenance: the items and revisions listed by its MANIFEST.json.

A ``dataset.exported`` event names its manifest by SHA-256 and the folder it was written to.
When that folder still holds a manifest with exactly that hash, its item list is trusted (the
signed event vouches for the bytes); a moved, deleted or edited export is reported as such and
its contents stay unknown rather than guessed.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..lineage import Event

__all__ = ["EXPORT_TYPE", "ExportContents", "export_contents", "load_exports"]

EXPORT_TYPE = "dataset.exported"
MANIFEST = "MANIFEST.json"
MAX_MANIFEST_BYTES = 1 << 30  # a manifest lists every file: large, but never this large

_cache: dict[tuple[str, str, int, int], dict[str, str]] = {}


@dataclass(frozen=True)
class ExportContents:
    event: str  # the dataset.exported event's hash
    folder: str
    format: str
    verified: bool  # the manifest was found and has the hash the event names
    note: str  # what was checked, or why the contents are unknown
    revisions: dict[str, str] = field(default_factory=dict)  # item id -> revision exported


def export_contents(e: Event) -> ExportContents:
    """Read the export's manifest (cached while the file is unchanged)."""
    folder = str(e.payload.get("folder") or "")
    fmt = str(e.payload.get("format") or "")
    want = str(e.payload.get("manifest_sha256") or "")

    def unknown(note: str) -> ExportContents:
        return ExportContents(e.hash, folder, fmt, False, note)

    if not folder:
        return unknown("the export did not record its folder")
    path = Path(folder) / MANIFEST
    try:
        stat = path.stat()
    except OSError:
        return unknown(f"{path} is gone (the export was moved or deleted)")
    key = (str(path), want, stat.st_mtime_ns, stat.st_size)
    if key in _cache:
        return ExportContents(e.hash, folder, fmt, True, f"{path} matches", _cache[key])
    if stat.st_size > MAX_MANIFEST_BYTES:
        return unknown(f"{path} is too large to be a manifest ({stat.st_size:,} bytes)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return unknown(f"{path} cannot be read ({exc.strerror or exc})")
    if hashlib.sha256(data).hexdigest() != want:
        return unknown(f"{path} differs from the manifest the export recorded (edited?)")
    try:
        items = json.loads(data).get("items") or []
        revisions = {str(i["id"]): str(i.get("revision") or "") for i in items}
    except (ValueError, AttributeError, KeyError, TypeError) as exc:
        return unknown(f"{path} has no readable item list ({exc})")
    _cache[key] = revisions
    return ExportContents(e.hash, folder, fmt, True, f"{path} matches", revisions)


def load_exports(conn: sqlite3.Connection) -> list[Event]:
    """Every export event, in local order."""
    rows = conn.execute("SELECT hash, body, sig FROM events WHERE type = ? ORDER BY seq",
                        (EXPORT_TYPE,))  # fmt: skip
    return [Event.from_body(*r) for r in rows]
