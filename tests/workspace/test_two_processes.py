"""Two processes on one workspace: the second writer is refused, readers work, nothing breaks."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from hitl_desktop.workspace import Workspace
from tests.support.events import imported

ROOT = Path(__file__).resolve().parents[2]


def _hitl(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "hitl_desktop", *args],
                          env=env, capture_output=True, text=True, cwd=ROOT, timeout=120)  # fmt: skip


def test_second_writer_process_is_refused_clearly(
    tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    with Workspace.create(tmp_path / "ws", name="w") as ws:
        ws.append([imported(ws, f"{i}.png") for i in range(100)])
        refused = _hitl(subprocess_env, "--workspace", str(ws.path), "rebuild")
        assert refused.returncode == 1
        assert "open for writing by another process" in refused.stderr
        assert f"process {__import__('os').getpid()}" in refused.stderr
        # a reader in another process is fine while we write
        ws.append([imported(ws, "more.png")])
        reader = _hitl(subprocess_env, "--workspace", str(ws.path), "verify")
        assert reader.returncode == 0, reader.stderr
        assert "OK: 103 events" in reader.stdout
    # after we close, the other process may write
    rebuilt = _hitl(subprocess_env, "--workspace", str(tmp_path / "ws"), "rebuild")
    assert rebuilt.returncode == 0, rebuilt.stderr
    conn = sqlite3.connect(tmp_path / "ws" / "workspace.db")
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
