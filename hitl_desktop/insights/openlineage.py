"""The log's batch jobs (import, OCR, pre-label, export) as OpenLineage run events.

OpenLineage (https://openlineage.io/spec/2-0-2/OpenLineage.json) describes a job run by a START
and a COMPLETE ``RunEvent``. Our log has no run records: a run is read back from a device's chain
as the consecutive events of one job by the same actor and software (a new run starts when the
job, the actor, the model or the import source changes, or after a pause of ``RUN_GAP``). The
run id is a UUID (version 7 layout) made from the run's first event: exporting twice gives the
same ids, and any event can be traced back to its run through the ``hitl_lineage`` facet.
"""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import orjson

from .. import __version__
from ..lineage import Event

__all__ = [
    "JOB_TYPES", "PRODUCER", "RUN_EVENT_SCHEMA", "Run", "find_runs", "openlineage_events",
    "run_events", "run_id_for", "write_jsonl",
]  # fmt: skip

PRODUCER = f"urn:hitl-desktop:{__version__}"
RUN_EVENT_SCHEMA = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent"
_FACETS = "https://openlineage.io/spec/facets"
JOB_TYPE_SCHEMA = f"{_FACETS}/2-0-4/JobTypeJobFacet.json#/$defs/JobTypeJobFacet"
ENGINE_SCHEMA = f"{_FACETS}/1-1-1/ProcessingEngineRunFacet.json#/$defs/ProcessingEngineRunFacet"
OUTPUT_STATS_SCHEMA = (
    f"{_FACETS}/1-0-2/OutputStatisticsOutputDatasetFacet.json"
    "#/$defs/OutputStatisticsOutputDatasetFacet"
)
LINEAGE_FACET_SCHEMA = "urn:hitl-desktop:openlineage:HitlLineageRunFacet:1"
JOB_TYPES = {
    "item.imported": "import", "item.derived": "import", "item.sighted": "import",
    "ocr.ran": "ocr", "prelabel.made": "prelabel", "dataset.exported": "export",
}  # fmt: skip
RUN_GAP = timedelta(minutes=5)


@dataclass
class Run:
    """Consecutive events of one batch job on one device, summed up as they are read (a run
    may hold a million events: only its first and last are kept)."""

    job: str  # import, ocr, prelabel or export
    key: tuple[str, ...]
    device_id: str
    actor: str
    first: Event
    last: Event
    events: int = 0
    created: int = 0  # items an import made (files and pages; sightings make none)
    event_types: set[str] = field(default_factory=set)
    exports: list[tuple[str, int]] = field(default_factory=list)  # (folder, items) per export

    @property
    def run_id(self) -> str:
        return run_id_for(self.first)

    def add(self, e: Event) -> None:
        self.last = e
        self.events += 1
        self.event_types.add(e.type)
        if e.type in ("item.imported", "item.derived"):
            self.created += 1
        if e.type == "dataset.exported" and e.payload.get("folder"):
            counts = e.payload.get("counts") or {}
            self.exports.append((str(e.payload["folder"]), int(counts.get("items", 0))))


def _when(e: Event) -> datetime:
    return datetime.fromisoformat(e.wall_time.replace("Z", "+00:00"))


def run_id_for(first: Event) -> str:
    """A UUIDv7-shaped id: the first event's time in milliseconds, then bits of its hash."""
    ms = int(_when(first).timestamp() * 1000) & (2**48 - 1)
    rand = int.from_bytes(hashlib.sha256(first.hash.encode()).digest()[:10], "big")
    value = (ms << 80) | (0x7 << 76) | ((rand >> 68) & 0xFFF) << 64
    value |= (0b10 << 62) | (rand & (2**62 - 1))
    return str(uuid.UUID(int=value))


def _key(e: Event, job: str) -> tuple[str, ...]:
    agent = e.agent
    model = (agent.name, agent.version, agent.weights_sha256 or "") if agent else ("", "", "")
    source = str(e.payload.get("source", "")) if job == "import" else ""
    return (job, e.actor, *model, source)


def find_runs(events: Iterable[Event]) -> list[Run]:
    """Runs in the events, which come by device and then in chain order (``device_seq``);
    returned in the order of their first event's time (then run id)."""
    runs: list[Run] = []
    current: Run | None = None
    for e in events:
        if e.type not in JOB_TYPES:
            continue
        job = JOB_TYPES[e.type]
        key = _key(e, job)
        if (
            current is None
            or current.device_id != e.device_id
            or current.key != key
            or _when(e) - _when(current.last) > RUN_GAP
        ):
            current = Run(job, key, e.device_id, e.actor, e, e)
            runs.append(current)
        current.add(e)
    return sorted(runs, key=lambda r: (r.first.wall_time, r.run_id))


def _dataset(namespace: str, name: str, **facets: Any) -> dict[str, Any]:
    return {"namespace": namespace, "name": name, "facets": {}, **facets}


def _stats(rows: int) -> dict[str, Any]:
    return {"outputStatistics": {"_producer": PRODUCER, "_schemaURL": OUTPUT_STATS_SCHEMA,
                                 "rowCount": rows}}  # fmt: skip


def _io(run: Run, ns: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    n = run.events
    if run.job == "import":
        source = run.key[-1]  # a run reads one source
        inputs = [_dataset("hitl-source", source or "(no source)")]
        return inputs, [_dataset(ns, "items", outputFacets=_stats(run.created))]
    if run.job == "ocr":
        return [_dataset(ns, "items")], [_dataset(ns, "ocr_readings", outputFacets=_stats(n))]
    if run.job == "prelabel":
        model = str(run.first.payload.get("model_id", ""))
        return [_dataset(ns, "items")], [_dataset(ns, f"prelabels/{model}", outputFacets=_stats(n))]
    # the folder each export was written to (OpenLineage names local files so)
    outputs = [_dataset("file", folder, outputFacets=_stats(rows)) for folder, rows in run.exports]
    outputs = outputs or [_dataset(ns, "exports", outputFacets=_stats(n))]
    return [_dataset(ns, "annotations")], outputs


def run_events(run: Run, project_id: str) -> list[dict[str, Any]]:
    """The START and COMPLETE run events of one run (plain JSON, OpenLineage 2-0-2)."""
    ns = f"hitl://{project_id}"
    inputs, outputs = _io(run, ns)
    job = {"namespace": ns, "name": run.job, "facets": {"jobType": {
        "_producer": PRODUCER, "_schemaURL": JOB_TYPE_SCHEMA, "processingType": "BATCH",
        "integration": "HITL_DESKTOP", "jobType": run.job.upper()}}}  # fmt: skip
    facets: dict[str, Any] = {"hitl_lineage": {
        "_producer": PRODUCER, "_schemaURL": LINEAGE_FACET_SCHEMA, "events": run.events,
        "firstEvent": run.first.hash, "lastEvent": run.last.hash, "actor": run.actor,
        "device": run.device_id, "eventTypes": sorted(run.event_types),
    }}  # fmt: skip
    agent = run.first.agent
    if agent is not None:
        facets["processing_engine"] = {"_producer": PRODUCER, "_schemaURL": ENGINE_SCHEMA,
                                       "name": agent.name, "version": agent.version}  # fmt: skip
    out = []
    for state, e in (("START", run.first), ("COMPLETE", run.last)):
        out.append({
            "eventType": state, "eventTime": e.wall_time, "producer": PRODUCER,
            "schemaURL": RUN_EVENT_SCHEMA, "run": {"runId": run.run_id, "facets": facets},
            "job": job, "inputs": inputs, "outputs": outputs if state == "COMPLETE" else [],
        })  # fmt: skip
    return out


def openlineage_events(conn: sqlite3.Connection, project_id: str) -> Iterator[dict[str, Any]]:
    """Every run's START and COMPLETE events, runs in order of their start."""
    marks = ",".join("?" * len(JOB_TYPES))
    rows = conn.execute(  # each device's chain in order (its unique index), job events only
        f"""SELECT hash, body, sig FROM events WHERE type IN ({marks})
            ORDER BY device_id, device_seq""",
        list(JOB_TYPES),
    )
    for run in find_runs(Event.from_body(*r) for r in rows):
        yield from run_events(run, project_id)


def write_jsonl(events: Iterable[dict[str, Any]], path: Any) -> int:
    """Write run events one per line; returns how many."""
    n = 0
    with open(path, "wb") as f:
        for event in events:
            f.write(orjson.dumps(event) + b"\n")
            n += 1
    return n
