"""The dataset's provenance summary and flow on a real workspace, and `hitl flow`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.ingest import ImportOptions, import_paths, retire_source
from hitl_desktop.insights.flow import STAGES, dataset_flow
from hitl_desktop.workspace import Profile, Workspace
from tests.insights.prov_history import (
    CHECKER,
    DATA,
    MODEL_ID,
    WORKER,
    History,
    build_history,
    export_reviewed,
)


@pytest.fixture
def history(workspace: Workspace, tmp_path: Path) -> History:
    h = build_history(workspace, tmp_path)
    workspace.set_profile(Profile("admin", "admin"))
    old = DATA / "images" / "0001477983.png"
    import_paths(workspace, [old], ImportOptions(workers=1, source="old-scans", consent=True,
                                                 thumbnails=False))  # fmt: skip
    retire_source(workspace, "old-scans", "superseded by the new scans")
    return h


def test_flow_counts_and_where_the_data_came_from(workspace: Workspace, history: History) -> None:
    flow = dataset_flow(workspace.reader())
    assert [s.name for s in flow.stages] == list(STAGES)
    # the TIFF and its two pages are in; the retired source's page is counted apart
    assert {s.name: s.count for s in flow.stages} == {
        "sources": 1, "items": 3, "pre-labelled": 1, "corrected": 1, "reviewed": 1,
        "exported": 0,
    }  # fmt: skip
    assert flow.retired_items == 1 and flow.retired_sources == ("old-scans",)
    assert flow.status_counts == {"new": 2, "retired": 1, "reviewed": 1}
    scans, old = flow.sources[0], flow.sources[1]
    assert (scans.name, scans.items, scans.files, scans.retired) == ("funsd-scans", 3, 1, False)
    assert scans.collectors == ("Lab team",) and scans.licences == ("CC BY-NC-SA 4.0",)
    assert scans.consent == {"not recorded": 1}
    assert (old.name, old.retired, old.retired_items, old.consent) == (
        "old-scans", True, 1, {"given": 1},
    )  # fmt: skip
    assert [(m.task, m.name, m.version, m.items) for m in flow.models] == [
        ("ocr", "rapidocr", "3.10.0", 1), ("prelabel", "layout-boxes", "1.2", 1),
    ]  # fmt: skip
    assert flow.models[1].model_id == MODEL_ID
    people = flow.per_person()
    assert people[(WORKER.name, "worker")] == 1 and people[(CHECKER.name, "checker")] == 1
    assert not any(actor.startswith("model:") for actor, _ in people)
    assert flow.schema_versions == {"": 2}  # the revision and the accepting decision
    assert (flow.exports, flow.exports_unread) == (0, 0)


def test_exported_counts_what_the_manifests_hold(
    workspace: Workspace, history: History, tmp_path: Path
) -> None:
    export_reviewed(workspace, tmp_path / "coco")
    flow = dataset_flow(workspace.reader())
    assert flow.stage("exported") == 1 and (flow.exports, flow.exports_unread) == (1, 0)
    assert flow.per_person()[("lee", "admin")] == 1
    (tmp_path / "coco" / "MANIFEST.json").write_text("{}")  # edited: no longer the one recorded
    flow = dataset_flow(workspace.reader())
    assert flow.stage("exported") == 0 and (flow.exports, flow.exports_unread) == (1, 1)


def test_hitl_flow_prints_the_flow_and_json(workspace: Workspace, history: History) -> None:
    path = workspace.path
    workspace.close()
    runner = CliRunner()
    text = runner.invoke(app, ["-w", str(path), "flow"])
    assert text.exit_code == 0, text.output
    assert text.output.splitlines()[0] == (
        "sources 1 → items 3 → pre-labelled 1 → corrected 1 → reviewed 1 → exported 0"
    )
    assert "source old-scans (retired): 1 items" in text.output
    assert f"{CHECKER.name} (checker): 1 events" in text.output
    as_json = runner.invoke(app, ["-w", str(path), "flow", "--json"])
    data = json.loads(as_json.output)
    assert [s["count"] for s in data["stages"]] == [1, 3, 1, 1, 1, 0]
