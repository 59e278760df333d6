"""A process killed after an autosave reopens with the edit; one killed while saving leaves
the old or the new revision, never half of one."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from hitl_desktop.annotate import (
    Box,
    annotations_from_json,
    close_journal,
    commands,
    open_document,
    recover,
    restore_draft,
    revisions,
    save,
)
from hitl_desktop.annotate.drafts import DraftJournal
from hitl_desktop.workspace import Workspace
from tests.annotate.conftest import FUNSD_PAGE, import_items

ROOT = Path(__file__).resolve().parents[2]
WORKER = ROOT / "tests" / "annotate" / "edit_worker.py"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


@pytest.fixture
def page_ws(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "ws"
    with Workspace.create(path, name="kill test") as ws:
        item = import_items(ws, [FUNSD_PAGE])[FUNSD_PAGE.name]
    return path, item


def start(
    path: Path, item: str, mode: str, env: dict[str, str]
) -> tuple[subprocess.Popen[str], list[str]]:
    child = subprocess.Popen([sys.executable, str(WORKER), str(path), item, mode], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    assert child.stdout is not None
    first = child.stdout.readline()
    assert first.strip() == "ready", child.stderr.read() if child.stderr else first
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(child.stdout), daemon=True).start()  # type: ignore[arg-type]
    return child, lines


def kill(child: subprocess.Popen[str]) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    stderr = child.stderr.read() if child.stderr else ""
    assert child.returncode == -signal.SIGKILL, f"worker ended on its own: {stderr[-2000:]}"


def test_killed_after_autosave_reopens_with_the_edit(
    page_ws: tuple[Path, str], subprocess_env: dict[str, str]
) -> None:
    path, item = page_ws
    child, lines = start(path, item, "autosave", subprocess_env)
    deadline = time.monotonic() + 60
    while "autosaved\n" not in lines and time.monotonic() < deadline:
        time.sleep(0.02)
    assert "autosaved\n" in lines
    kill(child)

    with Workspace.open(path) as ws:
        assert revisions.heads(ws.reader(), item) == []  # nothing was saved to the log
        draft = recover(ws, item)
        assert draft is not None
        doc = open_document(ws, item)
        restore_draft(doc, draft)
        (box,) = doc.annotations
        # the autosaved drag is back; the relabel in progress at the kill is lost
        assert (box.label, box.shape) == ("date", Box(130, 120, 230, 170)) and doc.dirty
        doc.undo()
        assert doc.annotations == [] and not doc.dirty
        doc.redo()
        saved = save(ws, doc)
        assert saved is not None and recover(ws, item) is None
        close_journal(ws)
        assert DraftJournal.in_folder(path).items() == []


def test_killed_while_saving_leaves_whole_revisions_in_one_chain(
    page_ws: tuple[Path, str], subprocess_env: dict[str, str]
) -> None:
    path, item = page_ws
    rng = random.Random(11)
    reported: list[str] = []
    for _ in range(4):
        child, lines = start(path, item, "save-loop", subprocess_env)
        time.sleep(rng.uniform(0.3, 1.5))
        kill(child)
        reported += [ln.split()[-1] for ln in lines if ln.startswith(("saved", "recovered"))
                     and not ln.strip().endswith("-")]  # fmt: skip
    assert len(reported) >= 4, "the worker should have saved in most runs"

    with Workspace.open(path) as ws:
        conn = ws.reader()
        assert ws.verify().ok
        (head,) = revisions.heads(conn, item)  # one line of history, no stray branch
        chain = revisions.revision_chain(conn, head.hash)
        assert {r.hash for r in chain} >= set(reported)
        assert [r.parents for r in chain] == [(c.hash,) for c in chain[1:]] + [()]
        for rev in chain:  # every revision is whole: it parses, and each adds one point
            anns = annotations_from_json(revisions.revision_payload(conn, rev.hash)["annotations"])
            assert len(anns) == rev.annotation_count
        counts = [r.annotation_count for r in reversed(chain)]
        assert counts == list(range(1, len(chain) + 1))
        # a draft left by a kill between autosave and save holds at most one edit more
        draft = recover(ws, item)
        if draft is not None:
            assert len(draft.annotations) == head.annotation_count + 1
            doc = open_document(ws, item)
            restore_draft(doc, draft)
            doc.push(commands.relabel(doc, [doc.annotations[-1].id], "checked"))
            assert save(ws, doc) is not None
        assert ws.rebuild().identical
