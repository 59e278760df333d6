"""The item browser: a filter bar (status, search) above a paged table of items."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProxyStyle,
    QStackedWidget,
    QStyle,
    QStyleOption,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..workspace.queries import ITEM_STATUSES, ItemFilter
from .item_table_model import LOW_CONFIDENCE, ItemTableModel

ALL_ITEMS = "*"  # combo data: every status, retired included
DEFAULT_HIDDEN = (
    ItemTableModel.KIND, ItemTableModel.SOURCE, ItemTableModel.SIZE, ItemTableModel.CREATED_BY
)  # fmt: skip
SEARCH_DELAY_MS = 250  # wait for a pause in typing before re-counting a large workspace


class _RoomyCells(QProxyStyle):
    """The application's style, with wider text margins in the table's cells."""

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric == QStyle.PixelMetric.PM_FocusFrameHMargin and isinstance(widget, QTableView):
            return 5
        return super().pixelMetric(metric, option, widget)


class ItemBrowser(QWidget):
    """Browses a workspace's items; emits ``current_item_changed(item_id or None, name)``."""

    current_item_changed = Signal(object, str)

    def __init__(
        self,
        model: ItemTableModel,
        parent: QWidget | None = None,
        *,
        me: Callable[[], str] = lambda: "",
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.me = me  # who "Mine" means: the workspace profile's name
        if model.parent() is None:
            model.setParent(self)
        self._build_filter_bar()
        self._build_table()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.apply_filter)
        self.status_combo.currentIndexChanged.connect(self.apply_filter)
        self.doubtful.toggled.connect(self.apply_filter)
        self.mine.toggled.connect(self.apply_filter)
        model.modelAboutToBeReset.connect(self._remember_current)
        model.modelReset.connect(self._after_reset)
        self._remembered: tuple[int, str | None] = (-1, None)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._filter_bar)
        layout.addWidget(self.stack)
        self._update_count()

    # ------------------------------------------------------------------ building
    def _build_filter_bar(self) -> None:
        self.status_combo = QComboBox(self)
        self.status_combo.setAccessibleName(self.tr("Status filter"))
        self.status_combo.setToolTip(self.tr("Show only items with this status"))
        # sized for short entries, so the list fits a narrow dock; the popup shows them whole
        self.status_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status_combo.setMinimumContentsLength(12)
        # Retired items leave the work queues, so the default hides them (as the queries do).
        self.status_combo.addItem(self.tr("All but retired"), None)
        for status in ITEM_STATUSES:
            self.status_combo.addItem(self.model.status_label(status), status)
        self.status_combo.insertSeparator(self.status_combo.count())
        self.status_combo.addItem(self.tr("Everything, including retired"), ALL_ITEMS)
        self.search = QLineEdit(self)
        self.search.setAccessibleName(self.tr("Search items"))
        self.search.setPlaceholderText(self.tr("Search names and sources…"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(
            self.tr(
                "Case-insensitive; matches part of a name or source.\n"
                "tag:NAME keeps items imported with that tag; source:NAME those of one source."
            )
        )
        self.doubtful = QToolButton(self)
        self.doubtful.setText(self.tr("&Doubtful"))
        self.doubtful.setCheckable(True)
        self.doubtful.setToolTip(
            self.tr("Only items whose latest suggestion scored under {score}").format(
                score=QLocale().toString(LOW_CONFIDENCE, "f", 1)
            )
        )
        self.mine = QToolButton(self)
        self.mine.setText(self.tr("&Mine"))
        self.mine.setCheckable(True)
        self.mine.setToolTip(self.tr("Only items assigned to you"))
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 6, 6, 0)
        status_label = QLabel(self.tr("&Status:"), self)
        status_label.setBuddy(self.status_combo)
        bar.addWidget(status_label)
        bar.addWidget(self.status_combo)
        bar.addSpacing(8)
        bar.addWidget(self.doubtful)
        bar.addWidget(self.mine)
        bar.addWidget(self.search, 1)
        bar.addSpacing(8)
        bar.addWidget(self.count_label)
        self._filter_bar = bar

    def _build_table(self) -> None:
        table = QTableView(self)
        table.setAccessibleName(self.tr("Item list"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        table.setSortingEnabled(False)  # rows come in import order, paged from SQLite
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Room between a right-aligned size and the next column's text.
        self._cell_style = _RoomyCells()
        table.setStyle(self._cell_style)
        vertical = table.verticalHeader()
        vertical.setVisible(False)
        # Fixed row heights: the view never measures rows, so a million rows cost nothing.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        row_height = table.fontMetrics().height() + 10
        if self.model.thumbnails is not None:
            side = self.model.thumbnails.size
            table.setIconSize(QSize(side, side))
            row_height = max(row_height, side + 6)
        vertical.setDefaultSectionSize(row_height)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # The name takes the spare width; the others fit their usual contents. Measuring
        # samples instead of ResizeToContents keeps the view from reading rows to size columns.
        header.setSectionResizeMode(ItemTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(table.fontMetrics().horizontalAdvance("M") * 4)
        self.table = table
        for column, samples in self._column_samples().items():
            header.resizeSection(column, self._fit(samples))
        # Beside the editor the list is narrow: name, status and suggestion show; the header's
        # context menu shows the others.
        for column in DEFAULT_HIDDEN:
            header.setSectionHidden(column, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for column in range(ItemTableModel.COLUMN_COUNT):
            if column == ItemTableModel.NAME:
                continue
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            action = QAction(str(title), header)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: header.setSectionHidden(c, not shown))
            header.addAction(action)
        table.selectionModel().currentRowChanged.connect(self._current_row_changed)

        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)  # drawn in the disabled (muted) colour
        self.stack = QStackedWidget(self)
        self.stack.addWidget(table)
        self.stack.addWidget(self.empty_label)

    def _column_samples(self) -> dict[int, list[str]]:
        model = self.model
        header = [
            model.headerData(c, Qt.Orientation.Horizontal)
            for c in range(ItemTableModel.COLUMN_COUNT)
        ]
        return {
            ItemTableModel.KIND: [
                header[ItemTableModel.KIND],
                *map(model.kind_label, ("image", "scan_page", "text", "document")),
            ],
            ItemTableModel.SOURCE: [header[ItemTableModel.SOURCE], "scanner-03/batch-12"],
            ItemTableModel.STATUS: [
                header[ItemTableModel.STATUS],
                *map(model.status_label, ITEM_STATUSES),
            ],
            ItemTableModel.SUGGESTION: [header[ItemTableModel.SUGGESTION], "invoice-date 0.99"],
            ItemTableModel.SIZE: [
                header[ItemTableModel.SIZE],
                "1023 bytes",
                QLocale().formattedDataSize(1000 * 1024 * 1024 - 1, 1),
            ],
            ItemTableModel.CREATED_BY: [header[ItemTableModel.CREATED_BY], "annotator-name"],
        }

    def _fit(self, samples: list[str]) -> int:
        metrics = self.table.fontMetrics()
        return max(metrics.horizontalAdvance(s) for s in samples) + 28  # padding and margins

    # ------------------------------------------------------------------ filtering
    def current_filter(self) -> ItemFilter:
        status = self.status_combo.currentData()
        words, tag, source = [], None, None
        for word in self.search.text().split():
            if word.lower().startswith("tag:") and len(word) > 4:
                tag = word[4:]
            elif word.lower().startswith("source:") and len(word) > 7:
                source = word[7:]
            else:
                words.append(word)
        narrow = {
            "search": " ".join(words) or None,
            "doubtful_below": LOW_CONFIDENCE if self.doubtful.isChecked() else None,
            "assigned_to": self.me() if self.mine.isChecked() else None,
            "tag": tag,
            "source": source,
        }
        if status == ALL_ITEMS:
            return ItemFilter(include_retired=True, **narrow)  # type: ignore[arg-type]
        return ItemFilter(status=status or None, **narrow)  # type: ignore[arg-type]

    @Slot()
    def apply_filter(self) -> None:
        """Apply the status and search fields now (typing applies them after a pause)."""
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())
        self._update_count()

    @Slot()
    def refresh(self) -> None:
        """Re-read the items (after an import, a rebuild, or events from elsewhere)."""
        self.model.refresh()
        self._update_count()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        self.count_label.setText(self.tr("1 item") if n == 1 else self.tr("%Ln items", "", n))
        if n:
            self.stack.setCurrentWidget(self.table)
        else:
            f = self.model.item_filter
            self.empty_label.setText(
                self.tr("No items match the filter.")
                if f.status
                or f.search
                or f.tag
                or f.source
                or f.assigned_to
                or f.doubtful_below is not None
                else self.tr("This workspace has no items yet.")
            )
            self.stack.setCurrentWidget(self.empty_label)

    # ------------------------------------------------------------------ selection
    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def current_item_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.item_id(index.row()) if index.isValid() else None

    def selected_item_ids(self) -> list[str]:
        """The ids of the selected rows, in table order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        ids = (self.model.item_id(row) for row in rows)
        return [item_id for item_id in ids if item_id is not None]

    @Slot(QModelIndex, QModelIndex)
    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item_at(current.row()) if current.isValid() else None
        if item is None:
            self.current_item_changed.emit(None, "")
        else:
            self.current_item_changed.emit(item.id, item.name)

    @Slot()
    def _remember_current(self) -> None:
        index = self.table.currentIndex()
        self._remembered = (index.row(), self.current_item_id()) if index.isValid() else (-1, None)

    @Slot()
    def _after_reset(self) -> None:
        # Keep the selection when the same item is still in the same row (a verify, a
        # rebuild that changed nothing); otherwise the selection is gone, and so is the history.
        row, item_id = self._remembered
        self._remembered = (-1, None)
        if item_id is not None and self.model.item_id(row) == item_id:
            self.select_row(row)
        else:
            self.current_item_changed.emit(None, "")
