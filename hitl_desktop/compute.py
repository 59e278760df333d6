"""Mapping work over items in this process or on a Dask cluster, results back in item order.

Batch runs (OCR, pre-labels) split into three steps: the workspace process reads each item's
input (page bytes, texts), a *task* computes plain results from it with a heavy object (an OCR
engine, a model), and the workspace process turns the results into events, in item order,
committing per batch. Only the middle step moves: :class:`LocalCompute` runs it here, lazily,
one item at a time (the default, and exactly the old in-process run); :class:`DaskCompute` runs
it on Dask workers, a few items ahead. Workers never see the workspace: they receive the input
and a :class:`Recipe`, a small description from which each worker builds the heavy object once
and keeps it. The workspace process stays the only writer, so resume, progress, cancel and
per-item failures behave the same either way.

Trust: Dask moves tasks and results between processes with pickle. That is safe only among
processes you run yourself (a ``LocalCluster`` started here, or a cluster you operate), never
a scheduler or worker someone else controls. What crosses is made by this code (recipes, the
raw bytes and texts of items, lines, predictions); item contents travel as bytes and strings
and are never unpickled.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Protocol, TypeVar

from .workspace import CancelToken

T = TypeVar("T")
P = TypeVar("P")
R = TypeVar("R")
T_co = TypeVar("T_co", covariant=True)

INSTALL_HINT = "pip install 'hitl-desktop[cluster]'"
_END = object()


class ComputeError(Exception):
    """The cluster cannot be started or reached; the message says what to do."""


@dataclass(frozen=True)
class Failed:
    """One item's failure, reported for that item only while the batch goes on."""

    reason: str


class Recipe(Protocol[T_co]):
    """A picklable description of a heavy object that any process can build for itself."""

    @property
    def key(self) -> str:
        """Identifies what is built: recipes with equal keys build interchangeable objects."""
        ...

    def build(self, threads: int | None) -> T_co:
        """Build the object; ``threads`` caps its compute threads (None: its own default)."""
        ...


_built: dict[str, Any] = {}
_build_lock = threading.Lock()


def built(recipe: Recipe[T], threads: int | None = None) -> T:
    """The recipe's object, built once per process (so once per worker) and kept there."""
    with _build_lock:
        if recipe.key not in _built:
            _built[recipe.key] = recipe.build(threads)
        obj: T = _built[recipe.key]
        return obj


def limit_torch_threads(threads: int | None) -> None:
    """Cap torch's intra-op threads where torch is in use (it takes every core by default)."""
    if threads and "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(threads)


def _on_worker(
    task: Callable[[Any, Any], Any], recipe: Recipe[Any], threads: int | None, payload: Any
) -> Any:
    """Runs on a Dask worker: build (or reuse) the recipe's object, then the task."""
    try:
        obj = built(recipe, threads)
    except Exception as exc:  # a worker missing a package or a model file fails its items only
        import socket

        return Failed(f"cannot set up {recipe.key} on worker {socket.gethostname()}: {exc}")
    limit_torch_threads(threads)
    return task(obj, payload)


class Compute(Protocol):
    """Where tasks run. ``map`` yields one result per payload, in payload order."""

    @property
    def description(self) -> str: ...

    @property
    def distributed(self) -> bool: ...

    def map(
        self, task: Callable[[T, P], R], recipe: Recipe[T] | None, payloads: Iterable[P | Failed],
        *, local: T | None = None, cancel: CancelToken | None = None,
    ) -> Generator[R | Failed, None, None]:  # fmt: skip
        """``task(obj, payload)`` for each payload; a ``Failed`` payload passes straight through.

        Stops early (no more results) once ``cancel`` is set while waiting. Closing the
        iterator early cancels the work still pending.
        """
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Compute: ...

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None: ...


class LocalCompute:
    """In this process, one payload at a time, only when the next result is asked for."""

    description = "this process"
    distributed = False

    def map(
        self, task: Callable[[T, P], R], recipe: Recipe[T] | None, payloads: Iterable[P | Failed],
        *, local: T | None = None, cancel: CancelToken | None = None,
    ) -> Generator[R | Failed, None, None]:  # fmt: skip
        if local is None:
            if recipe is None:
                raise ValueError("LocalCompute.map needs the object itself or a recipe for it")
            local = built(recipe)
        for payload in payloads:
            yield payload if isinstance(payload, Failed) else task(local, payload)

    def close(self) -> None:
        pass

    def __enter__(self) -> LocalCompute:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ComputeError(f"Dask is not installed; {INSTALL_HINT}") from None
    return distributed


def cpu_count() -> int:
    import os

    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


class DaskCompute:
    """Tasks on Dask workers: a ``LocalCluster`` started here, or an existing scheduler.

    At most ``2 x workers`` items are in flight, so inputs are read only a little ahead and
    memory stays flat however many items there are.
    """

    distributed = True

    def __init__(self, client: Any, cluster: Any = None, *, task_threads: int | None = None,
                 description: str = "") -> None:  # fmt: skip
        self.client, self.cluster, self.task_threads = client, cluster, task_threads
        self.description = description or f"Dask at {client.scheduler.address}"

    @classmethod
    def local(cls, workers: int | None = None) -> DaskCompute:
        """Start a ``LocalCluster``: one process per core, one thread each (no oversubscription)."""
        dist = _distributed()
        n = workers or cpu_count()
        # loopback only: the cluster's protocol runs pickled code, so nobody else may connect;
        # its HTTP status server takes any free port rather than fighting over 8787
        cluster = dist.LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.ERROR,
        )  # fmt: skip
        try:
            client = dist.Client(cluster)
        except BaseException:
            cluster.close()
            raise
        threads = max(1, cpu_count() // n)
        plural = "s" if n != 1 else ""
        return cls(client, cluster, task_threads=threads,
                   description=f"a local Dask cluster ({n} worker{plural})")  # fmt: skip

    @classmethod
    def connect(cls, address: str, *, timeout: float = 5.0) -> DaskCompute:
        """Connect to a running scheduler; a clear ComputeError if it or its workers are absent."""
        dist = _distributed()
        try:
            client = dist.Client(address, timeout=timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ComputeError(
                f"cannot reach the Dask scheduler at {address} ({exc}); start one with "
                f"`dask scheduler` and workers with `dask worker {address}`, or use --dask "
                f"for a cluster on this machine"
            ) from None
        try:
            client.wait_for_workers(1, timeout=timeout)
        except (TimeoutError, OSError):
            client.close()
            raise ComputeError(
                f"the Dask scheduler at {address} has no workers; start some with "
                f"`dask worker {address}`"
            ) from None
        n = len(client.scheduler_info()["workers"])
        return cls(client, task_threads=None, description=f"Dask at {address} ({n} workers)")

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info()["workers"]))

    def map(
        self, task: Callable[[T, P], R], recipe: Recipe[T] | None, payloads: Iterable[P | Failed],
        *, local: T | None = None, cancel: CancelToken | None = None,
    ) -> Generator[R | Failed, None, None]:  # fmt: skip
        if recipe is None:
            raise ValueError("Dask workers need a recipe to build the task's object")
        dist = _distributed()
        window = 2 * self.workers
        pending: deque[Any] = deque()  # futures, or Failed payloads kept in their place
        source = iter(payloads)
        try:
            while True:
                while len(pending) < window and (payload := next(source, _END)) is not _END:
                    if isinstance(payload, Failed):
                        pending.append(payload)
                    else:
                        pending.append(self.client.submit(
                            _on_worker, task, recipe, self.task_threads, payload, pure=False
                        ))  # fmt: skip
                if not pending:
                    return
                head = pending.popleft()
                if isinstance(head, Failed):
                    yield head
                    continue
                if not _wait(dist, head, cancel):
                    pending.appendleft(head)
                    return
                try:
                    yield head.result()
                except dist.KilledWorker as exc:
                    yield Failed(f"the worker running it died ({exc}); see the worker's log")
        finally:
            futures = [f for f in pending if not isinstance(f, Failed)]
            if futures:
                self.client.cancel(futures)

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self.cluster is not None:
                self.cluster.close()

    def __enter__(self) -> DaskCompute:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _wait(dist: Any, future: Any, cancel: CancelToken | None) -> bool:
    """Wait for a future; False if ``cancel`` was set first (checked a few times a second)."""
    if cancel is None:
        dist.wait(future)
        return True
    while not cancel.cancelled:
        try:
            dist.wait(future, timeout=0.2)
            return True
        except TimeoutError:
            time.sleep(0)
    return False


def open_compute(dask: bool = False, scheduler: str | None = None) -> Compute:
    """The compute a command asked for: in-process (default), ``--dask``, or ``--scheduler``."""
    if dask and scheduler:
        raise ComputeError("choose either --dask (a cluster on this machine) or --scheduler ADDR")
    if scheduler:
        return DaskCompute.connect(scheduler)
    if dask:
        return DaskCompute.local()
    return LocalCompute()
