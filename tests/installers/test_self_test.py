"""``hitl --self-test`` from the source tree, in a child process as a user would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui  # the self-test opens the real main window (offscreen)

# the source tree has torch and transformers (the dev install), so the pre-label step runs too
STEPS = ("sample page", "OCR models", "main window", "import", "OCR", "pre-label model",
         "events signed and verified", "close")  # fmt: skip


def _self_test(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    full.update(HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"),
                XDG_DATA_HOME=str(tmp_path / "data"), DISPLAY="", WAYLAND_DISPLAY="",
                PYTHONIOENCODING="utf-8", **env)  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "hitl_desktop", "--self-test"],
        capture_output=True, text=True, encoding="utf-8", env=full, timeout=240, cwd=tmp_path,
    )  # fmt: skip


def test_self_test_passes_with_every_step_ticked(tmp_path: Path) -> None:
    result = _self_test(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for step in STEPS:
        assert any(line.startswith(f"✓ {step} (") for line in lines), (step, result.stdout)
    assert "Qt platform offscreen" in result.stdout  # no display: it started offscreen itself
    assert "'invoice' found" in result.stdout
    assert lines[-1] == "self-test passed"
    # nothing left behind in the user's folders: no workspace, no settings
    assert not (tmp_path / "data" / "hitl-desktop").exists()
    assert not (tmp_path / "config" / "hitl-desktop").exists()


def test_a_missing_sample_page_fails_at_that_step(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "page.png"
    result = _self_test(tmp_path, HITL_SELF_TEST_SAMPLE=str(missing))
    assert result.returncode == 1
    assert (
        f"✗ sample page: FileNotFoundError: the sample page {missing} is missing" in result.stdout
    )
    assert result.stdout.splitlines()[-1] == "self-test FAILED at step: sample page"
    assert "main window" not in result.stdout  # stops at the first failure
