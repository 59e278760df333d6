"""The default engine on real scanned forms: accuracy against FUNSD's ground truth."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import pytest

from hitl_desktop.ocr import OcrError, make_engine
from hitl_desktop.ocr.metrics import cer, iou, reading_order

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "funsd"
PAGES = ["0000971160", "0001477983", "0060025670"]


@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    return make_engine("rapidocr", device="cpu")


def _reference(page: str) -> tuple[str, list[tuple[float, float, float, float]]]:
    form = json.loads((DATA / "annotations" / f"{page}.json").read_text(encoding="utf-8"))["form"]
    words = [(tuple(w["box"]), w["text"]) for e in form for w in e["words"] if w["text"].strip()]
    boxes = [tuple(map(float, b)) for b, _ in words]
    text = " ".join(words[i][1] for i in reading_order(boxes))
    return text, boxes  # type: ignore[return-value]


def test_mean_cer_on_three_funsd_pages_is_at_most_0_20(engine) -> None:  # type: ignore[no-untyped-def]
    rates = []
    for page in PAGES:
        image = cv2.cvtColor(cv2.imread(str(DATA / "images" / f"{page}.png")), cv2.COLOR_BGR2RGB)
        lines = engine.recognize_page(image)
        ref_text, ref_boxes = _reference(page)
        boxes = [ln.bbox() for ln in lines]
        hyp_text = " ".join(lines[i].text for i in reading_order(boxes))
        rates.append(cer(ref_text, hyp_text))
        # every recognised line sits on reference words, and most reference words are covered
        on_words = [any(iou(b, r) > 0 or _inside(r, b) for r in ref_boxes) for b in boxes]
        assert sum(on_words) / len(on_words) >= 0.9, page
        covered = [any(_inside(r, b) for b in boxes) for r in ref_boxes]
        assert sum(covered) / len(covered) >= 0.75, page
    mean = sum(rates) / len(rates)
    print(f"FUNSD CER per page {[round(r, 3) for r in rates]}, mean {mean:.3f}")
    assert mean <= 0.20


def _inside(
    word: tuple[float, float, float, float], line: tuple[float, float, float, float]
) -> bool:
    cx, cy = (word[0] + word[2]) / 2, (word[1] + word[3]) / 2
    return line[0] - 2 <= cx <= line[2] + 2 and line[1] - 2 <= cy <= line[3] + 2


def test_engine_records_what_produced_its_output(engine) -> None:  # type: ignore[no-untyped-def]
    info = engine.info
    assert info.name == "rapidocr" and info.device == "cpu"
    assert set(info.model_files) == {"PP-OCRv6_det_small.onnx", "PP-OCRv6_rec_small.onnx"}
    assert all(len(h) == 64 for h in info.model_files.values())
    agent = info.agent()
    assert agent.weights_sha256 == info.weights_sha256 and agent.parameters["use_cls"] is False


def test_re_recognising_a_drawn_box(engine) -> None:  # type: ignore[no-untyped-def]
    image = cv2.cvtColor(cv2.imread(str(DATA / "images" / "0000971160.png")), cv2.COLOR_BGR2RGB)
    ref = json.loads((DATA / "annotations" / "0000971160.json").read_text())["form"]
    one_line = [
        e
        for e in ref
        if e["words"]
        and max(w["box"][1] for w in e["words"]) - min(w["box"][1] for w in e["words"]) < 5
    ]
    entity = max(one_line, key=lambda e: len(e["text"]))  # the longest single-line field
    x0, y0, x1, y1 = entity["box"]
    (line,) = engine.recognize_regions(image, [((x0, y0), (x1, y0), (x1, y1), (x0, y1))])
    assert cer(entity["text"], line.text) < 0.3 and line.score > 0.5


def test_missing_or_broken_model_files_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(OcrError, match=r"is missing; put the \.onnx file there"):
        make_engine("rapidocr", rec_model=tmp_path / "korean_rec.onnx")
    broken = tmp_path / "broken.onnx"
    broken.write_bytes(b"this is not an onnx model")
    with pytest.raises(OcrError, match="cannot load the OCR models"):
        make_engine("rapidocr", det_model=broken)
    with pytest.raises(OcrError, match="unknown OCR engine"):
        make_engine("abbyy")
