"""Where content was seen (``item_sources``) and its fingerprints (``item_fingerprints``).

Used by ingest to tell a duplicate (same content, same source and path) from a new sighting,
and to flag near-duplicates (close perceptual hashes, texts equal up to case and spacing).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from ...lineage import Event
from .base import Projection


class ItemSourcesProjection(Projection):
    name = "item_sources"
    version = 1
    tables = ("item_sources",)
    consumes = frozenset({"item.imported", "item.sighted"})
    ddl = """
    CREATE TABLE IF NOT EXISTS item_sources (
        item_id       TEXT NOT NULL,
        source        TEXT NOT NULL,
        original_path TEXT NOT NULL,
        PRIMARY KEY (item_id, source, original_path)
    ) WITHOUT ROWID;
    """

    def apply(self, conn: sqlite3.Connection, events: Sequence[Event]) -> None:
        rows = []
        for e in events:
            if e.subject_item is None:
                continue
            p = e.payload
            rows.append(
                (
                    e.subject_item,
                    p.get("source", ""),
                    p.get("provenance", {}).get("original_path", ""),
                )
            )
        conn.executemany("INSERT OR IGNORE INTO item_sources VALUES (?, ?, ?)", rows)


class FingerprintsProjection(Projection):
    name = "item_fingerprints"
    version = 1
    tables = ("item_fingerprints",)
    consumes = frozenset({"item.imported", "item.derived"})
    ddl = """
    CREATE TABLE IF NOT EXISTS item_fingerprints (
        item_id TEXT PRIMARY KEY,
        kind    TEXT NOT NULL,
        dhash   TEXT,
        text_fp TEXT
    );
    """
    read_indexes = """
    CREATE INDEX IF NOT EXISTS fingerprints_by_text ON item_fingerprints (text_fp) WHERE text_fp IS NOT NULL;
    """

    def apply(self, conn: sqlite3.Connection, events: Sequence[Event]) -> None:
        rows = []
        for e in events:
            stats = e.payload.get("stats") or {}
            dhash, text_fp = stats.get("dhash"), stats.get("fingerprint")
            if e.subject_item is not None and (dhash or text_fp):
                rows.append((e.subject_item, e.payload["kind"], dhash, text_fp))
        conn.executemany("INSERT OR IGNORE INTO item_fingerprints VALUES (?, ?, ?, ?)", rows)


class ItemTagsProjection(Projection):
    """``item_tags``: the tags given at import (every sighting adds its own), for filtering."""

    name = "item_tags"
    version = 1
    tables = ("item_tags",)
    consumes = frozenset({"item.imported", "item.sighted"})
    ddl = """
    CREATE TABLE IF NOT EXISTS item_tags (
        tag     TEXT NOT NULL,
        item_id TEXT NOT NULL,
        PRIMARY KEY (tag, item_id)
    ) WITHOUT ROWID;
    """

    def apply(self, conn: sqlite3.Connection, events: Sequence[Event]) -> None:
        rows = []
        for e in events:
            if e.subject_item is None:
                continue
            tags = (e.payload.get("provenance") or {}).get("tags") or []
            rows += [(str(t), e.subject_item) for t in tags if str(t).strip()]
        conn.executemany("INSERT OR IGNORE INTO item_tags VALUES (?, ?)", rows)
