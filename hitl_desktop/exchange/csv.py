"""CSV: one annotation a row (RFC 4180, UTF-8), for spreadsheets and quick scripts.

Columns: item, name, split, file, annotator, revision, annotation, kind, label, x0, y0, x1,
y1 (boxes; the bounding box of polygons and lines), points (JSON, polygons and lines),
start, end (spans), text (a line's transcription or a span's text), labels (class labels,
``|``-separated), attributes (JSON).
"""

from __future__ import annotations

import csv as _csv
import json
from collections.abc import Sequence
from typing import Any

from .context import Context
from .model import ExportItem

TAKES = ("image", "scan_page", "text")
COLUMNS = ("item", "name", "split", "file", "annotator", "revision", "annotation", "kind",
           "label", "x0", "y0", "x1", "y1", "points", "start", "end", "text", "labels",
           "attributes")  # fmt: skip


def image_folder(ctx: Context, item: ExportItem) -> str:
    return ctx.folder("images", item)


def row(item: ExportItem, a: dict[str, Any]) -> dict[str, Any]:
    s, kind = a.get("shape") or {}, a.get("kind")
    r: dict[str, Any] = {"item": item.id, "name": item.name, "split": item.split,
                         "file": item.file, "annotator": item.actor, "revision": item.revision,
                         "annotation": a.get("id", ""), "kind": kind, "label": a.get("label", ""),
                         "attributes": json.dumps(a.get("attributes") or {}, ensure_ascii=False,
                                                  sort_keys=True)}  # fmt: skip
    pts = s.get("points") or s.get("quad")
    if kind == "box":
        r.update(x0=s["x0"], y0=s["y0"], x1=s["x1"], y1=s["y1"])
    elif pts:
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        r.update(x0=min(xs), y0=min(ys), x1=max(xs), y1=max(ys), points=json.dumps(pts))
    if kind == "ocr_line":
        r["text"] = s.get("text", "")
    elif kind == "span":
        r.update(start=s["start"], end=s["end"])
        if item.text is not None:
            r["text"] = item.text[s["start"] : s["end"]]
    elif kind == "classification":
        r["labels"] = "|".join(s["labels"])
    return r


def write(items: Sequence[ExportItem], ctx: Context) -> None:
    with (ctx.root / "annotations.csv").open("w", encoding="utf-8", newline="") as f:
        w = _csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        for n, item in enumerate(items, 1):
            ctx.tick(n, len(items))
            for a in item.annotations:
                w.writerow(row(item, a))
                ctx.count("annotations")
