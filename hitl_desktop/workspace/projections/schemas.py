"""``schema_versions`` and ``schema_recheck``: published label schemas and flagged items.

Every ``schema.published`` event is one version of a named schema. Two replicas publishing
the same name and number concurrently is a conflict; the earlier (hlc, hash) keeps the
number on every replica, whatever the arrival order. ``schema_recheck`` holds the items a
publish flagged (removed labels); an item leaves the re-check queue once a revision of it
is saved after the flag (see ``hitl_desktop.schema.store.recheck_queue``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import orjson

from ...lineage import Event
from .base import Projection, order_key


class SchemasProjection(Projection):
    name = "schemas"
    version = 1
    tables = ("schema_versions", "schema_recheck")
    consumes = frozenset({"schema.published"})
    ddl = """
    CREATE TABLE IF NOT EXISTS schema_versions (
        name           TEXT NOT NULL,
        version        INTEGER NOT NULL,
        parent_version INTEGER,
        hash           TEXT NOT NULL,
        actor          TEXT NOT NULL,
        role           TEXT NOT NULL,
        note           TEXT NOT NULL,
        definition     TEXT NOT NULL,
        pub_key        TEXT NOT NULL,
        PRIMARY KEY (name, version)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS schema_recheck (
        item_id    TEXT NOT NULL,
        schema_ref TEXT NOT NULL,
        reason     TEXT NOT NULL,
        flag_key   TEXT NOT NULL,
        PRIMARY KEY (item_id, schema_ref)
    ) WITHOUT ROWID;
    """

    def apply(self, conn: sqlite3.Connection, events: Sequence[Event]) -> None:
        versions, flags = [], []
        for e in events:
            p, key = e.payload, order_key(e)
            name, version = p.get("name"), p.get("version")
            if not isinstance(name, str) or not isinstance(version, int):
                continue
            definition = orjson.dumps(p.get("definition") or {}, option=orjson.OPT_SORT_KEYS)
            versions.append((name, version, p.get("parent_version"), e.hash, e.actor, e.role,
                             p.get("note") or "", definition.decode(), key))  # fmt: skip
            ref = f"{name}@{version}"
            flags += [(f["item"], ref, f.get("reason", ""), key) for f in p.get("recheck") or []]
        conn.executemany(
            """INSERT INTO schema_versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (name, version) DO UPDATE SET
                 parent_version = excluded.parent_version, hash = excluded.hash,
                 actor = excluded.actor, role = excluded.role, note = excluded.note,
                 definition = excluded.definition, pub_key = excluded.pub_key
               WHERE excluded.pub_key < schema_versions.pub_key""",
            versions,
        )
        conn.executemany(
            """INSERT INTO schema_recheck VALUES (?, ?, ?, ?)
               ON CONFLICT (item_id, schema_ref) DO UPDATE SET
                 reason = excluded.reason, flag_key = excluded.flag_key
               WHERE excluded.flag_key < schema_recheck.flag_key""",
            flags,
        )
