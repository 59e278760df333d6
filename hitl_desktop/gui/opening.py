"""Opening a workspace for the desktop app: read-only when another process is writing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..workspace import Workspace, WorkspaceLocked


@dataclass(frozen=True)
class Opened:
    """An open workspace, and whether it fell back to read-only because it was locked."""

    workspace: Workspace
    locked: bool = False
    lock_message: str = ""


def open_workspace(path: Path, *, readonly: bool = False) -> Opened:
    """Open ``path``; a WorkspaceLocked falls back to read-only. Other errors propagate."""
    try:
        return Opened(Workspace.open(path, readonly=readonly))
    except WorkspaceLocked as exc:
        return Opened(Workspace.open(path, readonly=True), locked=True, lock_message=str(exc))
