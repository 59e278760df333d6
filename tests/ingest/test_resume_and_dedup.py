"""Nothing twice: re-imports, sightings, near-duplicates, crashes mid-import, retirement."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from hitl_desktop.ingest import ImportOptions, import_paths, retire_item, retire_source
from hitl_desktop.workspace import Workspace, queries
from tests.support.files import write_png

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"


def test_same_file_twice_is_a_duplicate_and_another_source_a_sighting(
    workspace: Workspace, tmp_path: Path
) -> None:
    page = write_png(tmp_path / "page.png", seed=1)
    first = import_paths(workspace, [page], ImportOptions(workers=1, source="scanner-A"))
    again = import_paths(workspace, [page], ImportOptions(workers=1, source="scanner-A"))
    assert again.files[0].status == "duplicate" and again.files[0].item_id == first.files[0].item_id
    copy = shutil.copy(page, tmp_path / "copy of page.png")
    other = import_paths(workspace, [Path(copy)], ImportOptions(workers=1, source="scanner-B"))
    assert other.files[0].status == "sighting" and other.files[0].item_id == first.files[0].item_id
    assert queries.count_items(workspace.reader()) == 1
    history = [e.type for e in queries.item_history(workspace.reader(), first.files[0].item_id)]
    assert history == ["item.imported", "item.sighted"]


def test_sroie_byte_identical_receipts_are_sightings_not_items(workspace: Workspace) -> None:
    files = [DATA / "sroie" / "img" / f"{n:03d}.jpg" for n in (12, 15, 16, 18)]
    report = import_paths(workspace, files, ImportOptions(workers=1, source="sroie"))
    assert [f.status for f in report.files] == ["imported", "sighting", "imported", "sighting"]
    assert report.files[1].item_id == report.files[0].item_id


def test_near_duplicates_are_flagged_not_dropped(workspace: Workspace, tmp_path: Path) -> None:
    from PIL import Image

    original = Path(
        shutil.copy(DATA / "funsd" / "images" / "0000971160.png", tmp_path / "scan.png")
    )
    Image.open(original).convert("RGB").save(tmp_path / "scan-recompressed.jpg", quality=70)
    Image.open(original).resize((400, 300)).save(tmp_path / "scan-small.png")
    shutil.copy(DATA / "funsd" / "images" / "0001209043.png", tmp_path / "different.png")
    (tmp_path / "a.txt").write_text("Total: 42.00 EUR", encoding="utf-8")
    (tmp_path / "b.txt").write_text("total  42.00 eur!", encoding="utf-8")
    first = import_paths(workspace, [original], ImportOptions(workers=1))
    others = [p for p in sorted(tmp_path.glob("*")) if p != original]
    report = import_paths(
        workspace, others, ImportOptions(workers=1)
    )  # flagged against earlier items
    got = {Path(f.path).name: f for f in [*first.files, *report.files]}
    assert all(f.status == "imported" for f in report.files)
    scan_id = got["scan.png"].item_id
    assert got["scan-recompressed.jpg"].near_duplicates == [scan_id]
    assert scan_id in got["scan-small.png"].near_duplicates
    assert got["different.png"].near_duplicates == []
    assert got["b.txt"].near_duplicates == [got["a.txt"].item_id]


def test_sigkill_mid_import_then_rerun_imports_every_file_once(
    tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    folder = tmp_path / "500 files"
    folder.mkdir()
    for i in range(500):
        write_png(folder / f"f{i:03d}.png", seed=i, size=(160, 120))
    ws_path = tmp_path / "ws"
    subprocess.run([sys.executable, "-m", "hitl_desktop", "init", str(ws_path)],
                   env=subprocess_env, check=True, capture_output=True, cwd=ROOT)  # fmt: skip
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "tests" / "support" / "import_worker.py"), str(ws_path), str(folder)],
        env=subprocess_env, cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    db = ws_path / "workspace.db"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # kill once some batches are in, well before the end
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            n = conn.execute("SELECT count(*) FROM items").fetchone()[0]
        if n >= 100:
            break
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    # the killed run left a partial import; the re-run completes it
    rerun = subprocess.run(
        [sys.executable, "-m", "hitl_desktop", "--workspace", str(ws_path), "import", str(folder),
         "--source", "crash-test", "--json"],
        env=subprocess_env, cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr
    import json

    counts = json.loads(rerun.stdout)["counts"]
    assert counts["duplicate"] >= 100 and counts["duplicate"] + counts["imported"] == 500
    with Workspace.open(ws_path, readonly=True) as ws:
        conn = ws.reader()
        assert conn.execute(
            "SELECT count(*), count(DISTINCT blob_sha256) FROM items"
        ).fetchone() == (500, 500)
        assert ws.verify().ok


def test_retired_source_leaves_queues_keeps_history_and_can_return(
    workspace: Workspace, tmp_path: Path
) -> None:
    a = [write_png(tmp_path / f"a{i}.png", seed=i) for i in range(3)]
    b = [write_png(tmp_path / f"b{i}.png", seed=10 + i) for i in range(2)]
    import_paths(workspace, a, ImportOptions(workers=1, source="old scanner"))
    import_paths(workspace, b, ImportOptions(workers=1, source="new scanner"))
    conn = workspace.reader()
    assert retire_source(workspace, "old scanner", "calibration was off") == 3
    assert queries.count_items(conn) == 2  # work queues exclude retired items by default
    retired = queries.page_items(conn, queries.ItemFilter(status="retired"), 0, 10)
    assert sorted(r.name for r in retired) == ["a0.png", "a1.png", "a2.png"]
    assert [e.type for e in queries.item_history(conn, retired[0].id)] == ["item.imported"]
    # a file of the retired source imported later is retired too
    late = write_png(tmp_path / "a-late.png", seed=50)
    import_paths(workspace, [late], ImportOptions(workers=1, source="old scanner"))
    assert queries.count_items(conn, queries.ItemFilter(status="retired")) == 4
    retire_source(workspace, "old scanner", restore=True)
    assert queries.count_items(conn) == 6
    one = queries.page_items(conn, queries.ItemFilter(), 0, 1)[0]
    retire_item(workspace, one.id, "blurred")
    assert queries.count_items(conn) == 5
    assert workspace.rebuild().identical
