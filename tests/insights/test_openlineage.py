"""`hitl openlineage`: START/COMPLETE run events for the batch jobs of a real workspace, checked
against OpenLineage's own model classes (openlineage-python) and the spec's required fields."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openlineage.client.event_v2 import InputDataset, Job, OutputDataset, Run, RunEvent, RunState
from openlineage.client.serde import Serde
from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.insights.openlineage import find_runs
from hitl_desktop.lineage import Event
from hitl_desktop.ocr import EngineInfo
from hitl_desktop.ocr.run import PageRead, page_draft
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.queries import ItemFilter, page_items
from tests.insights.prov_history import MODEL_ID, History, build_history, export_reviewed

NEWER = EngineInfo("rapidocr", "3.11.0", "cpu", {"det.onnx": "d" * 64}, {})


@pytest.fixture
def history(workspace: Workspace, tmp_path: Path) -> History:
    h = build_history(workspace, tmp_path)
    other = next(r for r in page_items(workspace.reader(), ItemFilter(), 0, 10)
                 if r.id == h.other_page)  # fmt: skip
    workspace.append([page_draft(workspace, NEWER, other, PageRead(762, 1000, [], NEWER))])
    export_reviewed(workspace, tmp_path / "coco")
    return h


def _export(ws: Workspace, out: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["-w", str(ws.path), "openlineage", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text("utf-8").splitlines()]


def _as_model(d: dict[str, Any]) -> RunEvent:
    """The event rebuilt with the client's classes: their validators check the run id is a
    UUID, the time has a date and a time, and the state is one the spec allows."""

    def ds(cls: type, x: dict[str, Any]) -> Any:
        return cls(namespace=x["namespace"], name=x["name"])

    return RunEvent(
        eventType=RunState(d["eventType"]), eventTime=d["eventTime"], producer=d["producer"],
        run=Run(runId=d["run"]["runId"]),
        job=Job(namespace=d["job"]["namespace"], name=d["job"]["name"]),
        inputs=[ds(InputDataset, x) for x in d["inputs"]],
        outputs=[ds(OutputDataset, x) for x in d["outputs"]],
    )  # fmt: skip


def _facets(d: dict[str, Any]) -> list[dict[str, Any]]:
    found = [*d["run"]["facets"].values(), *d["job"]["facets"].values()]
    for x in d["outputs"]:
        found += x.get("outputFacets", {}).values()
    return found


def test_each_batch_job_is_a_start_complete_pair_valid_by_the_spec(
    workspace: Workspace, history: History, tmp_path: Path
) -> None:
    events = _export(workspace, tmp_path / "runs.jsonl")
    jobs = [(e["job"]["name"], e["eventType"]) for e in events]
    assert jobs == [("import", "START"), ("import", "COMPLETE"), ("ocr", "START"),
                    ("ocr", "COMPLETE"), ("prelabel", "START"), ("prelabel", "COMPLETE"),
                    ("ocr", "START"), ("ocr", "COMPLETE"), ("export", "START"),
                    ("export", "COMPLETE")]  # fmt: skip
    runs = [events[i : i + 2] for i in range(0, len(events), 2)]
    assert len({r[0]["run"]["runId"] for r in runs}) == 5  # a newer engine is another run
    for start, complete in runs:
        assert start["run"]["runId"] == complete["run"]["runId"]
        assert start["eventTime"] <= complete["eventTime"]
        assert uuid.UUID(start["run"]["runId"]).version == 7
    for d in events:
        model = _as_model(d)
        assert model.schemaURL == d["schemaURL"]
        rebuilt = Serde.to_dict(model)
        for key in ("eventType", "eventTime", "producer", "schemaURL"):
            assert rebuilt[key] == d[key]
        assert rebuilt["job"]["namespace"] == f"hitl://{workspace.project_id}"
        for facet in _facets(d):
            assert facet["_producer"] == d["producer"] and ":" in facet["_schemaURL"]
    imp = runs[0][1]
    assert imp["inputs"] == [{"namespace": "hitl-source", "name": "funsd-scans", "facets": {}}]
    assert imp["outputs"][0]["outputFacets"]["outputStatistics"]["rowCount"] == 3
    assert imp["run"]["facets"]["hitl_lineage"]["firstEvent"] == history.imported
    ocr, pre, newer = runs[1][1], runs[2][1], runs[3][1]
    assert ocr["run"]["facets"]["processing_engine"]["version"] == "3.10.0"
    assert newer["run"]["facets"]["processing_engine"]["version"] == "3.11.0"
    assert ocr["run"]["facets"]["hitl_lineage"]["firstEvent"] == history.ocr
    assert pre["outputs"][0]["name"] == f"prelabels/{MODEL_ID}"
    [written] = runs[4][1]["outputs"]
    assert (written["namespace"], written["name"]) == ("file", str(tmp_path / "coco"))
    assert written["outputFacets"]["outputStatistics"]["rowCount"] == 1


def test_run_ids_are_the_same_on_every_export(
    workspace: Workspace, history: History, tmp_path: Path
) -> None:
    first = _export(workspace, tmp_path / "a.jsonl")
    second = _export(workspace, tmp_path / "b.jsonl")
    assert first == second


def test_a_pause_or_another_engine_starts_a_new_run(workspace: Workspace, history: History) -> None:
    row = (
        workspace.reader()
        .execute("SELECT hash, body, sig FROM events WHERE hash = ?", (history.ocr,))
        .fetchone()
    )
    ocr = Event.from_body(*row)
    start = datetime.fromisoformat(ocr.wall_time.replace("Z", "+00:00"))

    def later(minutes: int, seq: int, **changes: Any) -> Event:
        when = (start + timedelta(minutes=minutes)).isoformat(timespec="milliseconds")
        fields = ocr.fields() | {"wall_time": when.replace("+00:00", "Z"),
                                 "device_seq": ocr.device_seq + seq} | changes  # fmt: skip
        return Event.create(fields)

    chain = [ocr, later(1, 1), later(3, 2), later(9, 3), later(10, 4, actor="model:other@1")]
    runs = find_runs(chain)
    assert [r.events for r in runs] == [3, 1, 1]  # 6 minutes idle, then another engine
    assert runs[0].first.hash == ocr.hash and runs[0].last.hash == chain[2].hash
    assert len({r.run_id for r in runs}) == 3
