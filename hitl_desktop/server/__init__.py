"""The central store: a FastAPI service keeping the signed event log and blobs of a project
(SQLite embedded, or PostgreSQL), speaking docs/sync-protocol.md. No Qt, no workspace."""

from __future__ import annotations

from .app import PROTOCOL, create_app
from .config import ServerConfig, Store, default_data_dir

__all__ = ["PROTOCOL", "ServerConfig", "Store", "create_app", "default_data_dir"]
