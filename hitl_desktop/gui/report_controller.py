"""Insights → Stakeholder report…: computes the report off the GUI thread, then saves it as a
self-contained HTML file, or prints it to PDF when the name chosen ends in .pdf."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QStatusBar

from ..insights.report import Report
from ..insights.windows import last_days, latest_day
from ..workspace import Cancelled, CancelToken, Workspace
from ..workspace.progress import ProgressFn
from .tasks import TaskHandle, TaskRunner


class ReportController(QObject):
    """Owns the menu action; ``save_to(path)`` does the work (tests call it directly)."""

    def __init__(self, workspace: Callable[[], Workspace], runner: TaskRunner,
                 status: QStatusBar, window: QMainWindow, menu_of: Callable[[], object]) -> None:  # fmt: skip
        super().__init__(window)
        self._workspace = workspace
        self._runner = runner
        self._status = status
        self._window = window
        self.handle: TaskHandle | None = None
        self.saved: Path | None = None
        self.action = QAction(self.tr("Stakeholder &report…"), window)
        self.action.setObjectName("StakeholderReportAction")
        self.action.setStatusTip(self.tr("Save a report on this dataset and its lineage for "
                                         "people who do not use the app (HTML or PDF)"))  # fmt: skip
        self.action.triggered.connect(self.ask_and_save)
        menu = menu_of()
        menu.addAction(self.action)  # type: ignore[attr-defined]

    @Slot()
    def ask_and_save(self) -> None:
        ws = self._workspace()
        suggested = str(Path.home() / f"{ws.name or ws.path.name} report.html")
        path, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("Save the stakeholder report"), suggested,
            self.tr("Web page (*.html);;PDF document (*.pdf)"),
        )  # fmt: skip
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path, *, days: int = 14) -> TaskHandle | None:
        if self._runner.is_running("report"):
            return None
        from ..insights.report_run import make_report  # loads scipy: only when asked

        ws = self._workspace()

        def job(cancel: CancelToken, progress: ProgressFn) -> Report:
            period = last_days(latest_day(ws.reader()), days, days)
            return make_report(ws, period, progress=progress, cancel=cancel)

        self.saved = None
        self._status.showMessage(self.tr("Making the report…"))
        self.handle = self._runner.start(
            "report", job, on_done=lambda r: self._write(r, path), on_error=self._failed,
            on_progress=lambda done, total: self._status.showMessage(
                self.tr("Making the report… {done} of {total} figures").format(
                    done=done, total=total)),
        )  # fmt: skip
        return self.handle

    def _write(self, report: Report, path: Path) -> None:
        from ..insights.report_run import write_report

        try:
            if path.suffix.lower() == ".pdf":
                from .report_print import print_pdf

                print_pdf(report.html, path)
            else:
                write_report(report, path)
        except OSError as exc:
            self._failed(exc)
            return
        self.saved = path
        self._status.showMessage(self.tr("Report saved to {path}").format(path=str(path)))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self._status.showMessage(self.tr("Report cancelled"))
            return
        self._status.showMessage(self.tr("The report could not be made"))
        QMessageBox.warning(self._window, self.tr("Stakeholder report"),
                            self.tr("The report could not be made: {error}").format(
                                error=str(exc)))  # fmt: skip
