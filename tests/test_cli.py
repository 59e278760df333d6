"""The `hitl` command as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hitl_desktop import __version__
from hitl_desktop.cli import app

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def hitl(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_help_lists_every_command_and_version_prints() -> None:
    code, out, _ = hitl("--help")
    assert code == 0
    for command in ("init", "info", "items", "log", "verify", "rebuild", "gui", "demo"):
        assert command in out
    assert hitl("--version")[1].strip() == f"hitl {__version__}"


def test_init_log_verify_rebuild_round_trip(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    code, out, _ = hitl("init", str(ws), "--name", "Receipts", "--user", "Zoë", "--role", "expert")
    assert code == 0 and "Created workspace 'Receipts'" in out and "Zoë (expert)" in out
    code, out, _ = hitl("--workspace", str(ws), "log", "--json")
    events = [json.loads(line) for line in out.splitlines()]
    assert [e["type"] for e in events] == ["workspace.created", "device.enrolled"]
    assert events[0]["actor"] == "Zoë" and events[0]["role"] == "expert"
    code, out, _ = hitl("--workspace", str(ws), "verify")
    assert code == 0 and out.startswith("OK: 2 events from 1 device(s)")
    code, out, _ = hitl("--workspace", str(ws), "rebuild", "--json")
    assert code == 0 and json.loads(out)["identical"] is True


def test_items_and_item_history_on_the_demo(tmp_path: Path) -> None:
    ws = tmp_path / "demo"
    assert hitl("demo", str(ws), "--no-gui", "--bare")[0] == 0
    code, out, _ = hitl("--workspace", str(ws), "items", "--json")
    items = [json.loads(line) for line in out.splitlines()]
    names = [i["name"] for i in items]
    # 8 generated items, plus the research samples where ../shared/data is present
    assert len(items) == 12 and "greeting-ar.txt" in names and "invoice.png" in names
    assert "0000971160.png" in names and "000.jpg" in names
    assert {i["status"] for i in items} == {"new"}
    code, out, _ = hitl("--workspace", str(ws), "items", "--search", "greeting", "--limit", "2")
    assert code == 0 and len(out.splitlines()) == 2
    code, out, _ = hitl("--workspace", str(ws), "log", "--item", items[0]["id"][:23])
    assert code == 0 and "item.imported" in out and len(out.splitlines()) == 1
    code, out, _ = hitl("--workspace", str(ws), "info", "--json")
    assert json.loads(out)["items"] == {"new": 12}


def test_errors_are_clear_and_exit_non_zero(tmp_path: Path) -> None:
    code, _, err = hitl("--workspace", str(tmp_path / "none"), "log")
    assert code == 1 and "no workspace at" in err and "hitl init" in err
    code, _, err = hitl("init", str(tmp_path / "x"), "--role", "boss")
    assert code == 2 and "unknown role" in err
    hitl("demo", str(tmp_path / "d"), "--no-gui", "--bare")
    code, _, err = hitl("--workspace", str(tmp_path / "d"), "log", "--item", "zzz")
    assert code == 1 and "no single item matches" in err


def test_workspace_from_environment_and_module_entry_point(
    tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    env = {**subprocess_env, "HITL_WORKSPACE": str(tmp_path / "envws")}
    init = subprocess.run([sys.executable, "-m", "hitl_desktop", "init"], env=env,
                          capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert init.returncode == 0, init.stderr
    assert (tmp_path / "envws" / "workspace.db").exists()
    out = subprocess.run([sys.executable, "-m", "hitl_desktop", "verify"], env=env,
                         capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert out.returncode == 0 and "OK: 2 events" in out.stdout


def test_headless_machine_without_keyring_is_told_what_to_do(
    tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    env = {**subprocess_env, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    done = subprocess.run([sys.executable, "-m", "hitl_desktop", "init", str(tmp_path / "ws")],
                          env=env, capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert done.returncode == 1
    assert "No OS keyring" in done.stderr and "keyrings.alt" in done.stderr
    assert "Traceback" not in done.stderr


def test_make_run_without_a_display_explains_the_options(
    tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    env = {
        k: v
        for k, v in subprocess_env.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run([sys.executable, "-m", "hitl_desktop.launch_demo", str(tmp_path / "demo")],
                          env=env, capture_output=True, text=True, cwd=ROOT)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "No display found" in done.stdout and "QT_QPA_PLATFORM=offscreen" in done.stdout
    assert "hitl --workspace" in done.stdout
    assert (tmp_path / "demo" / "workspace.db").exists()
    # the demo opens with work to correct: every page read by OCR, every text pre-labelled
    code, out, _ = hitl("--workspace", str(tmp_path / "demo"), "log", "--type", "ocr.ran",
                        "--limit", "100", "--json")  # fmt: skip
    assert code == 0 and len(out.splitlines()) == 7  # 3 generated pages + 4 research samples
    code, out, _ = hitl("--workspace", str(tmp_path / "demo"), "log", "--type",
                        "prelabel.made", "--limit", "100", "--json")  # fmt: skip
    assert code == 0 and len(out.splitlines()) == 5  # the 5 generated texts


@pytest.mark.gui
def test_first_start_creates_the_default_workspace(
    tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    env = {**subprocess_env, "QT_QPA_PLATFORM": "offscreen"}
    shot = tmp_path / "first.png"
    done = subprocess.run([sys.executable, "-m", "hitl_desktop", "gui", "--screenshot", str(shot)],
                          env=env, capture_output=True, text=True, cwd=ROOT, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Created your workspace in" in done.stderr
    assert (tmp_path / "xdg-data" / "hitl-desktop" / "default" / "workspace.db").exists()
    assert shot.stat().st_size > 10_000
