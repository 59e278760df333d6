"""Projections: tables that are pure functions of the event log.

Each projection declares the event types it consumes and applies batches of them inside
the transaction that appends those events. Projections must not depend on arrival order
(replicas receive events in different orders): where later wins, "later" is the
(hlc, hash) key, never the row order. ``rebuild`` drops and replays them and must give
identical tables.
"""

from __future__ import annotations

import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Sequence

from ...lineage import Event
from ..store import run_ddl


def order_key(event: Event) -> str:
    """Deterministic "happened later" key: HLC first, hash to break ties."""
    return f"{event.hlc}|{event.hash}"


class Projection(ABC):
    name: str
    version: int
    tables: tuple[str, ...]
    ddl: str
    # Indexes that only readers use (``apply`` never looks rows up through them). A replay
    # creates them once at the end, which costs far less than updating them row by row.
    read_indexes: str = ""
    consumes: frozenset[str] | None  # None: every event type

    def create(self, conn: sqlite3.Connection, *, read_indexes: bool = True) -> None:
        run_ddl(conn, self.ddl)
        if read_indexes:
            self.create_read_indexes(conn)

    def create_read_indexes(self, conn: sqlite3.Connection) -> None:
        run_ddl(conn, self.read_indexes)

    def drop(self, conn: sqlite3.Connection) -> None:
        for t in self.tables:
            conn.execute(f'DROP TABLE IF EXISTS "{t}"')

    @abstractmethod
    def apply(self, conn: sqlite3.Connection, events: Sequence[Event]) -> None:
        """Fold ``events`` (already filtered to ``consumes``) into the tables."""
