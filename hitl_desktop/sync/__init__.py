"""The sync client: pushes local events and blobs to the central store and pulls the rest.

Follows docs/sync-protocol.md (version 1). Qt-free; the CLI (``hitl sync``) and the GUI call
``sync`` with a progress callback and a ``CancelToken``.
"""

from .blobs import fetch_blob, prefetch_assigned
from .client import SyncResult, login, logout, sync, sync_status
from .errors import (
    BlobWithheld,
    LoginRequired,
    ProtocolMismatch,
    PulledEventRefused,
    SyncError,
)
from .transport import RetryPolicy

__all__ = [
    "BlobWithheld", "LoginRequired", "ProtocolMismatch", "PulledEventRefused", "RetryPolicy", "SyncError",
    "SyncResult", "fetch_blob", "login", "logout", "prefetch_assigned", "sync", "sync_status",
]  # fmt: skip
