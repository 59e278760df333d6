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
