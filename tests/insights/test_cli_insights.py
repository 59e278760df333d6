"""`hitl insights` as a user runs it: plain words with sample sizes, JSON, and clear errors;
import statistics of real files (FUNSD pages, multilingual texts) reach the figures."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.insights.windows import day_date
from hitl_desktop.workspace import Workspace

from .events import DAY0, classification, imported, revised, set_day

DATA = Path(__file__).parents[2].parent / "shared" / "data"
runner = CliRunner()


def _labels(ws: Workspace, day: int, counts: dict[str, int]) -> None:
    set_day(ws, day)
    drafts = []
    for label, n in counts.items():
        for i in range(n):
            d = imported(ws, f"{day}-{label}-{i}.png")
            assert d.subject is not None
            drafts += [d, revised(ws, d.subject.item, classification(label), actor="ana")]
    ws.append(drafts)


def test_insights_reports_the_alarm_in_plain_words_and_json(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws", name="cli")
    _labels(ws, DAY0, {"invoice": 40, "receipt": 10})
    _labels(ws, DAY0 + 9, {"invoice": 10, "receipt": 40})
    ws.close()
    # explicit windows: the workspace's own creation is today, so "the last 7 days" is empty
    ref, cur = (
        f"{day_date(DAY0)}:{day_date(DAY0 + 6)}",
        f"{day_date(DAY0 + 7)}:{day_date(DAY0 + 13)}",
    )
    args = ["--workspace", str(tmp_path / "ws"), "insights", "--reference", ref, "--current", cur]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "ALARM labels (class): shifted: PSI" in out
    assert "class labels: 50 item(s) before, 50 now" in out
    assert "ana: 50 / 0 / 50" in out  # her answers in the current window
    result = runner.invoke(app, [*args, "--json", "--person", "nobody"])
    data = json.loads(result.stdout)
    assert data["filters"]["person"] == "nobody" and data["label_drift"] == []
    # the same shift with a higher sample minimum: no alarm, and it says why
    result = runner.invoke(app, [*args, "--min-samples", "60"])
    assert "No drift alarm." in result.stdout and "too few samples (n=50 < 60)" in result.stdout


def test_bad_window_is_a_clear_error(tmp_path: Path) -> None:
    Workspace.create(tmp_path / "ws", name="cli").close()
    base = ["--workspace", str(tmp_path / "ws"), "insights"]
    result = runner.invoke(app, [*base, "--reference", "2026-01-01:2026-01-31",
                                 "--current", "2026-02-01:Feb 9"])  # fmt: skip
    assert (
        result.exit_code == 2 and "'Feb 9' is not a date: write it as YYYY-MM-DD" in result.stderr
    )
    result = runner.invoke(app, [*base, "--reference", "2026-01-01:2026-01-31"])
    assert result.exit_code == 2 and "give both --reference and --current" in result.stderr


def test_real_imports_feed_the_input_statistics(tmp_path: Path, workspace: Workspace) -> None:
    pages = sorted((DATA / "funsd" / "images").glob("*.png"))[:2]
    texts = [DATA / "multilingual" / name for name in ("eng.txt", "jpn.txt")]
    if len(pages) < 2 or not all(t.exists() for t in texts):
        pytest.skip(f"shared data not found under {DATA}")
    import_paths(workspace, [*pages, *texts], ImportOptions(workers=1, source="real"))
    from hitl_desktop.insights.drift import input_drift
    from hitl_desktop.insights.windows import Filters, last_days, latest_day

    conn = workspace.reader()
    period = last_days(latest_day(conn), 7)
    found = {d.stat: d for d in input_drift(conn, period, Filters(source="real"))}
    assert found["width"].n_current == 2 and found["width"].mean_current > 500
    assert found["characters"].n_current == 2
    assert set(found["script"].bins) >= {"LATIN"}
    assert not found["width"].alarm and "too few samples" in found["width"].note


def test_an_older_workspace_gets_its_insights_tables_built(tmp_path: Path) -> None:
    """A workspace made before this projection existed (or at an older version of it)."""
    ws = Workspace.create(tmp_path / "ws", name="old")
    _labels(ws, DAY0, {"invoice": 5})
    ws.close()
    conn = sqlite3.connect(tmp_path / "ws" / "workspace.db")
    conn.execute("DROP TABLE insights_item_labels")
    conn.execute("DELETE FROM projection_state WHERE name = 'insights'")
    conn.commit()
    conn.close()
    span = f"{day_date(DAY0)}:{day_date(DAY0)}"
    args = ["--workspace", str(tmp_path / "ws"), "insights", "--reference", span, "--current", span]
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["label_drift"][0]["current"] == [5]
