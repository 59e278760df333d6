"""Hugging Face image pipelines over image and page items: boxes, labels, provenance, resume."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.prelabel import MissingConfig, ModelError, add_model, load_prelabeller
from hitl_desktop.prelabel.run import image_items, items_for, run_prelabel, text_items
from hitl_desktop.workspace import Workspace
from tests.prelabel.conftest import DATA
from tests.prelabel.tiny_image import tiny_vit_classifier, tiny_yolos_detector

FUNSD_PAGE = DATA / "funsd" / "images" / "0000971160.png"  # 762 x 1000
RECEIPT = DATA / "sroie" / "img" / "000.jpg"  # 463 x 1013
EXIF_ORIENTATION = 0x0112


def _events(ws: Workspace, type_: str) -> list[dict]:  # type: ignore[type-arg]
    rows = ws.reader().execute("SELECT body FROM events WHERE type = ? ORDER BY seq", (type_,))
    return [json.loads(b) for (b,) in rows]


def _sideways_receipt(path: Path) -> tuple[int, int]:
    """The receipt stored lying on its side, with EXIF saying to turn it upright (as phones
    do). Returns the upright (width, height)."""
    with Image.open(RECEIPT) as im:
        upright = im.convert("RGB")
    exif = Image.Exif()
    exif[EXIF_ORIENTATION] = 6  # the viewer turns it 90 degrees clockwise
    upright.transpose(Image.Transpose.ROTATE_90).save(path, "JPEG", exif=exif, quality=90)
    return upright.size


@pytest.fixture
def pages(workspace: Workspace, tmp_path: Path) -> dict[str, tuple[int, int]]:
    """A FUNSD form page, a sideways receipt photo and a text file, imported.
    Returns item name -> upright (width, height) for the images."""
    receipt = tmp_path / "receipt.jpg"
    sizes = {"0000971160.png": (762, 1000), "receipt.jpg": _sideways_receipt(receipt)}
    (tmp_path / "note.txt").write_text("not an image", encoding="utf-8")
    import_paths(workspace, [FUNSD_PAGE, receipt, tmp_path / "note.txt"], ImportOptions(workers=1))
    return sizes


def test_detection_boxes_are_in_pixels_of_the_upright_image(
    workspace: Workspace, pages: dict[str, tuple[int, int]], tmp_path: Path
) -> None:
    folder = tiny_yolos_detector(tmp_path / "tiny-yolos", ["text", "face"], constant=0,
                                 box=(0.5, 0.5, 0.5, 0.5))  # fmt: skip
    record = add_model(workspace, folder)
    assert (record.kind, record.task, record.labels) == ("transformers", "object-detection",
                                                         ["text", "face"])  # fmt: skip
    model = load_prelabeller(workspace, record.id, device="cpu")
    assert model.modality == "image"
    items = items_for(workspace, "image")
    assert sorted(it.name for it in items) == sorted(pages)  # the text file is not an image
    report = run_prelabel(workspace, model, items)
    assert len(report.done) == 2 and not report.failed
    by_item = {it.id: it for it in items}
    for event in _events(workspace, "prelabel.made"):
        item = by_item[event["subject"]["item"]]
        w, h = pages[item.name]
        payload = event["payload"]
        assert payload["image_sha256"] == item.image_sha256 and payload["text_sha256"] is None
        assert event["inputs"][0] == {"kind": "item", "id": item.id, "sha256": item.image_sha256}
        boxes = payload["boxes"]
        # every query predicts the centre half of the image, in upright pixels (the receipt's
        # stored pixels are landscape; its boxes must still be portrait)
        assert len(boxes) == 10
        for b in boxes:
            assert b["label"] == "text" and b["score"] > 0.99
            got = (b["x0"], b["y0"], b["x1"], b["y1"])
            assert got == pytest.approx((w / 4, h / 4, 3 * w / 4, 3 * h / 4), abs=1.01)
            assert 0 <= b["x0"] < b["x1"] <= w and 0 <= b["y0"] < b["y1"] <= h
        agent = event["agent"]
        assert agent["name"] == "tiny-yolos" and agent["weights_sha256"] == record.weights_sha256
        assert agent["version"].startswith("transformers ") and agent["device"] == "cpu"
        assert agent["parameters"]["pipeline"] == "object-detection"
        assert agent["parameters"]["threshold"] == 0.5
    counts = workspace.reader().execute("SELECT box_count FROM prelabels").fetchall()
    assert counts == [(10,), (10,)]
    assert workspace.verify().ok and workspace.rebuild().identical


def test_a_damaged_image_fails_alone_and_resume_skips_the_rest(
    workspace: Workspace, pages: dict[str, tuple[int, int]], tmp_path: Path
) -> None:
    folder = tiny_yolos_detector(tmp_path / "det", ["text"], constant=0)
    model = load_prelabeller(workspace, add_model(workspace, folder).id, device="cpu")
    items = image_items(workspace)
    damaged = next(it for it in items if it.name == "receipt.jpg")
    blob = workspace.blobs.path(damaged.image_sha256)
    os.chmod(blob, 0o644)
    blob.write_bytes(b"\xff\xd8 bit rot " * 100)
    first = run_prelabel(workspace, model, items)
    assert [d[0] for d in first.done] == [it.id for it in items if it is not damaged]
    ((failed_id, reason),) = first.failed
    assert failed_id == damaged.id and reason.startswith("receipt.jpg: ")
    assert "corrupt" in reason
    again = run_prelabel(workspace, model, items)
    assert again.skipped == [items[0].id if items[0] is not damaged else items[1].id]
    assert not again.done and len(again.failed) == 1
    assert again.summary().endswith("1 already done, 1 failed")


def test_image_classification_scores_the_models_labels(
    workspace: Workspace, pages: dict[str, tuple[int, int]], tmp_path: Path
) -> None:
    folder = tiny_vit_classifier(tmp_path / "tiny-vit", ["form", "receipt", "photo"], constant=2)
    record = add_model(workspace, folder)
    assert record.task == "image-classification"
    assert record.labels == ["form", "receipt", "photo"]
    model = load_prelabeller(workspace, record.id, device="cpu")
    report = run_prelabel(workspace, model, image_items(workspace), batch_size=1)
    assert [top for _, top in report.done] == ["photo", "photo"]
    for event in _events(workspace, "prelabel.made"):
        labels = event["payload"]["labels"]
        assert labels[0]["label"] == "photo"
        assert sorted(lb["label"] for lb in labels) == ["form", "photo", "receipt"]
        assert sum(lb["score"] for lb in labels) == pytest.approx(1, abs=1e-4)
        assert event["payload"]["boxes"] == []
        assert event["agent"]["parameters"]["top_k"] == 3
    # an image model cannot be handed text items
    with pytest.raises(ModelError, match=r"pre-labels image or page items; note\.txt"):
        run_prelabel(workspace, model, text_items(workspace))


def test_an_image_model_without_its_processor_is_refused(tmp_path: Path) -> None:
    folder = tiny_vit_classifier(tmp_path / "vit", ["a", "b"])
    (folder / "preprocessor_config.json").unlink()
    with pytest.raises(MissingConfig, match=r"no preprocessor_config\.json"):
        from hitl_desktop.prelabel import inspect_model

        inspect_model(folder)


def test_cli_prelabel_picks_the_items_of_the_models_modality(tmp_path: Path) -> None:
    runner = CliRunner()
    ws = tmp_path / "ws"
    w = ["--workspace", str(ws)]
    assert runner.invoke(app, ["init", str(ws)]).exit_code == 0
    (tmp_path / "note.txt").write_text("only text here", encoding="utf-8")
    assert runner.invoke(app, [*w, "import", str(tmp_path / "note.txt")]).exit_code == 0
    folder = tiny_yolos_detector(tmp_path / "det", ["text"], constant=0)
    assert runner.invoke(app, [*w, "models", "add", str(folder)]).exit_code == 0
    none = runner.invoke(app, [*w, "prelabel", "--model", "det", "--device", "cpu"])
    assert none.exit_code == 1 and "no image or page items" in none.stderr
    page = tmp_path / "page.png"
    Image.fromarray(np.full((120, 90, 3), 255, np.uint8)).save(page)
    assert runner.invoke(app, [*w, "import", str(page)]).exit_code == 0
    ran = runner.invoke(app, [*w, "prelabel", "--model", "det", "--device", "cpu", "--json"])
    assert ran.exit_code == 0, ran.output
    out = json.loads(ran.stdout)
    assert len(out["done"]) == 1 and out["summary"].startswith("1 items pre-labelled by det@")


def test_a_suggestion_written_before_image_sha256_existed_still_validates() -> None:
    from hitl_desktop.lineage import validate_payload

    older = {"model_id": "tiny@0123456789ab", "text_sha256": "a" * 64,
             "labels": [{"label": "ham", "score": 0.9}], "spans": [], "boxes": []}  # fmt: skip
    assert validate_payload("prelabel.made", older)["image_sha256"] is None
