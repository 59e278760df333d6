"""`hitl schema` as a user runs it: publish, list, show, diff, re-check queue, refusals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from hitl_desktop.cli import app

runner = CliRunner()


def hitl(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_publish_show_diff_list_round_trip(
    tmp_path: Path, v1: dict[str, Any], v2: dict[str, Any]
) -> None:
    ws = str(tmp_path / "ws")
    assert hitl("init", ws, "--name", "Forms", "--user", "Ada", "--role", "expert")[0] == 0
    f1, f2 = tmp_path / "forms-v1.json", tmp_path / "forms-v2.yaml"
    f1.write_text(json.dumps(v1), encoding="utf-8")
    f2.write_text(yaml.safe_dump(v2), encoding="utf-8")

    code, out, _ = hitl("-w", ws, "schema", "publish", str(f1), "--note", "first cut")
    assert code == 0 and out.startswith("Published forms@1 (")
    code, out, _ = hitl("-w", ws, "schema", "publish", str(f2), "--note", "titles")
    assert code == 0 and "~ renamed label fields: header -> title" in out
    assert "- removed label fields: stamp" in out

    code, out, _ = hitl("-w", ws, "schema", "list")
    assert out.splitlines() == ["forms@1\tAda (expert)\tfirst cut", "forms@2\tAda (expert)\ttitles"]
    code, out, _ = hitl("-w", ws, "schema", "show", "--version", "1")
    assert code == 0 and "forms@1, published by Ada (expert): first cut" in out
    assert "  [1] header #1f77b4 - a form's title" in out and "(kind:choice*)" in out
    assert "# Forms" in out
    code, out, _ = hitl("-w", ws, "schema", "show", "forms", "--json")
    shown = json.loads(out)
    assert shown["version"] == 2 and shown["parent_version"] == 1
    assert [lb["name"] for lb in shown["tasks"][0]["labels"]] == ["title", "question", "answer"]
    code, out, _ = hitl("-w", ws, "schema", "diff", "forms", "1", "2")
    assert code == 0 and out.startswith("forms v1 -> v2\n~ renamed label fields: header -> title")
    code, _, err = hitl("-w", ws, "schema", "diff", "forms", "1", "7")
    assert code == 1 and "no published schema forms v7" in err
    code, out, _ = hitl("-w", ws, "schema", "recheck")
    assert code == 0 and out == ""


def test_invalid_files_and_workers_are_refused(tmp_path: Path, v1: dict[str, Any]) -> None:
    ws = str(tmp_path / "ws")
    assert hitl("init", ws, "--name", "Forms", "--user", "Sam", "--role", "worker")[0] == 0
    v1["tasks"][0]["labels"][1]["hotkey"] = "1"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(v1), encoding="utf-8")
    code, _, err = hitl("-w", ws, "schema", "publish", str(bad))
    assert code == 2 and f"{bad} is not a valid schema" in err
    assert "hotkey '1' of label 'question' clashes with label 'header'" in err
    v1["tasks"][0]["labels"][1]["hotkey"] = "2"
    bad.write_text(json.dumps(v1), encoding="utf-8")
    code, _, err = hitl("-w", ws, "schema", "publish", str(bad))
    assert code == 1 and "Sam is a worker; only an expert or an admin may publish" in err
    code, _, err = hitl("-w", ws, "schema", "show")
    assert code == 1 and "no schema published yet" in err
