"""The item being edited: its ``annotate.Document``, the selection, undo/redo, autosave, save.

Every editor view (image canvas, OCR lines, text spans, classification) takes the one
``DocumentSession`` of the window: it edits by ``session.push(command)`` and redraws on
``changed``; a selection made in one view is ``select``-ed here and the others follow
through ``selection_changed``. Nothing else holds the document.

Saving: ``open_item`` saves the previous item first (an ``annotation.revised`` event appended
on the workspace's writer thread, never blocking the GUI); after ``AUTOSAVE_MS`` without edits
the unsaved state goes to the draft journal, so a crash loses at most the edit in progress.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence

from ..annotate import (
    AnnotateError,
    Command,
    Document,
    autosave,
    finish_save,
    open_document,
    prepare_save,
    recover,
    restore_draft,
)
from ..workspace import Workspace
from .i18n import edit_name

AUTOSAVE_MS = 1500  # idle time after an edit before the draft journal is written


class DocumentSession(QObject):
    """Owns the open document. Signals: ``opened`` (new item or None), ``changed`` (any edit,
    undo or redo), ``selection_changed`` (annotation ids), ``saved`` (event hash),
    ``problem`` (a message for the status bar)."""

    opened = Signal(object)
    changed = Signal()
    selection_changed = Signal(list)
    saved = Signal(str)
    problem = Signal(str)

    def __init__(self, workspace: Callable[[], Workspace], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.document: Document | None = None
        self.selection: list[str] = []
        self.pending_saves = 0
        self.recovered = False  # the open item came back from a draft

        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(AUTOSAVE_MS)
        self._idle.timeout.connect(self.autosave_now)

        self.undo_action = QAction(self.tr("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self.tr("&Redo"), self)
        self.redo_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        self.redo_action.triggered.connect(self.redo)
        self.save_action = QAction(self.tr("&Save item"), self)
        self.save_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.save_action.triggered.connect(self.save)
        self._update_actions()

    # ------------------------------------------------------------------ opening
    def open_item(self, item_id: str | None) -> Document | None:
        """Save the current item (if edited), then open ``item_id`` with any recovered draft.

        Opening the item already open keeps it as it is (with its undo history)."""
        if item_id is not None and self.document is not None and self.document.item_id == item_id:
            return self.document
        self.save()
        self.document = None
        self.selection = []
        self.recovered = False
        if item_id is not None:
            ws = self._workspace()
            try:
                doc = open_document(ws, item_id)
                draft = None if ws.readonly else recover(ws, item_id)
            except AnnotateError as exc:
                self.problem.emit(str(exc))
                doc, draft = None, None
            if doc is not None:
                doc.listeners.append(self._on_document_changed)
                if draft is not None:
                    restore_draft(doc, draft)
                    self.recovered = True
                    self.problem.emit(
                        self.tr("Unsaved edits of this item from an earlier session are back.")
                    )
                for message in doc.problems:
                    self.problem.emit(message)
            self.document = doc
        self._update_actions()
        self.opened.emit(self.document)
        self.selection_changed.emit([])
        return self.document

    def refresh(self) -> None:
        """Re-read the open item (new OCR lines or pre-labels to show) unless it has unsaved
        edits; those keep what they started from, and the suggestions show on the next open."""
        doc = self.document
        if doc is None or doc.dirty or self.pending_saves:
            return
        self.document = None
        self.open_item(doc.item_id)

    # ------------------------------------------------------------------ editing
    def push(self, command: Command) -> bool:
        """Apply an edit; False (and a message) when the document refuses it."""
        doc = self.document
        if doc is None:
            return False
        if self._workspace().readonly:
            self.problem.emit(self.tr("This workspace is open read-only; edits cannot be saved."))
            return False
        try:
            doc.push(command)
        except AnnotateError as exc:
            self.problem.emit(str(exc))
            return False
        return True

    def push_new(self, make: Callable[[Document], Command]) -> bool:
        """Build an edit from the open document and apply it; a command the document refuses
        to build (an ``EditError``) becomes a message, like a refused edit."""
        doc = self.document
        if doc is None:
            return False
        try:
            command = make(doc)
        except AnnotateError as exc:
            self.problem.emit(str(exc))
            return False
        return self.push(command)

    def select(self, ids: Iterable[str]) -> None:
        chosen = list(dict.fromkeys(ids))
        if chosen != self.selection:
            self.selection = chosen
            self.selection_changed.emit(chosen)

    @Slot()
    def undo(self) -> None:
        if self.document is not None:
            self.document.undo()

    @Slot()
    def redo(self) -> None:
        if self.document is not None:
            self.document.redo()

    def _on_document_changed(self, doc: Document) -> None:
        if doc is not self.document:
            return
        known = [i for i in self.selection if i in doc or i in {s.id for s in doc.suggestions}]
        if known != self.selection:
            self.select(known)
        self._idle.start()
        self._update_actions()
        self.changed.emit()

    # ------------------------------------------------------------------ saving
    @Slot()
    def autosave_now(self) -> None:
        """Write the unsaved state to the draft journal (idle timer, and before closing)."""
        doc = self.document
        if doc is None or doc.journal is None or self._workspace().readonly:
            return
        try:
            autosave(doc)
        except (AnnotateError, OSError) as exc:
            self.problem.emit(self.tr("Could not keep a draft: {error}").format(error=exc))

    @Slot()
    def save(self) -> bool:
        """Append the open item's edits as a revision (in the background); False if nothing to
        save. The draft stays until the revision is committed."""
        doc = self.document
        ws = self._workspace()
        if doc is None or not doc.dirty or ws.readonly:
            return False
        self._idle.stop()
        self.autosave_now()  # if the append fails, the draft still holds the edits
        try:
            pending = prepare_save(ws, doc)
        except AnnotateError as exc:
            self.problem.emit(str(exc))
            return False
        if pending is None:
            return False
        future = ws.submit([pending.draft])
        self.pending_saves += 1

        def done() -> None:
            self.pending_saves -= 1
            try:
                [event] = future.result()
            except Exception as exc:  # the writer reports any failure; the draft keeps the edits
                self.problem.emit(self.tr("Saving failed: {error}").format(error=exc))
                return
            finish_save(doc, pending, event)
            self._update_actions()
            self.saved.emit(event.hash)

        # the future completes on the writer thread: finish on the GUI thread
        future.add_done_callback(lambda _f: QTimer.singleShot(0, self, done))
        return True

    def wait_for_saves(self, timeout_ms: int = 10_000) -> bool:
        """Process events until every save in flight finished (closing, tests)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer

        deadline = QDeadlineTimer(timeout_ms)
        while self.pending_saves and not deadline.hasExpired():
            QCoreApplication.processEvents()
        return not self.pending_saves

    def _update_actions(self) -> None:
        doc = self.document
        can_undo = doc is not None and doc.stack.can_undo
        can_redo = doc is not None and doc.stack.can_redo
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        self.save_action.setEnabled(doc is not None and doc.dirty)
        undo_text = doc.stack.undo_text if doc is not None and can_undo else ""
        redo_text = doc.stack.redo_text if doc is not None and can_redo else ""
        self.undo_action.setText(
            self.tr("&Undo {edit}").format(edit=edit_name(undo_text))
            if undo_text
            else self.tr("&Undo")
        )
        self.redo_action.setText(
            self.tr("&Redo {edit}").format(edit=edit_name(redo_text))
            if redo_text
            else self.tr("&Redo")
        )
