"""Tools → Sync incidents… (admins): the events the server refused (forks, forgeries, revoked
or foreign devices), read from the server off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..sync.gui_support import Incident, fetch_incidents
from ..sync.retry import RetryPolicy
from ..workspace import Workspace
from .tasks import TaskHandle, TaskRunner


class IncidentsView(QDialog):
    """A table of incidents, newest first, with a Reload button; errors show in the view."""

    def __init__(
        self,
        workspace: Callable[[], Workspace],
        runner: TaskRunner,
        parent: QWidget,
        *,
        policy: RetryPolicy | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SyncIncidents")
        self.setWindowTitle(self.tr("Sync incidents"))
        self._workspace = workspace
        self._runner = runner
        self._policy = policy
        self.handle: TaskHandle | None = None
        self.incidents: list[Incident] = []
        self.headers = [self.tr("When"), self.tr("Status"), self.tr("User"), self.tr("Device"),
                        self.tr("Event"), self.tr("Why")]  # fmt: skip
        self.table = QTableWidget(0, len(self.headers), self)
        self.table.setHorizontalHeaderLabels(self.headers)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(
            len(self.headers) - 1, QHeaderView.ResizeMode.Stretch
        )
        self.table.setAccessibleName(self.tr("Refused events"))
        self.message = QLabel(self)
        self.message.setObjectName("SyncIncidentsMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.reload_button = QPushButton(self.tr("&Reload"), self)
        buttons.addButton(self.reload_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.reload_button.clicked.connect(self.reload)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(900, 420)

    @Slot()
    def reload(self) -> TaskHandle | None:
        if self.handle is not None:
            return None
        ws, policy = self._workspace(), self._policy
        self.reload_button.setEnabled(False)
        self.message.setText(self.tr("Asking the server…"))
        self.handle = self._runner.start(
            self.tr("Sync incidents"),
            lambda cancel, _progress: fetch_incidents(ws, policy=policy, cancel=cancel),
            on_done=self._show,
            on_error=self._failed,
        )
        return self.handle

    def _show(self, found: Any) -> None:
        self.handle = None
        self.reload_button.setEnabled(True)
        self.incidents = list(reversed(found))  # newest first
        self.table.setRowCount(len(self.incidents))
        for row, inc in enumerate(self.incidents):
            try:
                when = datetime.fromisoformat(inc.at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
            except ValueError:
                when = inc.at
            cells = [when, inc.status, inc.user, inc.device_id[:12], inc.hash[:16], inc.detail]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip({3: inc.device_id, 4: inc.hash}.get(col, text))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.message.setText(
            self.tr("The server refused %n event(s).", "", len(self.incidents))
            if self.incidents
            else self.tr("The server has refused no event.")
        )

    def _failed(self, exc: BaseException) -> None:
        self.handle = None
        self.reload_button.setEnabled(True)
        self.message.setText(self.tr("Could not read the incidents: {reason}").format(reason=exc))

    def reject(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.handle.detach()
            self.handle = None
        super().reject()
