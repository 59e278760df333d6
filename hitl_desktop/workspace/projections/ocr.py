"""``ocr_runs`` and ``ocr_lines``: every OCR reading kept; the latest per item is the pre-label.

"Latest" is by (hlc, hash), so replicas agree whatever order runs arrive in.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

import orjson

from ...lineage import Event
from .base import Projection, order_key


class OcrProjection(Projection):
    name = "ocr"
    version = 1
    tables = ("ocr_runs", "ocr_lines", "ocr_latest")
    consumes = frozenset({"ocr.ran"})
    ddl = """
    CREATE TABLE IF NOT EXISTS ocr_runs (
        hash        TEXT PRIMARY KEY,
        item_id     TEXT NOT NULL,
        engine      TEXT NOT NULL,
        version     TEXT NOT NULL,
        weights     TEXT,
        device      TEXT,
        image_sha   TEXT NOT NULL,
        line_count  INTEGER NOT NULL,
        mean_score  REAL,
        run_key     TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ocr_runs_by_item ON ocr_runs (item_id, run_key);
    CREATE TABLE IF NOT EXISTS ocr_lines (
        run_hash TEXT NOT NULL,
        line_no  INTEGER NOT NULL,
        x0 REAL NOT NULL, y0 REAL NOT NULL, x1 REAL NOT NULL, y1 REAL NOT NULL,
        quad     TEXT NOT NULL,
        text     TEXT NOT NULL,
        score    REAL NOT NULL,
        PRIMARY KEY (run_hash, line_no)
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS ocr_latest (
        item_id  TEXT PRIMARY KEY,
        run_hash TEXT NOT NULL,
        run_key  TEXT NOT NULL
    );
    """

    def apply(self, conn: sqlite3.Connection, events: Sequence[Event]) -> None:
        runs, lines, latest = [], [], []
        for e in events:
            item = e.subject_item
            if item is None or e.agent is None:
                continue
            p, key = e.payload, order_key(e)
            scores = [ln["score"] for ln in p["lines"]]
            runs.append((
                e.hash, item, e.agent.name, e.agent.version, e.agent.weights_sha256, e.agent.device,
                p["image_sha256"], len(scores), sum(scores) / len(scores) if scores else None, key,
            ))  # fmt: skip
            for i, ln in enumerate(p["lines"]):
                xs = [pt[0] for pt in ln["quad"]]
                ys = [pt[1] for pt in ln["quad"]]
                lines.append((e.hash, i, min(xs), min(ys), max(xs), max(ys),
                              orjson.dumps(ln["quad"]).decode(), ln["text"], ln["score"]))  # fmt: skip
            if not p.get("regions_only"):
                latest.append((item, e.hash, key))
        conn.executemany(
            "INSERT OR IGNORE INTO ocr_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", runs
        )
        conn.executemany(
            "INSERT OR IGNORE INTO ocr_lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", lines
        )
        conn.executemany(
            """INSERT INTO ocr_latest (item_id, run_hash, run_key) VALUES (?, ?, ?)
               ON CONFLICT (item_id) DO UPDATE SET run_hash = excluded.run_hash, run_key = excluded.run_key
               WHERE excluded.run_key > ocr_latest.run_key""",
            latest,
        )
