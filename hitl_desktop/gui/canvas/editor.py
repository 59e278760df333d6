"""The image and scan-page editor: the page, its annotations and suggestions, and the tools.

``ImageEditor(session, workspace, runner, parent)`` shows the session's document when the
item is an image or a scan page and is blank otherwise. It edits only through
``session.push``; on ``session.changed`` it redraws only the annotations whose value changed
(a diff by id and value), so a page with thousands of boxes stays quick to edit.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt, Slot
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QGraphicsScene, QLabel, QVBoxLayout, QWidget

from ...annotate import Annotation, Document, commands, geometry
from ...workspace import Workspace
from ..document_session import DocumentSession
from ..editor_common import editor_action
from ..label_palette import LabelPalette, color_for
from ..tasks import TaskRunner
from .items import ShapeItem, is_image_annotation
from .tiles import PageTiles
from .tools import HANDLE_PX, Tool, ToolController
from .view import CanvasView

IMAGE_KINDS = ("image", "scan_page")


class ImageEditor(QWidget):
    """Boxes, polygons and points on an image or scan page; see the module docstring."""

    def __init__(
        self,
        session: DocumentSession,
        workspace: Callable[[], Workspace],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ImageEditor")
        self.setAccessibleName(self.tr("Image editor"))
        self.session = session
        self._workspace = workspace
        self.doc: Document | None = None
        self.palette_widget: LabelPalette | None = None
        self._label: str | None = None
        self.scene = QGraphicsScene(self)
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.tiles = PageTiles(runner, self)
        self.view = CanvasView(self.scene, self.tiles, self)
        self.tools = ToolController(self)
        self.view.tools = self.tools
        self.items: dict[str, ShapeItem] = {}
        self._selected: set[str] = set()
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        self._make_actions()

        self.view.zoomed.connect(lambda _zoom: self._show_status())
        self.tiles.ready.connect(self._page_ready)
        self.tiles.failed.connect(self._page_failed)
        self.tiles.notice.connect(self.session.problem)
        session.opened.connect(self._opened)
        session.changed.connect(self._changed)
        session.selection_changed.connect(self._selection_changed)
        self._opened(session.document)

    # ------------------------------------------------------------------ actions
    def _action(self, name: str, text: str, keys: list[str], slot: Callable[[], object]) -> QAction:
        return editor_action(self, f"canvas.{name}", text, keys, slot)

    def _make_actions(self) -> None:
        tool = self._action
        self.tool_actions: dict[Tool, QAction] = {
            "select": tool("select_tool", self.tr("Select tool"), ["V"],
                           lambda: self.set_tool("select")),
            "box": tool("box_tool", self.tr("Box tool"), ["B"], lambda: self.set_tool("box")),
            "polygon": tool("polygon_tool", self.tr("Polygon tool"), ["P"],
                            lambda: self.set_tool("polygon")),
            "point": tool("point_tool", self.tr("Point tool"), ["O"],
                          lambda: self.set_tool("point")),
        }  # fmt: skip
        for action in self.tool_actions.values():
            action.setCheckable(True)
        self.tool_actions["select"].setChecked(True)
        self.accept_action = tool("accept", self.tr("Accept pre-labels (selected, or all)"),
                                  ["A"], self.accept_suggestions)  # fmt: skip
        self.delete_action = tool("delete", self.tr("Delete selected shapes"),
                                  ["Del"], self.delete_selected)  # fmt: skip
        self.zoom_in_action = tool("zoom_in", self.tr("Zoom in"), ["Ctrl+=", "Ctrl++"],
                                   self.view.zoom_in)  # fmt: skip
        self.zoom_out_action = tool("zoom_out", self.tr("Zoom out"), ["Ctrl+-"],
                                    self.view.zoom_out)  # fmt: skip
        self.fit_action = tool("fit", self.tr("Fit page"), ["Ctrl+0"], self.view.fit)
        self.actual_action = tool("actual_size", self.tr("Actual size (100 %)"), ["Ctrl+1"],
                                  self.view.actual_size)  # fmt: skip
        self.actions: list[QAction] = [  # type: ignore[assignment]  # as the other editors
            *self.tool_actions.values(), self.accept_action, self.delete_action,
            self.zoom_in_action, self.zoom_out_action, self.fit_action, self.actual_action,
        ]  # fmt: skip

    # ------------------------------------------------------------------ labels
    def _color_of(self, label: str) -> QColor:
        palette = self.palette_widget
        return palette.color_for(label) if palette is not None else color_for(label)

    def set_palette(self, palette: LabelPalette | None) -> None:
        """Take new shapes' label from ``palette``; choosing a label relabels the selection."""
        if self.palette_widget is not None:
            self.palette_widget.label_chosen.disconnect(self._label_chosen)
        self.palette_widget = palette
        if palette is not None:
            palette.label_chosen.connect(self._label_chosen)

    def set_label(self, name: str | None) -> None:
        """The label new shapes get when no palette is attached (or it has none chosen)."""
        self._label = name
        self._show_status()

    @property
    def current_label(self) -> str | None:
        if self.palette_widget is not None and self.palette_widget.current_label:
            return self.palette_widget.current_label
        return self._label

    @Slot(str)
    def _label_chosen(self, label: str) -> None:
        doc = self.doc
        ids = [i for i in self.session.selection if doc is not None and i in doc]
        if doc is not None and ids and self.isVisible():
            self.session.push(commands.relabel(doc, ids, label))
        self._show_status()

    # ------------------------------------------------------------------ commands
    def set_tool(self, tool: Tool) -> None:
        self.tools.set_tool(tool)
        for name, action in self.tool_actions.items():
            action.setChecked(name == tool)
        cursor = Qt.CursorShape.ArrowCursor if tool == "select" else Qt.CursorShape.CrossCursor
        self.view.viewport().setCursor(cursor)
        self._show_status()

    def accept_suggestions(self) -> None:
        doc = self.doc
        if doc is None or not doc.suggestions:
            return
        pending = {s.id for s in doc.suggestions}
        chosen = [i for i in self.session.selection if i in pending]
        self.session.push(commands.accept_suggestions(doc, chosen or None))

    def delete_selected(self) -> None:
        doc = self.doc
        ids = [i for i in self.session.selection if doc is not None and i in doc]
        if doc is not None and ids:
            self.session.push(commands.delete(ids))

    def page_size(self) -> tuple[int, int] | None:
        if self.doc is not None and self.doc.size is not None:
            return self.doc.size
        p = self.tiles.pyramid
        return (p.width, p.height) if p is not None else None

    # ------------------------------------------------------------------ showing
    def _kind(self, doc: Document) -> str | None:
        row = (
            self._workspace()
            .reader()
            .execute("SELECT kind FROM items WHERE id = ?", (doc.item_id,))
            .fetchone()
        )
        return str(row[0]) if row else None

    @Slot(object)
    def _opened(self, doc: Document | None) -> None:
        self.tools.cancel()
        self.tools.drag = None
        self.scene.clear()
        self.items = {}
        self._selected = set()
        shown = doc is not None and doc.blob_sha256 is not None and self._kind(doc) in IMAGE_KINDS
        self.doc = doc if shown else None
        self.tiles.open(self._workspace, doc.blob_sha256 if shown and doc is not None else None)
        for action in self.actions:
            action.setEnabled(self.doc is not None)
        self.setEnabled(self.doc is not None)
        if self.doc is not None:
            if self.doc.size is not None:
                self.view.set_page(*self.doc.size)
            self._changed()
        self._show_status()

    @Slot()
    def _page_ready(self) -> None:
        p = self.tiles.pyramid
        if p is None:
            return
        if self.doc is not None and self.doc.size != (p.width, p.height):
            if self.doc.size is not None:
                self.session.problem.emit(
                    self.tr(
                        "The page image is {w} x {h} pixels but the item records {rw} x {rh}."
                    ).format(w=p.width, h=p.height, rw=self.doc.size[0], rh=self.doc.size[1])
                )
            else:
                self.view.set_page(p.width, p.height)
        self.view.viewport().update()
        self._show_status()

    @Slot(str)
    def _page_failed(self, message: str) -> None:
        self.session.problem.emit(self.tr("The page cannot be shown: {error}").format(
            error=message))  # fmt: skip
        self._show_status(message)

    @Slot()
    def _changed(self) -> None:
        """Bring the items in step with the document: add, drop and redraw by id and value."""
        doc = self.doc
        if doc is None:
            return
        wanted: dict[str, tuple[Annotation, bool]] = {}
        for a in doc.suggestions:
            if is_image_annotation(a):
                wanted[a.id] = (a, True)
        for a in doc.annotations:
            if is_image_annotation(a):
                wanted[a.id] = (a, False)
        for ann_id in [i for i in self.items if i not in wanted]:
            self._handles_dirty(self.items[ann_id].ann)
            self.scene.removeItem(self.items.pop(ann_id))
        for ann_id, (ann, suggestion) in wanted.items():
            item = self.items.get(ann_id)
            if item is not None and item.suggestion == suggestion:
                if item.ann is not ann and item.ann != ann:
                    if ann_id in self._selected:
                        self._handles_dirty(item.ann)
                        self._handles_dirty(ann)
                    item.set_annotation(ann)
                continue
            if item is not None:
                self.scene.removeItem(item)
            item = ShapeItem(ann, suggestion, self._color_of)
            item.set_selected(ann_id in self._selected)
            self.items[ann_id] = item
            self.scene.addItem(item)
        self._show_status()

    @Slot(list)
    def _selection_changed(self, ids: list[str]) -> None:
        now = set(ids)
        for ann_id in self._selected ^ now:
            item = self.items.get(ann_id)
            if item is not None:
                item.set_selected(ann_id in now)
                self._handles_dirty(item.ann)
        self._selected = now
        self._show_status()

    def _handles_dirty(self, ann: Annotation) -> None:
        """Repaint where a selected shape's handles are (they reach past its bounds)."""
        shape = ann.shape
        if not is_image_annotation(ann):
            return
        b = geometry.bounds(shape)  # type: ignore[arg-type]
        rect = self.view.mapFromScene(QRectF(b.x0, b.y0, b.width, b.height)).boundingRect()
        pad = int(HANDLE_PX) + 3
        self.view.viewport().update(rect.adjusted(-pad, -pad, pad, pad))

    def _show_status(self, message: str = "") -> None:
        if self.doc is None:
            self.status.setText("")
            return
        tool = {"select": self.tr("Select"), "box": self.tr("Box"), "polygon": self.tr("Polygon"),
                "point": self.tr("Point")}[self.tools.tool]  # fmt: skip
        page = self.tr("loading page…") if self.tiles.loading else ""
        text = self.tr("{tool} · label: {label} · {n} shapes, {s} pre-labels · {zoom:.0f} %").format(
            tool=tool, label=self.current_label or "—", n=len(self.doc),
            s=len(self.doc.suggestions), zoom=self.view.zoom * 100,
        )  # fmt: skip
        self.status.setText(" · ".join(t for t in (text, page, message) if t))
