"""JSON Lines: one item a line, for text classification and span (NER) trainers.

Each line: ``id``, ``name``, ``split``, ``text`` (text items) or ``image`` (the file),
``labels`` (class labels), ``spans`` (``start``/``end`` code points of the NFC text,
``label`` and the covered ``text``), ``annotator`` and ``revision``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson

from .context import Context
from .model import SPLITS, ExportItem

TAKES = ("image", "scan_page", "text")


def image_folder(ctx: Context, item: ExportItem) -> str:
    return ctx.folder("images", item)


def record(item: ExportItem) -> dict[str, Any]:
    labels: list[str] = []
    spans = []
    for a in item.annotations:
        s = a.get("shape") or {}
        if a.get("kind") == "classification":
            labels += [x for x in s["labels"] if x not in labels]
        elif a.get("kind") == "span":
            covered = item.text[s["start"] : s["end"]] if item.text is not None else ""
            spans.append({"start": s["start"], "end": s["end"], "label": a["label"],
                          "text": covered})  # fmt: skip
    spans.sort(key=lambda x: (x["start"], x["end"], x["label"]))
    out: dict[str, Any] = {"id": item.id, "name": item.name, "split": item.split}
    if item.is_image:
        out["image"] = item.file
    else:
        out["text"] = item.text or ""
    out.update(labels=labels, spans=spans, annotator=item.actor, revision=item.revision)
    return out


def write(items: Sequence[ExportItem], ctx: Context) -> None:
    rows: dict[str, list[bytes]] = {}
    for n, item in enumerate(items, 1):
        ctx.tick(n, len(items))
        rec = record(item)
        if not rec["labels"] and not rec["spans"] and item.is_image:
            continue  # an image with regions only: not this format's
        ctx.count("annotations", len(rec["labels"]) + len(rec["spans"]))
        rows.setdefault(item.split or "all", []).append(orjson.dumps(rec))
    for split in (*SPLITS, "all"):
        if split in rows:
            (ctx.root / f"{split}.jsonl").write_bytes(b"".join(r + b"\n" for r in rows[split]))
