"""Workspaces for the sync tests: devices of one project, edits, and what to compare."""

from __future__ import annotations

import sqlite3
from pathlib import Path

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
