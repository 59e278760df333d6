"""The Provenance dock: the current item's event graph, and the details of the event clicked.

The graph is computed off the GUI thread (a long history reads many events and checks their
signatures) and only while the dock is visible; a newer item replaces a result still on its way.
"""

from __future__ import annotations

import html
import sqlite3
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..insights.provenance import ItemProvenance, ProvNode, item_provenance
from .history_view import format_time
from .provenance_graph import KIND_COLOURS, ProvenanceGraphView, kind_title
from .tasks import TaskHandle, TaskRunner

Reader = Callable[[], sqlite3.Connection]


class ProvenanceView(QWidget):
    """Draws ``item_provenance`` for one item; clicking a node fills the details below."""

    graph_shown = Signal(str)  # the item id, once its graph is drawn

    def __init__(self, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._runner = TaskRunner(self, max_threads=1)
        self._handle: TaskHandle | None = None
        self._generation = 0
        self._item_id: str | None = None
        self._name = ""
        self._stale = False
        self.graph: ItemProvenance | None = None
        self.selected: str | None = None
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.legend = QLabel(self._legend(), self)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.view = ProvenanceGraphView(self)
        self.view.setAccessibleName(self.tr("Provenance graph"))
        self.scene = self.view.graph_scene
        self.scene.node_clicked.connect(self.show_details)
        self.details_tree = QTreeWidget(self)
        self.details_tree.setAccessibleName(self.tr("Event details"))
        self.details_tree.setColumnCount(2)
        self.details_tree.setHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.details_tree.setRootIsDecorated(False)
        self.details_tree.setAlternatingRowColors(True)
        self.details_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details_tree)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([300, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.legend)
        layout.addWidget(splitter)
        self.show_item(None)

    @property
    def item_id(self) -> str | None:
        return self._item_id

    def _legend(self) -> str:
        """The colour of each kind of event and what the badges mean (the drawing's key)."""
        kinds = " ".join(
            f'<span style="background:{KIND_COLOURS[k]}; color:#1a1a1a">&nbsp;'
            f"{html.escape(kind_title(k))}&nbsp;</span>"
            for k in ("import", "page", "ocr", "prelabel", "correction", "review", "export")
        )
        badges = self.tr("✓ signed, ? not yet signed, ! failed verification")
        return f"{kinds}<br><small>{html.escape(badges)}</small>"

    @Slot(object, str)
    def show_item(self, item_id: str | None, name: str = "") -> None:
        """Follow ``item_id`` (None clears); computed now if visible, else when shown."""
        self._item_id, self._name = item_id, name
        self._generation += 1
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        if item_id is None:
            self._clear(self.tr("Select an item to see where it came from."))
            return
        if not self.isVisible():
            self._stale = True
            return
        self._load()

    @Slot()
    def reload(self) -> None:
        if self._item_id is not None:
            self.show_item(self._item_id, self._name)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self._item_id is not None:
            self._load()

    def _load(self) -> None:
        self._stale = False
        item_id, generation, reader = self._item_id, self._generation, self._reader
        assert item_id is not None
        self.heading.setText(self.tr("Reading the history of {name}…").format(
            name=self._shown_name()))  # fmt: skip

        def job(_cancel: Any, _progress: Any) -> ItemProvenance:
            return item_provenance(reader(), item_id)

        def done(graph: ItemProvenance) -> None:
            if generation == self._generation:
                self._draw(graph)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self._clear(self.tr("Could not read this item's history: {error}").format(
                    error=str(exc)))  # fmt: skip

        self._handle = self._runner.start("provenance", job, on_done=done, on_error=failed)

    def _shown_name(self) -> str:
        return f"\u2068{self._name or self._item_id or ''}\u2069"

    def _clear(self, message: str) -> None:
        self.graph = None
        self.selected = None
        self.scene.clear()
        self.scene.nodes = {}
        self.details_tree.clear()
        self.heading.setText(message)

    def _draw(self, graph: ItemProvenance) -> None:
        keep = self.selected
        self.graph = graph
        self.details_tree.clear()
        self.selected = None
        self.scene.draw(graph, {n.hash: format_time(n.time) for n in graph.nodes})
        self.view.fit()
        n = len(graph.nodes)
        name = self._shown_name()
        if n == 0:
            self.heading.setText(self.tr("{name}: no events recorded").format(name=name))
        else:
            text = (
                self.tr("{name}: 1 event. Click it for its details.")
                if n == 1
                else self.tr("{name}: %Ln events. Click one for its details.", "", n)
            )
            self.heading.setText(text.format(name=name))
        if keep is not None and keep in self.scene.nodes:
            self.scene.select(keep)
        self.graph_shown.emit(graph.item_id)

    def node_hashes(self) -> list[str]:
        """The nodes drawn, in causal order (for tests and accessibility tools)."""
        return list(self.scene.nodes)

    def click_node(self, hash_: str) -> None:
        """Select a node as a click would."""
        self.scene.select(hash_)

    def verification_text(self, node: ProvNode) -> str:
        texts = {
            "signed": self.tr("Signed: its own signature is valid"),
            "sealed": self.tr("Signed with its batch: a later signature covers it"),
            "unsigned": self.tr("Not covered by a signature yet"),
            "bad": self.tr("Failed verification: do not trust this event"),
        }
        return texts.get(node.verification, node.verification)

    @Slot(str)
    def show_details(self, hash_: str) -> None:
        """The clicked event: who, in which role, with what, when, hashes and verification."""
        if self.graph is None:
            return
        try:
            node = self.graph.node(hash_)
        except KeyError:
            return
        self.selected = hash_
        device = f"{node.device_label} ({node.device_id[:12]})" if node.device_label else (
            node.device_id[:12])  # fmt: skip
        rows = [
            (self.tr("Event"), f"{kind_title(node.kind)} ({node.type})"),
            (self.tr("Actor"), node.actor),
            (self.tr("Role"), node.role),
            (self.tr("Agent"), node.agent),
            (self.tr("Device"), device),
            (self.tr("Time"), format_time(node.time)),
            (self.tr("Verification"), self.verification_text(node)),
            (self.tr("Checked"), node.verification_detail),
            (self.tr("Event hash"), node.hash),
            (self.tr("Previous hash"), node.prev_hash),
        ]
        rows += [(self.tr("Based on"), b) for b in node.base]
        rows += [(self.tr("Content hash"), b) for b in node.blobs]
        rows += [(key, _value(value)) for key, value in node.parameters.items()]
        self.details_tree.clear()
        for field, value in rows:
            row = QTreeWidgetItem([field, value])
            row.setToolTip(1, value)
            self.details_tree.addTopLevelItem(row)
        self.details_tree.resizeColumnToContents(0)

    def details(self) -> dict[str, str]:
        """The details shown, field -> value (the first row of each field)."""
        root = self.details_tree.invisibleRootItem()
        out: dict[str, str] = {}
        for i in range(root.childCount()):
            row = root.child(i)
            if row is not None:
                out.setdefault(row.text(0), row.text(1))
        return out


def _value(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def insights_menu(window: QMainWindow) -> QMenu:
    """The window's Insights menu (shared with the dashboard), made before Help if missing."""
    bar = window.menuBar()
    title = QCoreApplication.translate("MainWindow", "&Insights")
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and (
            menu.objectName() == "InsightsMenu" or menu.title() == title
        ):
            return menu
    menu = QMenu(title, window)
    menu.setObjectName("InsightsMenu")
    menu.setToolTipsVisible(True)
    help_menu = getattr(window, "help_menu", None)
    if isinstance(help_menu, QMenu):
        bar.insertMenu(help_menu.menuAction(), menu)
    else:
        bar.addMenu(menu)
    return menu


class ProvenanceDocks(QObject):
    """The dock beside the editor and Insights → Dataset provenance…, for the main window."""

    def __init__(self, window: QMainWindow, dock: QDockWidget) -> None:
        super().__init__(window)
        self.window = window
        self.dock = dock
        self.view: ProvenanceView | None = None
        self._reader: Reader | None = None
        self._current: tuple[str | None, str] = (None, "")
        dock.visibilityChanged.connect(self._build_view)
        self.flow_action = QAction(self.tr("Dataset &provenance…"), window)
        self.flow_action.setObjectName("main.dataset_provenance")
        tip = self.tr("Sources, items, pre-labelled, corrected, reviewed, exported: the counts")
        self.flow_action.setStatusTip(tip)
        self.flow_action.triggered.connect(self.show_flow)
        self.flow_window: QWidget | None = None

    def add_menus(self, view_menu: QMenu) -> None:
        toggle = self.dock.toggleViewAction()
        toggle.setText(self.tr("&Provenance"))
        view_menu.addAction(toggle)
        insights_menu(self.window).addAction(self.flow_action)

    def set_workspace(self, reader: Reader, current_item_changed: Any) -> None:
        """Follow ``current_item_changed`` over ``reader``'s workspace. The view is built the
        first time the dock is shown: an empty placeholder keeps the saved window layout (and
        start-up) as they were for people who never open it."""
        old = self.dock.widget()
        self._reader = reader
        self._current = (None, "")
        self.view = None
        self.dock.setWidget(QWidget(self.dock))  # empty: even a label's height moves the layout
        current_item_changed.connect(self._current_changed)
        if old is not None:
            old.deleteLater()
        if self.dock.isVisible():
            self._build_view(True)

    @Slot(object, str)
    def _current_changed(self, item_id: str | None, name: str) -> None:
        self._current = (item_id, name)
        if self.view is not None:
            self.view.show_item(item_id, name)

    @Slot(bool)
    def _build_view(self, visible: bool) -> None:
        if not visible or self.view is not None or self._reader is None:
            return
        old = self.dock.widget()
        self.view = ProvenanceView(self._reader, self.dock)
        self.dock.setWidget(self.view)
        if old is not None:
            old.deleteLater()
        self.view.show_item(*self._current)

    @Slot()
    def reload(self) -> None:
        if self.view is not None:
            self.view.reload()

    @Slot()
    def show_flow(self) -> QWidget | None:
        from .provenance_flow import ProvenanceFlowWindow

        if self._reader is None:
            return None
        if self.flow_window is not None:
            self.flow_window.close()
        self.flow_window = ProvenanceFlowWindow(self._reader, self.window)
        self.flow_window.show()
        return self.flow_window
