"""OCR over workspace items: events, traceability, resume, failures, and the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.ocr import make_engine, page_items, run_ocr
from hitl_desktop.workspace import CancelToken, Workspace, queries
from tests.support.files import text_pdf

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    return make_engine("rapidocr", device="cpu")


def test_ocr_events_name_engine_model_and_device_and_resume(
    workspace: Workspace, engine, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    receipts = [DATA / "sroie" / "img" / f"{n:03d}.jpg" for n in (0, 1)]
    pdf = tmp_path / "invoice.pdf"
    pdf.write_bytes(text_pdf(["INVOICE 2026-001", "TOTAL 42.00"]))
    import_paths(workspace, [*receipts, pdf], ImportOptions(workers=1, dpi=100))
    targets = page_items(workspace)
    assert [t.kind for t in targets] == ["image", "image", "scan_page", "scan_page"]
    token = CancelToken()
    first = run_ocr(
        workspace, engine, targets, progress=lambda d, t, _: d == 2 and token.cancel(), cancel=token
    )
    assert first.cancelled and len(first.done) == 2
    rest = run_ocr(workspace, engine, targets)  # resume: the first two are not read again
    assert len(rest.skipped) == 2 and len(rest.done) == 2 and not rest.failed
    conn = workspace.reader()
    runs = conn.execute(
        "SELECT engine, version, weights, device, line_count FROM ocr_runs"
    ).fetchall()
    assert (
        len(runs) == 4 and {r[0] for r in runs} == {"rapidocr"} and {r[3] for r in runs} == {"cpu"}
    )
    assert all(r[2] == engine.info.weights_sha256 and r[4] > 0 for r in runs)
    page2 = targets[3]
    latest = conn.execute(
        "SELECT text FROM ocr_lines JOIN ocr_latest USING (run_hash) WHERE item_id = ?", (page2.id,)
    ).fetchall()
    assert any("42.00" in t for (t,) in latest)
    history = queries.item_history(conn, page2.id)
    ocr_event = next(e for e in history if e.type == "ocr.ran")
    assert (
        ocr_event.actor.startswith("model:rapidocr@")
        and ocr_event.payload["image_sha256"] == page2.blob_sha256
    )
    assert workspace.verify().ok and workspace.rebuild().identical


def test_an_unreadable_page_fails_alone(workspace: Workspace, engine, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = shutil.copy(DATA / "sroie" / "img" / "002.jpg", tmp_path / "good.jpg")
    bad = shutil.copy(DATA / "sroie" / "img" / "003.jpg", tmp_path / "bad.jpg")
    import_paths(workspace, [Path(good), Path(bad)], ImportOptions(workers=1))
    targets = page_items(workspace)
    workspace.blobs.path(targets[1].blob_sha256).write_bytes(b"bit rot")  # the stored blob decays
    report = run_ocr(workspace, engine, targets)
    assert len(report.done) == 1 and len(report.failed) == 1
    assert "bad.jpg" in report.failed[0][1] and "corrupt" in report.failed[0][1]


def test_cli_ocr_and_log_show_the_engine(tmp_path: Path) -> None:
    runner = CliRunner()
    ws = tmp_path / "ws"
    runner.invoke(app, ["init", str(ws)])
    page = DATA / "funsd" / "images" / "0060025670.png"
    runner.invoke(app, ["--workspace", str(ws), "import", str(page), "--workers", "1"])
    result = runner.invoke(app, ["--workspace", str(ws), "ocr", "--device", "cuda", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["device"] == "cpu" and len(out["done"]) == 1 and out["done"][0][1] > 10
    assert "no CUDA provider" in result.stderr  # the fallback is said aloud
    again = runner.invoke(app, ["--workspace", str(ws), "ocr"])
    assert "0 pages read (0 lines) on CPU, 1 already done" in again.stdout
    log = runner.invoke(app, ["--workspace", str(ws), "log", "--type", "ocr.ran"]).stdout
    assert "ocr.ran" in log and "model:rapidocr@3.10.0" in log
