"""Streaming import from a watched folder, and `hitl import` / `hitl retire` as users run them."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.ingest import ImportOptions, ImportReport, watch_folder
from hitl_desktop.workspace import Workspace, queries
from tests.support.files import text_pdf, write_png, write_tiff

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def _wait(predicate, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_watch_imports_complete_files_once_and_retries_a_file_caught_mid_copy(
    workspace: Workspace, tmp_path: Path
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    reports: list[ImportReport] = []
    stop = threading.Event()
    # the watcher writes from its own thread, so it needs its own workspace handle: reuse ours
    thread = threading.Thread(
        target=watch_folder,
        args=(workspace, inbox, ImportOptions(workers=1, source="scanner")),
        kwargs={"stop": stop, "interval": 0.2, "on_report": reports.append},
    )
    thread.start()
    try:
        write_png(inbox / "first.png", seed=1)
        _wait(lambda: any(f.status == "imported" for r in reports for f in r.files))
        full = write_png(tmp_path / "staging.png", seed=2).read_bytes()
        half = inbox / "second.png"
        half.write_bytes(full[: len(full) // 2])  # a copy that stalls halfway
        _wait(
            lambda: any(
                f.status == "refused" and f.path.endswith("second.png")
                for r in reports
                for f in r.files
            )
        )
        half.write_bytes(full)  # the copy completes
        _wait(
            lambda: any(
                f.status == "imported" and f.path.endswith("second.png")
                for r in reports
                for f in r.files
            )
        )
        time.sleep(0.6)  # more polls: nothing is imported twice
    finally:
        stop.set()
        thread.join(timeout=10)
    statuses = [(Path(f.path).name, f.status) for r in reports for f in r.files]
    assert statuses == [
        ("first.png", "imported"),
        ("second.png", "refused"),
        ("second.png", "imported"),
    ]
    assert queries.count_items(workspace.reader()) == 2


def test_cli_import_reports_each_file_and_exits_3_when_some_were_refused(tmp_path: Path) -> None:
    runner = CliRunner()
    ws = tmp_path / "ws"
    assert runner.invoke(app, ["init", str(ws)]).exit_code == 0
    folder = tmp_path / "batch"
    folder.mkdir()
    write_tiff(folder / "scan.tif", pages=2)
    (folder / "doc.pdf").write_bytes(text_pdf(["one", "two", "three"]))
    (folder / "empty.png").write_bytes(b"")
    args = ["--workspace", str(ws), "import", str(folder), str(DATA / "multilingual" / "heb.txt"),
            "--source", "field team", "--tag", "pilot", "--licence", "CC-BY-4.0", "--consent",
            "--privacy", "personal-data", "--dpi", "72", "--workers", "1"]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 3, result.output
    lines = result.stdout.splitlines()
    assert any(ln.startswith("refused") and "empty.png: empty file" in ln for ln in lines)
    assert any(ln.startswith("imported") and "doc.pdf (3 pages/rows)" in ln for ln in lines)
    assert lines[-1].startswith(
        "3 imported (8 items), 1 refused"
    )  # near-blank pages get flagged too
    again = runner.invoke(app, [*args, "--json"])
    report = json.loads(again.stdout)
    assert report["counts"] == {"duplicate": 3, "refused": 1}
    out = runner.invoke(
        app, ["--workspace", str(ws), "log", "--type", "item.imported", "--json"]
    ).stdout
    payload = json.loads(out.splitlines()[0])["payload"]
    prov = payload["provenance"]
    assert (prov["source"], prov["licence"], prov["consent"], prov["privacy"], prov["tags"]) == (
        "field team", "CC-BY-4.0", True, ["personal-data"], ["pilot"],
    )  # fmt: skip
    assert prov["original_path"].endswith("heb.txt") and prov["modified_time"].endswith("Z")


def test_cli_retire_by_source_and_item(tmp_path: Path) -> None:
    runner = CliRunner()
    ws = tmp_path / "ws"
    runner.invoke(app, ["init", str(ws)])
    png = write_png(tmp_path / "a.png", seed=3)
    runner.invoke(
        app, ["--workspace", str(ws), "import", str(png), "--source", "old", "--workers", "1"]
    )
    r = runner.invoke(
        app, ["--workspace", str(ws), "retire", "--source", "old", "--reason", "stale"]
    )
    assert r.exit_code == 0 and "Retired source 'old' (1 items)" in r.stdout
    assert runner.invoke(app, ["--workspace", str(ws), "items"]).stdout == ""
    listed = runner.invoke(app, ["--workspace", str(ws), "items", "--include-retired"]).stdout
    assert "retired" in listed and "a.png" in listed
    r = runner.invoke(app, ["--workspace", str(ws), "retire", "--source", "nope"])
    assert r.exit_code == 1 and "the sources are: 'old'" in r.stderr
    r = runner.invoke(app, ["--workspace", str(ws), "retire"])
    assert r.exit_code == 2 and "exactly one of --source or --item" in r.stderr
