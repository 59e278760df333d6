"""The reject dialog: a rejection needs a reason, so the worker knows what to fix."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class RejectDialog(QDialog):
    """Asks why the answers are rejected; OK stays off until a reason is typed."""

    def __init__(self, item_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RejectDialog")
        self.setWindowTitle(self.tr("Reject answers"))
        intro = QLabel(
            self.tr("Why are the answers to {item} rejected? The workers see this reason.").format(
                item=item_name
            ),
            self,
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("e.g. the header box is missing"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Reject"))
        self.ok.setEnabled(False)
        self.text.textChanged.connect(lambda: self.ok.setEnabled(bool(self.reason())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)

    def reason(self) -> str:
        return self.text.toPlainText().strip()
