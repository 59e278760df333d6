"""Content-addressed blobs: atomic, deduplicated, checked."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from hitl_desktop.workspace import BlobError, BlobStore


def test_put_and_read_back_by_hash(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    data = "Ünïcødé scan bytes".encode() * 1000
    sha = store.put_bytes(data)
    assert sha == hashlib.sha256(data).hexdigest()
    assert store.path(sha) == tmp_path / "blobs" / sha[:2] / sha[2:]
    assert store.read_bytes(sha) == data
    assert store.put_stream(io.BytesIO(data)) == sha  # same bytes, same blob
    assert list(store) == [sha]


def test_streamed_file_is_not_held_in_memory_and_lands_whole(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * (5 << 20))
    store = BlobStore(tmp_path / "blobs")
    sha = store.put_file(big)
    assert store.verify(sha)
    assert list((tmp_path / "blobs" / "tmp").iterdir()) == []


def test_bit_rot_and_missing_blobs_are_reported(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "blobs")
    sha = store.put_bytes(b"original")
    store.path(sha).write_bytes(b"changed")
    assert not store.verify(sha)
    with pytest.raises(BlobError, match="corrupt"):
        store.read_bytes(sha)
    with pytest.raises(BlobError, match="missing"):
        store.read_bytes("0" * 64)
    with pytest.raises(BlobError, match="not a SHA-256"):
        store.path("../../etc/passwd")
