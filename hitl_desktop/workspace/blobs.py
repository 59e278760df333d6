"""Content-addressed blob store: ``blobs/ab/cdef…`` named by SHA-256 of the bytes.

Writes go to a temporary file in the same folder, are fsynced, then renamed into place, so
a blob is either absent or complete; readers re-hash on demand to detect bit rot.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import BlobError, StorageFull

_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_CHUNK = 1 << 20


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._tmp = root / "tmp"

    def path(self, sha256: str) -> Path:
        if not _HEX64.match(sha256):
            raise BlobError(f"{sha256!r} is not a SHA-256 hex digest")
        return self.root / sha256[:2] / sha256[2:]

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put_bytes(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        if not self.has(sha):
            self._write(sha, iter((data,)))
        return sha

    def put_stream(self, stream: BinaryIO) -> str:
        """Store a file-like object without holding it in memory; returns its hash."""
        self._tmp.mkdir(parents=True, exist_ok=True)
        h = hashlib.sha256()
        fd, tmp = tempfile.mkstemp(dir=self._tmp, prefix="in-")
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := stream.read(_CHUNK):
                    h.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = h.hexdigest()
            if self.has(sha):
                os.unlink(tmp)
            else:
                self._place(Path(tmp), sha)
            return sha
        except OSError as exc:
            _cleanup(tmp)
            raise _as_storage_error(exc, "storing a blob") from exc

    def put_file(self, path: Path) -> str:
        with open(path, "rb") as f:
            return self.put_stream(f)

    def read_bytes(self, sha256: str, *, check: bool = True) -> bytes:
        p = self.path(sha256)
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            raise BlobError(f"blob {sha256[:16]}… is missing from {self.root}") from None
        if check and hashlib.sha256(data).hexdigest() != sha256:
            raise BlobError(f"blob {sha256[:16]}… is corrupt: its bytes do not match its hash")
        return data

    def verify(self, sha256: str) -> bool:
        h = hashlib.sha256()
        try:
            with open(self.path(sha256), "rb") as f:
                while chunk := f.read(_CHUNK):
                    h.update(chunk)
        except FileNotFoundError:
            return False
        return h.hexdigest() == sha256

    def sweep_temp(self) -> int:
        """Delete temporary files left by writes that were cut off (call with the writer lock)."""
        removed = 0
        if self._tmp.is_dir():
            for f in self._tmp.iterdir():
                with contextlib.suppress(OSError):
                    f.unlink()
                    removed += 1
        return removed

    def __iter__(self) -> Iterator[str]:
        for sub in sorted(self.root.glob("[0-9a-f][0-9a-f]")):
            for f in sorted(sub.iterdir()):
                yield sub.name + f.name

    def _write(self, sha: str, chunks: Iterator[bytes]) -> None:
        self._tmp.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self._tmp, prefix="in-")
        try:
            with os.fdopen(fd, "wb") as out:
                for c in chunks:
                    out.write(c)
                out.flush()
                os.fsync(out.fileno())
            self._place(Path(tmp), sha)
        except OSError as exc:
            _cleanup(tmp)
            raise _as_storage_error(exc, "storing a blob") from exc

    def _place(self, tmp: Path, sha: str) -> None:
        final = self.path(sha)
        final.parent.mkdir(exist_ok=True)
        os.replace(tmp, final)
        _fsync_dir(final.parent)


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _cleanup(tmp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _as_storage_error(exc: OSError, doing: str) -> Exception:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageFull(f"the disk is full while {doing}; free some space and try again")
    return BlobError(f"{doing} failed: {exc}")
