"""Small helpers shared by the long-job controllers (import, OCR, rebuild) for their progress dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog


def set_progress(dialog: QProgressDialog, done: int, total: int) -> None:
    """Move the bar; a total of 0 still shows a finished-looking bar rather than a busy one."""
    dialog.setMaximum(max(total, 1))
    dialog.setValue(min(done, max(total, 1)))


def elide_name(dialog: QProgressDialog, progress_text: str, name: str) -> str:
    """The current file or page name shortened in the middle to fit beside ``progress_text``."""
    width = dialog.minimumWidth() - dialog.fontMetrics().horizontalAdvance(progress_text) - 60
    return dialog.fontMetrics().elidedText(name, Qt.TextElideMode.ElideMiddle, width)


def dispose(dialog: QProgressDialog | None) -> None:
    """Close a progress dialog and let Qt delete it."""
    if dialog is not None:
        dialog.reset()
        dialog.deleteLater()
