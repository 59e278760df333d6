"""Typed errors of the workspace layer; each message says what the user can do."""

from __future__ import annotations


class WorkspaceError(Exception):
    """Base class: the message is meant for the user."""


class WorkspaceNotFound(WorkspaceError):
    pass


class WorkspaceExists(WorkspaceError):
    pass


class WorkspaceLocked(WorkspaceError):
    """Another process holds the workspace open for writing."""


class WorkspaceCorrupt(WorkspaceError):
    """workspace.db is damaged; it is never overwritten."""


class ReadOnlyWorkspace(WorkspaceError):
    pass


class KeyringUnavailable(WorkspaceError):
    """No usable OS keyring to hold the device's private key."""


class BlobError(WorkspaceError):
    """A blob is missing, or its bytes do not match its hash."""


class StorageFull(WorkspaceError):
    """The disk filled up; nothing half-written was kept."""
