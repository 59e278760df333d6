"""COCO export read by pycocotools: the real FUNSD boxes come back, COCOeval of the export
against itself gives AP 1.0, and revision choice, retirement and the split behave."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from hitl_desktop.exchange.export import export
from hitl_desktop.exchange.model import ExportError, ExportOptions
from hitl_desktop.lineage import Subject
from hitl_desktop.lineage.payloads import ItemRetired

from .export_helpers import FACE, build

pycocotools_coco = pytest.importorskip("pycocotools.coco")
from pycocotools.cocoeval import COCOeval  # noqa: E402


def test_coco_export_loads_in_pycocotools_and_scores_ap_1(tmp_path: Path) -> None:
    b = build(tmp_path)
    out = tmp_path / "coco"
    result = export(b.ws, "coco", out, ExportOptions(revisions="adjudicated"))
    ann_file = out / "annotations" / "instances_all.json"
    gt = pycocotools_coco.COCO(str(ann_file))
    assert len(gt.getImgIds()) == 1
    img = gt.loadImgs(gt.getImgIds())[0]
    assert (out / img["file_name"]).is_file()
    with Image.open(out / img["file_name"]) as im:
        assert (im.width, im.height) == (img["width"], img["height"])
    names = [c["name"] for c in gt.loadCats(gt.getCatIds())]
    assert names[:5] == ["header", "question", "answer", "other", "face"]  # schema order
    assert "stamp" in names
    # every FUNSD entity box, the polygon and the face region; OCR lines are not COCO's
    assert len(gt.getAnnIds()) == b.boxes + 2
    assert result.counts["written:not_in_format:ocr_line"] == b.lines
    dets = [dict(a, score=1.0) for a in gt.loadAnns(gt.getAnnIds())]
    ev = COCOeval(gt, gt.loadRes(dets), "bbox")
    ev.evaluate()
    ev.accumulate()
    ev.summarize()
    assert ev.stats[0] == pytest.approx(1.0)  # AP@[.5:.95]
    seg = COCOeval(gt, gt.loadRes(dets), "segm")
    seg.evaluate()
    seg.accumulate()
    seg.summarize()
    assert seg.stats[0] == pytest.approx(1.0)
    b.ws.close()


def test_latest_and_adjudicated_differ_and_retired_items_stay_out(tmp_path: Path) -> None:
    b = build(tmp_path, adjudicate=False)
    with pytest.raises(ExportError, match="nothing to export"):
        export(b.ws, "coco", tmp_path / "none", ExportOptions(revisions="adjudicated"))
    assert not (tmp_path / "none").exists()
    export(b.ws, "coco", tmp_path / "latest", ExportOptions(revisions="latest"))
    doc = json.loads((tmp_path / "latest/annotations/instances_all.json").read_text())
    assert len(doc["images"]) == 1
    export(b.ws, "coco", tmp_path / "wendy",
           ExportOptions(revisions="annotator:wendy", schema="forms@1"))  # fmt: skip
    with pytest.raises(ExportError, match="no published schema forms v9"):
        export(b.ws, "coco", tmp_path / "v9", ExportOptions(revisions="latest", schema="forms@9"))
    with pytest.raises(ExportError, match="wendy"):
        export(b.ws, "coco", tmp_path / "x", ExportOptions(revisions="annotator:nobody"))
    b.ws.append([b.ws.draft("item.retired", ItemRetired(reason="blurry"),
                            subject=Subject(b.page))])  # fmt: skip
    with pytest.raises(ExportError, match="1 retired, 1 not_coco_items"):
        export(b.ws, "coco", tmp_path / "r", ExportOptions(revisions="latest"))
    export(b.ws, "coco", tmp_path / "r2", ExportOptions(revisions="latest", include_retired=True))
    assert (tmp_path / "r2/annotations/instances_all.json").is_file()
    with pytest.raises(ExportError, match="not empty"):
        export(b.ws, "coco", tmp_path / "r2", ExportOptions(revisions="latest"))
    b.ws.close()


def test_redaction_blurs_the_flagged_region_only(tmp_path: Path) -> None:
    b = build(tmp_path)
    export(b.ws, "coco", tmp_path / "plain", ExportOptions())
    result = export(b.ws, "coco", tmp_path / "red", ExportOptions(redact=True))
    assert result.counts["written:redacted_regions"] == 1
    [plain] = (tmp_path / "plain/images").iterdir()
    [red] = (tmp_path / "red/images").iterdir()
    a = np.asarray(Image.open(plain).convert("L"), dtype=np.int16)
    r = np.asarray(Image.open(red).convert("L"), dtype=np.int16)
    x0, y0, x1, y1 = (int(v) for v in FACE)
    inside = np.abs(a[y0:y1, x0:x1] - r[y0:y1, x0:x1])
    assert inside.mean() > 2  # the form's text in that corner is smeared
    outside = np.abs(a[y1 + 20 :, :] - r[y1 + 20 :, :])
    assert outside.max() == 0
    b.ws.close()


def test_a_pdf_page_is_exported_as_its_rendered_image(tmp_path: Path) -> None:
    from hitl_desktop.annotate.annotation import Annotation
    from hitl_desktop.annotate.shapes import Box
    from hitl_desktop.ingest import ImportOptions, import_paths
    from hitl_desktop.workspace import Workspace
    from hitl_desktop.workspace.queries import ItemFilter, page_items

    from .export_helpers import FUNSD_PAGE, _save

    pdf = tmp_path / "form.pdf"
    with Image.open(FUNSD_PAGE) as im:
        im.convert("RGB").save(pdf, resolution=72.0)
    ws = Workspace.create(tmp_path / "ws", name="pdf")
    import_paths(ws, [pdf], ImportOptions(workers=1, dpi=72))
    [page] = [r for r in page_items(ws.reader(), ItemFilter(), 0, 10) if r.kind == "scan_page"]
    _save(ws, page.id, [Annotation(Box(10.0, 10.0, 200.0, 60.0), "header")], "wendy")
    export(ws, "coco", tmp_path / "out", ExportOptions(revisions="latest"))
    doc = json.loads((tmp_path / "out/annotations/instances_all.json").read_text())
    [img] = doc["images"]
    assert img["file_name"].endswith("form.pdf_p1.png")
    with Image.open(tmp_path / "out" / img["file_name"]) as im:
        assert im.format == "PNG" and (im.width, im.height) == (img["width"], img["height"])
    assert doc["annotations"][0]["bbox"] == [10.0, 10.0, 190.0, 50.0]
    ws.close()
