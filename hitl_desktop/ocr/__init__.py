"""OCR: engines behind one protocol, device selection, batch runs recorded as ``ocr.ran``."""

from __future__ import annotations

from .engine import EngineInfo, OcrEngine, OcrError, OcrLine
from .run import OcrRunReport, page_items, run_ocr
from .spec import EngineSpec

ENGINES = ("rapidocr", "tesseract")
OPTIONAL_ENGINES = ("paddleocr",)  # in its own environment (bench/setup_paddle.sh)


def make_engine(name: str = "rapidocr", *, device: str = "auto", **options: object) -> OcrEngine:
    """An engine by name; options go to its constructor (model paths, use_cls, …).

    The engine keeps its ``EngineSpec`` (``engine.spec``) so Dask workers can build the same one.
    """
    engine = _engine(name, device, options)
    engine.spec = EngineSpec.of(name, device, options)  # type: ignore[attr-defined]
    return engine


def _engine(name: str, device: str, options: dict[str, object]) -> OcrEngine:
    if name == "rapidocr":
        from .rapid import RapidOcrEngine

        return RapidOcrEngine(device=device, **options)  # type: ignore[arg-type]
    if name == "tesseract":
        from .tesseract import TesseractEngine

        return TesseractEngine(device=device, **options)  # type: ignore[arg-type]
    if name == "paddleocr":
        from .paddle import PaddleOcrEngine

        return PaddleOcrEngine(device=device, **options)  # type: ignore[arg-type]
    choices = ", ".join(ENGINES + OPTIONAL_ENGINES)
    raise OcrError(f"unknown OCR engine {name!r}; choose one of {choices}")


__all__ = [
    "ENGINES", "EngineInfo", "EngineSpec", "OcrEngine", "OcrError", "OcrLine", "OcrRunReport",
    "make_engine", "page_items", "run_ocr",
]  # fmt: skip
