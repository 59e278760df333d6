"""``models`` (registered model versions) and ``prelabels`` (every model suggestion per item).

A model's id is ``name@weights_sha256[:12]``; registering the same id again (say, from a
moved folder) updates its row when the event is later by (hlc, hash). Every ``prelabel.made``
is kept; ``prelabel_latest`` holds the latest per (item, model), so replicas agree whatever
order the events arrive in.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence

import orjson

from ...lineage import Event
from .base import Projection, order_key


def model_id(name: str, weights_sha256: str) -> str:
    """The id of a model version: its name and the first 12 hex digits of its weights hash."""
    return f"{name}@{weights_sha256[:12]}"


class ModelsProjection(Projection):
    name = "models"
    version = 1
    tables = ("models",)
    consumes = frozenset({"model.registered"})
    ddl = """
    CREATE TABLE IF NOT EXISTS models (
        id             TEXT PRIMARY KEY,
        name           TEXT NOT NULL,
        kind           TEXT NOT NULL,
        task           TEXT NOT NULL,
        path           TEXT NOT NULL,
        weights_sha256 TEXT NOT NULL,
        registered_key TEXT NOT NULL,
        metrics        TEXT NOT NULL,
        labels         TEXT NOT NULL,
        base_model     TEXT,
        event_hash     TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS models_by_name ON models (name, registered_key);
    """

    def apply(self, conn: sqlite3.Connection, events: Sequence[Event]) -> None:
        rows = []
        for e in events:
            p = e.payload
            rows.append((
                model_id(p["name"], p["weights_sha256"]), p["name"], p["kind"], p["task"],
                p["path"], p["weights_sha256"], order_key(e),
                orjson.dumps(p.get("metrics") or {}, option=orjson.OPT_SORT_KEYS).decode(),
                orjson.dumps(p.get("labels") or []).decode(), p.get("base_model"), e.hash,
            ))  # fmt: skip
        conn.executemany(
            """INSERT INTO models VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (id) DO UPDATE SET
                 name = excluded.name, kind = excluded.kind, task = excluded.task,
                 path = excluded.path, weights_sha256 = excluded.weights_sha256,
                 registered_key = excluded.registered_key, metrics = excluded.metrics,
                 labels = excluded.labels, base_model = excluded.base_model,
                 event_hash = excluded.event_hash
               WHERE excluded.registered_key > models.registered_key""",
            rows,
        )


def _uncertainty(scores: list[float]) -> tuple[float | None, float | None]:
    """(margin between the two best scores, entropy in nats) of a classification."""
    if not scores:
        return None, None
    ordered = sorted(scores, reverse=True)
    margin = ordered[0] - (ordered[1] if len(ordered) > 1 else 0.0)
    entropy = -sum(s * math.log(s) for s in scores if s > 0)
    return margin, entropy


class PrelabelsProjection(Projection):
    name = "prelabels"
    version = 1
    tables = ("prelabels", "prelabel_latest")
    consumes = frozenset({"prelabel.made"})
    ddl = """
    CREATE TABLE IF NOT EXISTS prelabels (
        hash       TEXT PRIMARY KEY,
        item_id    TEXT NOT NULL,
        model_id   TEXT NOT NULL,
        label_set  TEXT,
        top_label  TEXT,
        top_score  REAL,
        margin     REAL,
        entropy    REAL,
        span_count INTEGER NOT NULL,
        box_count  INTEGER NOT NULL,
        made_key   TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS prelabels_by_model ON prelabels (model_id, item_id);
    CREATE INDEX IF NOT EXISTS prelabels_by_item ON prelabels (item_id, made_key);
    CREATE TABLE IF NOT EXISTS prelabel_latest (
        item_id  TEXT NOT NULL,
        model_id TEXT NOT NULL,
        hash     TEXT NOT NULL,
        made_key TEXT NOT NULL,
        PRIMARY KEY (item_id, model_id)
    ) WITHOUT ROWID;
    """

    def apply(self, conn: sqlite3.Connection, events: Sequence[Event]) -> None:
        rows, latest = [], []
        for e in events:
            item = e.subject_item
            if item is None:
                continue
            p, key = e.payload, order_key(e)
            labels = p.get("labels") or []
            best = max(labels, key=lambda ls: ls["score"]) if labels else None
            margin, entropy = _uncertainty([ls["score"] for ls in labels])
            rows.append((
                e.hash, item, p["model_id"], e.schema_ref, best["label"] if best else None,
                best["score"] if best else None, margin, entropy, len(p.get("spans") or []),
                len(p.get("boxes") or []), key,
            ))  # fmt: skip
            latest.append((item, p["model_id"], e.hash, key))
        conn.executemany(
            "INSERT OR IGNORE INTO prelabels VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
        )
        conn.executemany(
            """INSERT INTO prelabel_latest (item_id, model_id, hash, made_key) VALUES (?, ?, ?, ?)
               ON CONFLICT (item_id, model_id) DO UPDATE SET
                 hash = excluded.hash, made_key = excluded.made_key
               WHERE excluded.made_key > prelabel_latest.made_key""",
            latest,
        )
