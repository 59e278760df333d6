"""File → Export dataset…: format, revisions, split, retired items, redaction, target folder;
the export runs off the GUI thread with a progress bar and Cancel (nothing is left behind by
a cancelled export: it is written to a hidden folder and renamed when complete)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..exchange.model import FORMATS, ExportError, ExportOptions, ExportResult, parse_split
from ..workspace import Cancelled, CancelToken, Workspace
from .tasks import Progress, TaskHandle, TaskRunner


class ExportDialog(QDialog):
    """Choose what to export and run it; ``exported`` carries the ``ExportResult``."""

    exported = Signal(object)

    def __init__(
        self, workspace: Callable[[], Workspace], runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ExportDialog")
        self.setWindowTitle(self.tr("Export dataset"))
        self._workspace = workspace
        self._runner = runner
        self._handle: TaskHandle | None = None
        self.result_: ExportResult | None = None

        self.format = QComboBox(self)
        for key, description in self._descriptions().items():
            self.format.addItem(f"{key} — {description}", key)
        self.revisions = QComboBox(self)
        self.revisions.addItem(self.tr("Adjudicated answers only"), "adjudicated")
        self.revisions.addItem(self.tr("Latest revision of each item"), "latest")
        self.revisions.addItem(self.tr("One annotator's revisions"), "annotator")
        self.annotator = QLineEdit(self)
        self.annotator.setPlaceholderText(self.tr("Annotator name"))
        self.annotator.setEnabled(False)
        self.revisions.currentIndexChanged.connect(
            lambda _i: self.annotator.setEnabled(self.revisions.currentData() == "annotator")
        )
        self.split = QLineEdit(self)
        self.split.setPlaceholderText(self.tr("e.g. 80/10/10 (empty: no split)"))
        self.include_retired = QCheckBox(self.tr("Include retired items"), self)
        self.redact = QCheckBox(self.tr("Blur regions flagged for redaction"), self)
        self.folder = QLineEdit(self)
        self.folder.setPlaceholderText(self.tr("A new or empty folder"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)

        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Revisions"), self.revisions)
        form.addRow("", self.annotator)
        form.addRow(self.tr("Train/val/test split"), self.split)
        form.addRow("", self.include_retired)
        form.addRow("", self.redact)
        form.addRow(self.tr("Export to"), row)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.setMinimumWidth(640)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_or_close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _descriptions(self) -> dict[str, str]:
        described = {
            "coco": self.tr("COCO instances JSON (boxes, polygons)"),
            "yolo": self.tr("YOLO labels and data.yaml (YOLO-seg when polygons are present)"),
            "voc": self.tr("Pascal VOC XML per image"),
            "paddleocr": self.tr("PaddleOCR Label.txt and rec_gt.txt with line crops"),
            "labelstudio": self.tr("Label Studio tasks with annotations and predictions"),
            "jsonl": self.tr("JSON Lines: class labels and spans"),
            "conll": self.tr("CoNLL-2003 BIO tags of the spans"),
            "csv": self.tr("CSV, one annotation a row"),
        }
        return {key: described.get(key, key) for key in FORMATS}

    # ----------------------------------------------------------------- choosing
    @Slot()
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export to"))
        if folder:
            self.folder.setText(folder)

    def options(self) -> ExportOptions:
        """The options as chosen; ``ExportError`` says what to fix."""
        revisions = str(self.revisions.currentData())
        if revisions == "annotator":
            name = self.annotator.text().strip()
            if not name:
                raise ExportError(self.tr("Type the annotator's name"))
            revisions = f"annotator:{name}"
        return ExportOptions(
            revisions=revisions, split=parse_split(self.split.text().strip() or None),
            include_retired=self.include_retired.isChecked(), redact=self.redact.isChecked(),
        )  # fmt: skip

    # ----------------------------------------------------------------- running
    @property
    def running(self) -> bool:
        return self._handle is not None and self._handle.running

    @Slot()
    def start_export(self) -> None:
        if self.running:
            return
        try:
            options = self.options()
        except ExportError as exc:
            self.status.setText(str(exc))
            return
        text = self.folder.text().strip()
        if not text:
            self.status.setText(self.tr("Choose the folder to export to"))
            return
        out, fmt, ws = Path(text), str(self.format.currentData()), self._workspace()

        def job(cancel: CancelToken, progress: Progress) -> ExportResult:
            from ..exchange.export import export

            return export(ws, fmt, out, options, progress, cancel)

        self.progress.setValue(0)
        self.status.setText(self.tr("Exporting…"))
        self.export_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancel export"))
        self._handle = self._runner.start(
            "export", job, on_done=self._done, on_error=self._failed,
            on_progress=lambda done, total: self.progress.setValue(1000 * done // max(total, 1)),
        )  # fmt: skip

    @Slot()
    def cancel_or_close(self) -> None:
        if self.running and self._handle is not None:
            self._handle.cancel()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    def _done(self, result: object) -> None:
        assert isinstance(result, ExportResult)
        self.result_ = result
        self.export_button.setEnabled(True)
        self.progress.setValue(1000)
        notes = len(result.problems)
        self.status.setText(
            self.tr("Exported {items} item(s) and {anns} annotation(s) to {folder}; manifest "
                    "{manifest}. {notes} note(s) in MANIFEST.json.").format(
                items=result.items, anns=result.annotations, folder=str(result.out_dir),
                manifest=result.manifest_sha256[:12], notes=notes)
        )  # fmt: skip
        self._finished()
        self.exported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.progress.setValue(0)
        if isinstance(exc, Cancelled):
            self.status.setText(self.tr("Export cancelled; nothing was written"))
        else:
            self.status.setText(self.tr("Export failed: {error}").format(error=str(exc)))
        self._finished()

    def _finished(self) -> None:
        self.cancel_button.setText(self.tr("Close"))
        self.adjustSize()

    def reject(self) -> None:
        if self.running and self._handle is not None:
            self._handle.cancel()  # the job removes its half-written folder
        super().reject()
