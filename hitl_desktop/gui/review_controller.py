"""The review view in the main window: Review → Review queue (Ctrl+R) opens it, and
the status bar counts the tasks waiting ("Review: N")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ..workspace import Workspace
from .review_queue import open_count

if TYPE_CHECKING:
    from .review_view import ReviewView


class ReviewController(QObject):
    """Review → Review queue (Ctrl+R) and the "Review: N" count in the status bar."""

    decided = Signal()

    def __init__(
        self, workspace: Callable[[], Workspace], bar: QStatusBar, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._parent = parent
        self._view: ReviewView | None = None  # built on first use: it pulls in the matchers
        self.action = QAction(self.tr("Review &queue…"), parent)
        self.action.setObjectName("review.open_queue")
        self.action.setShortcut(QKeySequence("Ctrl+R"))
        tip = self.tr("Decide the items whose answers disagree")
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.triggered.connect(self.open_view)
        self.count_label = QLabel(parent)
        self.count_label.setObjectName("ReviewCount")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setContentsMargins(6, 0, 6, 0)
        self.count_label.setToolTip(tip)
        bar.addPermanentWidget(self.count_label)

    @property
    def view(self) -> ReviewView:
        if self._view is None:
            from .review_view import ReviewView  # scipy and the matchers load only for review

            self._view = ReviewView(self._workspace, self._parent)
            self._view.decided.connect(lambda _hash: self.decided.emit())
        return self._view

    @Slot()
    def open_view(self) -> ReviewView:
        view = self.view
        view.show()
        view.raise_()
        view.activateWindow()
        view.reload()
        return view

    def refresh(self) -> None:
        """New events: the count, and the open view's queue."""
        try:
            count = open_count(self._workspace())
        except Exception as exc:  # a workspace older than the review tables: say so, go on
            self.count_label.setText(self.tr("Review: ?"))
            self.count_label.setToolTip(str(exc))
            return
        self.count_label.setText(self.tr("Review: {n}").format(n=count))
        view = self._view
        if view is not None and view.isVisible() and not view.pending:
            view.queue.reload()

    def shutdown(self) -> None:
        if self._view is not None:
            self._view.shutdown()
