"""Small thumbnails for the item table, read lazily from the workspace's thumbnail cache.

The importer writes a PNG thumbnail (at most 256 px) for every image and page. The table asks
for one only when it paints a row; the file is decoded straight to the small size, padded to a
square so names line up, and kept in an LRU cache. A missing file is remembered as missing
(until ``clear()``), so rows without a thumbnail cost one ``stat`` and then nothing.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

from ..ingest.thumbnails import thumbnail_path

THUMBNAIL_PX = 48  # the side of the square a thumbnail is fitted into, in device-independent px
THUMBNAIL_KINDS = frozenset({"image", "scan_page"})
KIND_ICON_PX = 24  # items without a thumbnail: a kind icon, centred in the thumbnail's square
FRAME = QColor(0, 0, 0, 70)  # around thumbnails, so white pages stand out from white rows

_KIND_ICONS = {  # freedesktop icon name, then the style's fallback
    "image": ("image-x-generic", QStyle.StandardPixmap.SP_FileIcon),
    "scan_page": ("image-x-generic", QStyle.StandardPixmap.SP_FileIcon),
    "text": ("text-x-generic", QStyle.StandardPixmap.SP_FileDialogDetailedView),
    "document": ("x-office-document", QStyle.StandardPixmap.SP_FileIcon),
}


class ThumbnailCache:
    """Thumbnails by blob hash for one workspace, decoded on first use, LRU-bounded."""

    def __init__(self, workspace_path: Path, *, size: int = THUMBNAIL_PX, limit: int = 512):
        self.workspace_path = Path(workspace_path)
        self.size = size
        self.limit = limit
        self._pixmaps: OrderedDict[str, QPixmap] = OrderedDict()
        self._missing: set[str] = set()
        self._icons: dict[str, QIcon] = {}
        self.loads = 0  # files decoded (for tests and tuning)

    def clear(self) -> None:
        """Forget everything (after an import: thumbnails that were missing may exist now)."""
        self._pixmaps.clear()
        self._missing.clear()

    def __len__(self) -> int:
        return len(self._pixmaps)

    def pixmap(self, blob_sha256: str) -> QPixmap | None:
        """The padded thumbnail of a blob, or None when there is none (or it is unreadable)."""
        cached = self._pixmaps.get(blob_sha256)
        if cached is not None:
            self._pixmaps.move_to_end(blob_sha256)
            return cached
        if not blob_sha256 or blob_sha256 in self._missing:
            return None
        pixmap = self._load(thumbnail_path(self.workspace_path, blob_sha256))
        if pixmap is None:
            self._missing.add(blob_sha256)
            return None
        self._pixmaps[blob_sha256] = pixmap
        while len(self._pixmaps) > self.limit:
            self._pixmaps.popitem(last=False)
        return pixmap

    def _load(self, path: Path) -> QPixmap | None:
        if not path.is_file():
            return None
        reader = QImageReader(str(path))
        source = reader.size()
        if not source.isValid() or source.isEmpty():
            return None
        ratio = _device_pixel_ratio()
        side = round(self.size * ratio)
        # Decode straight to the small size: cheaper than reading 256 px and scaling.
        reader.setScaledSize(source.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        if image.isNull():
            return None
        self.loads += 1
        canvas = QPixmap(QSize(side, side))
        canvas.fill(Qt.GlobalColor.transparent)
        painter = QPainter(canvas)
        x, y = (side - image.width()) // 2, (side - image.height()) // 2
        painter.drawImage(x, y, image)
        painter.setPen(FRAME)
        painter.drawRect(x, y, image.width() - 1, image.height() - 1)
        painter.end()
        canvas.setDevicePixelRatio(ratio)
        return canvas

    def kind_icon(self, kind: str) -> QIcon:
        """A small icon for items without a thumbnail (the theme's, else the style's), centred
        in a square of the thumbnail's size so that the names still line up."""
        icon = self._icons.get(kind)
        if icon is None:
            theme_name, fallback = _KIND_ICONS.get(
                kind, ("text-x-generic", QStyle.StandardPixmap.SP_FileIcon)
            )
            small = QIcon.fromTheme(theme_name, QApplication.style().standardIcon(fallback))
            ratio = _device_pixel_ratio()
            side, inner = round(self.size * ratio), round(KIND_ICON_PX * ratio)
            canvas = QPixmap(QSize(side, side))
            canvas.fill(Qt.GlobalColor.transparent)
            painter = QPainter(canvas)
            offset = (side - inner) // 2
            small.paint(painter, offset, offset, inner, inner)
            painter.end()
            canvas.setDevicePixelRatio(ratio)
            icon = self._icons[kind] = QIcon(canvas)
        return icon


def _device_pixel_ratio() -> float:
    screen = QGuiApplication.primaryScreen()
    return screen.devicePixelRatio() if screen is not None else 1.0
