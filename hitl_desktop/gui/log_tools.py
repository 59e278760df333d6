"""Tools → Verify log and Rebuild projections, run on worker threads with progress."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QStatusBar, QWidget

from ..lineage import VerifyReport
from ..workspace import Cancelled, CancelToken, RebuildResult, Workspace
from ..workspace.progress import ProgressFn
from .progress import dispose, set_progress
from .tasks import TaskHandle, TaskRunner

MAX_LISTED_PROBLEMS = 20  # in the message box; the details area lists every kept problem


def _n(value: int) -> str:
    """A count in the user's locale (digit grouping)."""
    return QLocale().toString(value)


class LogTools(QObject):
    """Starts verify and rebuild jobs for the window's workspace and reports their results.

    Emits ``projections_changed`` after a rebuild and ``verified(ok)`` after a verify, so the
    window can refresh its views.
    """

    projections_changed = Signal()
    verified = Signal(bool)

    def __init__(
        self,
        workspace: Callable[[], Workspace],
        runner: TaskRunner,
        status_bar: QStatusBar,
        dialog_parent: QWidget,
    ) -> None:
        super().__init__(dialog_parent)
        self._workspace = workspace
        self._runner = runner
        self._status = status_bar
        self._parent = dialog_parent
        self.progress_dialog: QProgressDialog | None = None
        self.message_box: QMessageBox | None = None

    # ------------------------------------------------------------------ verify
    @Slot()
    def verify(self) -> TaskHandle | None:
        """Verify every event's hash, chain and signature on a worker thread."""
        if self._runner.is_running("verify"):
            return None
        ws = self._workspace()

        def job(cancel: CancelToken, progress: ProgressFn) -> VerifyReport:
            return ws.verify(progress=progress, cancel=cancel)

        self._status.showMessage(self.tr("Verifying the log…"))
        return self._runner.start(
            "verify",
            job,
            on_done=self._verify_done,
            on_error=self._job_failed,
            on_progress=self._verify_progress,
        )

    def _verify_progress(self, done: int, total: int) -> None:
        pct = 100 * done // total if total else 100
        self._status.showMessage(self.tr("Verifying the log… {pct}%").format(pct=pct))

    def _verify_done(self, report: VerifyReport) -> None:
        if report.ok:
            self._status.showMessage(
                self.tr(
                    "Verify log: OK. {events} events from {devices} device(s) verify; "
                    "{signatures} signatures checked."
                ).format(
                    events=_n(report.events),
                    devices=report.devices,
                    signatures=_n(report.signatures),
                )
            )
        else:
            summary = self.tr("Verify log: FAILED. {n} problem(s) in {events} events.").format(
                n=report.problems_total, events=_n(report.events)
            )
            self._status.showMessage(summary)
            listed = [str(p) for p in report.problems]
            text = "\n".join(listed[:MAX_LISTED_PROBLEMS])
            if report.problems_total > MAX_LISTED_PROBLEMS:
                text += "\n" + self.tr("…and {n} more.").format(
                    n=report.problems_total - MAX_LISTED_PROBLEMS
                )
            self._show_box(
                QMessageBox.Icon.Warning,
                self.tr("Verify log"),
                summary,
                text,
                details="\n".join(listed),
            )
        self.verified.emit(report.ok)

    # ------------------------------------------------------------------ rebuild
    @Slot()
    def rebuild(self) -> TaskHandle | None:
        """Replay the whole log into fresh projections, with a cancellable progress dialog."""
        if self._runner.is_running("rebuild"):
            return None
        ws = self._workspace()

        def job(cancel: CancelToken, progress: ProgressFn) -> RebuildResult:
            return ws.rebuild(progress=progress, cancel=cancel)

        dialog = QProgressDialog(
            self.tr("Replaying the log into the projections…"),
            self.tr("Cancel"),
            0,
            0,
            self._parent,
        )
        dialog.setWindowTitle(self.tr("Rebuild projections"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)  # at the minimum, so the next line (re)starts the show timer
        dialog.setMinimumDuration(500)  # quick rebuilds never flash a dialog
        self.progress_dialog = dialog
        handle = self._runner.start(
            "rebuild",
            job,
            on_done=self._rebuild_done,
            on_error=self._rebuild_failed,
            on_progress=self._rebuild_progress,
        )
        dialog.canceled.connect(handle.cancel)
        dialog.canceled.connect(
            lambda: self._status.showMessage(self.tr("Cancelling the rebuild…"))
        )
        self._status.showMessage(self.tr("Rebuilding projections…"))
        return handle

    def _rebuild_progress(self, done: int, total: int) -> None:
        dialog = self.progress_dialog
        if dialog is not None and not dialog.wasCanceled():
            set_progress(dialog, done, total)

    def _close_progress(self) -> None:
        dispose(self.progress_dialog)
        self.progress_dialog = None

    def _rebuild_done(self, result: RebuildResult) -> None:
        self._close_progress()
        if result.identical:
            self._status.showMessage(
                self.tr("Rebuilt projections from {events} events: identical.").format(
                    events=_n(result.events)
                )
            )
        else:
            changed = [t for t, d in result.after.items() if result.before.get(t) != d]
            summary = self.tr("Rebuilt projections from {events} events: {tables} changed.").format(
                events=_n(result.events), tables=", ".join(changed)
            )
            self._status.showMessage(summary)
            self._show_box(
                QMessageBox.Icon.Warning,
                self.tr("Rebuild projections"),
                summary,
                self.tr(
                    "The projections kept incrementally differed from a full "
                    "replay of the log; the replayed ones are now in use."
                ),
            )
        self.projections_changed.emit()

    def _rebuild_failed(self, exc: BaseException) -> None:
        self._close_progress()
        if isinstance(exc, Cancelled):
            self._status.showMessage(self.tr("Rebuild cancelled; the projections are unchanged."))
            return
        self._job_failed(exc)

    # ------------------------------------------------------------------ shared
    def _job_failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self._status.showMessage(self.tr("Cancelled."))
            return
        self._status.showMessage(self.tr("Failed: {error}").format(error=exc))
        self._show_box(QMessageBox.Icon.Critical, self.tr("HITL Desktop"), str(exc), "")

    def _show_box(
        self, icon: QMessageBox.Icon, title: str, text: str, informative: str, details: str = ""
    ) -> None:
        # open(), not exec(): no nested event loop, and tests can find and close the box.
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._parent)
        box.setInformativeText(informative)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()
