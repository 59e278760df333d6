"""Running long jobs off the GUI thread and handing their results back through signals.

A job is a plain function ``fn(cancel, progress) -> result`` that knows nothing of Qt; it calls
``progress(done, total)`` or ``progress(done, total, detail)`` (a short text such as the current
file). It runs
on a worker thread of a private QThreadPool; its progress, result or exception travel back as
queued signals to a small QObject that lives on the GUI thread, which calls the callbacks
there. Workers never touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ..workspace import CancelToken


class Progress(Protocol):
    """What a job calls to report progress; usable wherever a ``ProgressFn`` is expected."""

    def __call__(self, done: int, total: int, detail: str = "") -> None: ...


Job = Callable[[CancelToken, Progress], Any]


class TaskHandle(QObject):
    """One running job: cancel it, or wait for its callbacks (they run on the GUI thread)."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    ended = Signal()

    def __init__(
        self,
        name: str,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None,
        parent: QObject | None = None,
        on_detail: Callable[[int, int, str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.cancel_token = CancelToken()
        self.running = True
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self._on_detail = on_detail
        # The receiver (self) lives on the GUI thread, so emits from the worker are queued.
        self.progressed.connect(self._relay_progress)
        self.succeeded.connect(self._relay_done)
        self.failed.connect(self._relay_error)

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def report_progress(self, done: int, total: int, detail: str = "") -> None:
        """The ``progress`` function jobs get; called on the worker thread, it only emits."""
        self.progressed.emit(done, total, detail)

    def detach(self) -> None:
        """Drop the callbacks: results that arrive later are ignored (the window is closing)."""
        self._on_done = lambda _result: None
        self._on_error = lambda _exc: None
        self._on_progress = None
        self._on_detail = None

    @Slot(int, int, str)
    def _relay_progress(self, done: int, total: int, detail: str) -> None:
        if not self.running:
            return
        if self._on_progress is not None:
            self._on_progress(done, total)
        if self._on_detail is not None:
            self._on_detail(done, total, detail)

    @Slot(object)
    def _relay_done(self, result: object) -> None:
        self.running = False
        try:
            self._on_done(result)
        finally:
            self.ended.emit()

    @Slot(object)
    def _relay_error(self, exc: object) -> None:
        self.running = False
        try:
            assert isinstance(exc, BaseException)
            self._on_error(exc)
        finally:
            self.ended.emit()


class _Runnable(QRunnable):
    def __init__(self, job: Job, handle: TaskHandle) -> None:
        super().__init__()
        self._job = job
        self._handle = handle

    def run(self) -> None:  # worker thread: only emit signals here
        handle = self._handle
        try:
            result = self._job(handle.cancel_token, handle.report_progress)
        except BaseException as exc:
            handle.failed.emit(exc)
        else:
            handle.succeeded.emit(result)


class TaskRunner(QObject):
    """Starts jobs on a private thread pool and keeps them alive until they report back.

    ``jobs_changed(names)`` says which jobs run now, after each start and each end."""

    jobs_changed = Signal(list)

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._active: dict[TaskHandle, _Runnable] = {}

    def start(
        self,
        name: str,
        job: Job,
        *,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None = None,
        on_detail: Callable[[int, int, str], None] | None = None,
    ) -> TaskHandle:
        """Run ``job`` on the pool; ``on_detail`` also gets the text a job passes to progress."""
        handle = TaskHandle(name, on_done, on_error, on_progress, parent=self, on_detail=on_detail)
        runnable = _Runnable(job, handle)
        runnable.setAutoDelete(False)  # Python keeps it, in _active, until the job reports back
        self._active[handle] = runnable
        handle.ended.connect(lambda: self._forget(handle))
        self._pool.start(runnable)
        self.jobs_changed.emit(self.running_names)
        return handle

    def _forget(self, handle: TaskHandle) -> None:
        self._active.pop(handle, None)
        handle.deleteLater()
        self.jobs_changed.emit(self.running_names)

    @property
    def running_names(self) -> list[str]:
        return [h.name for h in self._active if h.running]

    def is_running(self, name: str) -> bool:
        return any(h.name == name and h.running for h in self._active)

    @property
    def active_count(self) -> int:
        return sum(1 for h in self._active if h.running)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Cancel every job, wait for the workers, and ignore whatever they report later."""
        for handle in self._active:
            handle.cancel()
            handle.detach()
        return self._pool.waitForDone(timeout_ms)
