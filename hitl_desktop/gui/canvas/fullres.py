"""Full-resolution tiles of a page too large to decode inside the app (no Qt).

A 20,000 x 30,000 colour scan is 1.8 GB of pixels: more than the editor may hold. When the
view zooms in past what the in-process pyramid allows, a child process (like the importer's
workers) decodes the page once, cuts it into ``TILE`` x ``TILE`` tiles and writes them, in
order, to one file in a temporary folder; the app then reads only the tiles on screen, so its
own memory stays bounded. Run as ``python -m hitl_desktop.gui.canvas.fullres SRC DEST W H C``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

TILE = 512  # the same side as the pyramid's tiles (pyramid.TILE)


def tile_offset(tx: int, ty: int, width: int, channels: int) -> int:
    """Byte offset of tile (tx, ty) in the file ``cut`` writes (tiles padded to full size)."""
    across = -(-width // TILE)
    return (ty * across + tx) * TILE * TILE * channels


def read_tile(path: Path, tx: int, ty: int, width: int, height: int, channels: int) -> np.ndarray:
    """Tile (tx, ty) of a file written by ``cut``, cropped to the page."""
    size = TILE * TILE * channels
    with open(path, "rb") as f:
        f.seek(tile_offset(tx, ty, width, channels))
        raw = f.read(size)
    if len(raw) != size:
        raise OSError(f"the tile file {path} is truncated at tile ({tx}, {ty})")
    shape = (TILE, TILE) if channels == 1 else (TILE, TILE, channels)
    tile = np.frombuffer(raw, np.uint8).reshape(shape)
    w, h = min(TILE, width - tx * TILE), min(TILE, height - ty * TILE)
    return tile[:h, :w]


def cut(src: Path, dest: Path, width: int, height: int, channels: int) -> None:
    """Decode ``src`` upright at full size and write its tiles to ``dest`` (atomically)."""
    import cv2  # the child only: OpenCV decodes in one buffer (no second copy, as Pillow)

    flags = cv2.IMREAD_GRAYSCALE if channels == 1 else cv2.IMREAD_COLOR  # EXIF applied
    page = cv2.imread(str(src), flags)
    if page is None:
        raise SystemExit(f"cannot decode {src} at full resolution")
    if page.shape[1] != width or page.shape[0] != height:
        raise SystemExit(
            f"{src} decodes to {page.shape[1]} x {page.shape[0]}, not {width} x {height}"
        )
    pad_shape = (TILE, TILE) if channels == 1 else (TILE, TILE, channels)
    part = dest.with_suffix(".part")
    with open(part, "wb") as out:
        for y0 in range(0, height, TILE):
            for x0 in range(0, width, TILE):
                tile = page[y0 : y0 + TILE, x0 : x0 + TILE]
                if channels == 3:
                    tile = tile[..., ::-1]  # BGR to RGB
                padded = np.zeros(pad_shape, np.uint8)
                padded[: tile.shape[0], : tile.shape[1]] = tile
                out.write(padded.tobytes())
    os.replace(part, dest)


def cut_in_child(
    src: Path, dest: Path, size: tuple[int, int], channels: int, cancelled: Callable[[], bool]
) -> Path:
    """Run ``cut`` in a child process; kill it if ``cancelled()`` turns true. Returns ``dest``."""
    cmd = [sys.executable, "-m", "hitl_desktop.gui.canvas.fullres", str(src), str(dest),
           str(size[0]), str(size[1]), str(channels)]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while proc.poll() is None:
        if cancelled():
            proc.kill()
            proc.wait()
            raise InterruptedError("cutting the page into tiles was cancelled")
        time.sleep(0.05)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        last = err.strip().splitlines()[-1] if err.strip() else f"exit status {proc.returncode}"
        raise OSError(f"full-resolution tiles could not be made: {last}")
    return dest


if __name__ == "__main__":
    a = sys.argv[1:]
    cut(Path(a[0]), Path(a[1]), int(a[2]), int(a[3]), int(a[4]))
