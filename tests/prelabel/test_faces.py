"""The built-in face detector: a real photo of a face, real form pages, provenance, CLI."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from skimage import data as skimage_data  # ships the astronaut photo inside its wheel
from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.prelabel import LabelSetError, load_prelabeller
from hitl_desktop.prelabel.base import Box
from hitl_desktop.prelabel.builtin import resolve_model
from hitl_desktop.prelabel.faces import FaceDetector, FaceParams, cascade_folder, merge_boxes
from hitl_desktop.workspace import Workspace
from tests.prelabel.conftest import DATA, SMS_LABELS, write_json

FORMS = [DATA / "funsd" / "images" / n for n in ("0000971160.png", "0060025670.png")]
# Eileen Collins' face in skimage's astronaut.png (512 x 512), marked by hand: brow to chin
FACE = (175.0, 70.0, 275.0, 180.0)


def _iou(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - w * h
    return w * h / union


def _coords(b: Box | dict) -> tuple[float, float, float, float]:  # type: ignore[type-arg]
    if isinstance(b, Box):
        return (b.x0, b.y0, b.x1, b.y1)
    return (b["x0"], b["y0"], b["x1"], b["y1"])


def _events(ws: Path, type_: str) -> list[dict]:  # type: ignore[type-arg]
    ws_ = Workspace.open(ws)
    try:
        rows = ws_.reader().execute("SELECT body FROM events WHERE type = ? ORDER BY seq", (type_,))
        return [json.loads(b) for (b,) in rows]
    finally:
        ws_.close()


def test_cli_faces_boxes_the_face_and_not_the_forms(tmp_path: Path) -> None:
    runner = CliRunner()
    ws = tmp_path / "ws"
    w = ["--workspace", str(ws)]
    assert runner.invoke(app, ["init", str(ws)]).exit_code == 0
    photo = tmp_path / "astronaut.png"
    Image.fromarray(skimage_data.astronaut()).save(photo)
    imported = runner.invoke(app, [*w, "import", str(photo), *map(str, FORMS), "--workers", "1"])
    assert imported.exit_code == 0, imported.output

    labels = write_json(tmp_path / "sms.json", SMS_LABELS)
    refused = runner.invoke(app, [*w, "prelabel", "--model", "faces", "--labels", str(labels)])
    assert refused.exit_code == 1 and "takes no label set" in refused.stderr

    ran = runner.invoke(app, [*w, "prelabel", "--model", "faces", "--json"])
    assert ran.exit_code == 0, ran.output
    report = json.loads(ran.stdout)
    assert len(report["done"]) == 3 and report["device"] == "cpu"

    (registered,) = _events(ws, "model.registered")
    reg = registered["payload"]
    frontal = cascade_folder() / "haarcascade_frontalface_default.xml"
    assert reg["kind"] == "opencv-cascade" and reg["labels"] == ["face"]
    assert reg["files"][frontal.name] == hashlib.sha256(frontal.read_bytes()).hexdigest()
    assert reg["parameters"]["detection"]["min_neighbors"] == 5
    model_id = f"faces@{reg['weights_sha256'][:12]}"
    assert report["model_id"] == model_id

    made = {e["payload"]["image_sha256"]: e for e in _events(ws, "prelabel.made")}
    photo_sha = hashlib.sha256(photo.read_bytes()).hexdigest()
    boxes = made.pop(photo_sha)["payload"]["boxes"]
    assert boxes and {b["label"] for b in boxes} == {"face"}
    assert _iou(_coords(boxes[0]), FACE) > 0.5 and 0.5 < boxes[0]["score"] <= 1
    assert len(made) == 2 and all(e["payload"]["boxes"] == [] for e in made.values())
    agent = next(iter(made.values()))["agent"]
    assert agent["name"] == "faces" and agent["version"].startswith("opencv 4.")
    assert agent["parameters"]["scale_factor"] == 1.1 and agent["parameters"]["min_size"] == 24
    assert agent["parameters"]["cascades"][frontal.name] == reg["files"][frontal.name]

    again = runner.invoke(app, [*w, "prelabel", "--model", "faces"])
    assert again.exit_code == 0 and "3 already done" in again.stdout
    assert "registered the built-in" not in again.stderr
    listed = runner.invoke(app, [*w, "models", "list"])
    assert model_id in listed.stdout and "opencv-cascade" in listed.stdout


def test_detector_finds_a_mirrored_face_and_scales_boxes_back(workspace: Workspace) -> None:
    record, new = resolve_model(workspace, "faces")
    assert new and resolve_model(workspace, "faces") == (record, False)
    photo = skimage_data.astronaut()
    mirrored = np.ascontiguousarray(photo[:, ::-1])
    # scanned at 256 pixels (half size), the boxes still come back in the photo's pixels
    small = FaceDetector(record, params=FaceParams(max_side=256))
    x0, y0, x1, y1 = FACE
    for image, face in ((photo, FACE), (mirrored, (512 - x1, y0, 512 - x0, y1))):
        boxes = small.detect(image)
        assert boxes and _iou(_coords(boxes[0]), face) > 0.5
    assert small.agent().parameters["max_side"] == 256
    with pytest.raises(LabelSetError):
        from hitl_desktop.prelabel import parse_label_set

        load_prelabeller(workspace, record, label_set=parse_label_set(SMS_LABELS))


def test_overlapping_boxes_from_two_cascades_are_one_face() -> None:
    frontal = Box(100, 100, 200, 200, "face", 0.9)
    profile = Box(110, 105, 205, 210, "face", 0.6)
    elsewhere = Box(300, 100, 360, 160, "face", 0.7)
    assert merge_boxes([profile, elsewhere, frontal], 0.3) == [frontal, elsewhere]
