"""PaddleOCR 3.x's own pipeline as an optional engine, offline, on local model folders.

paddleocr pulls ``opencv-contrib-python``, whose Qt plugins clash with PySide6, so it lives in a
separate virtual environment (``bash bench/setup_paddle.sh`` builds ``.venv-paddle``); in the
app's own environment ``make_engine("paddleocr")`` says how to get it.

Each model folder holds ``inference.yml`` (what PaddleOCR reads: the model's name, its pre- and
post-processing) and either ``inference.onnx`` (``engine="onnxruntime"``, no paddlepaddle
needed) or Paddle's inference files (``inference.json``/``inference.pdmodel`` and
``inference.pdiparams``, run by paddlepaddle). ``prepare_models`` writes such folders for the
PP-OCRv6 small ONNX files that ship in the rapidocr wheel, so both engines can run the same
weights: detection normalises with mean = std = 0.5 (not ImageNet's), DB post-processing as
PaddleOCR's defaults; recognition resizes to height 48 (width up to ratio x 48, padded to
320) and decodes CTC over the character list stored in the ONNX file's metadata.
"""

from __future__ import annotations

import importlib.metadata
import os
import shutil
from pathlib import Path
from typing import Any

import numpy as np

from .device import choose_onnx_device
from .engine import EngineInfo, OcrError, OcrLine, Quad, crop_quad, file_sha256

INSTALL_HINT = (
    "paddleocr is not installed in this Python environment. It clashes with the app's "
    "PySide6 (it pulls opencv-contrib-python), so install it in a separate virtual "
    "environment: `bash bench/setup_paddle.sh` builds .venv-paddle with `pip install "
    "paddleocr onnxruntime` (add `paddlepaddle` for Paddle's own inference engine)"
)
ENGINES = ("onnxruntime", "paddle")
DET_NAME = "PP-OCRv6_small_det"
REC_NAME = "PP-OCRv6_small_rec"
_PADDLE_WEIGHTS = ("inference.json", "inference.pdmodel")


def check_model_dir(path: Path | str, what: str, engine: str) -> Path:
    """The folder, or an OcrError naming what is missing from it."""
    p = Path(path)
    if not p.is_dir():
        raise OcrError(f"the PaddleOCR {what} model folder {p} is missing (no model is downloaded)")
    if not (p / "inference.yml").is_file():
        raise OcrError(f"the PaddleOCR {what} model folder {p} has no inference.yml")
    if engine == "onnxruntime" and not (p / "inference.onnx").is_file():
        raise OcrError(f"the PaddleOCR {what} model folder {p} has no inference.onnx")
    if engine == "paddle" and not (
        any((p / f).is_file() for f in _PADDLE_WEIGHTS) and (p / "inference.pdiparams").is_file()
    ):
        raise OcrError(
            f"the PaddleOCR {what} model folder {p} has no Paddle inference files "
            f"(inference.json or inference.pdmodel, and inference.pdiparams)"
        )
    return p


def _model_name(folder: Path) -> str:
    import yaml

    cfg = yaml.safe_load((folder / "inference.yml").read_text(encoding="utf-8"))
    name = (cfg or {}).get("Global", {}).get("model_name")
    if not isinstance(name, str):
        raise OcrError(f"{folder / 'inference.yml'} names no model (Global.model_name)")
    return name


def det_config(model_name: str = DET_NAME) -> dict[str, Any]:
    """inference.yml of a PP-OCRv6 DB text detector."""
    return {
        "Global": {"model_name": model_name},
        "PreProcess": {"transform_ops": [
            {"DecodeImage": {"channel_first": False, "img_mode": "BGR"}},
            {"DetLabelEncode": None},
            {"DetResizeForTest": {"limit_side_len": 960, "limit_type": "max"}},
            {"NormalizeImage": {"mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5],
                                "scale": 1 / 255, "order": "hwc"}},
            {"ToCHWImage": None},
            {"KeepKeys": {"keep_keys": ["image", "shape", "polys", "ignore_tags"]}},
        ]},
        "PostProcess": {"name": "DBPostProcess", "thresh": 0.3, "box_thresh": 0.6,
                        "max_candidates": 1000, "unclip_ratio": 1.5},
    }  # fmt: skip


def rec_config(characters: list[str], model_name: str = REC_NAME) -> dict[str, Any]:
    """inference.yml of a PP-OCRv6 CTC text recogniser over ``characters``."""
    return {
        "Global": {"model_name": model_name},
        "PreProcess": {"transform_ops": [
            {"DecodeImage": {"channel_first": False, "img_mode": "BGR"}},
            {"MultiLabelEncode": {"gtc_encode": "NRTRLabelEncode"}},
            {"RecResizeImg": {"image_shape": [3, 48, 320]}},
            {"KeepKeys": {"keep_keys": ["image", "label_ctc", "label_gtc", "length",
                                        "valid_ratio"]}},
        ]},
        "PostProcess": {"name": "CTCLabelDecode", "character_dict": characters},
    }  # fmt: skip


def onnx_characters(rec_onnx: Path) -> list[str]:
    """The character list a recognition ONNX file carries in its metadata."""
    import onnxruntime as ort

    meta = ort.InferenceSession(str(rec_onnx), providers=["CPUExecutionProvider"]).get_modelmeta()
    chars = meta.custom_metadata_map.get("character")
    if not chars:
        raise OcrError(f"{rec_onnx} carries no character list; its inference.yml needs one")
    return chars.splitlines()


def prepare_models(
    dest: Path, *, det_onnx: Path | None = None, rec_onnx: Path | None = None
) -> tuple[Path, Path]:
    """Write PaddleOCR model folders for two ONNX files (default: rapidocr's PP-OCRv6 small).

    Returns (detection folder, recognition folder). Files already there are kept when the
    ONNX file is the same, so this is cheap to call before every run.
    """
    import yaml

    if det_onnx is None or rec_onnx is None:
        from .rapid import DEFAULT_DET, DEFAULT_REC, shipped_models_dir

        det_onnx = det_onnx or shipped_models_dir() / DEFAULT_DET
        rec_onnx = rec_onnx or shipped_models_dir() / DEFAULT_REC
    for f in (det_onnx, rec_onnx):
        if not f.is_file():
            raise OcrError(f"the ONNX model {f} is missing")
    folders = []
    for name, src, cfg in (
        (DET_NAME, det_onnx, lambda: det_config()),
        (REC_NAME, rec_onnx, lambda: rec_config(onnx_characters(rec_onnx))),
    ):
        folder = dest / name
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / "inference.onnx"
        if not target.is_file() or file_sha256(target) != file_sha256(src):
            tmp = folder / "inference.onnx.tmp"
            shutil.copyfile(src, tmp)
            tmp.replace(target)
        text = yaml.safe_dump(cfg(), allow_unicode=True, sort_keys=False)
        (folder / "inference.yml").write_text(text, encoding="utf-8")
        folders.append(folder)
    return folders[0], folders[1]


class PaddleOcrEngine:
    name = "paddleocr"

    def __init__(
        self,
        *,
        det_model_dir: Path | str | None = None,
        rec_model_dir: Path | str | None = None,
        device: str = "auto",
        engine: str = "onnxruntime",
        threads: int | None = None,
        text_score: float = 0.5,
    ) -> None:
        if engine not in ENGINES:
            raise OcrError(f"unknown PaddleOCR engine {engine!r}; choose one of {ENGINES}")
        os.environ.setdefault("PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK", "True")  # offline
        try:
            from paddleocr import PaddleOCR
        except ImportError:
            raise OcrError(INSTALL_HINT) from None
        if det_model_dir is None or rec_model_dir is None:
            raise OcrError(
                "PaddleOCR needs local model folders (det_model_dir=..., rec_model_dir=...); "
                "hitl_desktop.ocr.paddle.prepare_models writes them for the PP-OCRv6 ONNX files"
            )
        det = check_model_dir(det_model_dir, "detection", engine)
        rec = check_model_dir(rec_model_dir, "recognition", engine)
        gpu, self.notice = self._device(device, engine)
        threads = threads or min(os.cpu_count() or 1, 4)
        kwargs: dict[str, Any] = {"device": "gpu:0" if gpu else "cpu", "engine": engine}
        if engine == "onnxruntime":
            kwargs["engine_config"] = {"intra_op_num_threads": threads, "inter_op_num_threads": 1}
        else:
            kwargs["cpu_threads"] = threads
        try:
            self._ocr = PaddleOCR(
                text_detection_model_name=_model_name(det), text_detection_model_dir=str(det),
                text_recognition_model_name=_model_name(rec), text_recognition_model_dir=str(rec),
                use_doc_orientation_classify=False, use_doc_unwarping=False,
                use_textline_orientation=False, text_rec_score_thresh=text_score, **kwargs,
            )  # fmt: skip
        except OcrError:
            raise
        except Exception as exc:  # paddlex reports model problems many ways
            raise OcrError(f"PaddleOCR cannot load the models in {det} and {rec}: {exc}") from None
        weights = [p for p in (det / "inference.onnx", rec / "inference.onnx") if p.is_file()]
        if engine == "paddle":
            weights = [d / "inference.pdiparams" for d in (det, rec)]
        self.info = EngineInfo(
            self.name,
            importlib.metadata.version("paddleocr"),
            "cuda" if gpu else "cpu",
            {f"{p.parent.name}/{p.name}": file_sha256(p) for p in weights},
            {"engine": engine, "threads": threads, "text_score": text_score,
             "paddlex": importlib.metadata.version("paddlex")},
        )  # fmt: skip

    @staticmethod
    def _device(requested: str, engine: str) -> tuple[bool, str]:
        if engine == "onnxruntime":
            choice = choose_onnx_device(requested)
            return choice.device == "cuda", choice.notice
        if requested == "cpu":
            return False, ""
        try:
            import paddle
        except ImportError:
            raise OcrError(
                "engine='paddle' needs paddlepaddle (pip install paddlepaddle, or "
                "paddlepaddle-gpu for CUDA) in the PaddleOCR environment"
            ) from None
        if paddle.device.is_compiled_with_cuda() and paddle.device.cuda.device_count() > 0:
            return True, ""
        return False, "No CUDA build of Paddle or no GPU here; running on the CPU."

    def recognize_page(self, image: np.ndarray) -> list[OcrLine]:
        try:
            (res,) = self._ocr.predict(_bgr(image))
        except Exception as exc:
            raise OcrError(f"PaddleOCR failed on this image: {exc}") from None
        return [
            OcrLine.make(q, t, s)
            for q, t, s in zip(res["rec_polys"], res["rec_texts"], res["rec_scores"], strict=True)
            if t.strip()
        ]

    def recognize_regions(self, image: np.ndarray, quads: list[Quad]) -> list[OcrLine]:
        if not quads:
            return []
        bgr = _bgr(image)
        model = self._ocr.paddlex_pipeline.text_rec_model  # the pipeline's own recogniser
        try:
            results = list(model([crop_quad(bgr, q) for q in quads]))
        except Exception as exc:
            raise OcrError(f"PaddleOCR failed on these regions: {exc}") from None
        return [
            OcrLine.make(q, r["rec_text"], r["rec_score"])
            for q, r in zip(quads, results, strict=True)
        ]


def _bgr(image: np.ndarray) -> np.ndarray:
    import cv2

    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    return cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
