"""PaddleOCR's PP-OCRv6 models (ONNX) through rapidocr: the default engine.

The model files ship inside the rapidocr wheel. Other models (Korean, server sizes, newer
versions) are given as local files; rapidocr would otherwise try to download them, which
hangs or fails offline, so a missing file is an OcrError naming it instead.
"""

from __future__ import annotations

import importlib.metadata
import os
from pathlib import Path
from typing import Any

import numpy as np

from .device import choose_onnx_device
from .engine import EngineInfo, OcrError, OcrLine, Quad, crop_quad, file_sha256

DEFAULT_DET = "PP-OCRv6_det_small.onnx"
DEFAULT_REC = "PP-OCRv6_rec_small.onnx"
DEFAULT_CLS = "ch_ppocr_mobile_v2.0_cls_mobile.onnx"


def shipped_models_dir() -> Path:
    import rapidocr

    return Path(rapidocr.__file__).parent / "models"


def _model(path: Path | str | None, default: str, what: str) -> Path:
    p = Path(path) if path else shipped_models_dir() / default
    if not p.is_file():
        raise OcrError(
            f"the {what} model {p} is missing; put the .onnx file there or pass its path "
            f"(no model is downloaded)"
        )
    return p


class RapidOcrEngine:
    name = "rapidocr"

    def __init__(
        self,
        *,
        device: str = "auto",
        use_cls: bool = False,
        threads: int | None = None,
        det_model: Path | str | None = None,
        rec_model: Path | str | None = None,
        cls_model: Path | str | None = None,
        rec_keys: Path | str | None = None,
        text_score: float = 0.5,
    ) -> None:
        try:
            from rapidocr import RapidOCR
        except ImportError as exc:
            raise OcrError(
                f"rapidocr is not installed ({exc}); `make install` installs it"
            ) from None
        choice = choose_onnx_device(device)
        self.notice = choice.notice
        threads = threads or min(os.cpu_count() or 1, 4)
        det = _model(det_model, DEFAULT_DET, "detection")
        rec = _model(rec_model, DEFAULT_REC, "recognition")
        cls = _model(cls_model, DEFAULT_CLS, "orientation") if use_cls else None
        params: dict[str, Any] = {
            "Global.log_level": "error",
            "Global.use_cls": use_cls,
            "Global.text_score": text_score,
            "Det.model_path": str(det),
            "Rec.model_path": str(rec),
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            "EngineConfig.onnxruntime.use_cuda": choice.device == "cuda",
        }
        if cls is not None:
            params["Cls.model_path"] = str(cls)
        if rec_keys:
            if not Path(rec_keys).is_file():
                raise OcrError(f"the recognition key file {rec_keys} is missing")
            params["Rec.rec_keys_path"] = str(rec_keys)
        try:
            self._ocr = RapidOCR(params=params)
            self._ocr._load_det_model()
            self._rec = self._ocr._load_rec_model()
        except Exception as exc:  # onnxruntime reports broken model files many ways
            raise OcrError(f"cannot load the OCR models ({det.name}, {rec.name}): {exc}") from None
        files = {p.name: file_sha256(p) for p in (det, rec, cls) if p is not None}
        self.info = EngineInfo(
            self.name,
            importlib.metadata.version("rapidocr"),
            choice.device,
            files,
            {"use_cls": use_cls, "text_score": text_score, "threads": threads,
             "onnxruntime": importlib.metadata.version("onnxruntime")},
        )  # fmt: skip

    def recognize_page(self, image: np.ndarray) -> list[OcrLine]:
        bgr = _bgr(image)
        try:
            out = self._ocr(bgr)
        except Exception as exc:
            raise OcrError(f"OCR failed on this image: {exc}") from None
        if out.boxes is None or out.txts is None:
            return []
        return [
            OcrLine.make(b, t, s) for b, t, s in zip(out.boxes, out.txts, out.scores, strict=True)
        ]

    def recognize_regions(self, image: np.ndarray, quads: list[Quad]) -> list[OcrLine]:
        from rapidocr.ch_ppocr_rec import TextRecInput

        if not quads:
            return []
        bgr = _bgr(image)
        crops = [crop_quad(bgr, q) for q in quads]
        out = self._rec(TextRecInput(img=crops))
        return [OcrLine.make(q, t, s) for q, t, s in zip(quads, out.txts, out.scores, strict=True)]


def _bgr(image: np.ndarray) -> np.ndarray:
    import cv2

    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    return cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
