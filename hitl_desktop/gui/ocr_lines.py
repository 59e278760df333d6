"""The OCR lines editor for image and scan-page items: the page's recognised lines as a table.

Kept in step with the canvas through the session's selection (select a row and the box is
selected; select a box and its row is selected and scrolled to). Transcriptions are edited in
place (F2, double-click, or just typing); every keystroke updates the document live and a whole
edit is one undo step (one ``gesture`` per editor). Alt+Up/Alt+Down move the selected lines in
reading order; A accepts the selected suggested lines, Shift+A all of them; Ctrl+Enter marks the
page checked (see ``ocr_lines_model``). "Re-recognise selected boxes" (Ctrl+Shift+R) reads the
selected lines' boxes again on a worker thread, records the reading as an ``ocr.ran`` event with
``regions_only`` and applies the new texts as one undoable step whose lines name that event.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..annotate import Document, OcrLine, Origin, commands
from ..ocr import OcrEngine, make_engine
from ..ocr import OcrLine as ReadLine
from ..ocr.run import load_page, ocr_draft, page_items
from ..workspace import CancelToken
from .editor_common import editor_action, multiscript_font
from .ocr_lines_model import TEXT, OcrLinesModel, Rerecognised, page_checked, set_checked
from .ocr_lines_view import LinesTable, LiveEditDelegate
from .ocr_view import LOW_SCORE

if TYPE_CHECKING:
    from ..workspace import Workspace
    from .document_session import DocumentSession
    from .tasks import Progress, TaskRunner

RERECOGNISE_TASK = "Re-recognise boxes"


class OcrLinesEditor(QWidget):
    """The OCR lines of the open image/scan page; blank for other kinds."""

    def __init__(
        self,
        session: DocumentSession,
        workspace: Callable[[], Workspace],
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        engine_factory: Callable[[], OcrEngine] | None = None,
        low_score: float = LOW_SCORE,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("OcrLinesEditor")
        self.setAccessibleName(self.tr("OCR lines editor"))
        self.session = session
        self._workspace = workspace
        self._runner = runner
        self._engine_factory = engine_factory or (lambda: make_engine("rapidocr"))
        self._engine: OcrEngine | None = None
        self.document: Document | None = None
        self._syncing = False

        self.model = OcrLinesModel(self._on_model_edit, low_score)
        self.table = LinesTable(self)
        self.table.setAccessibleName(self.tr("OCR lines"))
        self.table.setModel(self.model)
        self.table.setItemDelegate(LiveEditDelegate(self))
        self.table.setFont(multiscript_font(11))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._rows_selected)

        self.accept_action = self._action(self.tr("Accept selected OCR lines"), ["A"],
                                          self.accept_selected, "accept")  # fmt: skip
        self.accept_all_action = self._action(self.tr("Accept all OCR lines"), ["Shift+A"],
                                              self.accept_all, "accept_all")  # fmt: skip
        self.up_action = self._action(self.tr("Move line up in reading order"), ["Alt+Up"],
                                      lambda: self.move_selected(-1), "move_up")  # fmt: skip
        self.down_action = self._action(self.tr("Move line down in reading order"),
                                        ["Alt+Down"], lambda: self.move_selected(1),
                                        "move_down")  # fmt: skip
        self.rerecognise_action = self._action(self.tr("Re-recognise selected boxes"),
                                               ["Ctrl+Shift+R"], self.rerecognise_selected,
                                               "rerecognise")  # fmt: skip
        self.checked_action = self._action(self.tr("Page checked"), ["Ctrl+Return", "Ctrl+Enter"],
                                           self.toggle_checked, "checked")  # fmt: skip
        self.checked_action.setCheckable(True)
        # a list, as the main window expects of every editor (it shadows QWidget.actions())
        self.actions: list[QAction] = [  # type: ignore[assignment]
            self.accept_action, self.accept_all_action, self.up_action, self.down_action,
            self.rerecognise_action, self.checked_action,
        ]  # fmt: skip

        self.state = QLabel(self)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        # a tool bar folds what does not fit behind its » button, so the dock can stay narrow
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions([self.accept_all_action, self.rerecognise_action, self.checked_action])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bar)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)

        session.opened.connect(self._opened)
        session.changed.connect(self._refresh)
        session.selection_changed.connect(self._selection_changed)
        self._opened(session.document)

    def _action(self, text: str, keys: list[str], slot: Callable[[], object], name: str) -> QAction:
        return editor_action(self, f"ocr_lines.{name}", text, keys, slot)

    # ------------------------------------------------------------------ showing
    def _is_page(self, doc: Document | None) -> bool:
        if doc is None or doc.text is not None:
            return False
        return bool(page_items(self._workspace(), [doc.item_id]))

    @Slot(object)
    def _opened(self, doc: Document | None) -> None:
        self.document = doc if self._is_page(doc) else None
        self.setEnabled(self.document is not None)
        self._refresh()

    @Slot()
    def _refresh(self) -> None:
        doc = self.document
        self.model.refresh(doc)
        self._select_rows(self.session.selection, scroll=False)
        checked = doc is not None and page_checked(doc)
        self.checked_action.setChecked(checked)
        for action in self.actions:
            action.setEnabled(doc is not None)
        self.state.setText(self._state_text(doc, checked))

    def _state_text(self, doc: Document | None, checked: bool) -> str:
        if doc is None:
            return self.tr("Open an image or page to see its OCR lines.")
        rows = self.model.rows
        pending = sum(1 for r in rows if r.pending)
        low = sum(1 for r in rows if self.model.is_low(r))
        parts = [self.tr("✔ Page checked") if checked
                 else self.tr("Not checked (Ctrl+Enter when done)")]  # fmt: skip
        parts.append(self.tr("%n line(s)", "", len(rows) - pending))
        if pending:
            parts.append(self.tr("%n suggested (A accepts)", "", pending))
        if low:
            parts.append(self.tr("%n low-confidence", "", low))
        if self._runner.is_running(RERECOGNISE_TASK):
            parts.append(self.tr("re-recognising…"))
        return " · ".join(parts)

    def set_low_score(self, threshold: float) -> None:
        """Lines read with a score under ``threshold`` are marked low."""
        self.model.low_score = threshold
        self._refresh()

    def current_is_pending(self) -> bool:
        row = self.table.currentIndex().row()
        return 0 <= row < len(self.model.rows) and self.model.rows[row].pending

    # ------------------------------------------------------------------ selection
    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r].ann.id for r in rows if r < len(self.model.rows)]

    @Slot(QItemSelection, QItemSelection)
    def _rows_selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        if not self._syncing:
            self.session.select(self.selected_ids())

    @Slot(list)
    def _selection_changed(self, ids: list[str]) -> None:
        self._select_rows(ids, scroll=True)

    def _select_rows(self, ids: list[str], *, scroll: bool) -> None:
        if ids == self.selected_ids():
            return
        rows = [r for r in (self.model.row_of(i) for i in ids) if r is not None]
        selection = QItemSelection()
        for r in rows:
            selection.select(self.model.index(r, 0), self.model.index(r, 2))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self._syncing = True
        try:
            self.table.selectionModel().select(selection, flags)
            if rows:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(rows[0], TEXT), QItemSelectionModel.SelectionFlag.NoUpdate
                )
                if scroll:
                    self.table.scrollTo(self.model.index(rows[0], TEXT))
        finally:
            self._syncing = False

    # ------------------------------------------------------------------ editing
    def _push(self, make: Callable[[Document], commands.Command]) -> bool:
        return self.session.push_new(make)

    def _on_model_edit(self, ann_id: str, text: str) -> bool:
        return self.edit_text(ann_id, text, None)

    def edit_text(self, ann_id: str, text: str, gesture: str | None) -> bool:
        """Set a line's transcription; calls sharing ``gesture`` undo as one step."""
        doc = self.document
        if doc is None or ann_id not in doc:
            return False
        shape = doc.get(ann_id).shape
        if isinstance(shape, OcrLine) and shape.text == text:
            return False
        return self._push(lambda d: commands.edit_transcription(d, ann_id, text, gesture=gesture))

    def accept_selected(self) -> bool:
        pending = {r.ann.id for r in self.model.rows if r.pending}
        chosen = [i for i in self.selected_ids() if i in pending]
        if not chosen:
            self.session.problem.emit(self.tr("Select suggested (grey) lines to accept."))
            return False
        return self._push(lambda doc: commands.accept_suggestions(doc, chosen))

    def accept_all(self) -> bool:
        pending = [r.ann.id for r in self.model.rows if r.pending]
        if not pending:
            self.session.problem.emit(self.tr("No suggested OCR lines to accept."))
            return False
        return self._push(lambda doc: commands.accept_suggestions(doc, pending))

    def move_selected(self, step: int) -> bool:
        """Move the selected lines one place up (-1) or down (+1) in reading order."""
        doc = self.document
        if doc is None:
            return False
        order = [a.id for a in doc.ocr_lines()]
        chosen = [i for i in self.selected_ids() if i in order]
        if not chosen:
            self.session.problem.emit(self.tr("Select accepted lines to move."))
            return False
        positions = sorted((order.index(i) for i in chosen), reverse=step > 0)
        for pos in positions:
            target = pos + step
            if not 0 <= target < len(order) or order[target] in chosen:
                return False  # already at the edge: nothing moves
            order[pos], order[target] = order[target], order[pos]
        return self._push(lambda d: commands.reorder_lines(d, order))

    def toggle_checked(self) -> bool:
        doc = self.document
        if doc is None:
            return False
        return self._push(lambda d: set_checked(d, not page_checked(d)))

    # ------------------------------------------------------------------ re-recognising
    def rerecognise_selected(self) -> bool:
        """Read the selected lines' boxes again with the OCR engine, off the GUI thread."""
        doc = self.document
        if doc is None:
            return False
        if self._runner.is_running(RERECOGNISE_TASK):
            self.session.problem.emit(self.tr("Already re-recognising; wait for it to finish."))
            return False
        ids = [i for i in self.selected_ids() if i in doc]
        if not ids:
            self.session.problem.emit(self.tr("Select accepted lines to re-recognise."))
            return False
        quads = [doc.get(i).shape.quad for i in ids]  # type: ignore[union-attr]
        item_id, ws = doc.item_id, self._workspace()

        def job(cancel: CancelToken, progress: Progress) -> tuple[str, list[str], list[ReadLine], str, str]:  # fmt: skip
            progress(0, 1, "loading the OCR model")
            if self._engine is None:  # only one job at a time (checked above)
                self._engine = self._engine_factory()
            engine = self._engine
            [item] = page_items(ws, [item_id])
            image = load_page(ws, item)
            lines = engine.recognize_regions(image, list(quads))
            [event] = ws.append([ocr_draft(ws, engine, item, image, lines, regions_only=True)])
            progress(1, 1, "")
            return item_id, ids, lines, event.hash, event.actor.removeprefix("model:")

        self._runner.start(RERECOGNISE_TASK, job, on_done=self._rerecognised,
                           on_error=self._failed)  # fmt: skip
        self._refresh()
        return True

    def _rerecognised(self, result: tuple[str, list[str], list[ReadLine], str, str]) -> None:
        item_id, ids, lines, event_hash, model = result
        doc = self.document
        if doc is None or doc.item_id != item_id:
            self.session.problem.emit(self.tr("The re-recognised page is no longer open; the "
                                              "reading is in the log."))  # fmt: skip
            self._refresh()
            return
        pairs = []
        for ann_id, read in zip(ids, lines, strict=True):
            if ann_id not in doc:
                continue
            old = doc.get(ann_id)
            assert isinstance(old.shape, OcrLine)
            origin = Origin("ocr", event_hash, model, min(max(read.score, 0.0), 1.0))
            shape = OcrLine(old.shape.quad, read.text, old.shape.order)
            pairs.append((old, dataclasses.replace(old, shape=shape, origin=origin)))
        if pairs:
            self._push(lambda _doc: Rerecognised(pairs, event_hash))
        self._refresh()

    def _failed(self, exc: BaseException) -> None:
        self.session.problem.emit(self.tr("Re-recognising failed: {error}").format(error=exc))
        self._refresh()

    def shutdown(self) -> None:
        """Forget the cached OCR engine (the runner's owner waits for running jobs)."""
        self._engine = None
