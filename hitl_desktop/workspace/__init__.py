"""Workspaces: a folder with the event log (SQLite, WAL), blobs, and projections."""

from .blobs import BlobStore
from .errors import (
    BlobError,
    KeyringUnavailable,
    ReadOnlyWorkspace,
    StorageFull,
    WorkspaceCorrupt,
    WorkspaceError,
    WorkspaceExists,
    WorkspaceLocked,
    WorkspaceNotFound,
)  # fmt: skip
from .paths import default_workspace_dir
from .progress import Cancelled, CancelToken
from .projector import RebuildResult
from .workspace import ROLES, Profile, Workspace

__all__ = [
    "ROLES", "BlobError", "BlobStore", "CancelToken", "Cancelled", "KeyringUnavailable",
    "Profile", "ReadOnlyWorkspace", "RebuildResult", "StorageFull", "Workspace",
    "WorkspaceCorrupt", "WorkspaceError", "WorkspaceExists", "WorkspaceLocked",
    "WorkspaceNotFound", "default_workspace_dir",
]  # fmt: skip
