"""What the model-run controllers (OCR, pre-labels) share: the progress dialog, messages, device.

A controller owns two actions (run on the selected items, run on all), asks for options in a
dialog, then runs a Qt-free job on the task runner. This base holds the progress dialog that
follows the job (its Cancel sets the job's CancelToken), the message box that ends it, and the
listing of items that failed.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressDialog, QStatusBar, QWidget

from .progress import dispose, elide_name, set_progress
from .tasks import TaskRunner

MAX_LISTED_FAILURES = 20  # in the message box; its details list every failure


def n(value: int) -> str:
    """A count in the user's locale (1,234 or 1 234)."""
    return QLocale().toString(value)


class DeviceLabel(QLabel):
    """The status bar's "Device: CPU / GPU (CUDA)": where the last model run ran, and why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("OcrDeviceLabel")

    def show_device(self, device: str, note: str = "") -> None:
        """Show ``device`` ("cpu" or "cuda"); ``note`` becomes the tooltip."""
        text = self.tr("GPU (CUDA)") if device == "cuda" else self.tr("CPU")
        self.setText(self.tr("Device: {device}").format(device=text))
        self.setToolTip(self.tr("Where OCR and models run. {note}").format(note=note).strip())


class RunController(QObject):
    """Base of a controller whose jobs show a progress dialog and end with a message."""

    title = ""  # the message boxes' title, set by subclasses (translated in their __init__)

    def __init__(self, status_bar: QStatusBar, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self._status = status_bar
        self._parent = dialog_parent
        self.progress_dialog: QProgressDialog | None = None
        self.message_box: QMessageBox | None = None

    # set by subclasses: the task runner, the job's name there, and the two actions
    _runner: TaskRunner
    task_name = ""
    run_selected_action: QAction
    run_all_action: QAction

    @property
    def actions(self) -> list[QAction]:
        return [self.run_selected_action, self.run_all_action]

    @property
    def running(self) -> bool:
        return self._runner.is_running(self.task_name)

    def enable_actions(self, writable: bool, tips: tuple[str, str], read_only_tip: str) -> None:
        """The actions on for a writable workspace, with ``tips``; off with the reason otherwise."""
        for action, tip in zip(self.actions, tips, strict=True):
            action.setEnabled(writable)
            action.setToolTip(tip if writable else read_only_tip)
            action.setStatusTip(action.toolTip())

    def open_progress(self, object_name: str, title: str, label: str) -> QProgressDialog:
        """A window-modal progress dialog, shown almost at once (model runs take seconds)."""
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self._parent)
        dialog.setObjectName(object_name)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(dialog.fontMetrics().horizontalAdvance("M") * 36)
        dialog.setValue(0)  # at the minimum, so the next line (re)starts the show timer
        dialog.setMinimumDuration(200)
        self.progress_dialog = dialog
        return dialog

    def show_progress(self, done: int, total: int, name: str, running: str) -> None:
        """Move the dialog and the status bar: "{running}… 3 of 10 — name"."""
        dialog = self.progress_dialog
        if dialog is None or dialog.wasCanceled():
            return
        text = self.tr("{done} of {total}").format(done=n(done), total=n(total))
        shown = elide_name(dialog, text, name)
        dialog.setLabelText(self.tr("{progress} — {name}").format(progress=text, name=shown))
        self._status.showMessage(
            self.tr("{running}… {progress}").format(running=running, progress=text)
        )
        set_progress(dialog, done, total)

    def close_progress(self) -> None:
        dispose(self.progress_dialog)
        self.progress_dialog = None

    def report_failures(self, summary: str, reasons: list[str], what: str) -> None:
        """A warning listing the first failures; ``what`` heads the list ("3 pages could not…")."""
        listed = "\n".join(reasons[:MAX_LISTED_FAILURES])
        if len(reasons) > MAX_LISTED_FAILURES:
            listed += "\n" + self.tr("…and {n} more.").format(
                n=n(len(reasons) - MAX_LISTED_FAILURES)
            )
        self.show_box(
            QMessageBox.Icon.Warning, summary, what + "\n" + listed, details="\n".join(reasons)
        )

    def show_box(
        self, icon: QMessageBox.Icon, text: str, informative: str = "", *, details: str = ""
    ) -> None:
        box = QMessageBox(icon, self.title, text, QMessageBox.StandardButton.Ok, self._parent)
        box.setInformativeText(informative)
        if details:
            box.setDetailedText(details)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_box = box
        box.open()
