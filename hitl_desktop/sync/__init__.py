"""The sync client: pushes local events and blobs to the central store and pulls the rest.

Follows docs/sync-protocol.md (version 1). Qt-free; the CLI (``hitl sync``) and the GUI call
``sync`` with a progress callback and a ``CancelToken``. Names load on first use (PEP 562), so
the desktop app does not import the HTTP client until it syncs.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "fetch_blob": "blobs", "prefetch_assigned": "blobs",
    "SyncResult": "client", "sync": "client", "sync_status": "client",
    "login": "signin", "logout": "signin",
    "BlobWithheld": "errors", "CheckpointKeyChanged": "errors", "CheckpointRefused": "errors",
    "DeviceRefused": "errors", "DeviceRevoked": "errors", "LoginRequired": "errors",
    "ProtocolMismatch": "errors", "PulledEventRefused": "errors", "RoleMissing": "errors",
    "ServerUnreachable": "errors", "SyncError": "errors", "TlsFailure": "errors",
    "WrongCredentials": "errors",
    "RetryPolicy": "retry",
}  # fmt: skip

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)
