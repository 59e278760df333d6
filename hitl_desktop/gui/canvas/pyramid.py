"""An image pyramid of one page, decoded lazily and within a memory budget (no Qt).

Level ``k`` is the upright page at 1/2**k of its size. The coarsest level (long side at most
``first_view_side``) is decoded first, cheaply: a JPEG decodes straight to 1/2, 1/4 or 1/8
scale (libjpeg's DCT scaling), so a 20,000 x 30,000 scan shows in well under a second without
ever holding its full-resolution pixels. Finer levels are decoded on demand, in the
background, only when the view zooms in, and only if they fit ``level_budget`` bytes; views
cut them into ``TILE``-sized tiles for what is on screen. At most one finer level is held at a
time besides the coarsest, so memory stays bounded whatever the zoom.

Every method may run on a worker thread; a lock serialises decoding.
"""

from __future__ import annotations

import io
import math
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

from .fullres import TILE, read_tile  # tiles are TILE pixels of their level a side

FIRST_VIEW_SIDE = 4096  # the coarsest level's long side is at most this
LEVEL_BUDGET = 256 << 20  # bytes a finer level may take when decoded whole
_ORIENTATION = 0x0112


class PageUnreadable(Exception):
    """The page's bytes are not an image this editor can show; the message says why."""


@dataclass(frozen=True, slots=True)
class LevelShape:
    width: int
    height: int
    channels: int

    @property
    def nbytes(self) -> int:
        return self.width * self.height * self.channels


def _open(data: bytes) -> Image.Image:
    # the workspace's own size limit was enforced at import; Pillow's bomb guard would refuse
    # the legitimate 600-megapixel scans the editor must show (ingest lifts it the same way)
    Image.MAX_IMAGE_PIXELS = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return Image.open(io.BytesIO(data))
    except Exception as exc:  # Pillow reports unknown or damaged headers through many types
        raise PageUnreadable(f"cannot read the page image: {exc or type(exc).__name__}") from None


class PagePyramid:
    """The levels of one page. ``width``/``height`` are the upright full-resolution size."""

    def __init__(
        self,
        data: bytes,
        *,
        first_view_side: int = FIRST_VIEW_SIDE,
        level_budget: int = LEVEL_BUDGET,
    ) -> None:
        self._data = data
        with _open(data) as im:
            w, h = im.size
            self.format = im.format or "?"
            self.grey = im.mode in ("1", "L", "I;16", "I", "F")
            orientation = int(im.getexif().get(_ORIENTATION, 1) or 1)
        if w <= 0 or h <= 0:
            raise PageUnreadable(f"the page image has no pixels ({w} x {h})")
        self._orientation = orientation
        self.width, self.height = (h, w) if orientation in (5, 6, 7, 8) else (w, h)
        self.channels = 1 if self.grey else 3
        longest = max(self.width, self.height)
        self.coarsest = max(0, math.ceil(math.log2(longest / first_view_side)))
        self.finest = next(
            (k for k in range(self.coarsest + 1) if self.level_shape(k).nbytes <= level_budget),
            self.coarsest,
        )
        self._levels: dict[int, np.ndarray] = {}
        self._lock = threading.Lock()
        self.full_tiles: Path | None = None  # level 0 cut to a file by ``fullres``

    @property
    def needs_cut(self) -> bool:
        """Whether full resolution is beyond the budget and not yet cut into a tile file."""
        return self.finest > 0 and self.full_tiles is None

    def attach_full_resolution(self, path: Path) -> None:
        """Serve level 0 from the tile file ``path`` that ``fullres.cut`` wrote."""
        self.full_tiles = path
        self.finest = 0

    def level_shape(self, k: int) -> LevelShape:
        f = 2**k
        return LevelShape(-(-self.width // f), -(-self.height // f), self.channels)

    def grid(self, k: int) -> tuple[int, int]:
        """How many tiles across and down level ``k`` has."""
        s = self.level_shape(k)
        return -(-s.width // TILE), -(-s.height // TILE)

    def level(self, k: int) -> np.ndarray:
        """Level ``k`` (H x W or H x W x 3, uint8), decoded now if not held."""
        if not self.finest <= k <= self.coarsest:
            raise ValueError(f"level {k} is outside {self.finest}..{self.coarsest}")
        with self._lock:
            found = self._levels.get(k)
            if found is None:
                for held in [j for j in self._levels if j not in (k, self.coarsest)]:
                    del self._levels[held]  # one finer level at a time: memory stays bounded
                found = self._levels[k] = self._decode(k)
            return found

    def tile(self, k: int, tx: int, ty: int) -> np.ndarray:
        """Tile (tx, ty) of level ``k``: a C-contiguous copy, safe to hand to another thread."""
        if k == 0 and self.full_tiles is not None:
            return np.ascontiguousarray(
                read_tile(self.full_tiles, tx, ty, self.width, self.height, self.channels)
            )
        arr = self.level(k)
        y0, x0 = ty * TILE, tx * TILE
        return np.ascontiguousarray(arr[y0 : y0 + TILE, x0 : x0 + TILE])

    def _decode(self, k: int) -> np.ndarray:
        want = self.level_shape(k)
        if self.format == "JPEG" and k > 0:
            reduced = _jpeg_reduced(self._data, k, self.grey)
            if reduced is not None and reduced.shape[:2] == (want.height, want.width):
                return reduced
        try:
            with _open(self._data) as im:
                if im.format == "JPEG" and k > 0:
                    raw = (want.width, want.height)
                    if self._orientation in (5, 6, 7, 8):
                        raw = (want.height, want.width)
                    im.draft("L" if self.grey else "RGB", raw)  # DCT scaling: 1/2, 1/4, 1/8
                im.load()
                out = ImageOps.exif_transpose(im) if self._orientation != 1 else im
                mode = "L" if self.grey else "RGB"
                out = out if out.mode == mode else out.convert(mode)
                if out.size != (want.width, want.height):
                    factor = max(1, out.size[0] // want.width)
                    out = out.reduce(factor) if factor > 1 else out
                    if out.size != (want.width, want.height):
                        out = out.resize((want.width, want.height), Image.Resampling.BOX)
                return np.asarray(out)
        except PageUnreadable:
            raise
        except MemoryError:
            raise PageUnreadable(
                "the page is too large to decode with the memory available"
            ) from None
        except Exception as exc:  # Pillow reports truncated or damaged data through many types
            raise PageUnreadable(
                f"cannot decode the page image: {exc or type(exc).__name__}"
            ) from None


_REDUCED = {  # (grey, scale) -> OpenCV flag: libjpeg decodes straight to 1/2, 1/4, 1/8
    (True, 1): "IMREAD_REDUCED_GRAYSCALE_2", (True, 2): "IMREAD_REDUCED_GRAYSCALE_4",
    (True, 3): "IMREAD_REDUCED_GRAYSCALE_8", (False, 1): "IMREAD_REDUCED_COLOR_2",
    (False, 2): "IMREAD_REDUCED_COLOR_4", (False, 3): "IMREAD_REDUCED_COLOR_8",
}  # fmt: skip


def _jpeg_reduced(data: bytes, k: int, grey: bool) -> np.ndarray | None:
    """Level ``k`` of a JPEG through OpenCV: one buffer of the reduced size (Pillow needs a
    second copy for NumPy), EXIF orientation applied as Pillow's ``exif_transpose`` does.
    None when OpenCV cannot decode it (Pillow then tries)."""
    import cv2

    arr = cv2.imdecode(np.frombuffer(data, np.uint8), getattr(cv2, _REDUCED[(grey, min(k, 3))]))
    if arr is None:
        return None
    if k > 3:
        f = 2 ** (k - 3)
        size = (-(-arr.shape[1] // f), -(-arr.shape[0] // f))
        arr = cv2.resize(arr, size, interpolation=cv2.INTER_AREA)
    if not grey:
        cv2.cvtColor(arr, cv2.COLOR_BGR2RGB, dst=arr)
    return arr
