"""Tools → Pre-label: pick a registered model, run it on a worker thread, report.

The model loads on the worker (transformers take seconds to start), then
``prelabel.run_prelabel`` appends a ``prelabel.made`` event per item, batch by batch. The
progress dialog's Cancel stops after the batch in flight; items done stay in the log and a
later run skips them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from ..prelabel import ModelRecord, PrelabelRunReport, list_models, load_prelabeller, run_prelabel
from ..prelabel.builtin import BUILTIN, resolve_model
from ..prelabel.model_files import IMAGE_TASKS
from ..prelabel.registry import bundled_embedder_path, default_embedder
from ..prelabel.run import items_for
from ..workspace import CancelToken, Workspace
from .prelabel_dialog import ModelChoice, PrelabelOptions, PrelabelOptionsDialog
from .run_controller import DeviceLabel, RunController
from .tasks import Progress, TaskHandle, TaskRunner

TASK_NAME = "prelabel"
CHUNK = 500  # item ids per query (SQLite limits the number of parameters)
BUNDLED_EMBEDDER = "builtin:all-MiniLM-L6-v2"
KIND_SQL = {
    "text": "kind = 'text'",
    "image": "kind IN ('image', 'scan_page')",
}


def modality_of(record: ModelRecord) -> str:
    """Which items a registered model reads: "image" for image tasks, else "text"."""
    return "image" if record.task in IMAGE_TASKS else "text"


def model_choices(ws: Workspace) -> list[ModelChoice]:
    """Registered models (newest registration last), plus the bundled embedder for zero-shot
    when no embedding model is registered yet."""
    choices = []
    for r in list_models(ws):
        needs = r.kind == "sentence-embedding" or r.task == "zero-shot-classification"
        title = f"{r.name} — {r.task} ({r.id})"
        choices.append(ModelChoice(r.id, title, modality_of(r), needs))
    has_embedder = any(c.needs_labels and c.modality == "text" for c in choices)
    if not has_embedder and bundled_embedder_path() is not None:
        title = "all-MiniLM-L6-v2 — zero-shot (bundled)"
        choices.append(ModelChoice(BUNDLED_EMBEDDER, title, "text", True))
    names = {c.title.split(" — ", 1)[0] for c in choices}
    for name, (what, _spec) in BUILTIN.items():
        if name not in names:
            choices.append(ModelChoice(f"builtin:{name}", f"{name} — {what}", "image", False))
    return choices


def item_ids_of(ws: Workspace, modality: str, item_ids: Sequence[str] | None) -> list[str]:
    """The ids among ``item_ids`` (all items for None) a model of ``modality`` reads, in
    import order, leaving out retired items."""
    sql = f"SELECT id FROM items WHERE {KIND_SQL[modality]} AND status != 'retired'"
    conn = ws.reader()
    if item_ids is None:
        return [r[0] for r in conn.execute(sql + " ORDER BY created_key, id")]
    ids: list[str] = []
    for start in range(0, len(item_ids), CHUNK):
        chunk = list(item_ids[start : start + CHUNK])
        where = f" AND id IN ({','.join('?' * len(chunk))}) ORDER BY created_key, id"
        ids += [r[0] for r in conn.execute(sql + where, chunk)]
    return ids


def prelabel_job(
    ws: Workspace, options: PrelabelOptions, item_ids: Sequence[str] | None
) -> Callable[[CancelToken, Progress], PrelabelRunReport]:
    """The Qt-free job: load the model, find its items, run it."""

    def job(cancel: CancelToken, progress: Progress) -> PrelabelRunReport:
        ref = options.model.ref
        if ref == BUNDLED_EMBEDDER:
            ref = default_embedder(ws)[0].id
        elif ref.startswith("builtin:"):
            ref = resolve_model(ws, ref.removeprefix("builtin:"))[0].id
        model = load_prelabeller(ws, ref, label_set=options.label_set, device=options.device)
        items = items_for(ws, model.modality, item_ids_of(ws, model.modality, item_ids))
        progress(0, len(items), "")  # the model is ready
        return run_prelabel(ws, model, items, force=options.force, progress=progress, cancel=cancel)

    return job


class PrelabelController(RunController):
    """The Pre-label actions and their job. Emits ``prelabels_changed`` when a run ended."""

    task_name = TASK_NAME

    prelabels_changed = Signal()

    def __init__(
        self,
        workspace: Callable[[], Workspace],
        runner: TaskRunner,
        status_bar: QStatusBar,
        dialog_parent: QWidget,
        selected_items: Callable[[], list[str]],
        device_label: DeviceLabel,
        settings: Callable[[], QSettings] | None = None,
    ) -> None:
        super().__init__(status_bar, dialog_parent)
        self.title = self.tr("Pre-label")
        self._workspace = workspace
        self._runner = runner
        self._selected = selected_items
        self._device_label = device_label
        self._settings = settings
        self.dialog: PrelabelOptionsDialog | None = None
        self.last_report: PrelabelRunReport | None = None

        self.run_selected_action = QAction(self.tr("&Pre-label selected items…"), dialog_parent)
        self.run_selected_action.triggered.connect(self.run_selected)
        self.run_all_action = QAction(self.tr("Pre-label all &items…"), dialog_parent)
        self.run_all_action.triggered.connect(self.run_all)
        self.set_writable(True)

    def set_writable(self, writable: bool) -> None:
        tips = (
            self.tr("Let a model suggest labels for the selected items"),
            self.tr("Let a model suggest labels for every item it can read"),
        )
        self.enable_actions(writable, tips, self.tr("Needs the workspace open for writing"))

    # ------------------------------------------------------------------ asking
    @Slot()
    def run_selected(self) -> PrelabelOptionsDialog | None:
        return self.ask(self._selected())

    @Slot()
    def run_all(self) -> PrelabelOptionsDialog | None:
        return self.ask(None)

    def ask(self, item_ids: Sequence[str] | None) -> PrelabelOptionsDialog | None:
        """Show the options dialog for ``item_ids`` (None: every item); it starts the run."""
        ws = self._workspace()
        refusal = ""
        if ws.readonly:
            refusal = self.tr("This workspace is open read-only, so pre-labels cannot be recorded.")
        elif self._runner.active_count:
            refusal = self.tr("Another job is running; wait for it to finish.")
        elif item_ids is not None and not item_ids:
            refusal = self.tr("Select the items to pre-label first.")
        if refusal:
            self.show_box(QMessageBox.Icon.Information, refusal)
            return None
        counts = {m: len(item_ids_of(ws, m, item_ids)) for m in KIND_SQL}
        settings = self._settings() if self._settings is not None else None
        from .ocr_runner import default_device

        dialog = PrelabelOptionsDialog(
            model_choices(ws), counts, self._parent, settings=settings,
            device_note=default_device()[1],
        )  # fmt: skip
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ids = None if item_ids is None else list(item_ids)
        dialog.accepted.connect(lambda: self.start(ids, dialog.options()))
        dialog.destroyed.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()
        return dialog

    @Slot()
    def _forget_dialog(self) -> None:
        self.dialog = None

    # ------------------------------------------------------------------ running
    def start(self, item_ids: list[str] | None, options: PrelabelOptions) -> TaskHandle | None:
        if self._runner.active_count:
            return None
        job = prelabel_job(self._workspace(), options, item_ids)
        dialog = self.open_progress(
            "PrelabelProgressDialog", self.tr("Pre-labelling"), self.tr("Loading the model…")
        )
        handle = self._runner.start(
            TASK_NAME, job, on_done=self._done, on_error=self._failed, on_detail=self._progress
        )
        dialog.canceled.connect(handle.cancel)
        dialog.canceled.connect(
            lambda: self._status.showMessage(
                self.tr("Cancelling pre-labelling after the batch in flight…")
            )
        )
        self._status.showMessage(self.tr("Loading {model}…").format(model=options.model.title))
        return handle

    def _progress(self, done: int, total: int, name: str) -> None:
        dialog = self.progress_dialog
        if dialog is None or dialog.wasCanceled():
            return
        if done == 0:
            dialog.setLabelText(self.tr("Pre-labelling %Ln item(s)…", "", total))
            return
        self.show_progress(done, total, name, self.tr("Pre-labelling"))

    def _done(self, report: PrelabelRunReport) -> None:
        self.close_progress()
        self.last_report = report
        note = report.notice or self.tr("The last model run used this device.")
        self._device_label.show_device(report.device, note)
        summary = report.summary()
        if report.notice:
            summary = self.tr("{summary}. {notice}").format(summary=summary, notice=report.notice)
        self._status.showMessage(summary)
        self.prelabels_changed.emit()
        if report.failed:
            reasons = [reason for _item, reason in report.failed]
            what = self.tr("%Ln item(s) could not be pre-labelled:", "", len(reasons))
            self.report_failures(summary, reasons, what)

    def _failed(self, exc: BaseException) -> None:
        self.close_progress()
        self.prelabels_changed.emit()  # batches done before the failure are in the log
        self._status.showMessage(self.tr("Pre-labelling failed: {error}").format(error=exc))
        self.show_box(QMessageBox.Icon.Critical, self.tr("Pre-labelling failed."), str(exc))
