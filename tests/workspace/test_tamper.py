"""Editing the database behind the app's back: `verify` names the event and the reason."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.workspace import Workspace
from tests.support.events import imported

COLUMNS = ["hash", "device_id", "device_seq", "type", "subject_item", "hlc", "body", "sig"]


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    ws = Workspace.create(tmp_path / "ws", name="w")
    for b in range(3):  # three batches of four: seqs 3..14, signed at 6, 10, 14
        ws.append([imported(ws, f"b{b}-{i}.png") for i in range(4)])
    ws.close()
    return tmp_path / "ws"


def _sql(path: Path, statement: str, *args: object) -> None:
    conn = sqlite3.connect(path / "workspace.db")
    with conn:
        conn.execute(statement, args)
    conn.close()


def _event(path: Path, seq: int) -> tuple[str, str]:
    conn = sqlite3.connect(path / "workspace.db")
    row = conn.execute("SELECT hash, body FROM events WHERE seq = ?", (seq,)).fetchone()
    conn.close()
    return row


def _verify(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--workspace", str(path), "verify"])
    return result.exit_code, result.output


def _tampered_value(column: str, path: Path, seq: int) -> object:
    conn = sqlite3.connect(path / "workspace.db")
    current = conn.execute(f"SELECT {column} FROM events WHERE seq = ?", (seq,)).fetchone()[0]
    conn.close()
    if column == "sig":
        return bytes(64) if current is not None else b"\x01" * 64
    if column == "device_seq":
        return current + 1000
    if column == "body":
        return current.replace("b1-", "bX-")
    if column == "hash":
        return "0" * 64
    if current is None:
        return "forged-item"
    return current[:-1] + ("0" if current[-1] != "0" else "1")


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("seq", [8, 10])  # 8: inside a batch; 10: the batch's signed last event
def test_editing_any_column_of_any_event_is_named(ws_path: Path, column: str, seq: int) -> None:
    assert _verify(ws_path)[0] == 0
    event_hash, _ = _event(ws_path, seq)
    _sql(
        ws_path,
        f"UPDATE events SET {column} = ? WHERE seq = ?",
        _tampered_value(column, ws_path, seq),
        seq,
    )
    code, output = _verify(ws_path)
    assert code == 1, output
    first_problem = output.splitlines()[1]
    assert f"row {seq}" in first_problem
    if column != "hash":
        assert event_hash[:16] in first_problem


def test_deleting_an_event_in_the_middle_is_detected(ws_path: Path) -> None:
    _sql(ws_path, "DELETE FROM events WHERE seq = 8")
    code, output = _verify(ws_path)
    assert code == 1
    assert "#8..#8 of this device are missing" in output


def test_deleting_a_batch_tail_unseals_the_chain(ws_path: Path) -> None:
    _sql(ws_path, "DELETE FROM events WHERE seq = 14")
    code, output = _verify(ws_path)
    assert code == 1 and "unsealed: events #11..#13" in output


def test_reordering_events_is_detected(ws_path: Path) -> None:
    conn = sqlite3.connect(ws_path / "workspace.db")
    with conn:  # swap rows 7 and 8 by renumbering their local sequence
        conn.execute("UPDATE events SET seq = -1 WHERE seq = 7")
        conn.execute("UPDATE events SET seq = 7 WHERE seq = 8")
        conn.execute("UPDATE events SET seq = 8 WHERE seq = -1")
    conn.close()
    code, output = _verify(ws_path)
    assert code == 1
    assert "stored out of order" in output


def test_verify_json_lists_the_problem(ws_path: Path) -> None:
    import json

    _sql(ws_path, "UPDATE events SET type = 'review.decided' WHERE seq = 5")
    result = CliRunner().invoke(app, ["--workspace", str(ws_path), "verify", "--json"])
    data = json.loads(result.output)
    assert result.exit_code == 1 and data["ok"] is False
    assert data["problems"][0]["seq"] == 5
    assert "indexed columns differ" in data["problems"][0]["reason"]
