"""Local sync state kept in the workspace database, written only on the writer thread.

``sync_state`` holds, per server URL: how far the local log is pushed (``pushed_up_to_seq``:
every local event with ``seq`` at or below it has a receipt), the pull cursor (the server's
``server_seq`` of the last pulled page, saved in the same transaction as that page's events)
and when the last sync finished. ``sync_pulled`` remembers which local ``seq`` ranges came from
the server, so they are not pushed back. ``sync_incidents`` keeps what this device refused
from a server (a checkpoint signed by another key, or one whose signature does not verify). The server URL itself is in ``meta``
(``sync.server_url``); the token is only in the OS keyring.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from ..lineage import Event
from ..workspace import store
from ..workspace.projections import Projection
from ..workspace.projector import apply_all

DDL = """
CREATE TABLE IF NOT EXISTS sync_state (
    server           TEXT PRIMARY KEY,
    pushed_up_to_seq INTEGER NOT NULL DEFAULT 0,
    pull_cursor      INTEGER NOT NULL DEFAULT 0,
    last_sync        TEXT,
    device_id        TEXT,
    cursor_hash      TEXT
);
CREATE TABLE IF NOT EXISTS sync_pulled (
    server    TEXT NOT NULL,
    first_seq INTEGER NOT NULL,
    last_seq  INTEGER NOT NULL,
    PRIMARY KEY (server, first_seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sync_incidents (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    server TEXT NOT NULL,
    kind   TEXT NOT NULL,
    detail TEXT NOT NULL
)
"""

SERVER_URL_KEY = "sync.server_url"
USER_KEY = "sync.user"

# kinds of sync incident: the server's checkpoint signed by another key than the pinned one,
# or a checkpoint that does not verify
KEY_CHANGED = "checkpoint_key_changed"
BAD_SIGNATURE = "bad_checkpoint"

# item events whose blobs the server must hold before it accepts them
BLOB_EVENTS = ("item.imported", "item.derived")


@dataclass(frozen=True)
class SyncState:
    server: str
    pushed_up_to_seq: int = 0
    pull_cursor: int = 0
    last_sync: str | None = None
    device_id: str | None = None  # the device registered with this server, if any
    cursor_hash: str | None = None  # hash of the server's event at ``pull_cursor``


@dataclass(frozen=True)
class LocalIncident:
    """A sync this device refused because the server could not prove it is the one signed in to."""

    id: int
    at: str  # ISO 8601, UTC
    server: str
    kind: str  # KEY_CHANGED or BAD_SIGNATURE
    detail: str

    def to_json(self) -> dict[str, object]:
        return dict(self.__dict__)


def ensure(conn: sqlite3.Connection) -> None:
    """Create the tables (idempotent; runs on the writer connection)."""
    store.run_ddl(conn, DDL)


def _has_tables(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'"
    ).fetchone()
    return row is not None


def load(conn: sqlite3.Connection, server: str) -> SyncState:
    if not _has_tables(conn):
        return SyncState(server)
    row = conn.execute(
        "SELECT pushed_up_to_seq, pull_cursor, last_sync, device_id, cursor_hash FROM sync_state"
        " WHERE server = ?",
        (server,),
    ).fetchone()
    return SyncState(server, *row) if row else SyncState(server)


def _upsert(conn: sqlite3.Connection, server: str, column: str, value: object) -> None:
    conn.execute(
        f"INSERT INTO sync_state(server, {column}) VALUES (?, ?)"
        f" ON CONFLICT(server) DO UPDATE SET {column} = excluded.{column}",
        (server, value),
    )


def set_pushed(conn: sqlite3.Connection, server: str, seq: int) -> None:
    """Mark every local event up to ``seq`` pushed (after a receipt acknowledged them)."""
    ensure(conn)
    seq = last_seq_before(conn, server, seq)
    _upsert(conn, server, "pushed_up_to_seq", seq)
    conn.execute("DELETE FROM sync_pulled WHERE server = ? AND last_seq <= ?", (server, seq))


def set_last_sync(conn: sqlite3.Connection, server: str, when: str) -> None:
    ensure(conn)
    _upsert(conn, server, "last_sync", when)


def set_device(conn: sqlite3.Connection, server: str, device_id: str) -> None:
    ensure(conn)
    _upsert(conn, server, "device_id", device_id)


def forget_server_log(conn: sqlite3.Connection, server: str) -> None:
    """The server lost events (restored from an older backup): push everything again (what it
    still has comes back ``duplicate``) and pull from the start (what is here is skipped)."""
    ensure(conn)
    conn.execute("DELETE FROM sync_pulled WHERE server = ?", (server,))
    conn.execute(
        "UPDATE sync_state SET pushed_up_to_seq = 0, pull_cursor = 0, cursor_hash = NULL"
        " WHERE server = ?",
        (server,),
    )


def unpushed(
    conn: sqlite3.Connection, server: str, *, limit: int, after: int | None = None
) -> list[tuple[int, Event]]:
    """The next local events to push, in local order, skipping what came from the server:
    those after the last acknowledged one, or after local seq ``after`` when given."""
    pulled = _has_tables(conn)
    rows: list[tuple[int, Event]] = []
    if after is None:
        after = load(conn, server).pushed_up_to_seq
    skip = (
        " AND NOT EXISTS (SELECT 1 FROM sync_pulled r WHERE r.server = ?"
        " AND e.seq BETWEEN r.first_seq AND r.last_seq)"
        if pulled
        else ""
    )
    params: tuple[object, ...] = (after, server, limit) if pulled else (after, limit)
    for seq, hash_, body, sig in conn.execute(
        f"SELECT seq, hash, body, sig FROM events e WHERE seq > ?{skip} ORDER BY seq LIMIT ?",
        params,
    ):
        rows.append((seq, Event.from_body(hash_, body, sig)))
    return rows


def count_unpushed(conn: sqlite3.Connection, server: str) -> int:
    st = load(conn, server)
    total: int = conn.execute(
        "SELECT count(*) FROM events WHERE seq > ?", (st.pushed_up_to_seq,)
    ).fetchone()[0]
    if _has_tables(conn):
        for first, last in conn.execute(
            "SELECT first_seq, last_seq FROM sync_pulled WHERE server = ? AND last_seq > ?",
            (server, st.pushed_up_to_seq),
        ).fetchall():
            total -= last - max(first, st.pushed_up_to_seq + 1) + 1
    return total


def last_seq_before(conn: sqlite3.Connection, server: str, seq: int) -> int:
    """The greatest watermark that ``seq`` allows: pulled ranges right after it count as pushed."""
    while True:
        row = conn.execute(
            "SELECT last_seq FROM sync_pulled WHERE server = ? AND first_seq = ?",
            (server, seq + 1),
        ).fetchone()
        if row is None:
            return seq
        seq = row[0]


def store_pulled(
    conn: sqlite3.Connection,
    projections: Sequence[Projection],
    server: str,
    events: Sequence[Event],
    cursor: int,
    cursor_hash: str | None = None,
) -> None:
    """Insert pulled events, apply projections and save the cursor: one transaction.

    Call inside ``BEGIN IMMEDIATE`` (the caller commits or rolls back).
    """
    ensure(conn)
    if events:
        before = conn.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0]
        store.insert_events(conn, events)
        apply_all(conn, projections, events)
        first, last = before + 1, before + len(events)
        conn.execute(
            "INSERT INTO sync_pulled(server, first_seq, last_seq) VALUES (?, ?, ?)",
            (server, first, last),
        )
        if load(conn, server).pushed_up_to_seq == first - 1:
            set_pushed(conn, server, first - 1)  # nothing local waits before it: skip past
    _upsert(conn, server, "pull_cursor", cursor)
    if cursor_hash is not None:
        _upsert(conn, server, "cursor_hash", cursor_hash)


def record_incident(conn: sqlite3.Connection, server: str, kind: str, detail: str, at: str) -> None:
    """Keep a refusal for the user to see (writer connection; commits on its own)."""
    ensure(conn)
    conn.execute(
        "INSERT INTO sync_incidents(at, server, kind, detail) VALUES (?, ?, ?, ?)",
        (at, server, kind, detail),
    )


def incidents(conn: sqlite3.Connection, *, limit: int = 50) -> list[LocalIncident]:
    """This device's sync incidents, newest first."""
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_incidents'"
    ).fetchone()
    if row is None:
        return []
    return [
        LocalIncident(*r)
        for r in conn.execute(
            "SELECT id, at, server, kind, detail FROM sync_incidents ORDER BY id DESC LIMIT ?",
            (limit,),
        )
    ]
