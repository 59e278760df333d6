"""File → Sign in to server…: the server URL, user and password; the sign-in runs off the GUI
thread and the server's own sentence shows in the dialog when it refuses (a wrong password,
a protocol to upgrade, a server that does not answer).

The password is handed to ``login`` once and never stored; the token the server answers with
goes to the OS keyring (``hitl_desktop.sync.credentials``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..sync.errors import LoginRequired
from ..sync.retry import RetryPolicy
from ..workspace import Workspace
from .tasks import TaskHandle, TaskRunner

# A person waits at the dialog: two quick retries, then the server's or the network's answer.
SIGN_IN_POLICY = RetryPolicy(base_s=0.2, cap_s=1.0, max_retries=2, timeout_s=15.0)


class SignInDialog(QDialog):
    """Sign in to a central store; ``signed_in(info)`` carries what ``login`` answered."""

    signed_in = Signal(dict)

    def __init__(
        self,
        workspace: Callable[[], Workspace],
        runner: TaskRunner,
        parent: QWidget,
        *,
        url: str = "",
        policy: RetryPolicy | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SignInDialog")
        self.setWindowTitle(self.tr("Sign in to server"))
        self._workspace = workspace
        self._runner = runner
        self._policy = policy or SIGN_IN_POLICY
        self.handle: TaskHandle | None = None

        self.url = QLineEdit(url, self)
        self.url.setObjectName("SignInUrl")
        self.url.setPlaceholderText("https://hitl.example.org")
        self.url.setAccessibleName(self.tr("Server address"))
        self.user = QLineEdit(workspace().profile.name, self)
        self.user.setObjectName("SignInUser")
        self.user.setAccessibleName(self.tr("User name"))
        self.password = QLineEdit(self)
        self.password.setObjectName("SignInPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.message = QLabel(self)
        self.message.setObjectName("SignInMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(
            self.tr(
                "The password is sent to the server once and never kept; the sign-in is kept "
                "in your system's keyring."
            ),
            self,
        )
        note.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.url)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.sign_in_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in_button.setText(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        (self.password if url else self.url).setFocus()

    def _fields(self) -> tuple[QLineEdit, ...]:
        return (self.url, self.user, self.password)

    def _say(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet("color: #c62828" if error else "")
        self.message.setText(text)

    @Slot()
    def start(self) -> TaskHandle | None:
        """Check the fields, then sign in on a worker thread (the dialog stays open meanwhile)."""
        url, user, password = (f.text().strip() for f in self._fields())
        if not url.startswith(("http://", "https://")):
            self._say(self.tr("Give the server's address, starting with https:// or http://"),
                      error=True)  # fmt: skip
            self.url.setFocus()
            return None
        if not user or not password:
            self._say(self.tr("Give your user name and password on this server."), error=True)
            (self.user if not user else self.password).setFocus()
            return None
        for widget in (*self._fields(), self.sign_in_button):
            widget.setEnabled(False)
        self._say(self.tr("Signing in to {url}…").format(url=url), error=False)
        ws, policy = self._workspace(), self._policy
        self.handle = self._runner.start(
            self.tr("Sign in"),
            lambda _cancel, _progress: _login(ws, url, user, password, policy),
            on_done=self._done,
            on_error=self._failed,
        )
        return self.handle

    def _done(self, info: Any) -> None:
        self.handle = None
        self.password.clear()
        self.signed_in.emit(dict(info))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.handle = None
        for widget in (*self._fields(), self.sign_in_button):
            widget.setEnabled(True)
        self.password.selectAll()
        self.password.setFocus()
        if isinstance(exc, LoginRequired):  # at sign-in, a 401 means these credentials
            text = self.tr("The server at {url} refused this user name or password; check "
                           "them and try again.").format(url=self.url.text().strip())  # fmt: skip
        else:
            text = self.tr("Could not sign in: {reason}").format(reason=exc)
        self._say(text, error=True)

    def reject(self) -> None:
        if self.handle is not None:  # a sign-in on its way: let it finish, forget its answer
            self.handle.detach()
            self.handle = None
        super().reject()


def _login(ws: Workspace, url: str, user: str, password: str, policy: RetryPolicy) -> Any:
    from ..sync.client import login  # the HTTP client loads only when someone signs in

    return login(ws, url, user, password, policy=policy)
