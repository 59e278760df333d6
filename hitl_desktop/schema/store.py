"""Reading published schemas and the re-check queue from a workspace's projections."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import orjson

from .errors import SchemaError
from .model import Schema, parse_schema

__all__ = ["Published", "RecheckEntry", "get_schema", "latest_versions", "list_versions",
           "parse_ref", "recheck_queue"]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Published:
    schema: Schema
    hash: str  # the schema.published event
    actor: str
    role: str
    note: str


@dataclass(frozen=True, slots=True)
class RecheckEntry:
    item_id: str
    schema_ref: str
    reason: str


def _published(row: tuple[str, str, str, str, str, str, int]) -> Published:
    definition, h, actor, role, note, name, version = row
    origin = f"published schema {name}@{version} (event {h[:12]})"
    return Published(parse_schema(orjson.loads(definition), origin=origin), h, actor, role, note)


_COLS = "definition, hash, actor, role, note, name, version"


def parse_ref(ref: str) -> tuple[str, int]:
    """``name@version`` -> (name, version); ``SchemaError`` when it is not one."""
    name, sep, version = ref.rpartition("@")
    if not sep or not name or not version.isdigit():
        raise SchemaError(f"{ref!r} is not a schema reference like 'invoices@2'")
    return name, int(version)


def get_schema(conn: sqlite3.Connection, name: str, version: int | None = None) -> Published:
    """A published version (the latest when ``version`` is None)."""
    if version is None:
        row = conn.execute(f"SELECT {_COLS} FROM schema_versions WHERE name = ? "
                           "ORDER BY version DESC LIMIT 1", (name,)).fetchone()  # fmt: skip
    else:
        row = conn.execute(f"SELECT {_COLS} FROM schema_versions WHERE name = ? AND version = ?",
                           (name, version)).fetchone()  # fmt: skip
    if row is None:
        known = [r[0] for r in conn.execute("SELECT DISTINCT name FROM schema_versions")]
        what = f"{name} v{version}" if version is not None else name
        raise SchemaError(f"no published schema {what}; published: "
                          f"{', '.join(sorted(known)) or 'none'}")  # fmt: skip
    return _published(row)


def list_versions(conn: sqlite3.Connection, name: str | None = None) -> list[Published]:
    """Every published version (of ``name``, or of all schemas), by name then version."""
    where, args = ("WHERE name = ?", (name,)) if name else ("", ())
    rows = conn.execute(f"SELECT {_COLS} FROM schema_versions {where} ORDER BY name, version",
                        args).fetchall()  # fmt: skip
    return [_published(r) for r in rows]


def latest_versions(conn: sqlite3.Connection) -> dict[str, int]:
    """The latest version number of each published schema."""
    rows = conn.execute("SELECT name, max(version) FROM schema_versions GROUP BY name")
    return {name: version for name, version in rows}


def recheck_queue(conn: sqlite3.Connection) -> list[RecheckEntry]:
    """Items flagged "needs re-check" and not saved again since, by item id.

    An item flagged by several publishes shows once, with its latest flag.
    """
    rows = conn.execute(
        """SELECT q.item_id, q.schema_ref, q.reason FROM schema_recheck q
           WHERE q.flag_key = (SELECT max(flag_key) FROM schema_recheck WHERE item_id = q.item_id)
             AND NOT EXISTS (SELECT 1 FROM annotation_revisions r
                             WHERE r.item_id = q.item_id AND r.rev_key > q.flag_key)
           ORDER BY q.item_id"""
    ).fetchall()
    return [RecheckEntry(*r) for r in rows]
