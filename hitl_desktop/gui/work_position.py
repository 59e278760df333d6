"""Where the worker is: "Item 3 of 120 · 5 saved today", and the jump to the next item to do."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ..workspace import Workspace, queries
from .item_browser import ItemBrowser


def local_midnight_ms() -> int:
    """Today's local midnight in Unix milliseconds (what the log's clock counts)."""
    midnight = datetime.now().astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    return int(midnight.timestamp() * 1000)


class WorkPosition(QLabel):
    """The status bar's position in the list and the revisions this device saved today."""

    def __init__(self, workspace: Callable[[], Workspace], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WorkPosition")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._workspace = workspace

    def update_for(self, browser: ItemBrowser) -> None:
        ws = self._workspace()
        conn = ws.reader()
        total = browser.model.rowCount()
        current = browser.current_item_id()
        row = queries.row_of(conn, browser.model.item_filter, current) if current else None
        parts = []
        if row is not None:
            parts.append(self.tr("Item {n} of {total}").format(n=row + 1, total=total))
        if not ws.readonly:
            done = queries.saved_since(conn, ws.profile.name, local_midnight_ms())
            parts.append(self.tr("%Ln saved today", "", done))
        self.setText(" · ".join(parts))


def select_next_new(browser: ItemBrowser, workspace: Workspace) -> bool:
    """Select the next item still "new" after the current one (wrapping to the top); False
    when none is left in the list."""
    conn = workspace.reader()
    f = browser.model.item_filter
    current = browser.current_item_id()
    found = queries.next_new_item(conn, f, current) or queries.next_new_item(conn, f, None)
    if found is None or found == current:
        return False
    row = queries.row_of(conn, f, found)
    if row is None:
        return False
    browser.select_row(row)
    return True
