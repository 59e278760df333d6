"""File → Import: choose files, ask for their provenance, import on a worker thread, report.

The import itself (``ingest.import_paths``) runs through the window's TaskRunner; it may start
decoding processes of its own. Its progress comes back as queued signals to a progress dialog
with a Cancel button wired to the job's CancelToken; the report dialog shows the outcome.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QStatusBar, QWidget

from ..ingest import ImportOptions, ImportReport, expand_paths, import_paths
from ..workspace import CancelToken, Workspace
from .import_dialog import ImportDialog
from .import_report import ImportReportDialog
from .progress import dispose, elide_name, set_progress
from .tasks import Progress, TaskHandle, TaskRunner

TASK_NAME = "import"
MAX_SOURCES = 500  # offered in the dialog's Source combo


def _n(value: int) -> str:
    return QLocale().toString(value)


class ImportController(QObject):
    """Runs imports into the window's workspace; emits ``items_changed`` when one ends.

    ``option_overrides`` replace fields of the options the dialog produces (tests set
    ``{"workers": 1}`` so that no decoding processes are spawned).
    """

    items_changed = Signal()

    def __init__(
        self,
        workspace: Callable[[], Workspace],
        runner: TaskRunner,
        status_bar: QStatusBar,
        dialog_parent: QWidget,
        settings: Callable[[], QSettings] | None = None,
    ) -> None:
        super().__init__(dialog_parent)
        self._workspace = workspace
        self._runner = runner
        self._status = status_bar
        self._parent = dialog_parent
        self._settings = settings
        self.option_overrides: dict[str, Any] = {}
        self.dialog: ImportDialog | None = None
        self.progress_dialog: QProgressDialog | None = None
        self.report_dialog: ImportReportDialog | None = None
        self.last_report: ImportReport | None = None
        self.message_box: QMessageBox | None = None

    @property
    def running(self) -> bool:
        return self._runner.is_running(TASK_NAME)

    # ------------------------------------------------------------------ choosing
    def _start_folder(self) -> str:
        if self._settings is None:
            return str(Path.home())
        return str(self._settings().value("import/folder", str(Path.home())))

    def _remember_folder(self, folder: Path) -> None:
        if self._settings is not None:
            self._settings().setValue("import/folder", str(folder))

    @Slot()
    def choose_files(self) -> ImportDialog | None:
        names, _ = QFileDialog.getOpenFileNames(
            self._parent, self.tr("Import files"), self._start_folder()
        )
        if not names:
            return None
        self._remember_folder(Path(names[0]).parent)
        return self.ask([Path(n) for n in names])

    @Slot()
    def choose_folder(self) -> ImportDialog | None:
        folder = QFileDialog.getExistingDirectory(
            self._parent, self.tr("Import folder"), self._start_folder()
        )
        if not folder:
            return None
        self._remember_folder(Path(folder).parent)
        return self.ask([Path(folder)])

    def ask(self, paths: Sequence[Path]) -> ImportDialog | None:
        """Show the import dialog for ``paths`` (files and folders); it starts the import."""
        ws = self._workspace()
        if ws.readonly:
            self._show_box(
                QMessageBox.Icon.Information,
                self.tr("This workspace is open read-only, so nothing can be imported into it."),
            )
            return None
        if self.running:
            self._show_box(
                QMessageBox.Icon.Information,
                self.tr("An import is already running; wait for it to finish."),
            )
            return None
        files = expand_paths(paths)
        settings = self._settings() if self._settings is not None else None
        dialog = ImportDialog(files, self._sources(ws), self._parent, settings=settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.start(files, dialog.options()))
        dialog.destroyed.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    @Slot()
    def _forget_dialog(self) -> None:
        self.dialog = None

    @staticmethod
    def _sources(ws: Workspace) -> list[str]:
        rows = ws.reader().execute(
            "SELECT DISTINCT source FROM items WHERE source IS NOT NULL AND source <> '' "
            "ORDER BY source LIMIT ?",
            (MAX_SOURCES,),
        )
        return [r[0] for r in rows]

    # ------------------------------------------------------------------ running
    def start(self, files: Sequence[Path], options: ImportOptions) -> TaskHandle | None:
        """Import ``files`` on a worker thread, with a cancellable progress dialog."""
        if self.running:
            return None
        options = dataclasses.replace(options, **self.option_overrides)
        ws = self._workspace()
        files = list(files)

        def job(cancel: CancelToken, progress: Progress) -> ImportReport:
            return import_paths(ws, files, options, progress=progress, cancel=cancel)

        total = len(files)
        dialog = QProgressDialog(
            self.tr("Preparing to import %Ln file(s)…", "", total),
            self.tr("Cancel"),
            0,
            max(total, 1),
            self._parent,
        )
        dialog.setObjectName("ImportProgressDialog")
        dialog.setWindowTitle(self.tr("Importing"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(dialog.fontMetrics().horizontalAdvance("M") * 36)
        dialog.setValue(0)  # at the minimum, so the next line (re)starts the show timer
        dialog.setMinimumDuration(300)  # quick imports never flash a dialog
        self.progress_dialog = dialog
        handle = self._runner.start(
            TASK_NAME,
            job,
            on_done=self._done,
            on_error=self._failed,
            on_detail=self._progress,
        )
        dialog.canceled.connect(handle.cancel)
        dialog.canceled.connect(lambda: self._status.showMessage(self.tr("Cancelling the import…")))
        self._status.showMessage(self.tr("Importing %Ln file(s)…", "", total))
        return handle

    def _progress(self, done: int, total: int, current: str) -> None:
        text = self.tr("{done} of {total}").format(done=_n(done), total=_n(total))
        dialog = self.progress_dialog
        if dialog is not None and not dialog.wasCanceled():
            name = Path(current).name
            name = elide_name(dialog, text, name)
            dialog.setLabelText(self.tr("{progress} — {name}").format(progress=text, name=name))
            set_progress(dialog, done, total)
            self._status.showMessage(self.tr("Importing… {progress}").format(progress=text))

    def _close_progress(self) -> None:
        dispose(self.progress_dialog)
        self.progress_dialog = None

    def _done(self, report: ImportReport) -> None:
        self._close_progress()
        self.last_report = report
        self.items_changed.emit()
        if self.report_dialog is not None:
            self.report_dialog.close()
        dialog = ImportReportDialog(report, self._parent)
        dialog.finished.connect(lambda _result: self._report_closed(dialog))
        self.report_dialog = dialog
        self._status.showMessage(dialog.summary())
        dialog.show()  # not modal: the items can be browsed while it is open

    def _report_closed(self, dialog: ImportReportDialog) -> None:
        if dialog is self.report_dialog:
            self.report_dialog = None
        dialog.deleteLater()

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        self.items_changed.emit()  # batches committed before the failure are in the log
        self._status.showMessage(self.tr("Import failed: {error}").format(error=exc))
        self._show_box(QMessageBox.Icon.Critical, self.tr("The import failed."), str(exc))

    def _show_box(self, icon: QMessageBox.Icon, text: str, informative: str = "") -> None:
        box = QMessageBox(
            icon, self.tr("Import"), text, QMessageBox.StandardButton.Ok, self._parent
        )
        box.setInformativeText(informative)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()
