"""Label Studio importer: a tasks export with completed_by and predictions (as Label Studio
writes it: percent coordinates, original sizes, upload-prefixed file names), and bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .import_helpers import item_names, make_image, prelabels, revisions, run, shapes, write_json


def _rect(
    rid: str, x: float, y: float, w: float, h: float, label: str, **extra: Any
) -> dict[str, Any]:
    return {"id": rid, "type": "rectanglelabels", "from_name": "label", "to_name": "image",
            "original_width": 400, "original_height": 200, "image_rotation": 0,
            "value": {"x": x, "y": y, "width": w, "height": h, "rotation": 0,
                      "rectanglelabels": [label]}, **extra}  # fmt: skip


def _export(tmp_path: Path) -> Path:
    make_image(tmp_path / "media" / "receipt.png", 400, 200, seed=3)
    make_image(tmp_path / "media" / "form.png", 400, 200, seed=4)
    tasks = [
        {
            "id": 1,
            "data": {"image": "/data/upload/1/5f3a9c1e-receipt.png"},
            "annotations": [
                {"id": 11, "completed_by": {"id": 1, "email": "ana@example.org"},
                 "was_cancelled": False, "result": [
                     _rect("r1", 10, 20, 25, 50, "Total"),
                     {"id": "r1", "type": "textarea", "from_name": "transcription",
                      "to_name": "image", "original_width": 400, "original_height": 200,
                      "value": {"text": ["12.50"]}},
                     {"id": "c1", "type": "choices", "from_name": "kind", "to_name": "image",
                      "value": {"choices": ["receipt"]}},
                 ]},
                {"id": 12, "completed_by": 7, "was_cancelled": False,
                 "result": [_rect("r2", 10, 20, 25, 50, "Total")]},
                {"id": 13, "completed_by": 8, "was_cancelled": True, "result": []},
            ],
            "predictions": [
                {"id": 21, "model_version": "yolo-v8", "score": 0.8, "result": [
                    _rect("p1", 10, 20, 25, 50, "Total", score=0.91),
                    _rect("p2", 50, 0, 50, 100, "Shop")]},
            ],
        },
        {
            "id": 2,
            "data": {"image": "/data/local-files/?d=media/form.png"},
            "annotations": [
                {"id": 31, "completed_by": {"id": 1, "email": "ana@example.org"}, "result": [
                    {"id": "g1", "type": "polygonlabels", "from_name": "poly", "to_name": "image",
                     "original_width": 400, "original_height": 200,
                     "value": {"points": [[0, 0], [50, 0], [50, 50]], "polygonlabels": ["Logo"]}},
                    {"id": "k1", "type": "keypointlabels", "from_name": "kp", "to_name": "image",
                     "original_width": 400, "original_height": 200,
                     "value": {"x": 25, "y": 75, "width": 0.5, "keypointlabels": ["Stamp"]}},
                ]},
            ],
        },
    ]  # fmt: skip
    return write_json(tmp_path / "project-1-at-2026.json", tasks)


def test_annotations_keep_completed_by_and_predictions_become_prelabels(workspace, tmp_path):
    report = run(workspace, _export(tmp_path), "labelstudio", images=tmp_path / "media")
    assert report.ok, report.errors
    assert item_names(workspace) == ["form.png", "receipt.png"]
    revs = revisions(workspace)
    by = {(r["item"], r["actor"]): r for r in revs}
    # the cancelled annotation (completed_by 8) is left out
    assert sorted(by) == [("form.png", "ana@example.org"), ("receipt.png", "ana@example.org"),
                          ("receipt.png", "labelstudio-user-7")]  # fmt: skip
    ana = shapes(by[("receipt.png", "ana@example.org")])
    assert [(k, lb) for k, lb, _ in ana] == [("classification", ""), ("ocr_line", "Total")]
    line = json.loads(ana[1][2])
    assert line["text"] == "12.50"
    assert line["quad"] == [[40, 40], [140, 40], [140, 140], [40, 140]]  # percent -> pixels
    user7 = shapes(by[("receipt.png", "labelstudio-user-7")])
    assert json.loads(user7[0][2]) == {"x0": 40, "y0": 40, "x1": 140, "y1": 140}
    form = shapes(by[("form.png", "ana@example.org")])
    assert [(k, lb) for k, lb, _ in form] == [("point", "Stamp"), ("polygon", "Logo")]
    assert json.loads(form[0][2]) == {"x": 100, "y": 150}
    # two people answered the same task independently: the item has two heads
    heads = workspace.reader().execute(
        "SELECT count(*) FROM annotation_heads h JOIN items i ON i.id = h.item_id "
        "WHERE i.name = 'receipt.png'").fetchone()[0]  # fmt: skip
    assert heads == 2
    [pred] = prelabels(workspace)
    assert pred["actor"] == "model:labelstudio:yolo-v8"
    assert sorted((b["label"], b["score"]) for b in pred["payload"]["boxes"]) == [
        ("Shop", 0.8), ("Total", 0.91)]  # fmt: skip


def test_as_prelabels_turns_every_annotation_into_suggestions(workspace, tmp_path):
    path = _export(tmp_path)
    data = json.loads(path.read_text())
    data[1]["annotations"][0]["result"].pop()  # a keypoint has no pre-label form
    write_json(path, data)
    report = run(workspace, path, "labelstudio", images=tmp_path / "media", as_prelabels=True)
    assert report.ok, report.errors
    assert revisions(workspace) == []
    assert len(prelabels(workspace, "ocr.ran")) == 1  # ana's transcribed box
    assert {p["payload"]["model_id"] for p in prelabels(workspace)} == {
        "labelstudio:yolo-v8", "import:labelstudio:project-1-at-2026.json"}  # fmt: skip


def test_keypoints_as_prelabels_are_refused_with_the_record_named(workspace, tmp_path):
    report = run(workspace, _export(tmp_path), "labelstudio", images=tmp_path / "media",
                 as_prelabels=True)  # fmt: skip
    [err] = report.errors
    assert err.record == "task 2 (/data/local-files/?d=media/form.png)"
    assert "result k1: a point cannot be a pre-label" in err.message
    assert item_names(workspace) == ["receipt.png"]


def test_bad_tasks_are_refused_one_by_one(workspace, tmp_path):
    path = _export(tmp_path)
    data = json.loads(path.read_text())
    data[0]["annotations"][0]["result"][0]["value"]["x"] = 90  # 90% + 25% runs off the image
    data[1]["annotations"][0]["result"][0]["type"] = "brushlabels"
    data.append({"id": 3, "data": {"text": "a text task"}})
    data.append({"id": 4, "data": {"image": "/data/upload/1/0badc0de-nowhere.png"}})
    write_json(path, data)
    report = run(workspace, path, "labelstudio", images=tmp_path / "media")
    messages = sorted(str(e).removeprefix(str(path) + ": ") for e in report.errors)
    assert messages == [
        "task 1 (/data/upload/1/5f3a9c1e-receipt.png): annotation 11, result r1: point (460, 40) "
        "lies outside the 400 x 200 image",
        "task 2 (/data/local-files/?d=media/form.png): annotation 31, result g1: result type "
        "'brushlabels' is not imported (supported: rectanglelabels, polygonlabels, "
        "keypointlabels, choices, textarea, rectangle or polygon with a textarea)",
        "task 3: no image in 'data' (text tasks are not imported yet)",
        "task 4 (/data/upload/1/0badc0de-nowhere.png): image '/data/upload/1/0badc0de-nowhere.png'"
        " not found; give its folder with --images",
    ]
    assert item_names(workspace) == []
    assert report.counts() == {"refused": 4}
