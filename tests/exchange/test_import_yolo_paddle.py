"""YOLO datasets (Ultralytics layout, data.yaml or classes.txt) and PaddleOCR Label.txt
(as PPOCRLabel writes it; real SROIE receipt lines), and their malformed inputs."""

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
)  # fmt: skip


def _yolo(root: Path) -> Path:
    make_image(root / "images" / "train" / "a.jpg", 200, 100, seed=5)
    make_image(root / "images" / "val" / "b.png", 100, 100, seed=6)
    (root / "labels" / "train").mkdir(parents=True)
    (root / "labels" / "train" / "a.txt").write_text(
        "0 0.5 0.5 0.2 0.4\n1 0.25 0.25 0.1 0.1 0.7\n", encoding="utf-8"
    )  # a box, and a box with a confidence
    (root / "labels" / "val").mkdir(parents=True)
    (root / "labels" / "val" / "b.txt").write_text("1 0.1 0.1 0.9 0.1 0.5 0.9\n", encoding="utf-8")
    (root / "data.yaml").write_text(
        "path: .\ntrain: images/train\nval: images/val\nnames:\n  0: car\n  1: person\n",
        encoding="utf-8",
    )
    return root / "data.yaml"


def test_yolo_boxes_segments_and_confidences(workspace, tmp_path):
    report = run(workspace, _yolo(tmp_path / "ds"), "yolo", annotator="carol")
    assert report.ok, report.errors
    assert item_names(workspace) == ["a.jpg", "b.png"]
    a, b = revisions(workspace)
    assert a["actor"] == "carol"
    assert [(k, lb, json.loads(s)) for k, lb, s in shapes(a)] == [
        ("box", "car", {"x0": 80, "y0": 30, "x1": 120, "y1": 70}),
        ("box", "person", {"x0": 40, "y0": 20, "x1": 60, "y1": 30}),
    ]
    assert json.loads(shapes(b)[0][2]) == {"points": [[10, 10], [90, 10], [50, 90]]}


def test_yolo_prelabels_keep_the_confidence(workspace, tmp_path):
    run(workspace, _yolo(tmp_path / "ds"), "yolo", as_prelabels=True)
    a = prelabels(workspace)[0]
    assert sorted((x["label"], x["score"]) for x in a["payload"]["boxes"]) == [
        ("car", 1.0), ("person", 0.7)]  # fmt: skip


def test_yolo_with_classes_txt_and_images_beside_labels(workspace, tmp_path):
    root = tmp_path / "darknet"
    make_image(root / "x.png", 50, 50, seed=7)
    (root / "x.txt").write_text("0 0.5 0.5 1 1\n", encoding="utf-8")
    (root / "classes.txt").write_text("sign\n", encoding="utf-8")
    report = run(workspace, root, "yolo")
    assert report.ok and report.labels == {"sign": 1}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("5 0.5 0.5 0.2 0.2", "unknown class index 5 (the dataset names 2 classes)"),
        ("0 0.9 0.5 0.4 0.2", "point (220, 60) lies outside the 200 x 100 image"),
        ("0 half 0.5 0.4 0.2", "expected 'class x y w h' numbers, got '0 half 0.5 0.4 0.2'"),
        ("0 0.5 0.5", "a box needs 4 numbers"),
    ],
)
def test_yolo_bad_lines_refuse_their_image(workspace, tmp_path, line, message):
    data = _yolo(tmp_path / "ds")
    (tmp_path / "ds" / "labels" / "train" / "a.txt").write_text(line + "\n", encoding="utf-8")
    report = run(workspace, data, "yolo")
    [err] = report.errors
    assert err.record == "image images/train/a.jpg" and message in err.message
    assert "a.txt" in err.message and "line 1" in err.message
    assert item_names(workspace) == ["b.png"]


def test_yolo_without_class_names_is_refused(workspace, tmp_path):
    make_image(tmp_path / "bare" / "x.png", 10, 10)
    with pytest.raises(AnnotationImportError, match=r"no data\.yaml or classes\.txt"):
        run(workspace, tmp_path / "bare", "yolo")


def _sroie_label_txt(tmp_path: Path, pages: list[str]) -> Path:
    """PPOCRLabel layout: <root>/receipts/Label.txt with paths 'receipts/<image>'."""
    folder = tmp_path / "receipts"
    folder.mkdir()
    lines = []
    for page in pages:
        img = SHARED_DATA / "sroie" / "img" / f"{page}.jpg"
        (folder / img.name).write_bytes(img.read_bytes())
        regions = []
        for row in (SHARED_DATA / "sroie" / "box" / f"{page}.csv").read_text(
            encoding="utf-8", errors="replace").splitlines()[:12]:  # fmt: skip
            parts = row.split(",", 8)
            if len(parts) < 9:
                continue
            xy = list(map(int, parts[:8]))
            regions.append({"transcription": parts[8], "difficult": False,
                            "points": [xy[i : i + 2] for i in range(0, 8, 2)]})  # fmt: skip
        lines.append(f"receipts/{img.name}\t{json.dumps(regions, ensure_ascii=False)}")
    path = folder / "Label.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_paddle_label_txt_from_real_receipts(workspace, tmp_path):
    path = _sroie_label_txt(tmp_path, ["000", "001"])
    report = run(workspace, path, "paddle", annotator="dan")
    assert report.ok, report.errors
    revs = revisions(workspace)
    assert [r["item"] for r in revs] == ["000.jpg", "001.jpg"]
    first = revs[0]["payload"]["annotations"]
    assert first[0]["kind"] == "ocr_line" and first[0]["label"] == "line"
    assert first[0]["shape"]["text"] == "TAN WOON YANN"
    assert first[0]["shape"]["quad"] == [[72, 25], [326, 25], [326, 64], [72, 64]]
    assert [a["shape"]["order"] for a in first] == list(range(len(first)))


def test_paddle_as_prelabels_is_an_ocr_reading(workspace, tmp_path):
    path = _sroie_label_txt(tmp_path, ["000"])
    run(workspace, path, "paddle", as_prelabels=True)
    [reading] = prelabels(workspace, "ocr.ran")
    w, h = Image.open(SHARED_DATA / "sroie" / "img" / "000.jpg").size
    assert (reading["payload"]["width"], reading["payload"]["height"]) == (w, h)
    assert reading["payload"]["lines"][0]["text"] == "TAN WOON YANN"
    assert reading["agent"]["name"] == "import:paddle"


def test_paddle_lines_schema_check(workspace, tmp_path):
    publish_schema(workspace, {"read": ("transcription", ["text-line"])})
    path = _sroie_label_txt(tmp_path, ["000"])
    stopped = run(workspace, path, "paddle")
    assert stopped.stopped_for_labels and list(stopped.unknown_labels) == ["line"]
    assert run(workspace, path, "paddle", label_map={"line": "text-line"}).ok


def test_paddle_malformed_lines(workspace, tmp_path):
    folder = tmp_path / "set"
    make_image(folder / "ok.png", 100, 50, seed=8)
    make_image(folder / "three.png", 100, 50, seed=9)
    make_image(folder / "far.png", 100, 50, seed=10)
    quad = [[1, 1], [20, 1], [20, 10], [1, 10]]
    rows = [
        f"set/ok.png\t{json.dumps([{'transcription': 'fine', 'points': quad}])}",
        f"set/three.png\t{json.dumps([{'transcription': 'x', 'points': quad[:3]}])}",
        f"set/far.png\t{json.dumps([{'transcription': 'x', 'points': [[1, 1], [200, 1], [200, 10], [1, 10]]}])}",
        "set/missing.png\t[]",
        "set/broken.png\t[{'transcription': 'single quotes'}]",
        "no tab here",
    ]  # fmt: skip
    path = folder / "Label.txt"
    path.write_text("\n".join(rows), encoding="utf-8")
    report = run(workspace, path, "paddle")
    got = sorted(f"{e.record}: {e.message}" for e in report.errors)
    assert got == [
        "line 2 (set/three.png): region 0: needs 4 'points' (a quadrilateral), got 3",
        "line 3 (set/far.png): region 0: point (200, 1) lies outside the 100 x 50 image",
        "line 4 (set/missing.png): image 'set/missing.png' not found; give its folder with --images",
        "line 5 (set/broken.png): the label list is not valid JSON (Expecting property name "
        "enclosed in double quotes, column 18)",
        "line 6: expected '<image path><TAB><JSON list>'; no tab found",
    ]
    assert item_names(workspace) == ["ok.png"]


def test_paddle_in_gbk_is_refused_naming_the_line(workspace, tmp_path):
    path = tmp_path / "Label.txt"
    path.write_bytes('x.png\t[{"transcription": "发票", "points": []}]'.encode("gbk"))
    with pytest.raises(AnnotationImportError, match=r"Label\.txt: not UTF-8 text .*line 1"):
        run(workspace, path, "paddle")
