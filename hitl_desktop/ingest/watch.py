"""Streaming import: a folder watched by polling; files are taken once their size is stable.

Polling needs no platform-specific notification API and sees files on network shares and USB
sticks too. A file is taken once it has kept the same size and modification time for one
full interval. A writer that pauses longer than that can still be caught mid-file: the
import then refuses it as truncated, and because files are remembered by (size, mtime), the
completed file is examined again and imported.
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
    done: dict[Path, tuple[int, float]] = {}  # what each file looked like when it was taken
    taken = 0
    while not stop.is_set():
        current: dict[Path, tuple[int, float]] = {}
        for f in expand_paths([folder]):
            try:
                st = f.stat()
            except OSError:
                continue
            sig = (st.st_size, st.st_mtime)
            if done.get(f) != sig:
                current[f] = sig
        stable = sorted(f for f, sig in current.items() if last.get(f) == sig and sig[0] > 0)
        if stable:
            report = import_paths(ws, stable, options)
            done.update((f, current[f]) for f in stable)
            taken += len(stable)
            if on_report is not None:
                on_report(report)
        last = current
        stop.wait(interval)
    return taken
