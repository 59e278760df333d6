"""The page under the shapes: the coarsest pyramid level at once, finer tiles as zoom needs.

``PageTiles`` opens a page in the background (read the blob, probe it, decode the coarsest
level), then serves tiles of the level that suits the current zoom. Missing tiles are decoded
on the task runner's workers, nearest the centre of the view first, at most two at a time;
stale requests (the view moved on) are dropped before they start. Decoded tiles live in an LRU
cache bounded in bytes. The GUI thread only draws pixmaps: it never waits for a decode.
"""

from __future__ import annotations

import math
import tempfile
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap

from ...workspace import CancelToken, Workspace
from ..tasks import Progress, TaskHandle, TaskRunner
from .fullres import cut_in_child
from .pyramid import TILE, PagePyramid, PageUnreadable

CACHE_BYTES = 192 << 20  # decoded tiles kept for panning back and forth
MAX_IN_FLIGHT = 2
TileKey = tuple[int, int, int]  # (level, tx, ty)


def to_qimage(arr: np.ndarray) -> QImage:
    """A QImage owning a copy of ``arr`` (grey or RGB uint8); safe to make on a worker."""
    h, w = arr.shape[:2]
    fmt = QImage.Format.Format_Grayscale8 if arr.ndim == 2 else QImage.Format.Format_RGB888
    image = QImage(w, h, fmt)  # owns its pixels: no Python buffer shared with Qt
    row = image.bytesPerLine()
    dest = np.frombuffer(image.bits(), np.uint8, count=row * h).reshape(h, row)
    dest[:, : w * (1 if arr.ndim == 2 else 3)] = arr.reshape(h, -1)
    return image


def open_page(ws: Workspace, blob_sha256: str) -> tuple[PagePyramid, QImage]:
    """Worker job body: the page's pyramid and its coarsest level as an image."""
    try:
        data = ws.blobs.read_bytes(blob_sha256, check=False)
    except Exception as exc:  # missing blob: BlobError says which
        raise PageUnreadable(str(exc)) from None
    pyramid = PagePyramid(data)
    return pyramid, to_qimage(pyramid.level(pyramid.coarsest))


class PageTiles(QObject):
    """Pixels of the open page for a view. ``ready`` when the first view can be drawn,
    ``tile_ready(scene_rect)`` when a finer tile arrived, ``failed(message)`` when the page
    cannot be shown at all, ``notice(message)`` when it stays coarser than asked."""

    ready = Signal()
    tile_ready = Signal(QRectF)
    failed = Signal(str)
    notice = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.pyramid: PagePyramid | None = None
        self.base: QPixmap | None = None
        self._generation = 0
        self._cache: OrderedDict[TileKey, QPixmap] = OrderedDict()
        self._cache_bytes = 0
        self._wanted: list[TileKey] = []
        self._in_flight: set[TileKey] = set()
        self._broken: set[int] = set()  # levels that failed to decode: the coarser one is shown
        self.loading = False
        self._blob_path: Path | None = None
        self._cut: TaskHandle | None = None  # the child cutting full-resolution tiles
        self._cut_dir: tempfile.TemporaryDirectory[str] | None = None
        self._cut_failed = False

    # ------------------------------------------------------------------ opening
    def open(self, workspace: Callable[[], Workspace], blob_sha256: str | None) -> None:
        """Forget the current page and start opening ``blob_sha256`` (None: show nothing)."""
        self._generation += 1
        self.pyramid, self.base = None, None
        self._cache.clear()
        self._cache_bytes = 0
        self._wanted = []
        self._broken = set()
        self._drop_cut()
        self.loading = blob_sha256 is not None
        if blob_sha256 is None:
            return
        generation = self._generation
        ws = workspace()
        self._blob_path = ws.blobs.path(blob_sha256)

        def job(_cancel: CancelToken, _progress: Progress) -> tuple[PagePyramid, QImage]:
            return open_page(ws, blob_sha256)

        def done(result: tuple[PagePyramid, QImage]) -> None:
            if generation == self._generation:
                self.loading = False
                self.pyramid, self.base = result[0], QPixmap.fromImage(result[1])
                self.ready.emit()

        def error(exc: BaseException) -> None:
            if generation == self._generation:
                self.loading = False
                self.failed.emit(str(exc))

        self._runner.start("open page", job, on_done=done, on_error=error)

    # ------------------------------------------------------------------ drawing
    def ideal_level(self, scale: float) -> int:
        """The level whose pixels match screen pixels at ``scale``, whether held or not."""
        p = self.pyramid
        if p is None or scale <= 0:
            return 0
        return min(math.floor(math.log2(1.0 / scale)) if scale < 1.0 else 0, p.coarsest)

    def level_for(self, scale: float) -> int:
        """The level drawn at ``scale``: the ideal one, or the finest available."""
        p = self.pyramid
        if p is None:
            return 0
        k = max(self.ideal_level(scale), p.finest)
        while k in self._broken and k < p.coarsest:
            k += 1
        return k

    def tile_rect(self, k: int, tx: int, ty: int) -> QRectF:
        """Where tile (tx, ty) of level ``k`` lies in image (scene) coordinates."""
        p = self.pyramid
        assert p is not None
        s = p.level_shape(k)
        fx, fy = p.width / s.width, p.height / s.height
        w = min(TILE, s.width - tx * TILE)
        h = min(TILE, s.height - ty * TILE)
        return QRectF(tx * TILE * fx, ty * TILE * fy, w * fx, h * fy)

    def _tiles_in(self, area: QRectF, k: int) -> list[TileKey]:
        """The tiles of level ``k`` covering ``area`` (image coordinates), centre first."""
        p = self.pyramid
        assert p is not None
        area = area.intersected(QRectF(0, 0, p.width, p.height))
        if area.isEmpty():
            return []
        s = p.level_shape(k)
        fx, fy = s.width / p.width, s.height / p.height
        tx0, ty0 = int(area.left() * fx) // TILE, int(area.top() * fy) // TILE
        tx1 = min(math.ceil(area.right() * fx) // TILE, p.grid(k)[0] - 1)
        ty1 = min(math.ceil(area.bottom() * fy) // TILE, p.grid(k)[1] - 1)
        cx, cy = (tx0 + tx1) / 2, (ty0 + ty1) / 2
        keys = [(k, tx, ty) for ty in range(ty0, ty1 + 1) for tx in range(tx0, tx1 + 1)]
        return sorted(keys, key=lambda t: (t[1] - cx) ** 2 + (t[2] - cy) ** 2)

    def paint(self, painter: QPainter, exposed: QRectF, visible: QRectF, scale: float) -> None:
        """Draw what is known of ``exposed``; ask for the finer tiles ``visible`` lacks."""
        p, base = self.pyramid, self.base
        if p is None or base is None:
            return
        area = exposed.intersected(QRectF(0, 0, p.width, p.height))
        if area.isEmpty():
            return
        bx, by = base.width() / p.width, base.height() / p.height
        source = QRectF(area.x() * bx, area.y() * by, area.width() * bx, area.height() * by)
        painter.drawPixmap(area, base, source)
        if self.ideal_level(scale) < p.finest:
            self._cut_full_resolution()
        k = self.level_for(scale)
        if k >= p.coarsest:
            self._wanted = []
            return
        for key in self._tiles_in(area, k):
            pixmap = self._cache.get(key)
            if pixmap is not None:
                self._cache.move_to_end(key)
                painter.drawPixmap(self.tile_rect(*key), pixmap, QRectF(pixmap.rect()))
        # the wishes are the whole visible part (a partial repaint must not drop the rest),
        # replacing older ones: tiles the view moved away from are never decoded
        missing = [t for t in self._tiles_in(visible, k) if t not in self._cache]
        self._wanted = missing[::-1]  # popped from the end: the centre first
        self._pump()

    @property
    def busy(self) -> bool:
        """Whether tiles are being decoded or wait to be."""
        return bool(self._in_flight or self._wanted or self.loading or self._cut is not None)

    def sharp(self, visible: QRectF, scale: float) -> bool:
        """Whether ``visible`` at ``scale`` shows the level it should, every tile decoded."""
        p = self.pyramid
        if p is None or self.busy or self.level_for(scale) != self.ideal_level(scale):
            return False
        k = self.level_for(scale)
        return k >= p.coarsest or all(t in self._cache for t in self._tiles_in(visible, k))

    # ------------------------------------------------------------------ full resolution
    def _cut_full_resolution(self) -> None:
        """Once per page: have a child process cut level 0 into a tile file."""
        p, src = self.pyramid, self._blob_path
        if p is None or src is None or not p.needs_cut or self._cut is not None:
            return
        if self._cut_failed:
            return
        self._cut_dir = tempfile.TemporaryDirectory(prefix="hitl-page-tiles-")
        dest = Path(self._cut_dir.name) / "level0.tiles"
        generation = self._generation
        size, channels = (p.width, p.height), p.channels

        def job(cancel: CancelToken, _progress: Progress) -> Path:
            return cut_in_child(src, dest, size, channels, lambda: cancel.cancelled)

        def done(path: Path) -> None:
            if generation != self._generation:
                return
            self._cut = None
            p.attach_full_resolution(path)
            self._wanted = []
            self.tile_ready.emit(QRectF(0, 0, p.width, p.height))  # repaint: ask for level 0

        def error(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._cut, self._cut_failed = None, True
            self.notice.emit(f"{exc}; the page is shown at 1/{2**p.finest} of its resolution")

        self._cut = self._runner.start("cut page tiles", job, on_done=done, on_error=error)

    def _drop_cut(self) -> None:
        if self._cut is not None:
            self._cut.cancel()  # kills the child; its late report is ignored (generation)
        self._cut, self._cut_failed = None, False
        if self._cut_dir is not None:
            self._cut_dir.cleanup()
            self._cut_dir = None

    def _pump(self) -> None:
        p = self.pyramid
        while p is not None and self._wanted and len(self._in_flight) < MAX_IN_FLIGHT:
            key = self._wanted.pop()  # nearest the centre
            if key in self._in_flight or key in self._cache:
                continue
            self._in_flight.add(key)
            self._start(p, key)

    def _start(self, pyramid: PagePyramid, key: TileKey) -> None:
        generation = self._generation

        def job(_cancel: CancelToken, _progress: Progress) -> QImage:
            return to_qimage(pyramid.tile(*key))

        def done(image: QImage) -> None:
            if generation != self._generation:
                return
            self._in_flight.discard(key)
            self._store(key, QPixmap.fromImage(image))
            self.tile_ready.emit(self.tile_rect(*key))
            self._pump()

        def error(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self._in_flight.discard(key)
            self._wanted = []
            self._broken.add(key[0])  # it will not decode on retry either: stay coarser
            self.notice.emit(f"the page cannot be shown sharper at this zoom: {exc}")

        self._runner.start("decode tile", job, on_done=done, on_error=error)

    def _store(self, key: TileKey, pixmap: QPixmap) -> None:
        self._cache[key] = pixmap
        self._cache_bytes += pixmap.width() * pixmap.height() * 4
        while self._cache_bytes > CACHE_BYTES and len(self._cache) > 1:
            _, old = self._cache.popitem(last=False)
            self._cache_bytes -= old.width() * old.height() * 4

    @property
    def cached_tiles(self) -> int:
        return len(self._cache)
