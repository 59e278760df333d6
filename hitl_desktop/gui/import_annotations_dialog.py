"""File → Import annotations…: annotations made in other tools (COCO, Label Studio, YOLO,
PaddleOCR) brought in with their images, on a worker thread, with progress, cancel and a
per-record report. The work itself is ``exchange.importers`` (no Qt)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QStatusBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..exchange.importers import (
    AnnotationImportError,
    AnnotationImportOptions,
    AnnotationImportReport,
    import_annotations,
    parse_label_map,
)  # fmt: skip
from ..workspace import CancelToken, Workspace
from .progress import dispose, set_progress
from .tasks import Progress, TaskHandle, TaskRunner

TASK_NAME = "import-annotations"
REFUSED_COLOUR = QColor(179, 38, 30)


class ImportAnnotationsDialog(QDialog):
    """Which file, in which format, whose answers (or pre-labels), and how labels map."""

    def __init__(self, annotator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ImportAnnotationsDialog")
        self.setWindowTitle(self.tr("Import annotations"))
        self.format = QComboBox(self)
        for key, text in (("coco", self.tr("COCO JSON")),
                          ("labelstudio", self.tr("Label Studio JSON (tasks export)")),
                          ("yolo", self.tr("YOLO dataset (data.yaml or classes.txt)")),
                          ("paddle", self.tr("PaddleOCR detection labels (Label.txt)"))):  # fmt: skip
            self.format.addItem(text, key)
        self.path = QLineEdit(self)
        self.path.setPlaceholderText(self.tr("The annotation file"))
        self.images = QLineEdit(self)
        self.images.setPlaceholderText(self.tr("Default: beside the annotation file"))
        self.as_annotations = QRadioButton(self.tr("As &annotations by:"), self)
        self.as_prelabels = QRadioButton(self.tr("As &pre-labels (suggestions to accept)"), self)
        self.as_annotations.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.as_annotations)
        group.addButton(self.as_prelabels)
        self.annotator = QLineEdit(annotator, self)
        self.annotator.setToolTip(self.tr("Label Studio files keep each annotation's author"))
        self.as_annotations.toggled.connect(self.annotator.setEnabled)
        self.label_map = QLineEdit(self)
        self.label_map.setPlaceholderText(self.tr("old=new, other=new"))
        self.keep_unknown = QCheckBox(self.tr("Import labels the schema lacks (they are listed)"))
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.path.textChanged.connect(self._update)

        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("F&ile:"), self._with_browse(self.path, self._browse_file))
        form.addRow(self.tr("I&mages folder:"), self._with_browse(self.images, self._browse_images))
        answers = QHBoxLayout()
        answers.addWidget(self.as_annotations)
        answers.addWidget(self.annotator, 1)
        form.addRow(self.tr("Import:"), answers)
        form.addRow("", self.as_prelabels)
        form.addRow(self.tr("&Rename labels:"), self.label_map)
        form.addRow("", self.keep_unknown)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(620, self.sizeHint().height())
        self._update()

    def _with_browse(self, edit: QLineEdit, slot: Any) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton(self.tr("Browse…"), box)
        button.clicked.connect(slot)
        row.addWidget(button)
        return box

    @Slot()
    def _browse_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Annotation file"))
        if name:
            self.path.setText(name)

    @Slot()
    def _browse_images(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Images folder"))
        if folder:
            self.images.setText(folder)

    @Slot()
    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.path.text().strip()))

    def options(self) -> tuple[Path, AnnotationImportOptions]:
        """The file and options as chosen; ``AnnotationImportError`` for a bad entry."""
        path = Path(self.path.text().strip())
        if not path.exists():
            raise AnnotationImportError(self.tr("{path} does not exist").format(path=path))
        images = Path(self.images.text().strip()) if self.images.text().strip() else None
        if images is not None and not images.is_dir():
            raise AnnotationImportError(self.tr("{path} is not a folder").format(path=images))
        entries = [e.strip() for e in self.label_map.text().split(",") if e.strip()]
        return path, AnnotationImportOptions(
            format=str(self.format.currentData()),
            annotator=self.annotator.text().strip() or None,
            as_prelabels=self.as_prelabels.isChecked(), images=images,
            label_map=parse_label_map(entries), keep_unknown_labels=self.keep_unknown.isChecked(),
        )  # fmt: skip

    @Slot()
    def _accept(self) -> None:
        try:
            self.options()
        except AnnotationImportError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class AnnotationImportReportDialog(QDialog):
    """The outcome: a summary, the labels the schema lacks, and every refused record."""

    def __init__(self, report: AnnotationImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AnnotationImportReportDialog")
        self.setWindowTitle(self.tr("Annotation import report"))
        self.report = report
        self.summary_label = QLabel(self.summary(), self)
        self.summary_label.setWordWrap(True)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        self.labels_label = QLabel(self._labels_text(), self)
        self.labels_label.setWordWrap(True)
        self.labels_label.setVisible(bool(report.unknown_labels))
        self.table = QTableWidget(len(report.errors), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Record"), self.tr("Problem")])
        for row, e in enumerate(report.errors):
            record = QTableWidgetItem(e.record or Path(e.file).name)
            record.setForeground(REFUSED_COLOUR)
            record.setToolTip(e.file)
            problem = QTableWidgetItem(e.message)
            problem.setToolTip(e.message)
            self.table.setItem(row, 0, record)
            self.table.setItem(row, 1, problem)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().resizeSection(0, 260)
        self.table.setVisible(bool(report.errors))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.labels_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 420 if report.errors else 160)

    def summary(self) -> str:
        r, counts = self.report, self.report.counts()
        if r.stopped_for_labels:
            return self.tr("Nothing was imported: some labels are not in schema {schema}. Rename "
                           "them, or choose to import them anyway.").format(schema=r.schema_ref)  # fmt: skip
        parts = [self.tr("%Ln record(s) imported", "", counts.get("imported", 0))]
        if counts.get("already imported"):
            parts.append(self.tr("%Ln already there", "", counts["already imported"]))
        if counts.get("refused"):
            parts.append(self.tr("%Ln refused", "", counts["refused"]))
        if counts.get("not processed"):
            parts.append(self.tr("%Ln not processed", "", counts["not processed"]))
        text = self.tr(", ").join(parts)
        return self.tr("Cancelled: {summary}").format(summary=text) if r.cancelled else text

    def _labels_text(self) -> str:
        listed = ", ".join(f"{k} ({v})" for k, v in sorted(self.report.unknown_labels.items()))
        return self.tr("Labels not in schema {schema}: {labels}").format(
            schema=self.report.schema_ref, labels=listed)  # fmt: skip


class AnnotationImportController(QObject):
    """Owns the menu action; runs one annotation import at a time on the window's runner."""

    changed = Signal()

    def __init__(self, workspace: Any, runner: TaskRunner, status: QStatusBar,
                 parent: QWidget) -> None:  # fmt: skip
        super().__init__(parent)
        self._workspace = workspace
        self._runner = runner
        self._status = status
        self._parent = parent
        self.option_overrides: dict[str, Any] = {}
        self.action = QAction(self.tr("Import &annotations…"), parent)
        self.action.setStatusTip(self.tr("Import annotations made in COCO, Label Studio, YOLO or "
                                         "PaddleOCR, with their images"))  # fmt: skip
        self.action.triggered.connect(self.choose)
        self.dialog: ImportAnnotationsDialog | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.report_dialog: AnnotationImportReportDialog | None = None
        self.last_report: AnnotationImportReport | None = None

    @property
    def running(self) -> bool:
        return self._runner.is_running(TASK_NAME)

    @Slot()
    def choose(self) -> ImportAnnotationsDialog | None:
        ws: Workspace = self._workspace()
        if ws.readonly or self.running:
            return None
        dialog = ImportAnnotationsDialog(ws.profile.name, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.start(*dialog.options()))
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def start(self, path: Path, options: AnnotationImportOptions) -> TaskHandle | None:
        if self.running:
            return None
        options = dataclasses.replace(options, **self.option_overrides)
        ws: Workspace = self._workspace()

        def job(cancel: CancelToken, progress: Progress) -> AnnotationImportReport:
            return import_annotations(ws, path, options, progress=progress, cancel=cancel)

        dialog = QProgressDialog(self.tr("Reading {name}…").format(name=path.name),
                                 self.tr("Cancel"), 0, 1, self._parent)  # fmt: skip
        dialog.setObjectName("AnnotationImportProgress")
        dialog.setWindowTitle(self.tr("Importing annotations"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(300)
        self.progress_dialog = dialog
        handle = self._runner.start(TASK_NAME, job, on_done=self._done, on_error=self._failed,
                                    on_detail=self._progress)  # fmt: skip
        dialog.canceled.connect(handle.cancel)
        self._status.showMessage(self.tr("Importing annotations from {name}…").format(
            name=path.name))  # fmt: skip
        return handle

    def _progress(self, done: int, total: int, phase: str) -> None:
        dialog = self.progress_dialog
        if dialog is None or dialog.wasCanceled():
            return
        what = {"checking": self.tr("Checking records"), "images": self.tr("Importing images"),
                "annotations": self.tr("Adding annotations")}.get(phase, phase)  # fmt: skip
        dialog.setLabelText(self.tr("{what}: {done} of {total}").format(
            what=what, done=done, total=total))  # fmt: skip
        set_progress(dialog, done, total)

    def _done(self, report: AnnotationImportReport) -> None:
        dispose(self.progress_dialog)
        self.progress_dialog = None
        self.last_report = report
        self.changed.emit()
        dialog = AnnotationImportReportDialog(report, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "report_dialog", None))
        self.report_dialog = dialog
        self._status.showMessage(dialog.summary())
        dialog.show()

    def _failed(self, exc: BaseException) -> None:
        dispose(self.progress_dialog)
        self.progress_dialog = None
        self.changed.emit()  # records committed before the failure are in the log
        self._status.showMessage(self.tr("Annotation import failed: {error}").format(error=exc))
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Import annotations"),
                          self.tr("The annotation import failed."), QMessageBox.StandardButton.Ok,
                          self._parent)  # fmt: skip
        box.setInformativeText(str(exc))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
