"""A known item history on a real workspace, for the provenance tests (core and GUI).

Two real FUNSD pages saved as one multi-page TIFF are imported (the file and a page item each);
page 1 then gets an OCR reading and a pre-label, a worker corrects it, a checker accepts it.
The OCR and pre-label events are appended the way the runners append them (same drafts, same
agent and actor), with FUNSD's own words standing in for a slow real OCR run.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from hitl_desktop.annotate import commands, open_document, save
from hitl_desktop.annotate.shapes import OcrLine
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.lineage import Agent, Ref, Subject
from hitl_desktop.ocr import EngineInfo
from hitl_desktop.ocr.engine import OcrLine as ReadLine
from hitl_desktop.ocr.run import PageRead, page_draft
from hitl_desktop.review.decide import decide
from hitl_desktop.workspace import Profile, Workspace
from hitl_desktop.workspace.queries import ItemFilter, ItemRow, page_items

DATA = Path(__file__).parents[2].parent / "shared" / "data" / "funsd"
PAGES = ("0000971160", "0001209043")
WORKER = Profile("أمينة", "worker")  # a right-to-left name
CHECKER = Profile("Ωmar 陈", "checker")  # a name in two scripts: labels must keep it whole
ENGINE = EngineInfo("rapidocr", "3.10.0", "cpu", {"det.onnx": "a" * 64, "rec.onnx": "b" * 64},
                    {"use_cls": False})  # fmt: skip
MODEL_ID = "layout-boxes@0123456789ab"


@dataclass(frozen=True)
class History:
    tiff: str  # item id of the imported file
    page: str  # item id of page 1
    other_page: str
    imported: str  # event hashes
    derived: str
    ocr: str
    prelabel: str
    revision: str
    decision: str


def funsd_tiff(folder: Path) -> Path:
    images = [DATA / "images" / f"{p}.png" for p in PAGES]
    if not all(p.exists() for p in images):
        pytest.skip(f"FUNSD pages not found under {DATA}")
    frames = [Image.open(p).convert("L") for p in images]
    path = folder / "forms scan.tiff"
    frames[0].save(path, save_all=True, append_images=frames[1:], compression="tiff_lzw")
    return path


def _funsd_lines(n: int) -> list[ReadLine]:
    form = json.loads((DATA / "annotations" / f"{PAGES[0]}.json").read_text("utf-8"))["form"]
    words = [e for e in form if e["text"].strip() and e["box"][2] > e["box"][0]][:n]
    return [ReadLine.make([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], e["text"], 0.9)
            for e in words for x0, y0, x1, y1 in [e["box"]]]  # fmt: skip


def build_history(ws: Workspace, folder: Path) -> History:
    tiff = funsd_tiff(folder)
    import_paths(ws, [tiff], ImportOptions(workers=1, source="funsd-scans", collector="Lab team",
                                           licence="CC BY-NC-SA 4.0", thumbnails=False))  # fmt: skip
    rows: list[ItemRow] = page_items(ws.reader(), ItemFilter(), 0, 10)
    pages = sorted((r for r in rows if r.parent_id), key=lambda r: r.name)
    parent = next(r for r in rows if r.parent_id is None)
    page = pages[0]
    conn = ws.reader()
    imported = conn.execute("SELECT hash FROM events WHERE type = 'item.imported'").fetchone()[0]
    derived = conn.execute(
        "SELECT hash FROM events WHERE type = 'item.derived' AND subject_item = ?", (page.id,)
    ).fetchone()[0]
    lines = _funsd_lines(3)
    [ocr] = ws.append([page_draft(ws, ENGINE, page, PageRead(762, 1000, lines, ENGINE))])
    box = {"x0": 80.0, "y0": 60.0, "x1": 300.0, "y1": 90.0, "label": "header", "score": 0.83}
    [pre] = ws.append([ws.draft(
        "prelabel.made", {"model_id": MODEL_ID, "image_sha256": page.blob_sha256, "boxes": [box]},
        subject=Subject(page.id), actor=f"model:{MODEL_ID}",
        agent=Agent("layout-boxes", "1.2", "c" * 64, {"threshold": 0.5}, "cpu"),
        inputs=[Ref("item", page.id, page.blob_sha256), Ref("model", MODEL_ID, "c" * 64)],
    )])  # fmt: skip
    ws.set_profile(WORKER)
    doc = open_document(ws, page.id)
    doc.push(commands.accept_suggestions(doc))
    first = next(a for a in doc.annotations if isinstance(a.shape, OcrLine))
    doc.push(commands.edit_transcription(doc, first.id, first.shape.text + " (fixed)"))
    revision = save(ws, doc)
    assert revision is not None
    ws.set_profile(CHECKER)
    decision = decide(ws, page.id, "accept", chosen=[revision.hash])
    return History(parent.id, page.id, pages[1].id, imported, derived, ocr.hash, pre.hash,
                   revision.hash, decision.hash)  # fmt: skip


def export_reviewed(ws: Workspace, folder: Path) -> str:
    """Export the reviewed answers as COCO (labels only), as `hitl export` does; the event's
    hash."""
    from hitl_desktop.exchange.export import export
    from hitl_desktop.exchange.model import ExportOptions

    ws.set_profile(Profile("lee", "admin"))
    return export(ws, "coco", folder, ExportOptions(images=False)).event_hash
