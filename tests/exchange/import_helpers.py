"""Helpers for the importer tests: real image files, a published schema, what a workspace holds."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from hitl_desktop.exchange.importers import AnnotationImportOptions, import_annotations
from hitl_desktop.exchange.importers.report import AnnotationImportReport
from hitl_desktop.schema import parse_schema, publish
from hitl_desktop.workspace import Workspace

SHARED_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def make_image(path: Path, width: int, height: int, seed: int = 0) -> Path:
    """A real PNG (or JPEG by suffix) of noise: each seed gives different content (no dedup)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pixels = np.random.default_rng(seed).integers(0, 255, (height, width, 3), dtype=np.uint8)
    Image.fromarray(pixels).save(path)
    return path


def write_json(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def publish_schema(ws: Workspace, tasks: dict[str, tuple[str, list[str]]]) -> str:
    """Publish a schema with tasks ``name -> (kind, labels)``; returns its ref."""
    schema = parse_schema({
        "name": "test", "version": 1,
        "tasks": [{"name": n, "kind": k, "labels": [{"name": lb} for lb in labels]}
                  for n, (k, labels) in tasks.items()],
    })  # fmt: skip
    publish(ws, schema)
    return schema.ref


def run(ws: Workspace, path: Path, fmt: str, **kw: Any) -> AnnotationImportReport:
    return import_annotations(ws, path, AnnotationImportOptions(format=fmt, workers=1, **kw))


def revisions(ws: Workspace) -> list[dict[str, Any]]:
    """Every annotation.revised event: item name, actor, annotations (sorted by item name)."""
    return _events(ws, "annotation.revised")


def prelabels(ws: Workspace, type_: str = "prelabel.made") -> list[dict[str, Any]]:
    return _events(ws, type_)


def _events(ws: Workspace, type_: str) -> list[dict[str, Any]]:
    conn: sqlite3.Connection = ws.reader()
    rows = conn.execute(
        """SELECT i.name, e.body FROM events e JOIN items i ON i.id = e.subject_item
           WHERE e.type = ? ORDER BY i.name, e.seq""",
        (type_,),
    ).fetchall()
    out = []
    for name, body in rows:
        event = json.loads(body)
        out.append({"item": name, "actor": event["actor"], "payload": event["payload"],
                    "agent": event["agent"], "base": event["base"],
                    "schema_ref": event["schema_ref"]})  # fmt: skip
    return out


def item_names(ws: Workspace) -> list[str]:
    return [r[0] for r in ws.reader().execute("SELECT name FROM items ORDER BY name")]


def sources(ws: Workspace) -> list[str]:
    return sorted({r[0] for r in ws.reader().execute("SELECT source FROM item_sources")})


def shapes(revision: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(kind, label, shape as JSON) of each annotation, sorted: what a user compares."""
    return sorted(
        (a["kind"], a["label"], json.dumps(a["shape"], sort_keys=True))
        for a in revision["payload"]["annotations"]
    )
