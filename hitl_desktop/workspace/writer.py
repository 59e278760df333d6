"""The single writer: one thread owns the write connection and commits batches.

Every append is one transaction: the events are chained after this device's head, the last
one is signed, the rows are inserted and the projections updated; then COMMIT. If anything
fails the transaction rolls back and the in-memory head stays put, so the next batch chains
from what is really stored.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from ..lineage import ChainHead, DeviceKey, Event, EventDraft, HybridClock, build_batch
from .errors import WorkspaceError
from .projections import Projection
from .projector import apply_all
from .store import connect, insert_events, translate_error

T = TypeVar("T")


class Writer:
    def __init__(
        self,
        db_path: Path,
        *,
        project_id: str,
        key: DeviceKey,
        head: ChainHead,
        clock: HybridClock,
        projections: Sequence[Projection],
    ) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hitl-writer")
        self._conn: sqlite3.Connection = self._executor.submit(connect, db_path).result()
        self.project_id = project_id
        self.key = key
        self.head = head
        self.clock = clock
        self.projections = list(projections)

    def submit(self, drafts: Sequence[EventDraft]) -> Future[list[Event]]:
        """Queue a batch; the future gives the committed events (last one signed)."""
        return self._executor.submit(self._commit, list(drafts))

    def append(self, drafts: Sequence[EventDraft]) -> list[Event]:
        return self.submit(drafts).result()

    def run(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``fn`` on the writer thread with the write connection (rebuild, migrations)."""
        return self._executor.submit(fn, self._conn).result()

    def _commit(self, drafts: list[EventDraft]) -> list[Event]:
        if not drafts:
            return []
        events = build_batch(
            drafts, head=self.head, project_id=self.project_id, key=self.key, clock=self.clock
        )
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                insert_events(conn, events)
                apply_all(conn, self.projections, events)
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:  # SQLite may already have rolled back (disk full)
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise translate_error(exc, f"saving {len(events)} events") from exc
        last = events[-1]
        self.head = ChainHead(self.key.device_id, last.device_seq, last.hash)
        return events

    def close(self) -> None:
        def _close(conn: sqlite3.Connection) -> Any:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA optimize")
            conn.close()

        with contextlib.suppress(WorkspaceError):
            self._executor.submit(_close, self._conn).result()
        self._executor.shutdown(wait=True)
