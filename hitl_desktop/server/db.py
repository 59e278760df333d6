"""The central store's tables (SQLAlchemy Core) on SQLite or PostgreSQL, and the write lock.

``server_seq`` is gap-free: a push takes the write lock first (PostgreSQL: ``FOR UPDATE`` on
the single counter row; SQLite: ``BEGIN IMMEDIATE``), so pushes commit one after another and
commit order equals sequence order. A reader can never see seq N+1 before N.

A change to these tables needs a new revision in ``migrations/versions/``: the tests compare
the migrated schema with this metadata.
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

__all__ = [
    "SCHEMA_VERSION", "blobs", "counter_value", "fill_defaults", "devices", "events", "get_meta", "lock_counter",
    "incidents", "item_privacy", "make_engine", "meta", "metadata", "read_tx", "set_counter", "set_meta", "tokens", "users", "write_tx",
]  # fmt: skip

# Written once into ``meta`` as before alembic, when it marked the schema; the schema's version
# is alembic's now (hitl_desktop/server/migrations), this row only tells old stores apart.
SCHEMA_VERSION = 1

metadata = sa.MetaData()

users = sa.Table(
    "users", metadata,
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("pw_hash", sa.LargeBinary, nullable=False),
    sa.Column("pw_salt", sa.LargeBinary, nullable=False),
    sa.Column("created", sa.BigInteger, nullable=False),
)  # fmt: skip

tokens = sa.Table(
    "tokens", metadata,
    sa.Column("token_sha256", sa.String(64), primary_key=True),
    sa.Column("user", sa.String(200), sa.ForeignKey("users.name"), nullable=False),
    sa.Column("expires", sa.BigInteger, nullable=False),
    sa.Index("ix_tokens_expires", "expires"),  # each login deletes the expired ones
)  # fmt: skip

devices = sa.Table(
    "devices", metadata,
    sa.Column("device_id", sa.String(64), primary_key=True),
    sa.Column("user", sa.String(200), sa.ForeignKey("users.name"), nullable=False),
    sa.Column("public_key", sa.LargeBinary, nullable=False),
    sa.Column("created", sa.BigInteger, nullable=False),
    sa.Column("revoked_at", sa.BigInteger, nullable=True),
)  # fmt: skip

events = sa.Table(
    "events", metadata,
    sa.Column("server_seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("hash", sa.String(64), nullable=False, unique=True),
    sa.Column("device_id", sa.String(64), nullable=False),
    sa.Column("device_seq", sa.BigInteger, nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("type", sa.String(100), nullable=False),
    sa.Column("actor", sa.String(200), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("sig", sa.LargeBinary, nullable=True),
    sa.Column("received_at", sa.BigInteger, nullable=False),
    sa.UniqueConstraint("device_id", "device_seq", name="uq_events_device_seq"),
)  # fmt: skip

_EVENT_COLUMNS = tuple(c.name for c in events.columns)


def insert_events(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Store accepted events, in the push's transaction, through the driver: PostgreSQL by
    COPY (psycopg's row-by-row executemany made the insert most of a push's time there),
    SQLite by its executemany (SQLAlchemy's per-row parameter handling cost a third of it)."""
    raw = conn.connection.driver_connection
    assert raw is not None
    columns = ", ".join(_EVENT_COLUMNS)
    if conn.dialect.name == "sqlite":  # the driver's executemany: no per-row parameter objects
        marks = ", ".join("?" * len(_EVENT_COLUMNS))
        raw.executemany(f"INSERT INTO events ({columns}) VALUES ({marks})",
                        [tuple(row[c] for c in _EVENT_COLUMNS) for row in rows])  # fmt: skip
        return
    if conn.dialect.name != "postgresql":
        conn.execute(events.insert(), rows)
        return
    with raw.cursor() as cur, cur.copy(f"COPY events ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[c] for c in _EVENT_COLUMNS])


blobs = sa.Table(
    "blobs", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("stored", sa.BigInteger, nullable=False),
)  # fmt: skip

# Items whose source carries enforced privacy markers (docs/sync-protocol.md "Privacy"): one row
# per (item, blob it names); derived items inherit their parent's markers.
item_privacy = sa.Table(
    "item_privacy", metadata,
    sa.Column("item_id", sa.String(64), primary_key=True),
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("markers", sa.Text, nullable=False),  # JSON list
    sa.Index("ix_item_privacy_sha256", "sha256"),
)  # fmt: skip

meta = sa.Table(
    "meta", metadata,
    sa.Column("key", sa.String(100), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)  # fmt: skip

# Refused pushes worth a person's attention (forks, forgeries, revoked keys), for admins.
incidents = sa.Table(
    "incidents", metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
              autoincrement=True),
    sa.Column("at", sa.BigInteger, nullable=False),
    sa.Column("user", sa.String(200), nullable=False),
    sa.Column("device_id", sa.String(64), nullable=True),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
    sa.UniqueConstraint("hash", "status", name="uq_incidents_hash_status"),
)  # fmt: skip

# One row (id 1): the last assigned server_seq. Locked by every push.
counter = sa.Table(
    "seq_counter", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("value", sa.BigInteger, nullable=False),
)  # fmt: skip


def make_engine(url: str) -> Engine:
    """An engine for ``sqlite:///FILE`` or ``postgresql+psycopg://...``."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})

        @sa.event.listens_for(engine, "connect")
        def _connect(dbapi_conn: sqlite3.Connection, _rec: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
            dbapi_conn.execute("PRAGMA journal_mode=WAL")
            dbapi_conn.execute("PRAGMA synchronous=NORMAL")
            dbapi_conn.execute("PRAGMA busy_timeout=60000")

        @sa.event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            conn.exec_driver_sql(conn.get_execution_options().get("sqlite_begin", "BEGIN"))

        return engine
    return sa.create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


_SETUP_LOCK_KEY = 0x6869746C_6D696772  # "hitlmigr": one instance at a time sets a store up


def lock_setup(conn: Connection) -> None:
    """Serialise setting a store up (migrations, default rows, its id) between instances that
    start together: a PostgreSQL advisory lock, released at commit. SQLite's BEGIN IMMEDIATE
    (``write_tx``) already serialises writers."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _SETUP_LOCK_KEY})


def fill_defaults(engine: Engine) -> None:
    """The rows a store needs once its tables exist: the counter row and the legacy schema
    version (idempotent). The tables themselves come from the migrations."""
    with write_tx(engine) as conn:
        lock_setup(conn)  # two instances starting together would both insert them
        if conn.execute(sa.select(counter.c.value)).first() is None:
            conn.execute(counter.insert().values(id=1, value=0))
        if get_meta(conn, "schema_version") is None:
            set_meta(conn, "schema_version", str(SCHEMA_VERSION))
        from .privacy import backfill  # here: privacy reads these tables

        backfill(conn)  # once: privacy of items stored before the item_privacy table


_sqlite_writers: weakref.WeakKeyDictionary[Engine, threading.Lock] = weakref.WeakKeyDictionary()
_sqlite_writers_guard = threading.Lock()


@contextmanager
def write_tx(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write: on SQLite it holds the write lock from its start.

    SQLite writers of this process also queue on a Python lock: SQLite's own busy handler
    sleeps in growing steps, which made 20 concurrent pushers several times slower."""
    if engine.dialect.name != "sqlite":
        with engine.connect() as conn, conn.begin():
            yield conn
        return
    with _sqlite_writers_guard:
        lock = _sqlite_writers.setdefault(engine, threading.Lock())
    with lock, engine.connect() as conn:
        conn = conn.execution_options(sqlite_begin="BEGIN IMMEDIATE")
        with conn.begin():
            yield conn


@contextmanager
def read_tx(engine: Engine) -> Iterator[Connection]:
    """A read-only transaction (one consistent snapshot on SQLite)."""
    with engine.connect() as conn, conn.begin():
        yield conn


def lock_counter(conn: Connection) -> int:
    """Take the sequence lock for this transaction; the last assigned server_seq."""
    query = sa.select(counter.c.value).where(counter.c.id == 1)
    if conn.dialect.name != "sqlite":  # SQLite: BEGIN IMMEDIATE already holds the lock
        query = query.with_for_update()
    value: int = conn.execute(query).scalar_one()
    return value


def counter_value(conn: Connection) -> int:
    """The last assigned server_seq, without locking (for readers)."""
    value: int = conn.execute(sa.select(counter.c.value).where(counter.c.id == 1)).scalar_one()
    return value


def set_counter(conn: Connection, value: int) -> None:
    conn.execute(counter.update().where(counter.c.id == 1).values(value=value))


def get_meta(conn: Connection, key: str) -> str | None:
    value: str | None = conn.execute(
        sa.select(meta.c.value).where(meta.c.key == key)
    ).scalar_one_or_none()
    return value


def set_meta(conn: Connection, key: str, value: str) -> None:
    if get_meta(conn, key) is None:
        conn.execute(meta.insert().values(key=key, value=value))
    else:
        conn.execute(meta.update().where(meta.c.key == key).values(value=value))
