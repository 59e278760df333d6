"""Expert approval of an exported dataset version: a ``dataset.approved`` event naming the
export's manifest hash. Only an intact export (every file matching its manifest) made from
this workspace can be approved; ``approvals`` lists who approved a manifest."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from ..lineage import Event
from ..lineage.payloads import DatasetApproved
from ..roles import Action, can, reason
from ..workspace import Workspace
from .manifest import Verification, verify
from .model import ExportError


@dataclass(frozen=True)
class Approval:
    actor: str
    role: str
    wall_time: str
    event: str
    note: str


def _events(
    conn: sqlite3.Connection, type_: str, manifest_sha: str
) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for h, body in conn.execute(
        "SELECT hash, body FROM events WHERE type = ? ORDER BY hlc, hash", (type_,)
    ):
        e = orjson.loads(body)
        if e["payload"].get("manifest_sha256") == manifest_sha:
            out.append((str(h), e))
    return out


def export_events(conn: sqlite3.Connection, manifest_sha: str) -> list[str]:
    """The ``dataset.exported`` events that wrote the export with this manifest."""
    return [h for h, _e in _events(conn, "dataset.exported", manifest_sha)]


def approvals(conn: sqlite3.Connection, manifest_sha: str) -> list[Approval]:
    """Who approved the export with this manifest hash, oldest first (only roles that may)."""
    return [
        Approval(e["actor"], e["role"], e["wall_time"], h, e["payload"].get("note", ""))
        for h, e in _events(conn, "dataset.approved", manifest_sha)
        if can(e["role"], Action.APPROVE_DATASET)
    ]


def approve_export(ws: Workspace, folder: Path, *, note: str = "") -> tuple[Event, Verification]:
    """Approve the export in ``folder`` as the current profile (an expert)."""
    if not can(ws.profile.role, Action.APPROVE_DATASET):
        raise ExportError(f"{reason(ws.profile.role, Action.APPROVE_DATASET)} "
                          f"(you are {ws.profile.name}, {ws.profile.role})")  # fmt: skip
    checked = verify(folder)
    if not checked.ok:
        raise ExportError(f"{folder} does not match its manifest ("
                          f"{'; '.join(checked.problems()[:5])}): an altered export cannot be "
                          "approved; export again")  # fmt: skip
    conn = ws.reader()
    if not export_events(conn, checked.manifest_sha256):
        raise ExportError(f"{folder} was not exported from this workspace (no dataset.exported "
                          f"event names manifest {checked.manifest_sha256[:12]}); open the "
                          "workspace it came from with --workspace")  # fmt: skip
    mine = [a for a in approvals(conn, checked.manifest_sha256) if a.actor == ws.profile.name]
    if mine:
        raise ExportError(f"{ws.profile.name} already approved this export "
                          f"({mine[0].wall_time[:19]})")  # fmt: skip
    payload = DatasetApproved(
        manifest_sha256=checked.manifest_sha256, export_sha256=checked.export_sha256,
        format=str(checked.manifest.get("format", "")), note=note,
    )  # fmt: skip
    [event] = ws.append([ws.draft("dataset.approved", payload)])
    return event, checked
