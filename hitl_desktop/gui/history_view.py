"""The "History" panel: the events about the selected item, oldest first."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QDateTime, QLocale, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..workspace import queries
from ..workspace.queries import LogEntry


def _isolate(text: str) -> str:
    """``text`` as a bidi isolate: an Arabic name does not turn the sentence around it."""
    return f"\u2068{text}\u2069"


def _label_names(found: list[dict[str, object]]) -> str:
    return ", ".join(_isolate(n) for n in sorted({str(f["label"]) for f in found}))


def format_time(wall_time: str) -> str:
    """An event's UTC wall time as local time, in the user's locale (ISO-like in the C locale)."""
    when = QDateTime.fromString(wall_time, Qt.DateFormat.ISODateWithMs)
    if not when.isValid():
        return wall_time
    local = when.toLocalTime()
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return local.toString("yyyy-MM-dd HH:mm:ss")
    return locale.toString(local, QLocale.FormatType.ShortFormat)


class HistoryView(QWidget):
    """Lists ``queries.item_history`` for one item: time, event type, actor (role), and what
    the event says (a suggestion's label and score, the number of lines read, …)."""

    TIME, TYPE, ACTOR, DETAILS = range(4)

    def __init__(
        self, reader: Callable[[], sqlite3.Connection], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._reader = reader
        self._item_id: str | None = None
        self._name = ""
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Item history"))
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Time"), self.tr("Event"), self.tr("Actor"), self.tr("Details")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.tree)
        self.show_item(None)

    @property
    def item_id(self) -> str | None:
        return self._item_id

    def entries(self) -> list[tuple[str, str, str]]:
        """The rows as shown (time, event, actor), for tests and accessibility tools."""
        root = self.tree.invisibleRootItem()
        rows = (root.child(i) for i in range(root.childCount()))
        return [(r.text(0), r.text(1), r.text(2)) for r in rows if r is not None]

    def details(self) -> list[str]:
        """The Details column as shown."""
        root = self.tree.invisibleRootItem()
        rows = (root.child(i) for i in range(root.childCount()))
        return [r.text(self.DETAILS) for r in rows if r is not None]

    @Slot(object, str)
    def show_item(self, item_id: str | None, name: str = "") -> None:
        """Show the history of ``item_id`` (None clears the panel)."""
        self._item_id = item_id
        self._name = name
        self.tree.clear()
        if item_id is None:
            self.heading.setText(self.tr("Select an item to see its history."))
            return
        entries = queries.item_history(self._reader(), item_id)
        self.heading.setText(
            (
                self.tr("{name}: 1 event")
                if len(entries) == 1
                else self.tr("{name}: %Ln events", "", len(entries))
            ).format(name=_isolate(name or item_id))
        )
        self.tree.addTopLevelItems([self._row(e) for e in entries])
        for column in (self.TIME, self.TYPE, self.ACTOR):
            self.tree.resizeColumnToContents(column)

    @Slot()
    def reload(self) -> None:
        if self._item_id is not None:
            self.show_item(self._item_id, self._name)

    def _row(self, e: LogEntry) -> QTreeWidgetItem:
        shown = format_time(e.wall_time)
        actor = self.tr("{actor} ({role})").format(actor=e.actor, role=e.role)
        row = QTreeWidgetItem([shown, e.type, actor, self.describe(e.type, e.payload)])
        signed = self.tr("signed") if e.signed else self.tr("covered by its batch's signature")
        row.setToolTip(0, e.wall_time)
        row.setToolTip(
            1,
            self.tr("{type}\nevent {hash}\ndevice {device} #{seq}\n{signed}").format(
                type=e.type,
                hash=e.hash[:16],
                device=e.device_id[:12],
                seq=e.device_seq,
                signed=signed,
            ),
        )
        row.setToolTip(2, actor)
        return row

    def describe(self, type_: str, payload: dict[str, object]) -> str:
        """A short reading of what an event says, for the Details column."""
        if type_ == "prelabel.made":
            parts = []
            labels = payload.get("labels") or []
            if isinstance(labels, list) and labels:
                best = max(labels, key=lambda ls: float(ls["score"]))
                parts.append(
                    self.tr("{label} ({score})").format(
                        label=_isolate(str(best["label"])),
                        score=QLocale().toString(float(best["score"]), "f", 2),
                    )
                )
            spans, boxes = payload.get("spans") or [], payload.get("boxes") or []
            if isinstance(spans, list) and spans:
                count = self.tr("%Ln span(s)", "", len(spans))
                parts.append(f"{count}: {_label_names(spans)}")
            if isinstance(boxes, list) and boxes:
                count = self.tr("%Ln box(es)", "", len(boxes))
                parts.append(f"{count}: {_label_names(boxes)}")
            return "; ".join(parts)
        if type_ == "ocr.ran":
            lines = payload.get("lines") or []
            return self.tr("%Ln line(s) read", "", len(lines) if isinstance(lines, list) else 0)
        if type_ in ("item.imported", "item.derived"):
            return _isolate(str(payload.get("name", "")))
        return ""
