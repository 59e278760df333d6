"""Imported annotations as pre-labels: suggestions a person accepts, edits or rejects.

Boxes, polygons (as their bounding box) and classes become ``prelabel.made``; OCR lines
become an ``ocr.ran`` reading. The score is the file's when it has one (Label Studio
predictions, COCO results, YOLO confidences), else 1.0. Points have no pre-label form.
"""

from __future__ import annotations

import sqlite3
from typing import Any

import orjson

from ...annotate import Box, Classification, OcrLine, Polygon
from ...lineage import Agent, EventDraft, Ref, Subject
from ...lineage.payloads import (
    BoxPayload,
    LabelScore,
    OcrLinePayload,
    OcrRan,
    PrelabelMade,
)  # fmt: skip
from ...workspace import Workspace
from .check import Checked, CheckedGroup


def prelabel_problems(c: Checked, as_prelabels: bool) -> list[str]:
    """Annotations of ``c`` that would become pre-labels but have no pre-label form."""
    return [
        f"{f.where}: a point cannot be a pre-label (import it as annotations instead)"
        for g in c.groups
        if g.group.prediction or as_prelabels
        for f in g.found
        if f.kind == "point"
    ]


def model_id(fmt: str, file_name: str, version: str) -> str:
    """Label Studio predictions keep their model version; other files name the import."""
    return f"{fmt}:{version}" if version else f"import:{fmt}:{file_name}"


def prelabel_drafts(
    ws: Workspace, conn: sqlite3.Connection, c: Checked, g: CheckedGroup, item_id: str,
    blob: str, fmt: str, file_name: str, agent: Agent, schema_ref: str | None,
) -> list[EventDraft]:  # fmt: skip
    mid = model_id(fmt, file_name, g.group.model_version)
    default = g.group.score if g.group.score is not None and 0 <= g.group.score <= 1 else 1.0
    boxes: list[BoxPayload] = []
    labels: list[LabelScore] = []
    lines: list[OcrLinePayload] = []
    for ann, found in zip(g.annotations, g.found, strict=False):
        score = found.score if found.score is not None and 0 <= found.score <= 1 else default
        shape = ann.shape
        if isinstance(shape, OcrLine):
            lines.append(OcrLinePayload(quad=[list(p) for p in shape.quad], text=shape.text,
                                        score=score))  # fmt: skip
        elif isinstance(shape, Classification):
            labels += [LabelScore(label=x, score=score) for x in shape.labels]
        elif isinstance(shape, Box | Polygon):
            xs, ys = zip(*shape.vertices(), strict=True)
            boxes.append(BoxPayload(x0=min(xs), y0=min(ys), x1=max(xs), y1=max(ys),
                                    label=ann.label, score=score))  # fmt: skip
    labels.sort(key=lambda ls: -ls.score)
    inputs = (Ref("item", item_id, blob),)
    out: list[EventDraft] = []
    if boxes or labels:
        payload = PrelabelMade(model_id=mid, image_sha256=blob, labels=labels, boxes=boxes)
        if not _same(
            conn, "prelabel.made", item_id, f"model:{mid}", payload.model_dump(mode="json")
        ):
            out.append(ws.draft("prelabel.made", payload, subject=Subject(item_id), agent=agent,
                                actor=f"model:{mid}", inputs=inputs, schema_ref=schema_ref))  # fmt: skip
    if lines:
        run = OcrRan(image_sha256=blob, width=c.width, height=c.height, lines=lines)
        if not _same(conn, "ocr.ran", item_id, f"model:{mid}", run.model_dump(mode="json")):
            out.append(ws.draft("ocr.ran", run, subject=Subject(item_id), agent=agent,
                                actor=f"model:{mid}", inputs=inputs))  # fmt: skip
    return out


def _same(conn: sqlite3.Connection, type_: str, item_id: str, actor: str,
          payload: dict[str, Any]) -> bool:  # fmt: skip
    """Whether the same model already made exactly this suggestion for the item."""
    rows = conn.execute(
        "SELECT body FROM events WHERE subject_item = ? AND type = ?", (item_id, type_)
    )
    for (body,) in rows:
        event = orjson.loads(body)
        if event["actor"] == actor and event["payload"] == payload:
            return True
    return False
