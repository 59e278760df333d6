"""A writer killed with SIGKILL at random moments loses nothing it reported committed."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from hitl_desktop.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]
RUNS = 20

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _run_and_kill(
    path: Path, env: dict[str, str], seed: int, delay: float
) -> list[tuple[int, str]]:
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "support" / "append_worker.py"), str(path), str(seed)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )  # fmt: skip
    assert child.stdout is not None
    first = child.stdout.readline()  # start-up time varies with load: time the kill from "ready"
    assert first.strip() == "ready", child.stderr.read() if child.stderr else first
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(child.stdout), daemon=True)  # type: ignore[arg-type]
    reader.start()
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    reader.join(timeout=10)
    stderr = child.stderr.read() if child.stderr else ""
    assert child.returncode == -signal.SIGKILL, f"worker ended on its own: {stderr[-2000:]}"
    return [(int(s), h) for _, s, h in (ln.split() for ln in lines if ln.startswith("committed"))]


def test_sigkill_mid_batch_loses_no_committed_batch(
    tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    path = tmp_path / "ws"
    subprocess.run([sys.executable, "-m", "hitl_desktop", "init", str(path)],
                   env=subprocess_env, check=True, capture_output=True, cwd=ROOT)  # fmt: skip
    rng = random.Random(7)
    reported: list[tuple[int, str]] = []
    for run in range(RUNS):
        # some kills land before the first commit, most during later batches
        reported += _run_and_kill(path, subprocess_env, seed=run, delay=rng.uniform(0.02, 1.0))
    assert len(reported) >= RUNS, "the worker should have committed batches in most runs"

    conn = sqlite3.connect(path / "workspace.db")
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    stored = dict(conn.execute("SELECT hash, device_seq FROM events"))
    conn.close()
    missing = [(s, h) for s, h in reported if stored.get(h) != s]
    assert missing == []
    with Workspace.open(path, readonly=True) as ws:
        report = ws.verify()
        assert report.ok, [str(p) for p in report.problems]
    # reopening for writing sweeps temp files left by blob writes that were cut off
    with Workspace.open(path):
        pass
    leftovers = (
        list((path / "blobs" / "tmp").glob("*")) if (path / "blobs" / "tmp").exists() else []
    )
    assert leftovers == []
    assert os.path.getsize(path / "workspace.db") > 0
