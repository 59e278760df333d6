"""Tools → Run OCR: ask for the engine and device, read the pages on a worker thread, report.

The engine is created on the worker too (loading its models takes a moment), then
``ocr.run_ocr`` reads the pages, appending an ``ocr.ran`` event per page. Progress comes back as
queued signals to a progress dialog whose Cancel button sets the job's CancelToken; pages read
before the cancel stay in the log, and a later run skips them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from ..ocr import OcrRunReport, make_engine, page_items, run_ocr
from ..workspace import CancelToken, Workspace
from ..workspace.queries import ItemRow
from .ocr_dialog import OcrOptions, OcrOptionsDialog
from .run_controller import DeviceLabel, RunController
from .tasks import Progress, TaskHandle, TaskRunner

TASK_NAME = "ocr"
CHUNK = 500  # item ids per query (SQLite limits the number of parameters)
PAGES_SQL = (
    "SELECT COUNT(*) FROM items WHERE kind IN ('image', 'scan_page') AND status != 'retired'"
)


@functools.cache
def default_device() -> tuple[str, str]:
    """Where OCR would run by default, and why not on the GPU ("cpu" or "cuda", notice)."""
    from ..ocr.device import choose_onnx_device

    choice = choose_onnx_device("auto")
    return choice.device, choice.notice


def count_pages(ws: Workspace, item_ids: Sequence[str] | None) -> int:
    """How many of ``item_ids`` (or of all items, for None) OCR can read: images and pages."""
    conn = ws.reader()
    if item_ids is None:
        return int(conn.execute(PAGES_SQL).fetchone()[0])
    total = 0
    for start in range(0, len(item_ids), CHUNK):
        chunk = list(item_ids[start : start + CHUNK])
        sql = f"{PAGES_SQL} AND id IN ({','.join('?' * len(chunk))})"
        total += int(conn.execute(sql, chunk).fetchone()[0])
    return total


def pages_to_read(ws: Workspace, item_ids: Sequence[str] | None) -> list[ItemRow]:
    """The images and pages among ``item_ids`` (all of them for None), in import order."""
    if item_ids is None:
        return page_items(ws)
    rows: list[ItemRow] = []
    for start in range(0, len(item_ids), CHUNK):
        rows += page_items(ws, list(item_ids[start : start + CHUNK]))
    return rows


class OcrController(RunController):
    """The Run OCR actions, their job, and the status bar's device label.

    ``selected_items`` returns the ids of the items selected in the browser. Emits
    ``ocr_changed`` when a run ended (pages it read are in the log, even if it failed).
    """

    task_name = TASK_NAME

    ocr_changed = Signal()

    def __init__(
        self,
        workspace: Callable[[], Workspace],
        runner: TaskRunner,
        status_bar: QStatusBar,
        dialog_parent: QWidget,
        selected_items: Callable[[], list[str]],
        settings: Callable[[], QSettings] | None = None,
    ) -> None:
        super().__init__(status_bar, dialog_parent)
        self.title = self.tr("Run OCR")
        self._workspace = workspace
        self._runner = runner
        self._selected = selected_items
        self._settings = settings
        self.dialog: OcrOptionsDialog | None = None
        self.last_report: OcrRunReport | None = None

        self.run_selected_action = QAction(self.tr("Run OCR on &selected items…"), dialog_parent)
        self.run_selected_action.triggered.connect(self.run_selected)
        self.run_all_action = QAction(self.tr("Run OCR on &all pages…"), dialog_parent)
        self.run_all_action.triggered.connect(self.run_all)
        self.set_writable(True)

        self.device_label = DeviceLabel(dialog_parent)
        device, notice = default_device()
        self.show_device(device, notice or self.tr("A usable GPU was found."))

    def set_writable(self, writable: bool) -> None:
        """Enable the actions for a writable workspace; say why they are off otherwise."""
        tips = (
            self.tr("Read the text on the selected images and pages"),
            self.tr("Read the text on every image and page of the workspace"),
        )
        self.enable_actions(writable, tips, self.tr("Needs the workspace open for writing"))

    def show_device(self, device: str, note: str = "") -> None:
        """Show ``device`` ("cpu" or "cuda") in the status bar; ``note`` is its tooltip."""
        self.device_label.show_device(device, note)

    # ------------------------------------------------------------------ asking
    @Slot()
    def run_selected(self) -> OcrOptionsDialog | None:
        return self.ask(self._selected())

    @Slot()
    def run_all(self) -> OcrOptionsDialog | None:
        return self.ask(None)

    def ask(self, item_ids: Sequence[str] | None) -> OcrOptionsDialog | None:
        """Show the options dialog for ``item_ids`` (None: every page); it starts the run."""
        ws = self._workspace()
        pages = 0
        if ws.readonly:
            refusal = self.tr(
                "This workspace is open read-only, so OCR results cannot be recorded."
            )
        elif self._runner.active_count:
            refusal = self.tr("Another job is running; wait for it to finish.")
        elif item_ids is not None and not item_ids:
            refusal = self.tr("Select the images or pages to read first.")
        else:
            pages = count_pages(ws, item_ids)
            refusal = (
                ""
                if pages
                else self.tr("This workspace has no images or pages to read.")
                if item_ids is None
                else self.tr("None of the selected items is an image or a page.")
            )
        if refusal:
            self.show_box(QMessageBox.Icon.Information, refusal)
            return None
        if item_ids is None:
            text = self.tr(
                "Read the text on all %Ln image(s) and page(s) of the workspace.", "", pages
            )
        else:
            text = self.tr("Read the text on %Ln selected image(s) and page(s).", "", pages)
            others = len(item_ids) - pages
            if others:
                text += " " + self.tr("%Ln other selected item(s) will be left out.", "", others)
        settings = self._settings() if self._settings is not None else None
        note = default_device()[1]
        dialog = OcrOptionsDialog(text, self._parent, settings=settings, device_note=note)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ids = None if item_ids is None else list(item_ids)
        dialog.accepted.connect(lambda: self.start(ids, dialog.options(), pages))
        dialog.destroyed.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    @Slot()
    def _forget_dialog(self) -> None:
        self.dialog = None

    # ------------------------------------------------------------------ running
    def start(
        self, item_ids: list[str] | None, options: OcrOptions, pages: int = 0
    ) -> TaskHandle | None:
        """Read the pages on a worker thread, with a cancellable progress dialog."""
        if self._runner.active_count:
            return None
        ws = self._workspace()

        def job(cancel: CancelToken, progress: Progress) -> OcrRunReport:
            engine = make_engine(options.engine, device=options.device, **options.engine_options())
            items = pages_to_read(ws, item_ids)
            progress(0, len(items), "")  # the engine is ready
            return run_ocr(ws, engine, items, force=options.force, progress=progress, cancel=cancel)

        dialog = self.open_progress(
            "OcrProgressDialog", self.tr("Running OCR"), self.tr("Starting the OCR engine…")
        )
        handle = self._runner.start(
            TASK_NAME, job, on_done=self._done, on_error=self._failed, on_detail=self._progress
        )
        dialog.canceled.connect(handle.cancel)
        dialog.canceled.connect(
            lambda: self._status.showMessage(self.tr("Cancelling OCR after the page being read…"))
        )
        self._status.showMessage(
            self.tr("Running OCR on %Ln page(s)…", "", pages) if pages else self.tr("Running OCR…")
        )
        return handle

    def _progress(self, done: int, total: int, name: str) -> None:
        dialog = self.progress_dialog
        if dialog is None or dialog.wasCanceled():
            return
        if done == 0:
            dialog.setLabelText(self.tr("Reading %Ln page(s)…", "", total))
            self._status.showMessage(self.tr("Running OCR on %Ln page(s)…", "", total))
        else:
            self.show_progress(done, total, name, self.tr("Running OCR"))

    def _done(self, report: OcrRunReport) -> None:
        self.close_progress()
        self.last_report = report
        note = report.notice or self.tr("The last OCR run used this device.")
        self.show_device(report.device, note)
        summary = report.summary()
        if report.notice:
            summary = self.tr("{summary}. {notice}").format(summary=summary, notice=report.notice)
        self._status.showMessage(summary)
        self.ocr_changed.emit()
        if report.failed:
            reasons = [reason for _item, reason in report.failed]
            what = self.tr("%Ln page(s) could not be read:", "", len(reasons))
            self.report_failures(summary, reasons, what)

    def _failed(self, exc: BaseException) -> None:
        self.close_progress()
        self.ocr_changed.emit()  # pages read before the failure are in the log
        self._status.showMessage(self.tr("OCR failed: {error}").format(error=exc))
        self.show_box(QMessageBox.Icon.Critical, self.tr("OCR failed."), str(exc))
