"""Edit and adjudicate: the checker corrects an answer in the real editor, and the result is
recorded as the review decision (``adjudicate``), not as a worker's revision.

The dialog edits a private document that starts from the checker's merge picks (the left
answer where nothing is picked); it never saves a revision or a draft of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from ..annotate import Annotation, Document
from ..review.view_model import ReviewPage
from ..workspace import Workspace
from .canvas.editor import ImageEditor
from .document_session import DocumentSession
from .tasks import TaskRunner
from .text_editor import TextSpanEditor


class _AnswerSession(DocumentSession):
    """A session over one in-memory document: no opening, saving or draft journal."""

    def __init__(
        self, workspace: Callable[[], Workspace], doc: Document, parent: QObject | None = None
    ) -> None:
        super().__init__(workspace, parent)
        self.document = doc
        doc.listeners.append(self._on_document_changed)

    def open_item(self, item_id: str | None) -> Document | None:
        return self.document

    def save(self) -> bool:
        return False

    def autosave_now(self) -> None:
        return None


class AdjudicateDialog(QDialog):
    """The answer in the image or text editor; OK records it as the decision."""

    def __init__(
        self,
        workspace: Callable[[], Workspace],
        page: ReviewPage,
        start: Sequence[Annotation],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AdjudicateDialog")
        self.setWindowTitle(self.tr("Edit and adjudicate: {item}").format(item=page.item_name))
        self.document = Document(page.item_id, start, base=page.seen, text=page.text,
                                 size=page.size, blob_sha256=page.blob_sha256)  # fmt: skip
        self.session = _AnswerSession(workspace, self.document, self)
        # its own runner: the page decode must not call back into a closed dialog
        runner = self.runner = TaskRunner(self, max_threads=1)
        self.editor: ImageEditor | TextSpanEditor
        if page.text is not None:
            self.editor = TextSpanEditor(self.session, workspace, runner, parent=self)
        else:
            self.editor = ImageEditor(self.session, workspace, runner, self)
        labels = sorted({a.label for ans in page.answers for a in ans.candidate.annotations
                         if a.label})  # fmt: skip
        self.label = QComboBox(self)
        self.label.setEditable(True)
        self.label.addItems(labels)
        self.label.currentTextChanged.connect(self._label_changed)
        self._label_changed(self.label.currentText())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Record decision"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Label for new shapes"), self.label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(900, 700)

    def _label_changed(self, name: str) -> None:
        if isinstance(self.editor, ImageEditor):
            self.editor.set_label(name or None)
        else:
            self.editor.labels.set_label(name or None)

    def done(self, result: int) -> None:
        self.runner.shutdown()  # ignore a page decode still running
        super().done(result)

    def annotations(self) -> list[Annotation]:
        return self.document.annotations
