"""Applying projections: incrementally on append, and by replay in ``rebuild``."""

from __future__ import annotations

import gc
import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import orjson

from ..lineage import Event
from .progress import CancelToken, ProgressFn
from .projections import Projection
from .store import iter_events


def apply_all(
    conn: sqlite3.Connection, projections: Sequence[Projection], events: Sequence[Event]
) -> None:
    for p in projections:
        selected = events if p.consumes is None else [e for e in events if e.type in p.consumes]
        if selected:
            p.apply(conn, selected)


def ensure_projections(conn: sqlite3.Connection, projections: Sequence[Projection]) -> list[str]:
    """Create missing projection tables; replay those whose code version changed.

    Runs inside the caller's transaction. Returns the names of projections rebuilt.
    """
    stored = dict(conn.execute("SELECT name, version FROM projection_state").fetchall())
    stale = [p for p in projections if stored.get(p.name) != p.version]
    if stale:
        _replay(conn, stale)
        conn.executemany(
            "INSERT OR REPLACE INTO projection_state(name, version) VALUES (?, ?)",
            [(p.name, p.version) for p in stale],
        )
    return [p.name for p in stale]


@dataclass(frozen=True)
class RebuildResult:
    events: int
    before: dict[str, str]
    after: dict[str, str]

    @property
    def identical(self) -> bool:
        return self.before == self.after


def rebuild(
    conn: sqlite3.Connection,
    projections: Sequence[Projection],
    *,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> RebuildResult:
    """Drop every projection and replay the whole log, in one transaction."""
    total = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    before = projection_digest(conn, projections)
    conn.execute("BEGIN IMMEDIATE")
    try:
        _replay(conn, projections, total=total, progress=progress, cancel=cancel)
        conn.executemany(
            "INSERT OR REPLACE INTO projection_state(name, version) VALUES (?, ?)",
            [(p.name, p.version) for p in projections],
        )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite may already have rolled back (disk full)
            conn.execute("ROLLBACK")
        raise
    return RebuildResult(total, before, projection_digest(conn, projections))


def _replay(
    conn: sqlite3.Connection,
    projections: Sequence[Projection],
    *,
    total: int = 0,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> None:
    """Recreate ``projections`` empty and fold the whole log into them (caller's transaction).

    Indexes that only readers use are built once at the end instead of row by row.
    """
    for p in projections:
        p.drop(conn)
        p.create(conn, read_indexes=False)
    done = 0
    with gc_paused():
        for chunk in iter_events(conn, chunk=10_000):
            if cancel is not None:
                cancel.check()
            apply_all(conn, projections, chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, total)
    for p in projections:
        p.create_read_indexes(conn)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a replay parses millions of events (or a
    report or the review queue builds millions of small containers).

    Each chunk of parsed events lives just long enough to be promoted to the oldest
    generation, so the collector keeps re-scanning them (a fifth to a third of a replay's
    CPU time, measured; 5x slower for the agreement report at 100,000 items) only to find
    no cycles; reference counting frees them all.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def projection_digest(
    conn: sqlite3.Connection, projections: Sequence[Projection]
) -> dict[str, str]:
    """SHA-256 of each projection table's rows in primary-key order."""
    out = {}
    for p in projections:
        for table in p.tables:
            h = hashlib.sha256()
            pk = _primary_key(conn, table)
            cur = conn.execute(f'SELECT * FROM "{table}" ORDER BY {pk}')
            while rows := cur.fetchmany(10_000):
                h.update(orjson.dumps(rows, default=_bytes_hex))
            out[table] = h.hexdigest()
    return out


def _primary_key(conn: sqlite3.Connection, table: str) -> str:
    cols = [r for r in conn.execute(f'PRAGMA table_info("{table}")') if r[5] > 0]
    return ", ".join(f'"{r[1]}"' for r in sorted(cols, key=lambda r: r[5])) or "rowid"


def _bytes_hex(value: object) -> str:
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(type(value).__name__)
