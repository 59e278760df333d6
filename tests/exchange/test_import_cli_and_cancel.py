"""`hitl import-annotations` end to end, and a cancelled import resumed by running it again."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.exchange.importers import AnnotationImportOptions, import_annotations
from hitl_desktop.workspace import CancelToken

from .import_helpers import make_image, revisions, write_json


def _coco(tmp_path: Path, n: int, bad: bool = False) -> Path:
    images, anns = [], []
    for i in range(1, n + 1):
        make_image(tmp_path / f"p{i}.png", 64, 48, seed=100 + i)
        images.append({"id": i, "file_name": f"p{i}.png", "width": 64, "height": 48})
        anns.append({"id": i, "image_id": i, "category_id": 1, "bbox": [4, 4, 20, 20]})
    if bad:
        anns.append({"id": 99, "image_id": 1, "category_id": 5, "bbox": [1, 1, 2, 2]})
    return write_json(tmp_path / "set.json", {
        "images": images, "annotations": anns, "categories": [{"id": 1, "name": "mark"}]})  # fmt: skip


def test_a_cancelled_import_keeps_whole_records_and_a_rerun_finishes_it(workspace, tmp_path):
    path = _coco(tmp_path, 5)
    cancel = CancelToken()

    def progress(done: int, total: int, phase: str) -> None:
        if phase == "annotations" and done == 2:
            cancel.cancel()  # the user presses Cancel while the third record waits

    options = AnnotationImportOptions(format="coco", annotator="kim", workers=1)
    first = import_annotations(workspace, path, options, progress=progress, cancel=cancel)
    assert first.cancelled
    assert first.counts() == {"imported": 2, "not processed": 3}
    assert [r["item"] for r in revisions(workspace)] == ["p1.png", "p2.png"]
    assert all(len(r["payload"]["annotations"]) == 1 for r in revisions(workspace))

    second = import_annotations(workspace, path, options)
    assert second.counts() == {"already imported": 2, "imported": 3}
    assert [r["item"] for r in revisions(workspace)] == [f"p{i}.png" for i in range(1, 6)]


def test_cli_imports_reports_and_exits_3_on_refused_records(tmp_path: Path) -> None:
    runner = CliRunner()
    ws = tmp_path / "ws"
    assert runner.invoke(app, ["init", str(ws)]).exit_code == 0
    path = _coco(tmp_path, 2, bad=True)
    args = ["--workspace", str(ws), "import-annotations", "--format", "coco", str(path),
            "--annotator", "lee", "--map", "mark=tick"]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 3, result.output
    assert "imported      image id 2 (p2.png): 1 annotation (1 revision)" in result.stdout
    assert "refused       " in result.stderr and "unknown category_id 5" in result.stderr
    assert "labels: tick (1)" in result.stdout
    assert result.stdout.splitlines()[-1] == (
        "1 record imported (1 annotation, 1 revision, 0 pre-labels), 1 refused, 1 problem"
    )
    again = runner.invoke(app, [*args, "--json"])
    report = json.loads(again.stdout)
    assert report["counts"] == {"refused": 1, "already imported": 1}
    assert report["errors"][0]["record"] == "image id 1 (p1.png)"


def test_cli_refuses_bad_options_before_opening_anything(tmp_path: Path) -> None:
    runner = CliRunner()
    ws = tmp_path / "ws"
    runner.invoke(app, ["init", str(ws)])
    path = _coco(tmp_path, 1)
    base = ["--workspace", str(ws), "import-annotations", str(path)]
    both = runner.invoke(app, [*base, "-f", "coco", "--annotator", "x", "--as-prelabels"])
    assert both.exit_code == 2 and "not both" in both.stderr
    bad_map = runner.invoke(app, [*base, "-f", "coco", "--map", "nothing"])
    assert bad_map.exit_code == 2 and "--map 'nothing': write it as old=new" in bad_map.stderr
    unknown = runner.invoke(app, [*base, "-f", "pascal"])
    assert unknown.exit_code == 1 and "unknown format 'pascal'" in unknown.stderr
