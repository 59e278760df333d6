"""Real workspaces for the export tests: a FUNSD form page with its entity boxes (plus a
polygon and a face region flagged for redaction) and a short text with spans and a class
label, annotated by a worker and adjudicated by a checker."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from hitl_desktop.annotate.annotation import Annotation, annotations_to_json
from hitl_desktop.annotate.shapes import Box, Classification, OcrLine, Polygon, Span
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.lineage import EventDraft, Subject
from hitl_desktop.review.decide import decide
from hitl_desktop.schema.model import parse_schema
from hitl_desktop.schema.publish import publish
from hitl_desktop.workspace import Profile, Workspace
from hitl_desktop.workspace.queries import ItemFilter, page_items

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
FUNSD_PAGE = DATA / "funsd" / "images" / "0000971160.png"
FUNSD_JSON = DATA / "funsd" / "annotations" / "0000971160.json"
TEXT = "Alice Martin flew from Paris to Berlin on Monday.\nThe invoice total is 42 EUR."
# (start, end, label) in code points of TEXT
SPANS = [(0, 12, "PERSON"), (23, 28, "PLACE"), (32, 38, "PLACE")]
FACE = (20.0, 20.0, 120.0, 120.0)  # a region flagged for redaction (label "face")

SCHEMA = {
    "name": "forms",
    "version": 1,
    "tasks": [
        {"name": "entities", "kind": "boxes", "labels": [
            {"name": "header"}, {"name": "question"}, {"name": "answer"}, {"name": "other"},
            {"name": "face"}]},
        {"name": "areas", "kind": "polygons", "labels": [{"name": "stamp"}]},
        {"name": "lines", "kind": "transcription", "labels": [{"name": "line"}]},
        {"name": "ner", "kind": "spans", "labels": [{"name": "PERSON"}, {"name": "PLACE"}]},
        {"name": "topic", "kind": "classification_single", "labels": [
            {"name": "travel"}, {"name": "billing"}]},
    ],
}  # fmt: skip


def funsd_boxes() -> list[tuple[list[float], str, str]]:
    form = json.loads(FUNSD_JSON.read_text(encoding="utf-8"))["form"]
    return [(e["box"], e["label"], e["text"]) for e in form
            if e["box"][2] > e["box"][0] and e["box"][3] > e["box"][1]]  # fmt: skip


@dataclass
class Built:
    ws: Workspace
    page: str  # item ids
    text: str
    boxes: int  # entity boxes on the page (FUNSD)
    lines: int


def _save(ws: Workspace, item: str, anns: list[Annotation], actor: str) -> str:
    draft = EventDraft(
        type="annotation.revised", payload={"annotations": annotations_to_json(anns),
                                            "note": ""},
        actor=actor, role="worker", subject=Subject(item), schema_ref="forms@1",
    )  # fmt: skip
    [event] = ws.append([draft])
    return event.hash


def page_annotations(with_lines: bool = True) -> list[Annotation]:
    anns = [Annotation(Box(*box), label) for box, label, _text in funsd_boxes()]  # type: ignore[misc]
    anns.append(Annotation(Polygon(((500.0, 40.0), (620.0, 60.0), (560.0, 140.0))), "stamp"))
    anns.append(Annotation(Box(*FACE), "face"))
    if with_lines:
        for n, (box, _label, text) in enumerate(funsd_boxes()[:12]):
            x0, y0, x1, y1 = box
            quad = ((x0, y0), (x1, y0), (x1, y1), (x0, y1))
            anns.append(Annotation(OcrLine(quad, text or "", n), "line"))
    return anns


def text_annotations() -> list[Annotation]:
    anns = [Annotation(Span(s, e), label) for s, e, label in SPANS]
    anns.append(Annotation(Classification(("travel",))))
    return anns


def build(tmp: Path, *, adjudicate: bool = True) -> Built:
    if not FUNSD_PAGE.exists():
        pytest.skip(f"FUNSD data not found at {FUNSD_PAGE}")
    ws = Workspace.create(tmp / "ws", name="Export tests", profile=Profile("erin", "expert"))
    publish(ws, parse_schema(SCHEMA))
    note = tmp / "trip.txt"
    note.write_text(TEXT, encoding="utf-8")
    import_paths(ws, [FUNSD_PAGE, note], ImportOptions(workers=1, source="export-tests"))
    ids = {r.name: r.id for r in page_items(ws.reader(), ItemFilter(), 0, 100)}
    page, text = ids[FUNSD_PAGE.name], ids[note.name]
    anns = page_annotations()
    suggestion = {"model_id": "tiny-ner@0123456789ab", "labels": [
        {"label": "travel", "score": 0.81}, {"label": "billing", "score": 0.19}],
        "spans": [{"start": 23, "end": 28, "label": "PLACE", "score": 0.66}]}  # fmt: skip
    ws.append([ws.draft("prelabel.made", suggestion, subject=Subject(text),
                        actor="model:tiny-ner@0123456789ab")])  # fmt: skip
    _save(ws, page, anns, "wendy")
    _save(ws, text, text_annotations(), "wendy")
    if adjudicate:
        ws.set_profile(Profile("carl", "checker"))
        for item in (page, text):
            decide(ws, item, "accept", chosen=["wendy"])
        ws.set_profile(Profile("erin", "expert"))
    lines = sum(1 for a in anns if a.kind == "ocr_line")
    return Built(ws, page, text, len(funsd_boxes()), lines)
