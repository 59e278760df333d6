"""Tesseract as the comparison engine, where its binary is installed (CI installs it)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import cv2
import pytest

from hitl_desktop.ocr import make_engine
from hitl_desktop.ocr.metrics import cer, reading_order

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "funsd"

pytestmark = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="tesseract is not installed"
)


def test_tesseract_reads_a_funsd_page_and_records_itself() -> None:
    engine = make_engine("tesseract")
    assert engine.info.name == "tesseract" and engine.info.device == "cpu" and engine.info.version
    page = "0060025670"
    image = cv2.cvtColor(cv2.imread(str(DATA / "images" / f"{page}.png")), cv2.COLOR_BGR2RGB)
    lines = engine.recognize_page(image)
    form = json.loads((DATA / "annotations" / f"{page}.json").read_text())["form"]
    words = [(w["box"], w["text"]) for e in form for w in e["words"] if w["text"].strip()]
    ref = " ".join(words[i][1] for i in reading_order([tuple(b) for b, _ in words]))
    hyp = " ".join(lines[i].text for i in reading_order([ln.bbox() for ln in lines]))
    assert (
        len(lines) > 10 and cer(ref, hyp) < 0.5
    )  # far less accurate than PP-OCRv6, by design a comparison
    (region,) = engine.recognize_regions(image, [lines[0].quad])
    assert cer(lines[0].text, region.text) < 0.5


def test_an_empty_pixel_array_is_a_clear_ocr_error() -> None:
    import numpy as np

    from hitl_desktop.ocr import OcrError

    engine = make_engine("tesseract")
    with pytest.raises(OcrError, match="not a page image"):
        engine.recognize_page(np.zeros((0, 0, 3), np.uint8))
