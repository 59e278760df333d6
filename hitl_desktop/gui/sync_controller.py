"""Sync in the main window: File → Sign in to server… / Sign out (a sign-in starts the first
sync at once), Sync → Sync now (F9) with progress and Cancel in the status bar, an automatic
sync every N minutes (a preference), and Tools → Sync incidents… for admins.

Every sync runs on the window's task runner, never two at once. A failed sync never opens a
dialog: the status bar says "Offline" and why, and the automatic sync waits longer after
each failure in a row (``next_delay_s``) until one succeeds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStatusBar, QWidget

from ..sync.errors import CheckpointKeyChanged, CheckpointRefused, LoginRequired
from ..sync.gui_support import local_status, next_delay_s, signed_in
from ..sync.retry import RetryPolicy
from ..workspace import Workspace, WorkspaceError
from ..workspace.progress import Cancelled
from .sync_dialog import SignInDialog
from .sync_incidents import IncidentsView
from .sync_status import SyncStatusBar
from .tasks import TaskHandle, TaskRunner

if TYPE_CHECKING:
    from ..sync.client import SyncResult

INTERVAL_KEY = "sync/interval_minutes"
DEFAULT_INTERVAL_MIN = 5.0
LAST_URL_KEY = "sync/last_url"


def interval_minutes(settings: QSettings) -> float:
    """The automatic sync's interval in minutes (0: off); a bad value falls back to 5."""
    try:
        value = float(str(settings.value(INTERVAL_KEY, DEFAULT_INTERVAL_MIN)))
    except ValueError:
        return DEFAULT_INTERVAL_MIN
    return value if value >= 0 else DEFAULT_INTERVAL_MIN


class SyncController(QObject):
    """The sync actions, the status bar's sync corner and the automatic sync timer.

    ``synced`` fires after a sync brought events in, so the window re-reads its views."""

    synced = Signal()

    def __init__(
        self,
        workspace: Callable[[], Workspace],
        runner: TaskRunner,
        bar: QStatusBar,
        parent: QWidget,
        settings: Callable[[], QSettings],
        *,
        policy: RetryPolicy | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._runner = runner
        self._bar = bar
        self._parent = parent
        self._settings = settings
        self.policy = policy  # None: the client's own retries and backoff
        self.handle: TaskHandle | None = None
        self.online: bool | None = None  # how the last attempt went; None: none yet
        self.failures = 0  # failed syncs in a row
        self.last_error = ""
        self.last_result: SyncResult | None = None
        self._signed_in = False

        self.sign_in_action = self._new(
            self.tr("Sign &in to server…"), "sync.sign_in", self.sign_in,
            self.tr("Connect this workspace to a central store"),
        )  # fmt: skip
        self.sign_out_action = self._new(
            self.tr("Sign &out of server"), "sync.sign_out", self.sign_out,
            self.tr("Forget the sign-in kept in the keyring; local work stays"),
        )  # fmt: skip
        self.sync_action = self._new(
            self.tr("Sync &now"), "sync.sync_now", self.sync_now,
            self.tr("Send your changes to the server and fetch everyone else's"),
        )  # fmt: skip
        self.sync_action.setShortcut(QKeySequence("F9"))
        self.cancel_action = self._new(
            self.tr("&Cancel sync"), "sync.cancel", self.cancel,
            self.tr("Stop the sync; the next one resumes where this one stopped"),
        )  # fmt: skip
        self.cancel_action.setEnabled(False)
        self.incidents_action = self._new(
            self.tr("Sync &incidents…"), "sync.incidents", self.show_incidents,
            self.tr("Events the server refused, for admins"),
        )  # fmt: skip
        self.status = SyncStatusBar(bar, self.cancel_action, parent)
        self.timer = QTimer(parent)  # the automatic sync; single shot, set again after each
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._auto_sync)

    def _new(self, text: str, name: str, slot: Callable[[], object], tip: str) -> QAction:
        action = QAction(text, self._parent)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    @property
    def actions(self) -> list[QAction]:
        """The Sync menu's actions."""
        return [self.sync_action, self.cancel_action]

    @property
    def running(self) -> bool:
        return self.handle is not None

    # ------------------------------------------------------------------ state
    def workspace_changed(self) -> None:
        """A workspace was opened: forget the last one's attempts, read this one's state."""
        self.online, self.failures, self.last_error = None, 0, ""
        self._read_sign_in()
        self.refresh()
        self.schedule()

    def _read_sign_in(self) -> None:
        try:
            self._signed_in = signed_in(local_status(self._workspace()).server)
        except WorkspaceError as exc:  # the keyring refused: say so, as a failed attempt
            self._signed_in, self.last_error = False, str(exc)

    def refresh(self) -> None:
        """Re-read the figures (after each edit, each sync) and the actions' states."""
        ws = self._workspace()
        try:
            status = local_status(ws)
        except Exception as exc:  # a damaged sync table: say it where the figures would be
            self.status.label.setText(self.tr("Sync: ?"))
            self.status.label.setToolTip(str(exc))
            return
        if not self.running:
            self.status.show_status(status, signed_in=self._signed_in, online=self.online,
                                    error=self.last_error)  # fmt: skip
        writable = not ws.readonly
        self.sync_action.setEnabled(writable and not self.running)
        self.sign_in_action.setEnabled(writable and not self.running)
        self.sign_out_action.setEnabled(self._signed_in and not self.running)

    def interval_s(self) -> float:
        return interval_minutes(self._settings()) * 60

    def schedule(self) -> None:
        """Set the automatic sync's timer: only when signed in to a writable workspace and the
        interval is not 0; after failures in a row it waits longer (backoff)."""
        self.timer.stop()
        interval = self.interval_s()
        if interval <= 0 or not self._signed_in or self._workspace().readonly:
            return
        self.timer.start(int(next_delay_s(interval, self.failures) * 1000))

    # ------------------------------------------------------------------ actions
    @Slot()
    def sign_in(self) -> SignInDialog:
        ws = self._workspace()
        url = local_status(ws).server or str(self._settings().value(LAST_URL_KEY, "") or "")
        dialog = SignInDialog(self._workspace, self._runner, self._parent, url=url)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.signed_in.connect(self._signed_in_as)
        dialog.open()
        return dialog

    def _signed_in_as(self, info: dict[str, Any]) -> None:
        self._settings().setValue(LAST_URL_KEY, info["server"])
        self._signed_in, self.online, self.failures, self.last_error = True, True, 0, ""
        text = self.tr("Signed in to {url} as {user} ({role}).").format(
            url=info["server"], user=info["user"], role=info.get("role") or "?"
        )
        profile = info.get("profile")
        mismatch = bool(profile) and profile != info["user"]
        if mismatch:  # the server would refuse their events: no sync until the profile changes
            text += " " + self.tr("This workspace records your work as {profile}: change the "
                                  "profile to {user} (File → Profile…) before syncing.").format(
                profile=profile, user=info["user"])  # fmt: skip
        self._bar.showMessage(text, 15_000)
        self.refresh()
        if mismatch or self.running or self._workspace().readonly:
            self.schedule()
        else:
            self._start()  # the first sync now, with its progress in the status bar

    @Slot()
    def sign_out(self) -> None:
        try:
            from ..sync.client import logout

            url = logout(self._workspace())
        except WorkspaceError as exc:
            self._bar.showMessage(str(exc), 10_000)
            return
        self._signed_in, self.online = False, None
        self.timer.stop()
        self._bar.showMessage(self.tr("Signed out of {url}; your work stays here.").format(url=url),
                              8000)  # fmt: skip
        self.refresh()

    @Slot()
    def sync_now(self) -> TaskHandle | None:
        """Start a sync (F9); without a server, open the sign-in dialog instead."""
        if self.running:
            self._bar.showMessage(self.tr("A sync is already running."), 5000)
            return None
        ws = self._workspace()
        if ws.readonly:
            self._bar.showMessage(self.tr("Syncing needs the workspace open for writing."), 8000)
            return None
        if local_status(ws).server is None:
            self.sign_in()
            return None
        return self._start()

    @Slot()
    def _auto_sync(self) -> None:
        if self.running or not self._signed_in:
            return  # the sync that runs sets the timer again when it ends
        self._start()

    def _start(self) -> TaskHandle:
        from ..sync.client import sync  # the HTTP client loads with the first sync

        ws, policy = self._workspace(), self.policy
        self.timer.stop()
        self.status.set_busy(True)
        self.cancel_action.setEnabled(True)
        self.handle = self._runner.start(
            self.tr("Sync"),
            lambda cancel, progress: sync(ws, progress=progress, cancel=cancel, policy=policy),
            on_done=self._done,
            on_error=self._failed,
            on_progress=self.status.show_progress,
        )
        self.refresh()
        return self.handle

    @Slot()
    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self._bar.showMessage(self.tr("Cancelling the sync…"))

    def _finished(self) -> None:
        self.handle = None
        self.status.set_busy(False)
        self.cancel_action.setEnabled(False)

    def _done(self, result: SyncResult) -> None:
        self._finished()
        self.last_result = result
        self.online, self.failures, self.last_error = True, 0, ""
        text = self.tr("Synced with {url}: {pushed} sent, {pulled} received.").format(
            url=result.server, pushed=result.pushed, pulled=result.pulled
        )
        if result.refused:
            text += " " + self.tr("The server refused %n event(s); an admin sees them under "
                                  "Tools → Sync incidents.", "", len(result.refused))  # fmt: skip
        if result.blob_problems:
            text += " " + result.blob_problems[0]
        self._bar.showMessage(text, 10_000)
        if result.pulled or result.server_restored:
            self.synced.emit()  # the window re-reads its views (and refreshes us)
        self.refresh()
        self.schedule()

    def _failed(self, exc: BaseException) -> None:
        self._finished()
        if isinstance(exc, Cancelled):
            self._bar.showMessage(self.tr("Sync cancelled; the next one resumes where it "
                                          "stopped."), 8000)  # fmt: skip
        else:
            self.online = False
            self.failures += 1
            self.last_error = self._reason(exc)
            if isinstance(exc, LoginRequired | CheckpointKeyChanged):
                self._signed_in = False  # the token or the server's key: sign in again
            self._bar.showMessage(self.tr("Sync failed: {reason}").format(
                reason=self.last_error), 15_000)  # fmt: skip
        self.refresh()
        self.schedule()

    def _reason(self, exc: BaseException) -> str:
        """Why a sync failed, in the interface's language where the app knows the case."""
        if isinstance(exc, CheckpointKeyChanged):
            return self.tr("the server's checkpoint key changed since you signed in; if your "
                           "administrator rotated it, sign in again (File → Sign in to "
                           "server…). Nothing was sent or received.")  # fmt: skip
        if isinstance(exc, CheckpointRefused):
            return self.tr("the server's signed checkpoint does not verify: the answer was "
                           "altered on its way or it is not the real server. Nothing was sent "
                           "or received; tell your administrator.")  # fmt: skip
        return str(exc)

    # ------------------------------------------------------------------ incidents
    @Slot()
    def show_incidents(self) -> IncidentsView:
        view = IncidentsView(self._workspace, self._runner, self._parent, policy=self.policy)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.open()
        view.reload()
        return view

    def shutdown(self) -> None:
        """The window closes: no more automatic syncs (the runner cancels a running one)."""
        self.timer.stop()
        self.status.clock.stop()
