"""The app killed after an edit (the autosave interval elapsed) reopens with the edit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from hitl_desktop.annotate import Box, revisions
from hitl_desktop.gui.main_window import MainWindow
from hitl_desktop.gui.opening import open_workspace
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.workspace import Workspace

pytestmark = pytest.mark.gui

RECEIPT = Path(__file__).resolve().parents[3] / "shared" / "data" / "sroie" / "img" / "000.jpg"


def _wait_for(proc: subprocess.Popen[str], word: str) -> None:
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == word:
            return
    raise AssertionError(
        f"the app ended before saying {word!r}: {proc.stderr.read() if proc.stderr else ''}"
    )


def test_killed_after_an_edit_reopens_with_it(
    qtbot, tmp_path: Path, subprocess_env: dict[str, str], isolated_settings: Path
) -> None:  # type: ignore[no-untyped-def]
    ws = Workspace.create(tmp_path / "ws", name="Receipts")
    import_paths(ws, [RECEIPT], ImportOptions(workers=1))
    ws.close()
    env = subprocess_env | {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(isolated_settings),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.gui.desk_worker", str(tmp_path / "ws")],
        env=env, cwd=Path(__file__).resolve().parents[2], stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        _wait_for(proc, "edited")
        _wait_for(proc, "idle")
        os.kill(proc.pid, signal.SIGKILL)  # no close, no save: as a power cut would
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()

    QSettings().sync()
    win = MainWindow(open_workspace(tmp_path / "ws"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.desk.session.document is not None)
    session = win.desk.session
    doc = session.document
    assert doc is not None and session.recovered and doc.dirty
    boxes = [a for a in doc.annotations if isinstance(a.shape, Box)]
    assert [b.label for b in boxes] == ["total"]
    assert revisions.latest_head(win.workspace.reader(), doc.item_id) is None  # not yet saved
    assert "earlier session" in win.statusBar().currentMessage()
    win.close()
