"""The batch API run_ocr can use: pages in, one result per page, a bad page does not stop it."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from hitl_desktop.ocr import OcrError, make_engine
from hitl_desktop.ocr.engine import recognize_pages

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "funsd" / "images"


def _page(name: str) -> np.ndarray:
    return cv2.cvtColor(cv2.imread(str(DATA / f"{name}.png")), cv2.COLOR_BGR2RGB)


def test_pages_read_in_order_and_a_broken_one_is_reported() -> None:
    engine = make_engine("rapidocr", device="cpu")
    a, b = _page("0060025670"), _page("0013255595")
    broken = np.zeros((0, 0, 3), np.uint8)
    results = list(recognize_pages(engine, iter([a, broken, b, a[:, :, 0]])))
    assert len(results) == 4
    assert isinstance(results[1], OcrError) and "not a page image" in str(results[1])
    first, second, grey = results[0], results[2], results[3]
    assert isinstance(first, list) and isinstance(second, list) and isinstance(grey, list)
    assert first == engine.recognize_page(a)  # overlapping pages changes nothing
    assert [ln.text for ln in grey] == [ln.text for ln in first]  # a grey page reads the same
    assert {ln.text for ln in first} != {ln.text for ln in second}
    assert any("EVALUATION" in ln.text for ln in first)


def test_recognition_options_are_checked_and_recorded() -> None:
    with pytest.raises(ValueError, match="rec_width_scale"):
        make_engine("rapidocr", rec_width_scale=5.0)
    engine = make_engine("rapidocr", device="cpu", det_limit_side_len=1280)
    params = engine.info.parameters
    assert params["det_limit_side_len"] == 1280 and params["rec_width_scale"] == 0.8
