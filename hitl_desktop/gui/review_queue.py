"""The review queue as a list: kind, item, who answered, agreement and what differs.

Ordered by the policy the checker picks (oldest conflict first, or lowest agreement first),
gold failures always first; minor disagreements (at or above the schema's agreement
threshold) appear only when asked for. J/K or Up/Down move, Enter opens.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..review.queue import Order, ReviewTask, open_tasks, queue_counts
from ..schema.current import schema_for
from ..workspace import Workspace


def review_threshold(ws: Workspace) -> float | None:
    """The agreement threshold of the workspace schema's review policy, if it has one."""
    schema = schema_for(ws.reader(), None)
    return schema.review.agreement if schema is not None else None


def open_count(ws: Workspace) -> int:
    """Tasks waiting for a checker (minor disagreements left out)."""
    counts = queue_counts(ws.reader(), threshold=review_threshold(ws))
    return sum(n for kind, n in counts.items() if kind != "minor")


class QueuePanel(QWidget):
    """The list of open tasks. ``open_requested(item_id)`` when the checker opens one."""

    open_requested = Signal(str)

    def __init__(self, workspace: Callable[[], Workspace], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.tasks: list[ReviewTask] = []
        self.order = QComboBox(self)
        self.order.addItem(self.tr("Oldest first"), "oldest")
        self.order.addItem(self.tr("Lowest agreement first"), "agreement")
        self.order.setToolTip(self.tr("Gold failures always come first"))
        self.minor = QCheckBox(self.tr("Show minor"), self)
        self.minor.setToolTip(
            self.tr("Also list disagreements at or above the schema's agreement threshold")
        )
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("ReviewQueue")
        self.tree.setHeaderLabels(
            [self.tr("Kind"), self.tr("Item"), self.tr("Actors"), self.tr("Agreement"),
             self.tr("Summary")]
        )  # fmt: skip
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemActivated.connect(lambda item, _col: self._open(item))
        self.counts = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.order, 1)
        top.addWidget(self.minor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.counts)
        self.order.currentIndexChanged.connect(lambda _i: self.reload())
        self.minor.toggled.connect(lambda _on: self.reload())

    @property
    def current_order(self) -> Order:
        return "agreement" if self.order.currentData() == "agreement" else "oldest"

    def reload(self) -> None:
        """Read the queue again, keeping the current item selected when it is still there."""
        ws = self._workspace()
        current = self.current_item()
        self.tasks = open_tasks(ws.reader(), order=self.current_order,
                                threshold=review_threshold(ws),
                                include_minor=self.minor.isChecked())  # fmt: skip
        self.tree.clear()
        for task in self.tasks:
            row = QTreeWidgetItem(
                [self._kind_name(task.kind), task.item_name, " vs ".join(task.actors),
                 f"{task.agreement:.2f}", task.summary]
            )  # fmt: skip
            row.setData(0, Qt.ItemDataRole.UserRole, task.item_id)
            row.setToolTip(1, task.item_id)
            self.tree.addTopLevelItem(row)
        for col in range(4):
            self.tree.resizeColumnToContents(col)
        self.counts.setText(self.tr("%n task(s)", "", len(self.tasks)))
        ids = [t.item_id for t in self.tasks]
        if current in ids:
            self.select_row(ids.index(current))

    def _kind_name(self, kind: str) -> str:
        names = {"gold": self.tr("gold"), "decision_conflict": self.tr("decision conflict"),
                 "fork": self.tr("fork"), "disagreement": self.tr("disagreement")}  # fmt: skip
        return names.get(kind, kind)

    def current_item(self) -> str | None:
        row = self.tree.currentItem()
        return str(row.data(0, Qt.ItemDataRole.UserRole)) if row is not None else None

    def select_row(self, row: int) -> None:
        item = self.tree.topLevelItem(row)
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)

    def step(self, delta: int) -> None:
        """Select the next (1) or previous (-1) task."""
        if not self.tasks:
            return
        current = self.tree.currentItem()
        row = self.tree.indexOfTopLevelItem(current) if current is not None else -1
        self.select_row(max(0, min(len(self.tasks) - 1, row + delta)))

    @Slot()
    def open_current(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self._open(item)

    def _open(self, item: QTreeWidgetItem) -> None:
        self.open_requested.emit(str(item.data(0, Qt.ItemDataRole.UserRole)))
