"""The sync corner of the status bar: online or offline (how the last attempt went), events
waiting to be pushed, when the last sync finished (relative, localised), and while a sync
runs its progress and a Cancel button. The tooltip names the server and the last error."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from ..sync.gui_support import LocalStatus
from ..sync.state import KEY_CHANGED, LocalIncident


class SyncStatusBar(QObject):
    """The label, the progress bar and the Cancel button, all permanent status bar widgets."""

    def __init__(self, bar: QStatusBar, cancel: QAction, parent: QWidget) -> None:
        super().__init__(parent)
        self.label = QLabel(parent)
        self.label.setObjectName("SyncStatus")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setContentsMargins(6, 0, 6, 0)
        self.progress = QProgressBar(parent)
        self.progress.setObjectName("SyncProgress")
        self.progress.setMaximumWidth(140)
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.cancel_button = QToolButton(parent)
        self.cancel_button.setObjectName("SyncCancel")
        self.cancel_button.setDefaultAction(cancel)
        for widget in (self.progress, self.cancel_button, self.label):
            bar.addPermanentWidget(widget)
        self.set_busy(False)
        self.last: tuple[LocalStatus, bool, bool | None, str] | None = None
        # "synced 3 minutes ago" ages while nothing happens: re-say it every half minute
        self.clock = QTimer(parent)
        self.clock.setInterval(30_000)
        self.clock.timeout.connect(self._tick)
        self.clock.start()

    def relative_time(self, when: datetime, now: datetime | None = None) -> str:
        """``when`` as a person says it: "just now", "5 minutes ago", "3 hours ago", "2 days
        ago", then the date in the interface's locale."""
        now = now or datetime.now(UTC)
        seconds = max(0, int((now - when).total_seconds()))
        if seconds < 60:
            return self.tr("just now")
        if seconds < 3600:
            return self.tr("%n minute(s) ago", "", max(1, seconds // 60))
        if seconds < 86_400:
            return self.tr("%n hour(s) ago", "", seconds // 3600)
        if seconds < 7 * 86_400:
            return self.tr("%n day(s) ago", "", seconds // 86_400)
        day = when.astimezone().date()
        return QLocale().toString(
            QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat
        )

    def status_text(
        self,
        status: LocalStatus,
        *,
        signed_in: bool,
        online: bool | None,
        now: datetime | None = None,
    ) -> str:
        """The label's sentence for ``status`` (see the module docstring)."""
        if status.server is None:
            return self.tr("Not synced")
        if not signed_in:
            state = self.tr("Signed out")
        elif online is None:
            state = self.tr("Signed in")
        else:
            state = self.tr("Online") if online else self.tr("Offline")
        parts = [
            state,
            self.tr("%n event(s) waiting", "", status.waiting)
            if status.waiting
            else self.tr("up to date"),
        ]
        if status.last_sync is None:
            parts.append(self.tr("never synced"))
        else:
            parts.append(
                self.tr("synced {when}").format(when=self.relative_time(status.last_sync, now))
            )
        return " · ".join(parts)

    def show_status(
        self, status: LocalStatus, *, signed_in: bool, online: bool | None, error: str = ""
    ) -> None:
        self.last = (status, signed_in, online, error)
        self.label.setText(self.status_text(status, signed_in=signed_in, online=online))
        if status.server is None:
            tip = self.tr("Not connected to a server: File → Sign in to server…")
        else:
            tip = self.tr("Server: {url}").format(url=status.server)
            if not signed_in:
                tip += "\n" + self.tr("Sign in again: File → Sign in to server…")
        if error:
            tip += "\n" + self.tr("Last sync failed: {reason}").format(reason=error)
        if status.incident is not None:
            tip += "\n" + self.incident_text(status.incident)
        self.label.setToolTip(tip)

    def incident_text(self, incident: LocalIncident, now: datetime | None = None) -> str:
        """The sentence for a server this device refused (kept until a sync goes through)."""
        when = self.relative_time(datetime.fromisoformat(incident.at), now)
        if incident.kind == KEY_CHANGED:
            return self.tr("This device refused the server {when}: its checkpoint key changed "
                           "since you signed in. If your administrator rotated it, sign in "
                           "again.").format(when=when)  # fmt: skip
        return self.tr("This device refused the server {when}: its signed checkpoint did not "
                       "verify. Tell your administrator.").format(when=when)  # fmt: skip

    def _tick(self) -> None:
        if self.last is not None:
            status, signed_in, online, error = self.last
            self.show_status(status, signed_in=signed_in, online=online, error=error)

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)  # busy until the first figures arrive
            self.label.setText(self.tr("Syncing…"))

    def show_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self.progress.setFormat(self.tr("%v of %m events"))
            self.progress.setTextVisible(True)
