"""The optional PaddleOCR engine: model folders for the shipped PP-OCRv6 files, clear errors,
and (where paddleocr is installed: .venv-paddle, see bench/setup_paddle.sh) a real FUNSD page."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import cv2
import pytest
import yaml

from hitl_desktop.ocr import OcrError, make_engine
from hitl_desktop.ocr.metrics import cer, reading_order
from hitl_desktop.ocr.paddle import check_model_dir, prepare_models

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "funsd"
HAS_PADDLEOCR = importlib.util.find_spec("paddleocr") is not None
needs_paddleocr = pytest.mark.skipif(
    not HAS_PADDLEOCR, reason="paddleocr is not installed here (bash bench/setup_paddle.sh)"
)


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return prepare_models(tmp_path_factory.mktemp("paddle-models"))


def test_not_installed_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "paddleocr", None)  # import fails as if absent
    with pytest.raises(OcrError, match=r"paddleocr is not installed.*setup_paddle\.sh"):
        make_engine("paddleocr", det_model_dir="d", rec_model_dir="r")


def test_prepared_folders_describe_the_shipped_models(models: tuple[Path, Path]) -> None:
    import onnxruntime as ort

    det, rec = models
    det_cfg = yaml.safe_load((det / "inference.yml").read_text(encoding="utf-8"))
    rec_cfg = yaml.safe_load((rec / "inference.yml").read_text(encoding="utf-8"))
    assert det_cfg["Global"]["model_name"] == "PP-OCRv6_small_det"
    norm = next(op["NormalizeImage"] for op in det_cfg["PreProcess"]["transform_ops"]
                if "NormalizeImage" in op)  # fmt: skip
    assert norm["mean"] == [0.5] * 3 and norm["std"] == [0.5] * 3
    chars = rec_cfg["PostProcess"]["character_dict"]
    session = ort.InferenceSession(str(rec / "inference.onnx"), providers=["CPUExecutionProvider"])
    classes = session.get_outputs()[0].shape[-1]
    assert classes == len(chars) + 2  # CTC blank and the space PaddleOCR adds
    assert {"A", "z", "0", "€"} <= set(chars)
    again = prepare_models(det.parent)  # idempotent: same files, same folders
    assert again == models and (det / "inference.onnx").stat().st_size > 1_000_000


def test_missing_model_folders_are_named(tmp_path: Path, models: tuple[Path, Path]) -> None:
    with pytest.raises(OcrError, match=re.escape(f"folder {tmp_path / 'nope'} is missing")):
        check_model_dir(tmp_path / "nope", "detection", "onnxruntime")
    (tmp_path / "empty").mkdir()
    with pytest.raises(OcrError, match=r"has no inference\.yml"):
        check_model_dir(tmp_path / "empty", "recognition", "onnxruntime")
    with pytest.raises(OcrError, match="has no Paddle inference files"):
        check_model_dir(models[0], "detection", "paddle")


@needs_paddleocr
def test_paddleocr_reads_a_funsd_page_with_the_same_models(models: tuple[Path, Path]) -> None:
    det, rec = models
    engine = make_engine("paddleocr", device="cpu", det_model_dir=det, rec_model_dir=rec)
    assert engine.info.name == "paddleocr" and engine.info.device == "cpu"
    assert engine.info.parameters["engine"] == "onnxruntime"
    page = "0060025670"
    image = cv2.cvtColor(cv2.imread(str(DATA / "images" / f"{page}.png")), cv2.COLOR_BGR2RGB)
    lines = engine.recognize_page(image)
    form = json.loads((DATA / "annotations" / f"{page}.json").read_text())["form"]
    words = [(w["box"], w["text"]) for e in form for w in e["words"] if w["text"].strip()]
    ref = " ".join(words[i][1] for i in reading_order([tuple(b) for b, _ in words]))
    hyp = " ".join(lines[i].text for i in reading_order([ln.bbox() for ln in lines]))
    assert len(lines) > 10 and cer(ref, hyp) < 0.2
    (again,) = engine.recognize_regions(image, [lines[0].quad])
    assert cer(lines[0].text, again.text) < 0.2


@needs_paddleocr
def test_paddleocr_names_a_missing_model_folder(tmp_path: Path, models: tuple[Path, Path]) -> None:
    with pytest.raises(OcrError, match=re.escape(f"{tmp_path / 'korean_rec'} is missing")):
        make_engine("paddleocr", det_model_dir=models[0], rec_model_dir=tmp_path / "korean_rec")
