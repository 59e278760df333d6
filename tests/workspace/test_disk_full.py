"""A real full disk (a small tmpfs): clear errors, nothing half-written, nothing lost."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from hitl_desktop.workspace import BlobStore, StorageFull, Workspace
from tests.support.events import imported


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "small-disk"
    mount.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_full_disk_fails_cleanly_and_keeps_every_commit(small_disk: Path) -> None:
    rng = random.Random(3)
    committed: list[str] = []
    with Workspace.create(small_disk / "ws", name="field laptop") as ws:
        with pytest.raises(StorageFull, match="disk is full"):
            for _ in range(10_000):  # blobs first, as an import does
                ws.blobs.put_bytes(rng.randbytes(200_000))
        assert list((small_disk / "ws" / "blobs" / "tmp").iterdir()) == []
        for blob in ws.blobs:
            assert ws.blobs.verify(blob)  # every blob that exists is whole
        # free a little room for the database, then fill it with events
        for blob in list(ws.blobs)[:8]:
            ws.blobs.path(blob).unlink()
        with pytest.raises(StorageFull, match="nothing was saved"):
            for b in range(10_000):
                batch = ws.append([imported(ws, f"{b}-{i}-{'x' * 300}.png") for i in range(50)])
                committed.append(batch[-1].hash)
        assert committed, "some batches should fit before the disk fills"
    blobs = BlobStore(small_disk / "ws" / "blobs")
    for blob in list(blobs)[:5]:  # the user frees some space
        blobs.path(blob).unlink()
    conn = sqlite3.connect(small_disk / "ws" / "workspace.db")
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    stored = {h for (h,) in conn.execute("SELECT hash FROM events")}
    conn.close()
    assert set(committed) <= stored
    with Workspace.open(small_disk / "ws") as ws:
        assert ws.verify().ok
        ws.append([imported(ws, "after-cleanup.png")])  # the chain continues once there is room
