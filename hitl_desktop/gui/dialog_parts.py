"""Pieces the run dialogs (OCR, pre-label) share: the device choice and the run buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QPushButton, QWidget

DEVICES = ("auto", "cpu", "cuda")


def device_combo(parent: QWidget) -> QComboBox:
    """auto / CPU / GPU (CUDA), the item data being the device name the engines take."""
    combo = QComboBox(parent)
    labels = {
        "auto": QCoreApplication.translate("DialogParts", "Automatic (the GPU when usable)"),
        "cpu": QCoreApplication.translate("DialogParts", "CPU"),
        "cuda": QCoreApplication.translate("DialogParts", "GPU (CUDA)"),
    }
    for name in DEVICES:
        combo.addItem(labels[name], name)
    combo.setToolTip(
        QCoreApplication.translate(
            "DialogParts", "Where the models run; without a usable GPU the CPU is used, and said so"
        )
    )
    return combo


def run_buttons(dialog: QDialog, run_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """OK (renamed ``run_text``, the default) and Cancel, wired to accept and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    run = buttons.button(QDialogButtonBox.StandardButton.Ok)
    run.setText(run_text)
    run.setDefault(True)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, run
