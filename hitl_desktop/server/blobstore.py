"""Content-addressed blob files under the server's data dir: ``blobs/ab/cdef…``.

Uploads stream to a temp file while hashing and become visible only after the hash matches
(an atomic rename), so a reader never sees a partial or wrong blob.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path

__all__ = ["BlobMismatch", "BlobStore", "BlobTooLarge", "SHA256_RE"]

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")


class BlobMismatch(ValueError):
    """The uploaded bytes hash to something other than the name they were sent under."""


class BlobTooLarge(ValueError):
    """The upload is larger than the server accepts."""


class BlobStore:
    def __init__(self, root: Path, max_size: int) -> None:
        self.root = root
        self.tmp = root / "tmp"
        self.max_size = max_size
        self.tmp.mkdir(parents=True, exist_ok=True)
        self.sweep_temp()

    def sweep_temp(self, older_than_s: float = 24 * 3600) -> int:
        """Remove uploads left by a crash. Only old ones: another instance sharing this folder
        may be writing a fresh one right now."""
        cutoff = time.time() - older_than_s
        removed = 0
        for p in self.tmp.glob("up-*"):
            try:
                if p.stat().st_mtime < cutoff:
                    p.unlink()
                    removed += 1
            except FileNotFoundError:
                pass
        return removed

    def path(self, sha256: str) -> Path:
        if not SHA256_RE.match(sha256):
            raise ValueError(f"{sha256!r} is not a lowercase hex SHA-256")
        return self.root / sha256[:2] / sha256[2:]

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    async def put_stream(self, sha256: str, chunks: AsyncIterator[bytes]) -> int:
        """Store the streamed bytes as ``sha256``; returns the size. Nothing is kept on error."""
        target = self.path(sha256)
        fd, tmp_name = tempfile.mkstemp(dir=self.tmp, prefix="up-")
        tmp = Path(tmp_name)
        try:
            h = hashlib.sha256()
            size = 0
            with os.fdopen(fd, "wb") as f:
                async for chunk in chunks:
                    size += len(chunk)
                    if size > self.max_size:
                        raise BlobTooLarge(f"a blob may be at most {self.max_size:,} bytes")
                    h.update(chunk)
                    f.write(chunk)
                f.flush()
                os.fsync(f.fileno())
            if h.hexdigest() != sha256:
                raise BlobMismatch(f"the bytes hash to {h.hexdigest()}, not {sha256}")
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)
            return size
        finally:
            tmp.unlink(missing_ok=True)
