"""Insights → Dashboard…: drift, corrections, confusion, agreement, throughput and the event
timeline, with filters; the figures are computed off the GUI thread (``insights.dashboard``)
and drawn by ``dashboard_draw``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..insights.dashboard import Dashboard, FilterChoices, compute_dashboard, filter_choices
from ..insights.windows import Filters, last_days, latest_day
from ..workspace import Cancelled, CancelToken, Workspace
from .dashboard_draw import Painter
from .dashboard_plots import PlotPanel
from .dashboard_timeline import TimelineTable
from .tasks import Progress, TaskHandle, TaskRunner

Result = tuple[FilterChoices, Dashboard]


def _job(ws: Workspace, days: int, ref_days: int, filters: Filters) -> Callable[..., Result]:
    def run(cancel: CancelToken, progress: Progress) -> Result:
        conn = ws.reader()  # this worker thread's own read-only connection
        blobs = ws.blobs

        def read(sha: str) -> str | None:
            if not blobs.has(sha):
                return None
            return blobs.read_bytes(sha, check=False).decode("utf-8", errors="replace")

        period = last_days(latest_day(conn), days, ref_days)
        board = compute_dashboard(conn, period, filters, read_text=read, progress=progress,
                                  cancel=cancel)  # fmt: skip
        return filter_choices(conn), board

    return run


class DashboardWindow(QDialog):
    """Figures over the last N days against the N before, narrowed by the filters."""

    PANELS = ("Corrections", "Labels", "Inputs", "Vocabulary", "Confusion", "Agreement",
              "Throughput", "Activity")  # fmt: skip

    def __init__(self, workspace: Callable[[], Workspace], runner: TaskRunner, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("Dashboard")
        self.setWindowTitle(self.tr("Dashboard"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._workspace = workspace
        self._runner = runner
        self.handle: TaskHandle | None = None
        self.dashboard: Dashboard | None = None
        self.current_days = self._spin(14, self.tr("Days in the current window"))
        self.reference_days = self._spin(14, self.tr("Days in the reference window before it"))
        self.source = self._combo(self.tr("All sources"), "DashboardSource")
        self.label = self._combo(self.tr("All labels"), "DashboardLabel")
        self.person = self._combo(self.tr("All people"), "DashboardPerson")
        self.model = self._combo(self.tr("All models"), "DashboardModel")
        self.label.setToolTip(self.tr("Correction rates of the suggestions with this label"))
        self.person.setToolTip(self.tr("Only this person's answers, decisions and events"))
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.cancel_button = QPushButton(self.tr("&Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("DashboardStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        bar = QHBoxLayout()
        for text, widget in (
            (self.tr("Current days:"), self.current_days),
            (self.tr("Reference days:"), self.reference_days),
            (self.tr("Source:"), self.source), (self.tr("Label:"), self.label),
            (self.tr("Person:"), self.person), (self.tr("Model:"), self.model),
        ):  # fmt: skip
            caption = QLabel(text, self)
            caption.setBuddy(widget)
            bar.addWidget(caption)
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.progress)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.refresh_button)
        titles = {
            "Corrections": self.tr("Correction rate per model version"),
            "Labels": self.tr("Label distribution: reference and current"),
            "Inputs": self.tr("Input drift (PSI per import statistic)"),
            "Vocabulary": self.tr("Vocabulary drift"),
            "Confusion": self.tr("Model against adjudicated answers"),
            "Agreement": self.tr("Agreement between annotators, per week"),
            "Throughput": self.tr("Answers per person and day"),
            "Activity": self.tr("Event timeline"),
        }
        self.panels = {name: PlotPanel(titles[name], f"Dashboard{name}", self)
                       for name in self.PANELS}  # fmt: skip
        grid = QGridLayout()
        for k, name in enumerate(self.PANELS):
            grid.addWidget(self.panels[name], k // 2, k % 2)
        self.timeline = TimelineTable(self)
        body = QWidget(self)
        inner = QVBoxLayout(body)
        inner.addLayout(grid)
        inner.addWidget(self.timeline)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        self.resize(1200, 860)

    def _spin(self, value: int, tip: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(1, 3650)
        spin.setValue(value)
        spin.setToolTip(tip)
        return spin

    def _combo(self, everything: str, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(everything, None)
        combo.setMinimumContentsLength(10)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def filters(self) -> Filters:
        return Filters(self.source.currentData(), self.label.currentData(),
                       self.person.currentData(), self.model.currentData())  # fmt: skip

    @Slot()
    def refresh(self) -> TaskHandle | None:
        """Compute every figure again in the background; the old ones stay until then."""
        if self.handle is not None:
            return None
        job = _job(self._workspace(), self.current_days.value(), self.reference_days.value(),
                   self.filters())  # fmt: skip
        self.refresh_button.setEnabled(False)
        self.cancel_button.show()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.status.setText(self.tr("Computing the figures…"))
        self.handle = self._runner.start(
            self.tr("Dashboard"), job, on_done=self._show, on_error=self._failed,
            on_progress=self._progressed,
        )  # fmt: skip
        return self.handle

    @Slot()
    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.handle.detach()
        self._idle()
        self.status.setText(self.tr("Cancelled; the figures shown are the previous ones."))

    def _idle(self) -> None:
        self.handle = None
        self.refresh_button.setEnabled(True)
        self.cancel_button.hide()
        self.progress.hide()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _show(self, result: Any) -> None:
        self._idle()
        choices, board = result
        self._fill(choices)
        self.dashboard = board
        Painter(self).draw(board)
        self.timeline.show_entries(board.timeline)

    def _failed(self, exc: BaseException) -> None:
        self._idle()
        if isinstance(exc, Cancelled):
            return
        self.status.setText(self.tr("Could not compute the figures: {reason}").format(reason=exc))

    def _fill(self, choices: FilterChoices) -> None:
        for combo, values in ((self.source, choices.sources), (self.label, choices.labels),
                              (self.person, choices.people), (self.model, choices.models)):  # fmt: skip
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for v in values:
                combo.addItem(v, v)
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen else 0)
            combo.blockSignals(False)

    def reject(self) -> None:
        if self.handle is not None:
            self.handle.cancel()
            self.handle.detach()
            self.handle = None
        super().reject()
