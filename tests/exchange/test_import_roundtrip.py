"""Round trips: what the exporters write, the importers read back as the same annotations.

Format limits (what a round trip cannot keep): COCO holds boxes and polygons only (OCR lines,
spans and classes stay behind); annotation ids, attributes and origins are not carried;
coordinates come back as the file wrote them.
"""

from __future__ import annotations

import json
from pathlib import Path

from hitl_desktop.exchange.export import export
from hitl_desktop.exchange.model import ExportOptions
from hitl_desktop.schema import parse_schema, publish
from hitl_desktop.workspace import Profile, Workspace

from .export_helpers import SCHEMA, build, page_annotations
from .import_helpers import revisions, run


def _regions(anns: list[dict]) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    """(label, geometry) of the boxes and polygons, sorted, floats as the JSON reader sees them."""
    return sorted(
        (a["label"], json.dumps({k: v for k, v in a["shape"].items()}, sort_keys=True))
        for a in json.loads(json.dumps(anns))
        if a["kind"] in ("box", "polygon")
    )


def test_coco_export_then_import_gives_the_same_regions(tmp_path: Path) -> None:
    b = build(tmp_path)
    out = tmp_path / "coco"
    export(b.ws, "coco", out, ExportOptions(revisions="adjudicated"))
    b.ws.close()
    ws = Workspace.create(tmp_path / "fresh", name="Round trip", profile=Profile("ivy", "admin"))
    try:
        publish(ws, parse_schema(SCHEMA))
        report = run(ws, out / "annotations" / "instances_all.json", "coco", annotator="wendy")
        assert report.ok, report.errors
        [rev] = revisions(ws)
        assert rev["actor"] == "wendy" and rev["schema_ref"] == "forms@1"
        original = [a.to_json() for a in page_annotations()]
        got = rev["payload"]["annotations"]
        assert len(_regions(original)) == b.boxes + 2  # the FUNSD boxes, a polygon, a face
        # canonical JSON keeps 318.0 as 318: compare as numbers
        assert [(lb, json.loads(g)) for lb, g in _regions(got)] == [
            (lb, json.loads(g)) for lb, g in _regions(original)]  # fmt: skip
        assert {a["kind"] for a in got} == {"box", "polygon"}  # boxes stay boxes
        # the same export imported again adds nothing
        assert run(ws, out / "annotations" / "instances_all.json", "coco",
                   annotator="wendy").counts() == {"already imported": 1}  # fmt: skip
    finally:
        ws.close()


def _fresh(tmp_path: Path) -> Workspace:
    ws = Workspace.create(tmp_path / "fresh", name="Round trip", profile=Profile("ivy", "admin"))
    publish(ws, parse_schema(SCHEMA))
    return ws


def _close(xs: list[tuple[str, str]], ys: list[tuple[str, str]], tol: float) -> bool:
    """Same labels and shapes, coordinates within ``tol`` pixels (text formats round)."""

    def flat(v: object) -> list[float]:
        if isinstance(v, dict):
            return [x for k in sorted(v) for x in flat(v[k])]
        if isinstance(v, list):
            return [x for item in v for x in flat(item)]
        return [float(v)] if isinstance(v, int | float) else []

    return len(xs) == len(ys) and all(
        la == lb and all(abs(p - q) <= tol for p, q in zip(flat(json.loads(a)), flat(json.loads(b)), strict=True))
        for (la, a), (lb, b) in zip(xs, ys, strict=True)
    )  # fmt: skip


def test_yolo_export_then_import_gives_the_same_regions(tmp_path: Path) -> None:
    """YOLO limits: fractions with 6 decimals (within 0.01 px here); no annotator; with a
    polygon present the dataset is YOLO-seg (boxes written as 4 corners), and they come back
    as boxes because the schema has their labels for boxes only."""
    b = build(tmp_path)
    export(b.ws, "yolo", tmp_path / "yolo", ExportOptions(revisions="adjudicated"))
    b.ws.close()
    ws = _fresh(tmp_path)
    try:
        report = run(ws, tmp_path / "yolo" / "data.yaml", "yolo", annotator="wendy")
        assert report.ok, report.errors
        [rev] = revisions(ws)
        got = rev["payload"]["annotations"]
        original = [a.to_json() for a in page_annotations()]
        assert {a["kind"] for a in got} == {"box", "polygon"}
        assert _close(_regions(got), _regions(original), tol=0.01)
    finally:
        ws.close()


def test_labelstudio_export_then_import_keeps_annotator_regions_and_lines(tmp_path: Path) -> None:
    """Label Studio limits: percentages (within 0.001 px here); text tasks are not imported;
    OCR lines come back as lines of their quads with their text."""
    b = build(tmp_path, adjudicate=False)
    export(b.ws, "labelstudio", tmp_path / "ls", ExportOptions(revisions="latest"))
    b.ws.close()
    ws = _fresh(tmp_path)
    try:
        tasks = tmp_path / "ls" / "image_tasks.json"
        report = run(ws, tasks, "labelstudio")
        assert report.ok, report.errors
        [rev] = revisions(ws)
        assert rev["actor"] == "wendy"  # completed_by kept
        got = rev["payload"]["annotations"]
        original = [a.to_json() for a in page_annotations()]
        assert _close(_regions(got), _regions(original), tol=0.001)
        lines = sorted(
            (a["shape"]["order"], a["shape"]["text"]) for a in got if a["kind"] == "ocr_line"
        )
        assert lines == sorted((a["shape"]["order"], a["shape"]["text"])
                               for a in original if a["kind"] == "ocr_line")  # fmt: skip
    finally:
        ws.close()


def test_paddleocr_export_then_import_gives_the_same_lines(tmp_path: Path) -> None:
    """PaddleOCR limits: only OCR lines (boxes and polygons stay behind)."""
    b = build(tmp_path)
    export(b.ws, "paddleocr", tmp_path / "ppocr", ExportOptions(revisions="adjudicated"))
    b.ws.close()
    ws = _fresh(tmp_path)
    try:
        report = run(ws, tmp_path / "ppocr" / "Label.txt", "paddle", annotator="wendy")
        assert report.ok, report.errors
        [rev] = revisions(ws)
        got = [(a["shape"]["text"], a["shape"]["quad"]) for a in rev["payload"]["annotations"]]
        original = [(a.shape.text, [list(p) for p in a.shape.quad])  # type: ignore[union-attr]
                    for a in page_annotations() if a.kind == "ocr_line"]  # fmt: skip
        assert got == original
    finally:
        ws.close()
