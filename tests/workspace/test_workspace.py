"""Creating, reopening and guarding a workspace."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import keyring
import pytest

from hitl_desktop.lineage import Subject
from hitl_desktop.workspace import (
    KeyringUnavailable,
    ReadOnlyWorkspace,
    Workspace,
    WorkspaceCorrupt,
    WorkspaceExists,
    WorkspaceLocked,
    WorkspaceNotFound,
    queries,
)  # fmt: skip
from hitl_desktop.workspace.identity import SERVICE
from tests.support.events import imported


def test_new_workspace_starts_with_a_signed_chain(workspace: Workspace, memory_keyring) -> None:
    conn = workspace.reader()
    entries = queries.log_entries(conn, newest_first=False)
    assert [e.type for e in entries] == ["device.enrolled", "workspace.created"]
    assert all(e.signed for e in entries)
    assert workspace.verify().ok
    # the private key is in the keyring, and nowhere in the database
    (secret,) = memory_keyring.secrets.values()
    assert list(memory_keyring.secrets) == [(SERVICE, f"device-key/{workspace.device_id}")]
    dump = "\n".join(sqlite3.connect(workspace.db_path).iterdump())
    assert secret not in dump
    assert str(workspace.device_id) in dump  # the public identity is stored


def test_reopening_continues_the_same_device_chain(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws", name="w")
    device, head = ws.device_id, ws.head
    ws.close()
    with Workspace.open(tmp_path / "ws") as again:
        assert again.device_id == device and again.head == head
        (ev,) = again.append([imported(again, "a.png")])
        assert ev.device_seq == head.seq + 1 and ev.prev_hash == head.hash
        assert again.verify().ok


def test_a_copy_on_another_machine_enrols_a_second_device(tmp_path: Path, memory_keyring) -> None:
    ws = Workspace.create(tmp_path / "ws", name="w")
    ws.append([imported(ws, "a.png")])
    first = ws.device_id
    ws.close()
    shutil.copytree(tmp_path / "ws", tmp_path / "usb-stick")
    memory_keyring.secrets.clear()  # another machine: its keyring lacks our key
    with Workspace.open(tmp_path / "usb-stick") as copy:
        assert copy.device_id != first
        copy.append([imported(copy, "b.png")])
        report = copy.verify()
        assert report.ok and report.devices == 2


def test_second_writer_is_refused_but_readers_are_welcome(workspace: Workspace) -> None:
    with pytest.raises(WorkspaceLocked, match="open for writing by another process"):
        Workspace.open(workspace.path)
    with Workspace.open(workspace.path, readonly=True) as reader:
        assert reader.project_id == workspace.project_id
        with pytest.raises(ReadOnlyWorkspace):
            reader.append([imported(reader, "x.png")])


def test_lock_is_released_on_close(tmp_path: Path) -> None:
    Workspace.create(tmp_path / "ws", name="w").close()
    Workspace.open(tmp_path / "ws").close()


def test_missing_existing_and_corrupt_workspaces_get_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceNotFound, match="hitl init"):
        Workspace.open(tmp_path / "nothing-here")
    Workspace.create(tmp_path / "ws", name="w").close()
    with pytest.raises(WorkspaceExists):
        Workspace.create(tmp_path / "ws", name="again")
    db = tmp_path / "ws" / "workspace.db"
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    damaged = bytearray(db.read_bytes())
    damaged[0:100] = b"\xff" * 100  # the header is gone
    db.write_bytes(bytes(damaged))
    before = db.read_bytes()
    with pytest.raises(WorkspaceCorrupt, match="left untouched"):
        Workspace.open(tmp_path / "ws")
    assert db.read_bytes() == before


def test_no_keyring_gives_instructions(tmp_path: Path) -> None:
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    with pytest.raises(KeyringUnavailable, match="PYTHON_KEYRING_BACKEND"):
        Workspace.create(tmp_path / "ws", name="w")


def test_plaintext_keyring_is_used_only_when_chosen(tmp_path: Path, monkeypatch) -> None:
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    keyring.set_keyring(PlaintextKeyring())
    with pytest.raises(KeyringUnavailable, match="only when chosen explicitly"):
        Workspace.create(tmp_path / "ws", name="w")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    Workspace.create(tmp_path / "ws2", name="w").close()


def test_history_is_in_causal_order_and_lists_derivations(workspace: Workspace) -> None:
    (imp,) = workspace.append([imported(workspace, "scan.pdf")])
    doc = imp.subject_item
    page = "page-1-of-" + doc
    derived = {"kind": "scan_page", "name": "scan.pdf p1", "media_type": "image/png",
               "blob_sha256": "ab" * 32, "size_bytes": 10, "parent": doc,
               "transformation": "pdf.render", "parameters": {"dpi": 200}}  # fmt: skip
    workspace.append([
        workspace.draft("item.derived", derived, subject=Subject(page)),
        workspace.draft("annotation.revised", {"annotations": []}, subject=Subject(doc)),
    ])  # fmt: skip
    conn = workspace.reader()
    assert [e.type for e in queries.item_history(conn, doc)] == [
        "item.imported", "item.derived", "annotation.revised",
    ]  # fmt: skip
    assert [e.type for e in queries.item_history(conn, page)] == ["item.derived"]
    assert queries.find_item_id(conn, doc[:20]) == doc


def test_failed_batch_leaves_nothing_and_the_chain_continues(workspace: Workspace) -> None:
    head = workspace.head
    good = imported(workspace, "ok.png")
    bad = workspace.draft("item.imported", {"kind": "image"}, subject=Subject("x"))
    with pytest.raises(ValueError, match="payload is invalid"):
        workspace.append([good, bad])
    assert workspace.head == head
    assert queries.event_count(workspace.reader()) == 2
    (ev,) = workspace.append([good])
    assert ev.device_seq == head.seq + 1
    assert workspace.verify().ok
