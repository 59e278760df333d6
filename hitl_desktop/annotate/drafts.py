"""The draft journal: unsaved edits kept across a crash, apart from the lineage log.

``drafts.db`` (SQLite, in the workspace folder) holds at most one draft per item: the
document's whole unsaved state, replaced atomically on every autosave. The log never sees
drafts; saving the item appends a revision and clears its draft.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from .annotation import Annotation, annotations_from_json, annotations_to_json
from .document import Document, Snapshot
from .errors import AnnotateError

DRAFTS_DB = "drafts.db"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS drafts (
    item_id  TEXT PRIMARY KEY,
    saved_at TEXT NOT NULL,
    state    TEXT NOT NULL
)
"""


class DraftUnreadable(AnnotateError):
    """A stored draft that cannot be read back (damaged file, newer format)."""


@dataclass(frozen=True, slots=True)
class Draft:
    item_id: str
    saved_at: str  # ISO-8601 UTC
    snapshot: Snapshot
    schema_ref: str | None

    @property
    def annotations(self) -> tuple[Annotation, ...]:
        return self.snapshot.annotations


class DraftJournal:
    """One workspace's ``drafts.db``. Safe to share between threads."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = FULL")  # an autosave survives power loss
            self._conn.execute("PRAGMA busy_timeout = 5000")
            self._conn.execute(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise DraftUnreadable(
                f"{self.path} cannot hold drafts ({exc}); move it aside and reopen the item"
            ) from None

    @classmethod
    def in_folder(cls, folder: Path) -> DraftJournal:
        return cls(Path(folder) / DRAFTS_DB)

    def write(self, doc: Document) -> None:
        """Store ``doc``'s current state as its item's draft (one atomic transaction)."""
        self.write_snapshot(doc.item_id, doc.snapshot(), doc.schema_ref)

    def write_snapshot(self, item_id: str, snap: Snapshot, schema_ref: str | None) -> None:
        """Store a snapshot (immutable: safe to hand to a background thread)."""
        state = {
            "annotations": annotations_to_json(snap.annotations),
            "base": list(snap.base),
            "replaces": sorted(snap.replaces),
            "schema_ref": schema_ref,
            "suggestions": annotations_to_json(snap.suggestions),
            "version": 1,
        }
        now = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        with self._lock:
            self._conn.execute(
                "INSERT OR REPLACE INTO drafts VALUES (?, ?, ?)",
                (item_id, now, orjson.dumps(state).decode()),
            )

    def read(self, item_id: str, *, text_length: int | None = None) -> Draft | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT saved_at, state FROM drafts WHERE item_id = ?", (item_id,)
            ).fetchone()
        if row is None:
            return None
        try:
            state: dict[str, Any] = orjson.loads(row[1])
            snap = Snapshot(
                tuple(annotations_from_json(state["annotations"], text_length=text_length)),
                tuple(state["base"]), frozenset(state["replaces"]),
                tuple(annotations_from_json(state["suggestions"], text_length=text_length)),
            )  # fmt: skip
            return Draft(item_id, row[0], snap, state.get("schema_ref"))
        except (orjson.JSONDecodeError, KeyError, TypeError, AnnotateError) as exc:
            raise DraftUnreadable(
                f"the unsaved draft of item {item_id} in {self.path} is unreadable ({exc}); "
                "discard it to go on from the last saved revision"
            ) from None

    def clear(self, item_id: str) -> None:
        with self._lock:
            self._conn.execute("DELETE FROM drafts WHERE item_id = ?", (item_id,))

    def items(self) -> list[str]:
        """Items with an unsaved draft."""
        with self._lock:
            return [r[0] for r in self._conn.execute("SELECT item_id FROM drafts ORDER BY item_id")]

    def close(self) -> None:
        with self._lock:
            self._conn.close()
