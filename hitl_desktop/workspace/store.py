"""The SQLite file: connections, the ``events`` table and local metadata.

``events`` is append-only. Its ``seq`` is local arrival order (rowid); ``hash`` is the
event's identity. ``device_id``, ``device_seq``, ``type``, ``subject_item`` and ``hlc`` are
copies of body fields for indexing; ``verify`` checks them against the body.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..lineage import Event, StoredRow
from .errors import StorageFull, WorkspaceCorrupt, WorkspaceError

STORE_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    seq          INTEGER PRIMARY KEY,
    hash         TEXT NOT NULL UNIQUE,
    device_id    TEXT NOT NULL,
    device_seq   INTEGER NOT NULL,
    type         TEXT NOT NULL,
    subject_item TEXT,
    hlc          TEXT NOT NULL,
    body         TEXT NOT NULL,
    sig          BLOB,
    UNIQUE (device_id, device_seq)
);
CREATE INDEX IF NOT EXISTS events_by_subject ON events (subject_item) WHERE subject_item IS NOT NULL;
CREATE TABLE IF NOT EXISTS projection_state (
    name    TEXT PRIMARY KEY,
    version INTEGER NOT NULL
);
"""

WRITER_CACHE_KIB = 64 * 1024
WAL_AUTOCHECKPOINT_PAGES = 10_000
WAL_SIZE_LIMIT = 64 * 2**20

_COLUMNS = "seq, hash, body, sig, device_id, device_seq, type, subject_item, hlc"


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open workspace.db with the pragmas every connection needs."""
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode != "wal":
                raise WorkspaceError(f"{path} cannot use write-ahead logging (journal mode {mode})")
            conn.execute("PRAGMA synchronous = NORMAL")
            # The writer touches random pages (the hash index, the blob index); keep up to
            # 64 MiB of them cached instead of SQLite's 2 MiB default.
            conn.execute(f"PRAGMA cache_size = -{WRITER_CACHE_KIB}")
            # Checkpoint every ~40 MiB of WAL instead of ~4 MiB: far fewer checkpoints (each
            # syncs the database file), and a page rewritten by several batches in between is
            # copied back once. Once checkpointed, the WAL file is cut to 64 MiB when next
            # reused, so it does not stay as big as the largest transaction (a rebuild) made it.
            conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
            conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise WorkspaceCorrupt(
            f"{path} is not a readable workspace database ({exc}). It was left untouched; "
            "restore it from a backup or rebuild the workspace from the central store."
        ) from None
    return conn


def run_ddl(conn: sqlite3.Connection, script: str) -> None:
    """Run DDL statements one by one: ``executescript`` would commit the open transaction."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def create_schema(conn: sqlite3.Connection) -> None:
    run_ddl(conn, _SCHEMA)
    conn.execute(
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('store_version', ?)", (str(STORE_VERSION),)
    )


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def insert_events(conn: sqlite3.Connection, events: Iterable[Event]) -> None:
    rows = [
        (e.hash, e.device_id, e.device_seq, e.type, e.subject_item, e.hlc, e.body, e.sig)
        for e in events
    ]
    conn.executemany(
        "INSERT INTO events(hash, device_id, device_seq, type, subject_item, hlc, body, sig)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    if rows:
        # the newest clock reading seen, kept in the same transaction (see ``max_hlc``)
        conn.execute(
            """INSERT INTO meta(key, value) VALUES ('max_hlc', ?)
               ON CONFLICT(key) DO UPDATE SET value = max(value, excluded.value)""",
            (max(r[5] for r in rows),),
        )


def iter_rows(
    conn: sqlite3.Connection, *, after_seq: int = 0, chunk: int = 5000
) -> Iterator[StoredRow]:
    """All stored events in local order, read in chunks so memory stays flat."""
    last = after_seq
    while True:
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM events WHERE seq > ? ORDER BY seq LIMIT ?", (last, chunk)
        ).fetchall()
        if not rows:
            return
        for r in rows:
            yield StoredRow(*r)
        last = rows[-1][0]


def iter_events(conn: sqlite3.Connection, *, chunk: int = 5000) -> Iterator[list[Event]]:
    """Stored events parsed, in local order, a chunk at a time (for replays)."""
    batch: list[Event] = []
    for r in iter_rows(conn, chunk=chunk):
        batch.append(Event.from_body(r.hash, r.body, r.sig))
        if len(batch) >= chunk:
            yield batch
            batch = []
    if batch:
        yield batch


def device_head(conn: sqlite3.Connection, device_id: str) -> tuple[int, str] | None:
    row = conn.execute(
        "SELECT device_seq, hash FROM events WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1",
        (device_id,),
    ).fetchone()
    return (row[0], row[1]) if row else None


def max_hlc(conn: sqlite3.Connection) -> str | None:
    """The greatest HLC in the log: kept in ``meta`` by every append (a scan of a million
    events took a second at each open); a workspace made before that is scanned once."""
    kept = get_meta(conn, "max_hlc")
    scanned = None
    if kept is None:
        row = conn.execute("SELECT max(hlc) FROM events").fetchone()
        scanned = row[0] if row else None
        if scanned is not None and not conn.in_transaction:
            with contextlib.suppress(sqlite3.OperationalError):  # read-only: scan next time
                set_meta(conn, "max_hlc", scanned)
    return kept if kept is not None else scanned


def translate_error(exc: sqlite3.Error, doing: str) -> Exception:
    """Map SQLite failures to errors a user can act on."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_FULL or "disk is full" in str(exc):
        return StorageFull(
            f"the disk is full while {doing}; nothing was saved. Free space and retry."
        )
    if isinstance(exc, sqlite3.DatabaseError) and "malformed" in str(exc):
        return WorkspaceCorrupt(f"the workspace database is damaged ({exc}) while {doing}")
    return WorkspaceError(f"{doing} failed: {exc}")
