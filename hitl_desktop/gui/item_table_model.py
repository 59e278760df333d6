"""A table model over the ``items`` projection that pages from SQLite.

The row count is one COUNT query per filter; rows are read in pages (``page_items``) only when
the view asks for them, and a few recent pages are kept in an LRU cache. A workspace with a
million items therefore opens as fast as one with ten. With a ``ThumbnailCache`` the Name
column's decoration is the item's thumbnail (images and pages), read only for painted rows.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)

from ..workspace import queries
from ..workspace.queries import ItemFilter, ItemRow, Suggestion
from .thumbnail_cache import THUMBNAIL_KINDS, ThumbnailCache

ConnectionFactory = Callable[[], sqlite3.Connection]
AnyIndex = QModelIndex | QPersistentModelIndex

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LOW_CONFIDENCE = 0.6  # a suggestion scored below this is shown as doubtful


class ItemTableModel(QAbstractTableModel):
    """Items of one workspace, filtered by an ``ItemFilter``, in import order.

    ``reader`` returns a read connection for the calling thread (``Workspace.reader``); the
    model must only be used on the GUI thread.
    """

    PAGE_SIZE = 256
    MAX_PAGES = 8

    NAME, KIND, SOURCE, STATUS, SUGGESTION, SIZE, CREATED_BY = range(7)
    COLUMN_COUNT = 7

    def __init__(
        self,
        reader: ConnectionFactory,
        parent: QObject | None = None,
        *,
        thumbnails: ThumbnailCache | None = None,
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self.thumbnails = thumbnails
        self._filter = ItemFilter()
        self._pages: OrderedDict[int, list[ItemRow]] = OrderedDict()
        self._suggestions: dict[str, Suggestion] = {}  # for the items of the cached pages
        self._count = queries.count_items(reader(), self._filter)
        self.pages_fetched = 0  # total page reads since the last reset (for tests and tuning)

    # ------------------------------------------------------------------ filter
    @property
    def item_filter(self) -> ItemFilter:
        return self._filter

    def set_filter(self, item_filter: ItemFilter) -> None:
        """Show only the items matching ``item_filter`` (one COUNT query)."""
        if item_filter == self._filter:
            return
        self._filter = item_filter
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Re-count and forget cached pages; call after the items projection changed."""
        self.beginResetModel()
        self._pages.clear()
        self._suggestions.clear()
        self.pages_fetched = 0
        if self.thumbnails is not None:
            self.thumbnails.clear()
        self._count = queries.count_items(self._reader(), self._filter)
        self.endResetModel()

    @Slot()
    def on_events_appended(self) -> None:
        """Slot for "events were appended" notifications: the projection may have changed."""
        self.refresh()

    # ------------------------------------------------------------------ paging
    @property
    def cached_page_count(self) -> int:
        return len(self._pages)

    def item_at(self, row: int) -> ItemRow | None:
        """The item shown in ``row``, reading its page if needed (None past the end)."""
        if row < 0 or row >= self._count:
            return None
        number, offset = divmod(row, self.PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = queries.page_items(
                self._reader(), self._filter, number * self.PAGE_SIZE, self.PAGE_SIZE
            )
            self.pages_fetched += 1
            self._pages[number] = page
            self._suggestions |= queries.latest_suggestions(self._reader(), [i.id for i in page])
            while len(self._pages) > self.MAX_PAGES:
                _number, dropped = self._pages.popitem(last=False)
                for gone in dropped:
                    self._suggestions.pop(gone.id, None)
        else:
            self._pages.move_to_end(number)
        # The projection may have shrunk since the count; such rows show empty until refresh.
        return page[offset] if offset < len(page) else None

    def suggestion(self, row: int) -> Suggestion | None:
        """The latest pre-label of the item in ``row``, if a model suggested anything."""
        item = self.item_at(row)
        return self._suggestions.get(item.id) if item else None

    def item_id(self, row: int) -> str | None:
        item = self.item_at(row)
        return item.id if item else None

    # ------------------------------------------------------------------ Qt API
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(section)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self._alignment(index.column())
        if role == Qt.ItemDataRole.DecorationRole:
            if index.column() != self.NAME or self.thumbnails is None:
                return None
        elif role == Qt.ItemDataRole.FontRole:
            return self._font(index)
        elif role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ITEM_ID_ROLE):
            return None
        item = self.item_at(index.row())
        if item is None:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(item)
        if role == ITEM_ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, index.column())
        return self._display(item, index.column())

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # ------------------------------------------------------------------ display
    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("Source"),
            self.tr("Status"),
            self.tr("Suggestion"),
            self.tr("Size"),
            self.tr("Created by"),
        )

    def status_label(self, status: str) -> str:
        """The translated name of a workflow status."""
        labels = {
            "new": self.tr("New"),
            "annotated": self.tr("Annotated"),
            "reviewed": self.tr("Reviewed"),
            "rejected": self.tr("Rejected"),
            "retired": self.tr("Retired"),
        }
        return labels.get(status, status)

    def kind_label(self, kind: str) -> str:
        labels = {
            "image": self.tr("Image"),
            "scan_page": self.tr("Page"),
            "text": self.tr("Text"),
            "document": self.tr("Document"),
            "pdf": self.tr("PDF"),
        }
        return labels.get(kind, kind)

    def _decoration(self, item: ItemRow) -> object:
        cache = self.thumbnails
        assert cache is not None
        if item.kind in THUMBNAIL_KINDS:
            pixmap = cache.pixmap(item.blob_sha256)
            if pixmap is not None:
                return pixmap
        return cache.kind_icon(item.kind)

    def _display(self, item: ItemRow, column: int) -> str:
        if column == self.NAME:
            return item.name
        if column == self.KIND:
            return self.kind_label(item.kind)
        if column == self.SOURCE:
            return item.source
        if column == self.STATUS:
            return self.status_label(item.status)
        if column == self.SUGGESTION:
            return self._suggestion_text(self._suggestions.get(item.id))
        if column == self.SIZE:
            return QLocale().formattedDataSize(item.size_bytes or 0, 1)
        if column == self.CREATED_BY:
            return item.created_by
        return ""

    def _suggestion_text(self, s: Suggestion | None) -> str:
        if s is None:
            return ""
        if s.label is not None and s.score is not None:
            score = QLocale().toString(s.score, "f", 2)
            return self.tr("{label} {score}").format(label=s.label, score=score)
        if s.boxes:
            return self.tr("%Ln box(es)", "", s.boxes)
        if s.spans:
            return self.tr("%Ln span(s)", "", s.spans)
        return self.tr("nothing found")

    def _font(self, index: AnyIndex) -> object:
        """Doubtful suggestions in italics (the tooltip says why)."""
        if index.column() != self.SUGGESTION:
            return None
        s = self.suggestion(index.row())
        if s is None or s.score is None or s.score >= LOW_CONFIDENCE:
            return None
        from PySide6.QtGui import QFont

        font = QFont()
        font.setItalic(True)
        return font

    def _tooltip(self, item: ItemRow, column: int) -> str:
        if column == self.SIZE:
            size = item.size_bytes or 0
            return self.tr("1 byte") if size == 1 else self.tr("%Ln bytes", "", size)
        if column == self.NAME:
            return self.tr("{name}\n{media_type}\nid {id}").format(
                name=item.name, media_type=item.media_type, id=item.id
            )
        if column == self.SUGGESTION:
            s = self._suggestions.get(item.id)
            if s is None:
                return self.tr("No model has suggested anything for this item yet")
            tip = self.tr("Suggested by {model}").format(model=s.model_id)
            if s.score is not None and s.score < LOW_CONFIDENCE:
                tip += "\n" + self.tr("Low confidence: check this one")
            return tip
        return self._display(item, column)

    def _alignment(self, column: int) -> int:
        vertical = Qt.AlignmentFlag.AlignVCenter
        if column == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | vertical)
        return int(Qt.AlignmentFlag.AlignLeading | vertical)
