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


def make_thumbnail(pixels: np.ndarray, size: int = THUMBNAIL_SIZE) -> bytes:
    """A PNG no larger than ``size`` on its longest side; ``pixels`` is gray or RGB."""
    h, w = pixels.shape[:2]
    scale = min(1.0, size / max(h, w))
    small = cv2.resize(
        pixels, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA
    )
    if small.ndim == 3:
        small = cv2.cvtColor(small, cv2.COLOR_RGB2BGR)
    ok, png = cv2.imencode(".png", small)
    if not ok:
        raise ValueError("could not encode thumbnail")
    return png.tobytes()


def store_thumbnail(workspace: Path, blob_sha256: str, png: bytes) -> Path:
    """Write atomically; a thumbnail is rebuilt from its blob if lost."""
    path = thumbnail_path(workspace, blob_sha256)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as f:
        f.write(png)
    os.replace(tmp, path)
    return path
