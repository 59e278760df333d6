"""Errors of the sync client: each message says what to do next."""

from __future__ import annotations

from ..workspace.errors import WorkspaceError


class SyncError(WorkspaceError):
    """Sync could not finish; local work is kept and the next sync resumes where this stopped."""


class LoginRequired(SyncError):
    """No token, or the server no longer accepts it (expired or revoked)."""


class ProtocolMismatch(SyncError):
    """Client and server speak different protocol versions (HTTP 426)."""


class PulledEventRefused(SyncError):
    """An event from the server failed the checks; nothing of its page was stored."""


class BlobWithheld(SyncError):
    """The server refuses a blob because of its source's privacy (local-only or restricted);
    the item is shown without its file."""
