"""Streaming import: a folder watched by polling; files are taken once their size is stable.

Polling needs no platform-specific notification API and sees files on network shares and USB
sticks too. A file is imported once it has kept the same size and modification time for one
full interval, so a file still being copied is never taken half-written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from ..workspace import Workspace
from .importer import expand_paths, import_paths
from .options import ImportOptions
from .report import ImportReport


def watch_folder(
    ws: Workspace,
    folder: Path,
    options: ImportOptions,
    *,
    stop: threading.Event,
    interval: float = 2.0,
    on_report: Callable[[ImportReport], None] | None = None,
) -> int:
    """Import files as they appear until ``stop`` is set; returns how many files were taken."""
    last: dict[Path, tuple[int, float]] = {}
    done: set[Path] = set()
    taken = 0
    while not stop.is_set():
        current: dict[Path, tuple[int, float]] = {}
        for f in expand_paths([folder]):
            if f in done:
                continue
            try:
                st = f.stat()
            except OSError:
                continue
            current[f] = (st.st_size, st.st_mtime)
        stable = sorted(f for f, sig in current.items() if last.get(f) == sig and sig[0] > 0)
        if stable:
            report = import_paths(ws, stable, options)
            done.update(stable)
            taken += len(stable)
            if on_report is not None:
                on_report(report)
        last = current
        stop.wait(interval)
    return taken
