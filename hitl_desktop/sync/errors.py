"""Errors of the sync client: each message says what to do next."""

from __future__ import annotations

from ..workspace.errors import WorkspaceError


class SyncError(WorkspaceError):
    """Sync could not finish; local work is kept and the next sync resumes where this stopped."""


class LoginRequired(SyncError):
    """No token, or the server no longer accepts it (expired or revoked)."""


class ProtocolMismatch(SyncError):
    """Client and server speak different protocol versions (HTTP 426, or ``hello``'s answer).
    ``upgrade`` names the older side: "client" or "server"."""

    def __init__(self, message: str, *, upgrade: str = "server") -> None:
        super().__init__(message)
        self.upgrade = upgrade


class PulledEventRefused(SyncError):
    """An event from the server failed the checks; nothing of its page was stored."""


class BlobWithheld(SyncError):
    """The server refuses a blob because of its source's privacy (local-only or restricted);
    the item is shown without its file."""


class ServerUnreachable(SyncError):
    """The server did not answer (network down, wrong address, stopped) or stayed busy."""

    def __init__(self, message: str, *, url: str) -> None:
        super().__init__(message)
        self.url = url


class TlsFailure(ServerUnreachable):
    """The TLS handshake failed: the certificate did not verify, or the address is not TLS."""

    def __init__(self, message: str, *, url: str, reason: str) -> None:
        super().__init__(message, url=url)
        self.reason = reason


class WrongCredentials(LoginRequired):
    """At sign-in: the server refused this user name and password (HTTP 401)."""


class DeviceRefused(SyncError):
    """The server will not bind this workspace's device key to the signed-in user (it belongs
    to another user)."""


class DeviceRevoked(DeviceRefused):
    """An administrator revoked this device: the server refuses its events from now on."""


class RoleMissing(SyncError):
    """The account has no role this app knows, so it could do nothing here."""

    def __init__(self, message: str, *, role: str) -> None:
        super().__init__(message)
        self.role = role


class CheckpointRefused(SyncError):
    """The server's signed checkpoint is missing, malformed or its signature does not verify:
    it may not be the real server, so nothing was sent or received."""


class CheckpointKeyChanged(CheckpointRefused):
    """The server signs with another key than the one pinned at sign-in."""
