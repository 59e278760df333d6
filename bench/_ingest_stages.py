"""Per-stage timing for the ingest benchmark: wrap the functions ``prepare.py`` calls and
count wall and CPU seconds per stage (generators timed per step)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class StageTimer:
    """Accumulates wall and CPU seconds per stage, for calls wrapped with ``wrap``."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self._depth = 0

    def add(self, stage: str, wall: float, cpu: float) -> None:
        self.wall[stage] = self.wall.get(stage, 0.0) + wall
        self.cpu[stage] = self.cpu.get(stage, 0.0) + cpu

    def wrap(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self._depth:  # nested in another timed call: counted there
                return fn(*args, **kwargs)
            self._depth += 1
            t, c = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self._depth -= 1
                self.add(stage, time.perf_counter() - t, time.process_time() - c)

        return timed

    def wrap_gen(self, stage: str, fn: Callable[..., Iterator[Any]]) -> Callable[..., Any]:
        """For generator functions: times each step, not the consumer's work in between."""

        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            it = iter(fn(*args, **kwargs))
            while True:
                t, c = time.perf_counter(), time.process_time()
                try:
                    item = next(it)
                except StopIteration:
                    self.add(stage, time.perf_counter() - t, time.process_time() - c)
                    return
                self.add(stage, time.perf_counter() - t, time.process_time() - c)
                yield item

        return timed


class _TimedAttrs:
    """A stand-in for a module whose named functions are timed (e.g. ``cv2.imencode``)."""

    def __init__(self, module: Any, stages: dict[str, str], timer: StageTimer) -> None:
        self._module = module
        self._wrapped = {a: timer.wrap(s, getattr(module, a)) for a, s in stages.items()}

    def __getattr__(self, name: str) -> Any:
        return self._wrapped.get(name) or getattr(self._module, name)


@contextmanager
def patched(targets: list[tuple[Any, str, Any]]) -> Iterator[None]:
    saved = [(obj, attr, getattr(obj, attr)) for obj, attr, _ in targets]
    try:
        for obj, attr, new in targets:
            setattr(obj, attr, new)
        yield
    finally:
        for obj, attr, old in saved:
            setattr(obj, attr, old)


# The functions prepare_file calls, by stage (missing names are skipped, so the table keeps
# working as prepare.py changes). Anything not listed is "other" (conversions, glue).
WORKER_STAGES = [
    ("prepare", "_read_and_hash", "hash (read + sha256)"),
    ("prepare", "_hash_file", "hash (read + sha256)"),
    ("prepare", "sniff", "sniff"),
    ("prepare._Context", "is_known", "known? (SQLite lookup)"),
    ("images", "frame_count", "decode"),
    ("images", "read_image", "decode"),
    ("images", "read_frames", "decode"),
    ("images.Frame", "gray", "stats"),
    ("images.Frame", "display", "thumbnail (resize + encode)"),
    ("prepare", "image_stats", "stats"),
    ("prepare", "text_stats", "stats"),
    ("pdf", "render_pages", "render page + text layer"),
    ("prepare.cv2", "imencode", "page PNG encode"),
    ("prepare", "make_thumbnail", "thumbnail (resize + encode)"),
    ("prepare", "store_thumbnail", "thumbnail write"),
    ("prepare.BlobStore", "put_file", "blob write (copy + fsync)"),
    ("prepare.BlobStore", "put_bytes", "blob write (copy + fsync)"),
]
GENERATORS = {"read_frames", "render_pages"}


def _resolve(path: str) -> Any:
    import hitl_desktop.ingest as ingest

    obj: Any = ingest
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def _worker_targets(timer: StageTimer) -> list[tuple[Any, str, Any]]:
    targets: list[tuple[Any, str, Any]] = []
    for owner, attr, stage in WORKER_STAGES:
        if owner == "prepare.cv2":
            from hitl_desktop.ingest import prepare

            targets.append((prepare, "cv2", _TimedAttrs(prepare.cv2, {attr: stage}, timer)))
            continue
        obj = _resolve(owner)
        fn = getattr(obj, attr, None)
        if fn is None or any(t[0] is obj and t[1] == attr for t in targets):
            continue
        wrap = timer.wrap_gen if attr in GENERATORS else timer.wrap
        targets.append((obj, attr, wrap(stage, fn)))
    return targets
