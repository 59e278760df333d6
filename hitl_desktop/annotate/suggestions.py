"""Pre-labels and OCR lines as suggestions: annotations whose origin names the model event.

A suggestion is shown apart from the worker's annotations until accepted. Events already
named in the ancestry of the revision being edited were dealt with (accepted or replaced)
and are not suggested again.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from ..lineage import Event
from .annotation import Annotation, Origin
from .errors import AnnotateError
from .shapes import Box, Classification, OcrLine, Span

OCR_LINE_LABEL = "line"


@dataclass
class Suggestions:
    annotations: list[Annotation] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    size: tuple[int, int] | None = None  # the page size an OCR run read
    schema_refs: set[str] = field(default_factory=set)  # label sets the pre-labels follow


def _model_of(event: Event) -> str:
    if event.type == "prelabel.made":
        return str(event.payload["model_id"])
    if event.actor.startswith("model:"):
        return event.actor.removeprefix("model:")
    return f"{event.agent.name}@{event.agent.version}" if event.agent else event.actor


def from_event(event: Event, *, text_length: int | None = None) -> Suggestions:
    """The suggestions one ``prelabel.made`` or ``ocr.ran`` event makes."""
    out = Suggestions()
    model = _model_of(event)
    p = event.payload

    def origin(kind: str, score: float | None) -> Origin:
        return Origin(kind, event.hash, model, score)  # type: ignore[arg-type]

    def keep(make: Any, what: str) -> None:
        try:
            out.annotations.append(make())
        except AnnotateError as exc:
            out.problems.append(f"{what} from {model} (event {event.hash[:12]}) skipped: {exc}")

    if event.type == "ocr.ran":
        out.size = (int(p["width"]), int(p["height"]))
        for i, ln in enumerate(p["lines"]):
            keep(lambda ln=ln, i=i: Annotation(
                OcrLine(tuple(map(tuple, ln["quad"])), ln["text"], i),  # type: ignore[arg-type]
                OCR_LINE_LABEL, origin=origin("ocr", ln["score"])), f"OCR line {i}")  # fmt: skip
        return out
    for i, b in enumerate(p.get("boxes") or []):
        keep(lambda b=b: Annotation(Box(b["x0"], b["y0"], b["x1"], b["y1"]), b["label"],
                                    origin=origin("prelabel", b["score"])), f"box {i}")  # fmt: skip
    for i, s in enumerate(p.get("spans") or []):

        def span(s: dict[str, Any] = s) -> Annotation:
            shape = Span(s["start"], s["end"])
            if text_length is not None:
                shape.check_text(text_length)
            return Annotation(shape, s["label"], origin=origin("prelabel", s["score"]))

        keep(span, f"span {i}")
    labels = p.get("labels") or []
    if labels:
        best = max(labels, key=lambda ls: ls["score"])
        keep(lambda: Annotation(Classification((best["label"],)),
                                origin=origin("prelabel", best["score"])), "class")  # fmt: skip
    return out


def latest_events(conn: sqlite3.Connection, item_id: str) -> list[Event]:
    """The item's latest full OCR run and latest pre-label of each model."""
    rows = conn.execute(
        """SELECT e.hash, e.body, e.sig FROM events e WHERE e.hash IN (
               SELECT run_hash FROM ocr_latest WHERE item_id = ?1
               UNION SELECT hash FROM prelabel_latest WHERE item_id = ?1)
           ORDER BY e.hash""",
        (item_id,),
    ).fetchall()
    return [Event.from_body(h, body, sig) for h, body, sig in rows]


def pending(
    conn: sqlite3.Connection, item_id: str, dealt_with: Collection[str], *,
    text_length: int | None = None,
) -> Suggestions:  # fmt: skip
    """Suggestions from the latest model events the item's revisions have not yet replaced."""
    out = Suggestions()
    for event in latest_events(conn, item_id):
        if event.hash in dealt_with:
            continue
        found = from_event(event, text_length=text_length)
        out.annotations += found.annotations
        out.problems += found.problems
        out.size = out.size or found.size
        if event.schema_ref:
            out.schema_refs.add(event.schema_ref)
    return out
