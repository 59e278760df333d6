"""The OCR engine protocol: a page image in, recognised lines (quad, text, score) out."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from ..lineage import Agent

Quad = tuple[tuple[float, float], tuple[float, float], tuple[float, float], tuple[float, float]]


class OcrError(Exception):
    """An engine or model problem the user can act on (the message says how)."""


@dataclass(frozen=True)
class OcrLine:
    """A recognised line: four corners clockwise from top-left, NFC text, confidence 0-1."""

    quad: Quad
    text: str
    score: float

    def bbox(self) -> tuple[float, float, float, float]:
        xs = [p[0] for p in self.quad]
        ys = [p[1] for p in self.quad]
        return min(xs), min(ys), max(xs), max(ys)

    def to_json(self) -> dict[str, Any]:
        return {
            "quad": [[round(x, 1), round(y, 1)] for x, y in self.quad],
            "text": self.text,
            "score": round(self.score, 4),
        }

    @classmethod
    def make(cls, quad: Any, text: str, score: float) -> OcrLine:
        pts = tuple((float(x), float(y)) for x, y in np.asarray(quad, dtype=float).reshape(4, 2))
        return cls(pts, unicodedata.normalize("NFC", text), float(score))  # type: ignore[arg-type]


@dataclass(frozen=True)
class EngineInfo:
    """Everything that identifies what produced an output, recorded as the event's agent."""

    name: str
    version: str
    device: str
    model_files: dict[str, str] = field(default_factory=dict)  # file name -> sha256
    parameters: dict[str, Any] = field(default_factory=dict)

    @property
    def weights_sha256(self) -> str | None:
        if not self.model_files:
            return None
        joined = "".join(f"{k}={v};" for k, v in sorted(self.model_files.items()))
        return hashlib.sha256(joined.encode()).hexdigest()

    def agent(self) -> Agent:
        params = dict(self.parameters) | {"model_files": dict(self.model_files)}
        return Agent(self.name, self.version, self.weights_sha256, params, self.device)


class OcrEngine(Protocol):
    info: EngineInfo

    def recognize_page(self, image: np.ndarray) -> list[OcrLine]:
        """Detect and recognise every line of an RGB or grey page image."""
        ...

    def recognize_regions(self, image: np.ndarray, quads: list[Quad]) -> list[OcrLine]:
        """Recognise the text inside given quads (a box the user drew or selected)."""
        ...


def recognize_pages(
    engine: OcrEngine, images: Iterable[np.ndarray]
) -> Iterator[list[OcrLine] | OcrError]:
    """One result per image, in order: its lines, or the OcrError that page raised.

    Uses the engine's own ``recognize_pages`` when it has one (rapidocr overlaps detecting the
    next page with recognising this one), else reads page by page. ``images`` is consumed
    lazily, one page ahead at most, so a generator that loads pages keeps memory flat.
    """
    batch = getattr(engine, "recognize_pages", None)
    if batch is not None:
        yield from batch(images)
        return
    for image in images:
        try:
            yield engine.recognize_page(image)
        except OcrError as exc:
            yield exc


_hash_cache: dict[tuple[str, float, int], str] = {}


def file_sha256(path: Path) -> str:
    """SHA-256 of a model file, cached by (path, mtime, size) so engines start fast."""
    st = path.stat()
    key = (str(path), st.st_mtime, st.st_size)
    if key not in _hash_cache:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
        _hash_cache[key] = h.hexdigest()
    return _hash_cache[key]


def crop_quad(image: np.ndarray, quad: Quad) -> np.ndarray:
    """The quad's content warped to an upright rectangle (what recognisers expect)."""
    import cv2

    pts = np.asarray(quad, dtype=np.float32)
    w = int(max(np.linalg.norm(pts[0] - pts[1]), np.linalg.norm(pts[2] - pts[3])))
    h = int(max(np.linalg.norm(pts[0] - pts[3]), np.linalg.norm(pts[1] - pts[2])))
    w, h = max(w, 1), max(h, 1)
    dst = np.array([[0, 0], [w, 0], [w, h], [0, h]], dtype=np.float32)
    m = cv2.getPerspectiveTransform(pts, dst)
    return cv2.warpPerspective(
        image, m, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )
