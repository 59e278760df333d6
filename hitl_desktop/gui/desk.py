"""The worker's desk: the editors around the one document session, and how to move between items.

The centre shows the editor for the open item's kind (the image canvas for images and pages,
the span editor for texts, a note for containers such as a PDF); docks hold the label
palette, the OCR lines and the classification panel. Moving to another item saves the one
left (in the background) first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..annotate import Document
from ..prelabel import list_models
from ..schema import Schema, schema_for
from ..workspace import Workspace
from .canvas.editor import ImageEditor
from .classify_panel import ClassificationPanel
from .document_session import DocumentSession
from .label_palette import LabelPalette
from .ocr_lines import OcrLinesEditor
from .tasks import TaskRunner
from .text_editor import TextSpanEditor

DOCK_MIN_WIDTH = 180


class LabelDock(QWidget):
    """The palette plus a field to add a label (kept per workspace, beside a schema's labels)."""

    def __init__(self, palette: LabelPalette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label_palette = palette
        self.new_label = QLineEdit(self)
        self.new_label.setPlaceholderText(self.tr("Add a label…"))
        self.new_label.setClearButtonEnabled(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(palette, 1)
        layout.addWidget(self.new_label)


class Desk(QObject):
    """Builds the editors for one window; ``actions`` are the desk's own (navigation, save)."""

    def __init__(
        self,
        workspace: Callable[[], Workspace],
        parent: QWidget,
        settings: Callable[[], QSettings] | None = None,
    ) -> None:
        super().__init__(parent)
        # The editors' own background work (decoding pages, re-reading boxes) runs apart from
        # the window's long jobs, so a page being decoded never blocks "Run OCR" and the like.
        runner = self.runner = TaskRunner(self, max_threads=2)
        self._workspace = workspace
        self._settings = settings
        self.session = DocumentSession(workspace, self)
        self.palette = LabelPalette()
        self.label_dock = LabelDock(self.palette)
        self.label_dock.new_label.returnPressed.connect(self._add_label)
        self.session.opened.connect(self._offer_labels)  # before the editors draw the item
        self.image_editor = ImageEditor(self.session, workspace, runner)
        self.image_editor.set_palette(self.palette)
        # its status line may be long; it must not set the window's minimum width
        self.image_editor.status.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )
        self.text_editor = TextSpanEditor(self.session, workspace, runner, palette=self.palette)
        self.ocr_lines = OcrLinesEditor(self.session, workspace, runner)
        self.classify = ClassificationPanel(self.session, workspace, runner, palette=self.palette)

        # Docked beside the editor: narrow is fine (their tables scroll, their tool bars fold),
        # so the window fits small screens.
        self.label_dock.setMinimumWidth(DOCK_MIN_WIDTH)
        self.classify.setMinimumWidth(DOCK_MIN_WIDTH)
        self.ocr_lines.setMinimumWidth(DOCK_MIN_WIDTH)

        self.placeholder = QLabel(parent)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)  # the muted colour
        self.stack = QStackedWidget(parent)
        self.stack.setObjectName("EditorStack")
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.image_editor)
        self.stack.addWidget(self.text_editor)
        self.session.opened.connect(self._opened)
        self._offer_labels(None)
        self._opened(None)

        self.next_action = self._action("desk.next_item", self.tr("&Next item"), "Ctrl+Down")
        self.previous_action = self._action(
            "desk.previous_item", self.tr("&Previous item"), "Ctrl+Up"
        )
        self.next_new_action = self._action(
            "desk.next_new_item", self.tr("Next item &to do"), "Ctrl+Shift+Down"
        )
        self.session.undo_action.setObjectName("edit.undo")
        self.session.redo_action.setObjectName("edit.redo")
        self.session.save_action.setObjectName("edit.save")

    def shutdown(self) -> None:
        """Save the open item, wait for the save, stop the editors' background work."""
        self.session.open_item(None)
        self.session.wait_for_saves()
        self.runner.shutdown()

    def _action(self, name: str, text: str, keys: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        return action

    @property
    def editor_actions(self) -> dict[str, list[QAction]]:
        """The editors' actions by editor, for the menus and the shortcut dialog."""
        return {
            self.tr("Image editor"): list(self.image_editor.actions),
            self.tr("Text editor"): list(self.text_editor.actions),
            self.tr("OCR lines"): list(self.ocr_lines.actions),
            self.tr("Classification"): list(self.classify.actions),
        }

    # ------------------------------------------------------------------ opening
    @Slot(object)
    def _offer_labels(self, doc: Document | None) -> None:
        """The palette's labels, colours and keys for ``doc`` (connected before the editors, so
        they draw the item with the schema's colours)."""
        kind = self._kind(doc.item_id) if doc is not None else None
        schema = self._schema_for(doc)
        if schema is None:
            self.palette.set_labels(self._labels_for(doc))
            self.classify.set_labels([])
        else:
            shapes = ("box", "polygon", "point") if kind in ("image", "scan_page") else ("span",)
            labels = [lb for t in schema.tasks if t.annotation_kind in shapes for lb in t.labels]
            names = [lb.name for lb in labels]
            self.palette.set_labels(
                [*names, *self._labels_for(doc)],
                colors={lb.name: lb.colour for lb in labels},
                hotkeys={lb.name: lb.hotkey for lb in labels if lb.hotkey},
            )
            class_tasks = schema.tasks_for("classification")
            if class_tasks:
                multi = any(t.kind == "classification_multi" for t in class_tasks)
                if multi != self.classify.multi_label:
                    self.classify.set_multi_label(multi)
            self.classify.set_labels([lb.name for t in class_tasks for lb in t.labels])

    @Slot(object)
    def _opened(self, doc: Document | None) -> None:
        kind = self._kind(doc.item_id) if doc is not None else None
        if kind in ("image", "scan_page"):
            self.stack.setCurrentWidget(self.image_editor)
        elif doc is not None and doc.text is not None:
            self.stack.setCurrentWidget(self.text_editor)
        else:
            self.placeholder.setText(
                self.tr("Select an item to annotate it.")
                if doc is None
                else self.tr("This item holds other items (pages or rows); select one of them.")
            )
            self.stack.setCurrentWidget(self.placeholder)

    def refresh_labels(self) -> None:
        """Offer the labels again (a schema was published)."""
        self._offer_labels(self.session.document)

    def _schema_for(self, doc: Document | None) -> Schema | None:
        """The published schema the item is labelled under, if any."""
        return schema_for(self._workspace().reader(), doc.schema_ref) if doc is not None else None

    def _kind(self, item_id: str) -> str | None:
        conn = self._workspace().reader()
        row = conn.execute("SELECT kind FROM items WHERE id = ?", (item_id,)).fetchone()
        return str(row[0]) if row else None

    def _labels_for(self, doc: Document | None) -> list[str]:
        """The label set the item was labelled or pre-labelled under, the labels on it, and the
        labels added by hand in this workspace."""
        names: list[str] = []
        if doc is not None:
            if doc.schema_ref:
                for record in list_models(self._workspace()):
                    if record.label_set is not None and record.label_set.ref == doc.schema_ref:
                        names += record.label_set.names
                        break
            for ann in [*doc.annotations, *doc.suggestions]:
                if ann.label:
                    names.append(ann.label)
        return [*names, *self._added_labels()]

    def _settings_key(self) -> str:
        return f"labels/{self._workspace().project_id or 'default'}"

    def _added_labels(self) -> list[str]:
        if self._settings is None:
            return []
        value = self._settings().value(self._settings_key(), [])
        return [str(v) for v in value] if isinstance(value, list) else [str(value)] if value else []

    @Slot()
    def _add_label(self) -> None:
        name = self.label_dock.new_label.text().strip()
        if not name:
            return
        self.label_dock.new_label.clear()
        if self._settings is not None:
            added = self._added_labels()
            if name not in added:
                self._settings().setValue(self._settings_key(), [*added, name])
        self.palette.set_labels([*self.palette.labels, name])
        self.palette.choose(name)
