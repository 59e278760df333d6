"""Where a central store keeps its data, and its limits.

The data dir holds ``server.json`` (the database URL, written by ``hitl server init``; mode
0600 because a PostgreSQL URL may carry a password), the embedded SQLite database
``server.db`` when no URL is given, the blob files and, without a keyring, the checkpoint key.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy.engine import Engine

from . import db, migrations
from .blobstore import BlobStore
from .keys import CheckpointKey

__all__ = ["ServerConfig", "Store", "default_data_dir"]

CONFIG_FILE = "server.json"


def default_data_dir() -> Path:
    return Path(os.environ.get("HITL_SERVER_DATA") or
                Path(platformdirs.user_data_dir("hitl-desktop")) / "server")  # fmt: skip


@dataclass
class ServerConfig:
    data_dir: Path
    db_url: str | None = None  # None: from server.json, else SQLite in the data dir
    token_ttl_s: int = 12 * 3600
    max_push_bytes: int = 16 * 1024 * 1024
    max_push_events: int = 5000
    max_pull_events: int = 5000
    max_blob_bytes: int = 2 * 1024**3
    # Throttling (docs/sync-protocol.md "Transport"): each user's requests refill a bucket at
    # ``rate_per_s`` up to ``rate_burst`` (429 when empty; 0 turns it off), and at most
    # ``push_queue`` pushes are in progress per instance, one storing and the rest waiting
    # for the sequence lock (503 beyond). Real use stays far below both.
    rate_per_s: float = 100.0
    rate_burst: int = 1000
    push_queue: int = 64
    push_retry_after_s: int = 1

    def resolved_db_url(self) -> str:
        if self.db_url:
            return self.db_url
        cfg = self.data_dir / CONFIG_FILE
        if cfg.is_file():
            try:
                url = json.loads(cfg.read_text(encoding="utf-8")).get("db")
            except (OSError, ValueError) as exc:
                raise ValueError(f"{cfg} is not readable JSON ({exc})") from None
            if url:
                return str(url)
        return f"sqlite:///{self.data_dir / 'server.db'}"

    def save(self) -> None:
        """Remember the database URL in the data dir (owner-only permissions)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        path = self.data_dir / CONFIG_FILE
        url = self.resolved_db_url()
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump({"db": url}, f)


class Store:
    """An opened central store: database engine, blob files and checkpoint key."""

    def __init__(
        self, config: ServerConfig, *, create: bool = False, migrate: bool | None = None
    ) -> None:
        """Open (or with ``create`` make) the store. Its schema is upgraded where allowed:
        see hitl_desktop/server/migrations (``migrate`` None: SQLite yes, PostgreSQL no)."""
        self.config = config
        if not create and not (config.data_dir / CONFIG_FILE).is_file() and not config.db_url:
            raise FileNotFoundError(f"{config.data_dir} holds no central store; create one with "
                                    f"`hitl server init --data {config.data_dir} --admin NAME`")  # fmt: skip
        if create and (config.data_dir / CONFIG_FILE).is_file():
            raise FileExistsError(
                f"{config.data_dir} already holds a central store; add users "
                "with `hitl server add-user`"
            )
        config.data_dir.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = db.make_engine(config.resolved_db_url())
        hint = (
            f"--db {migrations.where(self.engine)}"
            if config.db_url
            else f"--data {config.data_dir}"
        )
        try:
            self.migration = migrations.open_schema(
                self.engine, create=create, migrate=migrate, hint=hint
            )
            db.fill_defaults(self.engine)
        except BaseException:
            self.engine.dispose()
            raise
        if create:
            config.save()
        with db.write_tx(self.engine) as conn:
            db.lock_setup(conn)  # instances starting together must agree on one id
            server_id = db.get_meta(conn, "server_id")
            if server_id is None:
                server_id = str(uuid.uuid4())
                db.set_meta(conn, "server_id", server_id)
        self.server_id = server_id
        self.blobs = BlobStore(config.data_dir / "blobs", config.max_blob_bytes)
        self.key = CheckpointKey.load_or_create(config.data_dir, server_id)

    def close(self) -> None:
        self.engine.dispose()
