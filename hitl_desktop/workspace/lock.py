"""One writer per workspace across processes: an exclusive advisory lock on a lock file.

The OS drops the lock when the process dies (even by SIGKILL), so a crash never leaves a
workspace locked. SQLite's own locking still protects the file underneath.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from pathlib import Path
from typing import IO

from .errors import WorkspaceLocked

if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _try_lock(f: IO[bytes]) -> bool:
        try:
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(f: IO[bytes]) -> None:
        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(f: IO[bytes]) -> bool:
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(f: IO[bytes]) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)


class WriterLock:
    """Held for as long as a process has the workspace open for writing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[bytes] | None = None

    def acquire(self) -> None:
        f = open(self.path, "a+b")  # noqa: SIM115 - held open while locked
        if not _try_lock(f):
            f.seek(0)
            holder = _describe(f.read())
            f.close()
            raise WorkspaceLocked(
                f"the workspace {self.path.parent} is open for writing by another process"
                f"{holder}. Close that app or command first, or open this workspace read-only."
            )
        f.seek(0)
        f.truncate()
        info = {"pid": os.getpid(), "host": socket.gethostname(), "since": time.time()}
        f.write(json.dumps(info).encode())
        f.flush()
        self._file = f

    def release(self) -> None:
        if self._file is not None:
            self._file.seek(0)
            self._file.truncate()
            _unlock(self._file)
            self._file.close()
            self._file = None


def _describe(raw: bytes) -> str:
    try:
        info = json.loads(raw)
        since = time.strftime("%Y-%m-%d %H:%M", time.localtime(info["since"]))
        return f" (process {info['pid']} on {info['host']}, since {since})"
    except (ValueError, KeyError, TypeError):
        return ""
