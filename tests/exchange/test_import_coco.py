"""COCO importer: hand-written files per the COCO format docs, real FUNSD boxes, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from hitl_desktop.exchange.importers import AnnotationImportError

from .import_helpers import (
    SHARED_DATA,
    item_names,
    make_image,
    prelabels,
    publish_schema,
    revisions,
    run,
    shapes,
    sources,
    write_json,
)  # fmt: skip


def _coco(tmp_path: Path) -> Path:
    """Two images: boxes (bbox = x, y, width, height) and a polygon segmentation."""
    make_image(tmp_path / "images" / "a.png", 200, 100, seed=1)
    make_image(tmp_path / "images" / "b.png", 120, 80, seed=2)
    return write_json(tmp_path / "instances.json", {
        "info": {"description": "hand-written"},
        "images": [{"id": 1, "file_name": "a.png", "width": 200, "height": 100},
                   {"id": 2, "file_name": "b.png", "width": 120, "height": 80}],
        "categories": [{"id": 1, "name": "cat", "supercategory": "animal"},
                       {"id": 2, "name": "dog", "supercategory": "animal"}],
        "annotations": [
            {"id": 10, "image_id": 1, "category_id": 1, "bbox": [10, 20, 30, 40], "area": 1200,
             "iscrowd": 0, "segmentation": []},
            {"id": 11, "image_id": 1, "category_id": 2, "bbox": [100.5, 0, 99.5, 100],
             "area": 9950, "iscrowd": 0},
            {"id": 12, "image_id": 2, "category_id": 2, "bbox": [10, 10, 50, 50], "area": 1250,
             "iscrowd": 0, "segmentation": [[10, 10, 60, 10, 35, 60]]},
        ],
    })  # fmt: skip


def test_boxes_and_polygons_come_in_with_their_images_and_provenance(workspace, tmp_path):
    workspace_ = workspace
    report = run(workspace_, _coco(tmp_path), "coco", annotator="alice")
    assert report.ok, report.errors
    assert report.counts() == {"imported": 2}
    assert item_names(workspace_) == ["a.png", "b.png"]
    assert sources(workspace_) == ["imported from COCO, instances.json"]
    a, b = revisions(workspace_)
    assert (a["actor"], b["actor"]) == ("alice", "alice")
    assert shapes(a) == sorted([
        ("box", "cat", json.dumps({"x0": 10, "x1": 40, "y0": 20, "y1": 60}, sort_keys=True)),
        ("box", "dog", json.dumps({"x0": 100.5, "x1": 200, "y0": 0, "y1": 100}, sort_keys=True)),
    ])  # fmt: skip
    assert [(k, lb) for k, lb, _ in shapes(b)] == [("polygon", "dog")]
    assert json.loads(shapes(b)[0][2]) == {"points": [[10, 10], [60, 10], [35, 60]]}
    assert a["agent"]["parameters"]["file"] == "instances.json"
    assert "imported from COCO, instances.json" in a["payload"]["note"]
    assert report.labels == {"cat": 1, "dog": 2}


def test_running_the_same_import_again_adds_nothing(workspace, tmp_path):
    path = _coco(tmp_path)
    run(workspace, path, "coco", annotator="alice")
    again = run(workspace, path, "coco", annotator="alice")
    assert again.counts() == {"already imported": 2}
    assert len(revisions(workspace)) == 2
    # another annotator's identical answer is their own revision (double annotation)
    run(workspace, path, "coco", annotator="bob")
    assert sorted(r["actor"] for r in revisions(workspace)) == ["alice", "alice", "bob", "bob"]


def test_as_prelabels_boxes_keep_scores_and_polygons_become_boxes(workspace, tmp_path):
    path = _coco(tmp_path)
    data = json.loads(path.read_text())
    data["annotations"][0]["score"] = 0.25
    write_json(path, data)
    report = run(workspace, path, "coco", as_prelabels=True)
    assert report.ok, report.errors
    assert revisions(workspace) == []
    a, b = prelabels(workspace)
    assert a["actor"] == "model:import:coco:instances.json"
    assert sorted((x["label"], x["score"]) for x in a["payload"]["boxes"]) == [
        ("cat", 0.25), ("dog", 1.0)]  # fmt: skip
    assert b["payload"]["boxes"] == [
        {"label": "dog", "score": 1.0, "x0": 10, "y0": 10, "x1": 60, "y1": 60}]  # fmt: skip


def test_labels_not_in_the_schema_stop_the_import_until_mapped(workspace, tmp_path):
    ref = publish_schema(workspace, {"objects": ("boxes", ["cat", "hound"]),
                                     "outlines": ("polygons", ["hound"])})  # fmt: skip
    path = _coco(tmp_path)
    stopped = run(workspace, path, "coco")
    assert stopped.stopped_for_labels
    assert stopped.unknown_labels == {"dog": 2}
    assert "dog (2)" in stopped.summary() and "--map" in stopped.summary()
    assert item_names(workspace) == [] and revisions(workspace) == []

    mapped = run(workspace, path, "coco", label_map={"dog": "hound"})
    assert mapped.ok and mapped.unknown_labels == {}
    assert {lb for r in revisions(workspace) for _, lb, _ in shapes(r)} == {"cat", "hound"}
    assert {r["schema_ref"] for r in revisions(workspace)} == {ref}


def test_unknown_labels_can_be_kept_knowingly_and_are_still_reported(workspace, tmp_path):
    publish_schema(workspace, {"objects": ("boxes", ["cat"])})
    report = run(workspace, _coco(tmp_path), "coco", keep_unknown_labels=True)
    assert report.ok
    assert report.unknown_labels == {"dog": 2}
    assert len(revisions(workspace)) == 2


def test_wrong_json_names_the_file_line_and_column(workspace, tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"images": [\n  {"id": 1,, "file_name": "a.png"}]}', encoding="utf-8")
    with pytest.raises(AnnotationImportError, match=r"broken\.json: not valid JSON.*line 2"):
        run(workspace, bad, "coco")
    assert item_names(workspace) == []


def test_wrong_encoding_is_refused_with_the_file_named(workspace, tmp_path):
    bad = tmp_path / "latin1.json"
    bad.write_bytes('{"images": [], "categories": [{"id": 1, "name": "chat noir é"}]}'
                    .encode("latin-1"))  # fmt: skip
    with pytest.raises(AnnotationImportError, match=r"latin1\.json: not UTF-8"):
        run(workspace, bad, "coco")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["annotations"][0].update(bbox=[150, 20, 80, 40]),
         r"image id 1 \(a\.png\): annotation id 10: point \(230, 60\) lies outside the 200 x 100"),
        (lambda d: d["annotations"][0].update(category_id=7),
         r"image id 1 \(a\.png\): annotation id 10: unknown category_id 7"),
        (lambda d: d["images"][0].update(file_name="missing.png"),
         r"image id 1 \(missing\.png\): image 'missing\.png' not found; give its folder"),
        (lambda d: d["images"][0].update(width=300),
         r"image id 1 \(a\.png\): the file says the image is 300 x 100 but .* is 200 x 100"),
        (lambda d: d["annotations"][0].update(segmentation={"counts": "xyz", "size": [100, 200]}),
         r"annotation id 10: RLE mask segmentations are not imported"),
        (lambda d: d["annotations"][0].update(bbox=[1, 2, "3", 4]),
         r"annotation id 10: needs a 'bbox' of 4 numbers"),
    ],
)  # fmt: skip
def test_a_bad_record_is_refused_whole_and_the_others_go_on(workspace, tmp_path, change, message):
    path = _coco(tmp_path)
    data = json.loads(path.read_text())
    change(data)
    write_json(path, data)
    report = run(workspace, path, "coco")
    assert len(report.errors) == 1
    assert str(report.errors[0]).startswith(str(path))
    assert report.errors[0].record.startswith("image id 1")
    import re

    assert re.search(message, str(report.errors[0])), str(report.errors[0])
    # nothing of image 1 came in (not even its file); image 2 did, whole
    assert item_names(workspace) == ["b.png"]
    assert [r["item"] for r in revisions(workspace)] == ["b.png"]
    assert report.counts() == {"refused": 1, "imported": 1}


def test_an_unreadable_image_is_a_record_error(workspace, tmp_path):
    path = _coco(tmp_path)
    (tmp_path / "images" / "a.png").write_bytes(b"<html>not an image</html>")
    report = run(workspace, path, "coco")
    assert "a.png is not a readable image" in str(report.errors[0])
    assert item_names(workspace) == ["b.png"]


def test_funsd_word_boxes_as_coco(workspace, tmp_path):
    """Real-shaped COCO (as pycocotools writes it) from two FUNSD forms and their entities."""
    pages = sorted((SHARED_DATA / "funsd" / "annotations").glob("*.json"))[:2]
    assert len(pages) == 2, f"FUNSD pages missing under {SHARED_DATA}"
    cats = ["header", "question", "answer", "other"]
    images, anns = [], []
    for n, page in enumerate(pages, 1):
        img = SHARED_DATA / "funsd" / "images" / (page.stem + ".png")
        w, h = Image.open(img).size
        images.append({"id": n, "file_name": img.name, "width": w, "height": h})
        for ent in json.loads(page.read_text())["form"]:
            x0, y0, x1, y1 = ent["box"]
            anns.append({"id": len(anns) + 1, "image_id": n, "category_id": cats.index(ent["label"]) + 1,
                         "bbox": [x0, y0, x1 - x0, y1 - y0], "area": (x1 - x0) * (y1 - y0),
                         "iscrowd": 0, "segmentation": []})  # fmt: skip
    path = write_json(tmp_path / "funsd_coco.json", {
        "images": images, "annotations": anns,
        "categories": [{"id": i + 1, "name": c, "supercategory": "entity"} for i, c in enumerate(cats)],
    })  # fmt: skip
    report = run(workspace, path, "coco", images=SHARED_DATA / "funsd" / "images")
    assert report.ok, report.errors[:3]
    revs = revisions(workspace)
    assert sum(len(r["payload"]["annotations"]) for r in revs) == len(anns)
    assert sum(report.labels.values()) == len(anns)
