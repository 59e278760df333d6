"""The central store's schema, versioned with alembic and upgraded from code.

The revisions live in ``versions/`` next to this file; the alembic configuration is built here
(no alembic.ini at run time). Opening a store compares its revision with the code's head:

- at head: nothing to do;
- a new (empty) database being created, or the embedded SQLite store: upgraded on open, in one
  transaction under the write lock, after a backup copy of the SQLite file;
- PostgreSQL behind head: refused unless migrating was asked for (``hitl server migrate`` or
  ``hitl serve --migrate``), because several instances share it and one deploy step migrates
  (docs/scale.md); migrators take an advisory lock so two never race;
- a revision this code does not know (a newer release migrated it): refused;
- a store made before alembic (``create_all`` and ``schema_version`` 1 in ``meta``): stamped as
  revision 0001, keeping its rows, then upgraded like any other.

A schema change is a new ``versions/NNNN_what.py`` (``script.py.mako`` is its template) plus
the same change in ``db.py``; tests/server/test_migrations.py checks that the two agree.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import RevisionError
from alembic.util.exc import CommandError
from sqlalchemy.engine import Connection, Engine

from .. import db

__all__ = [
    "LEGACY_REVISION", "Migration", "SchemaError", "SchemaState", "alembic_config", "head",
    "inspect_schema", "open_schema",
]  # fmt: skip

LOCATION = Path(__file__).resolve().parent
LEGACY_REVISION = "0001"  # the schema create_all made before alembic


class SchemaError(RuntimeError):
    """The database's schema does not fit this code; the message says what to do."""


@dataclass(frozen=True)
class SchemaState:
    current: str | None  # the stored alembic revision; None when unversioned
    head: str  # the newest revision this code knows
    legacy: bool = False  # made before alembic: stamped as LEGACY_REVISION when migrated
    empty: bool = False  # none of the store's tables yet

    @property
    def behind(self) -> bool:
        return self.current != self.head

    @property
    def label(self) -> str:
        """The revision as people read it: a number, "unversioned 0001" or "none"."""
        if self.legacy:
            return f"{LEGACY_REVISION} (unversioned)"
        return self.current or "none"


@dataclass(frozen=True)
class Migration:
    """What an upgrade did: from which revision to which, and where the backup is."""

    before: str
    after: str
    backup: Path | None = None


def alembic_config(conn: Connection) -> Config:
    """An alembic configuration for the package's revisions, running on ``conn``."""
    cfg = Config()
    cfg.set_main_option("script_location", str(LOCATION).replace("%", "%%"))
    cfg.attributes["connection"] = conn
    return cfg


def _scripts() -> ScriptDirectory:
    return ScriptDirectory(str(LOCATION))


def head() -> str:
    """The newest revision this code knows."""
    rev = _scripts().get_current_head()
    if rev is None:  # the package ships its revisions: this is a broken installation
        raise SchemaError(f"no schema revisions found in {LOCATION}; reinstall HITL Desktop")
    return rev


def where(engine: Engine | Connection) -> str:
    """The database URL without its password, for messages."""
    return engine.engine.url.render_as_string(hide_password=True)


def inspect_schema(conn: Connection) -> SchemaState:
    """The schema state of the database behind ``conn``; SchemaError for an unknown revision."""
    scripts = _scripts()
    newest = head()
    stored = MigrationContext.configure(conn).get_current_heads()
    if stored:
        for rev in stored:
            try:
                known = scripts.get_revision(rev)
            except (CommandError, RevisionError):
                known = None
            if known is None:
                raise SchemaError(
                    f"the central store at {where(conn)} is at schema revision {rev}, which this "
                    f"version of HITL Desktop does not know (it knows up to {newest}): a newer "
                    "release migrated it. Upgrade HITL Desktop on every instance before serving it"
                )
        if len(stored) > 1:
            raise SchemaError(f"the central store at {where(conn)} has several schema heads "
                              f"({', '.join(stored)}); it needs a person's look")  # fmt: skip
        return SchemaState(stored[0], newest)
    tables = set(sa.inspect(conn).get_table_names()) & set(db.metadata.tables)
    if not tables:
        return SchemaState(None, newest, empty=True)
    if "meta" in tables and db.get_meta(conn, "schema_version") == "1":
        return SchemaState(None, newest, legacy=True)
    raise SchemaError(
        f"the database at {where(conn)} holds some of the central store's tables "
        f"({', '.join(sorted(tables))}) but no schema version; it is not a store this code made. "
        "Use an empty database for a new store"
    )


def open_schema(
    engine: Engine, *, create: bool = False, migrate: bool | None = None, hint: str = ""
) -> Migration | None:
    """Bring the store's schema to head where allowed (see the module docstring); None when it
    already was. ``migrate`` None: the embedded SQLite store upgrades itself, PostgreSQL only
    when asked. ``hint`` names the store in the command line a refusal suggests."""
    sqlite = engine.dialect.name == "sqlite"
    auto = sqlite if migrate is None else migrate
    backup = _backup_sqlite(engine) if sqlite and auto else None
    with db.write_tx(engine) as conn:
        db.lock_setup(conn)  # a second migrator waits, then finds head
        state = inspect_schema(conn)
        if not state.behind:
            return None
        if not (auto or (create and state.empty)):
            raise SchemaError(_behind_message(conn, state, hint))
        cfg = alembic_config(conn)
        if state.legacy:
            _complete_legacy(conn)
            command.stamp(cfg, LEGACY_REVISION)
        command.upgrade(cfg, "head")
        return Migration(state.label, state.head, backup)


def _behind_message(conn: Connection, state: SchemaState, hint: str) -> str:
    target = hint or f"--db {where(conn)}"
    if state.empty:
        return (f"the database at {where(conn)} holds no central store yet; create one with "
                f"`hitl server init {target} --admin NAME`, or its tables with "
                f"`hitl server migrate {target}`")  # fmt: skip
    return (
        f"the central store at {where(conn)} is at schema revision {state.label} and this version "
        f"of HITL Desktop needs {state.head}; run `hitl server migrate {target}` once (a deploy "
        "step, while no instance serves it), or start one instance with `hitl serve --migrate`"
    )


def _complete_legacy(conn: Connection) -> None:
    """Tables added before alembic came (item_privacy) may be missing from old stores."""
    existing = set(sa.inspect(conn).get_table_names())
    missing = [t for t in db.metadata.sorted_tables if t.name not in existing]
    if missing:
        db.metadata.create_all(conn, tables=missing)


def _backup_sqlite(engine: Engine) -> Path | None:
    """A consistent copy of a SQLite store that is behind head, next to it, before its schema
    changes; None when it is new or at head. Taken before the write lock (SQLite's backup
    cannot read through a connection that holds it); the embedded store has no other writer
    while it is being opened."""
    name = engine.url.database
    if not name or name == ":memory:" or not Path(name).is_file():
        return None
    with db.read_tx(engine) as conn:
        state = inspect_schema(conn)
    if not state.behind or state.empty:
        return None
    revision = "legacy" if state.legacy else state.current
    path = Path(name).with_name(f"{Path(name).name}.{revision}.bak")
    source, target = sqlite3.connect(name), sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    return path
