"""File → Sign in to server…: the server URL, user and password; the sign-in runs off the GUI
thread, and a refusal shows in the dialog as its own sentence saying what to do: a wrong name or
password, a server that does not answer (naming the address), a certificate that does not
verify, a protocol to upgrade, a revoked device, an account without a role, a server that cannot
prove its checkpoint key.

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

from ..sync.errors import (
    CheckpointRefused,
    DeviceRefused,
    DeviceRevoked,
    ProtocolMismatch,
    RoleMissing,
    ServerUnreachable,
    TlsFailure,
    WrongCredentials,
)
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
        self._say(self.refusal_text(exc, self.url.text().strip()), error=True)

    def refusal_text(self, exc: BaseException, url: str) -> str:
        """The dialog's sentence for a refused sign-in: what happened and what to do."""
        if isinstance(exc, WrongCredentials):
            return self.tr("The server at {url} refused this user name or password; check "
                           "them and try again.").format(url=url)  # fmt: skip
        if isinstance(exc, TlsFailure):
            return self.tr("Could not open a secure connection to {url}: its certificate "
                           "could not be verified ({reason}). Check the address; if it is "
                           "right, ask your administrator for a valid certificate.").format(
                url=url, reason=exc.reason)  # fmt: skip
        if isinstance(exc, ServerUnreachable):
            return self.tr("The server at {url} is unreachable: it does not answer. Check "
                           "the address and your network connection, then try again; your "
                           "work stays here meanwhile.").format(url=url)  # fmt: skip
        if isinstance(exc, ProtocolMismatch):
            if exc.upgrade == "client":
                return self.tr("The server at {url} speaks a newer sync protocol: upgrade "
                               "the client (this app), then sign in again.").format(url=url)  # fmt: skip
            return self.tr("The server at {url} speaks an older sync protocol: ask your "
                           "administrator to upgrade the server.").format(url=url)  # fmt: skip
        if isinstance(exc, DeviceRevoked):
            return self.tr("The server at {url} revoked this device, so it refuses its work. "
                           "Ask your administrator; to go on, open a fresh copy of the "
                           "project (a new device) and sign in there.").format(url=url)  # fmt: skip
        if isinstance(exc, DeviceRefused):
            return self.tr("The server at {url} has this device registered to another user: "
                           "sign in as that user, or use a fresh copy of the project.").format(
                url=url)  # fmt: skip
        if isinstance(exc, RoleMissing):
            return self.tr("Your account on {url} has no role this app knows, so it could "
                           "do nothing here: ask your administrator to give it a role (worker, "
                           "checker, expert or admin).").format(url=url)  # fmt: skip
        if isinstance(exc, CheckpointRefused):
            return self.tr("The server at {url} could not prove it is the real server (its "
                           "signed checkpoint does not verify); nothing was sent. Tell your "
                           "administrator.").format(url=url)  # fmt: skip
        return self.tr("Could not sign in: {reason}").format(reason=exc)

    def reject(self) -> None:
        if self.handle is not None:  # a sign-in on its way: let it finish, forget its answer
            self.handle.detach()
            self.handle = None
        super().reject()


def _login(ws: Workspace, url: str, user: str, password: str, policy: RetryPolicy) -> Any:
    from ..sync.client import login  # the HTTP client loads only when someone signs in

    return login(ws, url, user, password, policy=policy)
