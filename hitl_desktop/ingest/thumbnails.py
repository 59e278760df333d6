"""Thumbnails of page images, cached next to the workspace (derived data, not lineage)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import cv2
import numpy as np

THUMBNAIL_SIZE = 256
CACHE_DIR = Path("cache") / "thumbnails"


def thumbnail_path(workspace: Path, blob_sha256: str) -> Path:
    return workspace / CACHE_DIR / blob_sha256[:2] / f"{blob_sha256}.png"


# Deflate level 1 without PNG row filters: as fast as OpenCV's default and about half the size
# on scans (whose noise defeats the default's run-length strategy).
PNG_FAST = (
    [cv2.IMWRITE_PNG_COMPRESSION, 1, cv2.IMWRITE_PNG_FILTER, cv2.IMWRITE_PNG_FILTER_NONE]
    if hasattr(cv2, "IMWRITE_PNG_FILTER")  # OpenCV >= 4.11
    else []
)


def make_thumbnail(pixels: np.ndarray, size: int = THUMBNAIL_SIZE, *, bgr: bool = False) -> bytes:
    """A PNG no larger than ``size`` on its longest side (and, for a bigger image, no smaller
    than 3/4 of it); ``pixels`` is grey or RGB (BGR when ``bgr``, as OpenCV and PDFium give
    them). A grey image gives a grey thumbnail."""
    small = _shrink(pixels, size)
    if small.ndim == 3 and not bgr:
        small = cv2.cvtColor(small, cv2.COLOR_RGB2BGR)
    ok, png = cv2.imencode(".png", small, PNG_FAST)
    if not ok:
        raise ValueError("could not encode thumbnail")
    return png.tobytes()


def _shrink(pixels: np.ndarray, size: int) -> np.ndarray:
    h, w = pixels.shape[:2]
    if max(h, w) <= size:
        return pixels
    # Area averaging by a whole factor k is OpenCV's fast path (several times quicker than by
    # a fractional one); it drops the last (< k) rows and columns so that k divides the size.
    k = -(-max(h, w) // size)  # the smallest whole factor that fits
    if max(h, w) // k >= size * 3 // 4 and min(h, w) >= k:
        return cv2.resize(pixels[: h // k * k, : w // k * k], (w // k, h // k),
                          interpolation=cv2.INTER_AREA)  # fmt: skip
    scale = size / max(h, w)  # small images: one fractional step, exactly ``size``
    target = (max(1, round(w * scale)), max(1, round(h * scale)))
    return cv2.resize(pixels, target, interpolation=cv2.INTER_AREA)


def store_thumbnail(workspace: Path, blob_sha256: str, png: bytes) -> Path:
    """Write atomically; a thumbnail is rebuilt from its blob if lost."""
    path = thumbnail_path(workspace, blob_sha256)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as f:
        f.write(png)
    os.replace(tmp, path)
    return path
