"""MANIFEST.json through the CLI: `hitl export`, `hitl verify-export` catching a changed
byte, a missing and an extra file, `hitl approve-export` (experts only) and the approval
shown by verify; determinism of the split and of the exported files; cancel leaves nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.exchange.collect import split_of
from hitl_desktop.exchange.export import export
from hitl_desktop.exchange.model import ExportOptions
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.progress import Cancelled, CancelToken

from .export_helpers import build

runner = CliRunner()


def hitl(ws: Path, *args: str) -> tuple[int, str]:
    r = runner.invoke(app, ["-w", str(ws), *args])
    return r.exit_code, r.output


def test_export_verify_detects_changes_and_approval_is_for_experts(tmp_path: Path) -> None:
    b = build(tmp_path)
    ws_path = b.ws.path
    b.ws.close()
    out = tmp_path / "dataset"
    code, text = hitl(ws_path, "export", "--format", "coco", "--out", str(out),
                      "--split", "80/10/10")  # fmt: skip
    assert code == 0, text
    manifest = json.loads((out / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["format"] == "coco" and manifest["schema"]["ref"] == "forms@1"
    assert manifest["annotators"] == ["carl"]  # the checker's decisions are what is exported
    assert manifest["counts"]["items"] == 1 and manifest["counts"]["skipped:not_coco_items"] == 1
    [item] = manifest["items"]
    assert item["id"] == b.page and item["revision"] in manifest["events"]
    assert manifest["options"]["split"] == [80, 10, 10]
    listed = {f["path"] for f in manifest["files"]}
    assert item["file"] in listed and "MANIFEST.json" not in listed

    code, text = hitl(ws_path, "verify-export", str(out))
    assert code == 0 and "OK:" in text and "not approved" in text, text

    image = out / item["file"]
    original = image.read_bytes()
    image.write_bytes(original[:-1] + bytes([original[-1] ^ 1]))  # one bit of one byte
    code, text = hitl(ws_path, "verify-export", str(out))
    assert code == 1 and f"altered: {item['file']}" in text
    image.write_bytes(original)
    (out / "notes.txt").write_text("added later")
    code, text = hitl(ws_path, "verify-export", str(out))
    assert code == 1 and "extra: notes.txt" in text
    (out / "notes.txt").unlink()
    ann = next(p for p in listed if p.startswith("annotations/"))
    saved = (out / ann).read_bytes()
    (out / ann).unlink()
    code, text = hitl(ws_path, "verify-export", str(out))
    assert code == 1 and f"missing: {ann}" in text
    code, text = hitl(ws_path, "approve-export", str(out))
    assert code == 1 and "does not match its manifest" in text
    (out / ann).write_bytes(saved)

    assert hitl(ws_path, "profile", "--user", "wendy", "--role", "worker")[0] == 0
    code, text = hitl(ws_path, "approve-export", str(out))
    assert code == 1 and "Only experts approve dataset exports" in text
    assert hitl(ws_path, "profile", "--user", "erin", "--role", "expert")[0] == 0
    code, text = hitl(ws_path, "approve-export", str(out), "--note", "checked 20 pages")
    assert code == 0, text
    code, text = hitl(ws_path, "verify-export", str(out))
    assert code == 0 and "approved by erin (expert)" in text and "checked 20 pages" in text
    code, text = hitl(ws_path, "approve-export", str(out))
    assert code == 1 and "already approved" in text

    with Workspace.open(ws_path, readonly=True) as ws:
        events = {r[0]: r[1] for r in ws.reader().execute(
            "SELECT type, count(*) FROM events WHERE type LIKE 'dataset.%' GROUP BY type")}  # fmt: skip
    assert events == {"dataset.exported": 1, "dataset.approved": 1}


def test_a_refused_export_and_a_cancelled_one_leave_nothing(tmp_path: Path) -> None:
    b = build(tmp_path)
    ws_path = b.ws.path
    b.ws.close()
    code, text = hitl(ws_path, "export", "--format", "coco", "--out", str(tmp_path / "x"),
                      "--split", "80/30/10")  # fmt: skip
    assert code == 2 and "adding up to 100" in text
    code, text = hitl(ws_path, "export", "--format", "excel", "--out", str(tmp_path / "x"))
    assert code == 1 and "unknown format 'excel'" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trip.txt", "ws"]
    with Workspace.open(ws_path) as ws:
        token = CancelToken()

        def progress(done: int, total: int) -> None:
            if done >= 300:  # after the selection, while images are written
                token.cancel()

        with pytest.raises(Cancelled):
            export(ws, "paddleocr", tmp_path / "cut", ExportOptions(), progress, token)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["trip.txt", "ws"]


def test_split_and_files_are_deterministic(tmp_path: Path) -> None:
    ids = [f"item-{n}" for n in range(2000)]
    splits = [split_of(i, (80, 10, 10)) for i in ids]
    assert splits == [split_of(i, (80, 10, 10)) for i in ids]
    shares = {s: splits.count(s) / len(ids) for s in ("train", "val", "test")}
    assert shares["train"] == pytest.approx(0.8, abs=0.03)
    assert shares["val"] == pytest.approx(0.1, abs=0.02)
    b = build(tmp_path)
    one = export(b.ws, "yolo", tmp_path / "a", ExportOptions(split=(50, 25, 25)))
    two = export(b.ws, "yolo", tmp_path / "b", ExportOptions(split=(50, 25, 25)))
    assert one.export_sha256 == two.export_sha256
    files = [json.loads((tmp_path / d / "MANIFEST.json").read_text())["files"] for d in "ab"]
    assert files[0] == files[1] and any(f["path"].startswith("labels/") for f in files[0])
    b.ws.close()


def test_the_server_gates_approvals_by_the_same_role_table() -> None:
    from hitl_desktop.roles import Action, can, roles_allowed
    from hitl_desktop.server.push import type_action

    assert type_action("dataset.approved") == Action.APPROVE_DATASET
    assert roles_allowed(Action.APPROVE_DATASET) == ["expert", "admin"]
    assert not can("checker", type_action("dataset.approved"))
    assert can("worker", type_action("dataset.exported"))  # anyone who labels may export
