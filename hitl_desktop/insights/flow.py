"""The dataset's provenance summary and its flow: sources → items → pre-labelled → corrected →
reviewed → exported, with where the data came from, who did what and which models helped.

Counts come from the projections where one exists (items, suggestions, revisions) and from the
log's own fields otherwise; the flow counts the items still in the dataset and shows retired
data apart, so a retired source neither inflates nor silently vanishes from the figures.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import orjson

from ..workspace.queries import status_counts
from .provenance_exports import export_contents, load_exports

__all__ = [
    "DatasetFlow", "FlowStage", "ModelUse", "PersonActivity", "SourceSummary", "STAGES",
    "dataset_flow", "exported_items",
]  # fmt: skip

STAGES = ("sources", "items", "pre-labelled", "corrected", "reviewed", "exported")
_LIVE = "kind IS NOT NULL AND status != 'retired'"


@dataclass(frozen=True)
class SourceSummary:
    """A source as its imports describe it."""

    name: str
    items: int  # files and pages, retired ones included
    retired_items: int
    retired: bool  # the whole source was retired
    files: int  # item.imported events (file imports; sightings not included)
    sightings: int  # the same content seen again under this source
    collectors: tuple[str, ...] = ()
    devices: tuple[str, ...] = ()
    licences: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    privacy: tuple[str, ...] = ()
    consent: dict[str, int] = field(default_factory=dict)  # given, refused, not recorded
    first_import: str = ""  # wall times, ISO-8601 UTC
    last_import: str = ""


@dataclass(frozen=True, order=True)
class ModelUse:
    """A model or OCR engine version and how much it suggested."""

    task: str  # "ocr" or "prelabel"
    name: str
    version: str
    model_id: str  # the registered model id (pre-labels) or the engine's actor name
    items: int
    events: int


@dataclass(frozen=True, order=True)
class PersonActivity:
    actor: str
    role: str
    event_type: str
    count: int


@dataclass(frozen=True)
class FlowStage:
    name: str  # one of STAGES
    count: int


@dataclass(frozen=True)
class DatasetFlow:
    sources: tuple[SourceSummary, ...]
    status_counts: dict[str, int]
    schema_versions: dict[str, int]  # schema ref ("name@version") -> answers recorded under it
    published_schemas: tuple[str, ...]  # every published "name@version", oldest first
    models: tuple[ModelUse, ...]
    people: tuple[PersonActivity, ...]
    retired_items: int
    retired_sources: tuple[str, ...]
    stages: tuple[FlowStage, ...]
    exports: int = 0  # dataset.exported events
    exports_unread: int = 0  # exports whose manifest is gone or changed: their items unknown

    def stage(self, name: str) -> int:
        return next(s.count for s in self.stages if s.name == name)

    def per_person(self) -> dict[tuple[str, str], int]:
        """Events per (person, role)."""
        out: Counter[tuple[str, str]] = Counter()
        for p in self.people:
            out[(p.actor, p.role)] += p.count
        return dict(sorted(out.items()))


def exported_items(conn: sqlite3.Connection) -> tuple[set[str], int, int]:
    """Items held by exports (their manifests' item lists, or items the event names), the
    number of exports and how many of them could not be read (moved, deleted or edited)."""
    found: set[str] = set()
    exports = unread = 0
    for e in load_exports(conn):
        exports += 1
        held = export_contents(e)
        if held.verified:
            found.update(held.revisions)
        else:
            unread += 1
        if e.subject_item:
            found.add(e.subject_item)
        found.update(r.id for r in (*e.inputs, *e.outputs) if r.kind == "item")
        items = e.payload.get("items")
        if isinstance(items, list):
            found.update(str(i) for i in items)
    return found, exports, unread


def dataset_flow(conn: sqlite3.Connection) -> DatasetFlow:
    """The whole dataset's provenance summary (see the module docstring)."""
    exported, exports, unread = exported_items(conn)
    retired_sources = tuple(r[0] for r in conn.execute(
        "SELECT name FROM sources WHERE retired = 1 ORDER BY name"))  # fmt: skip
    return DatasetFlow(
        sources=_sources(conn, set(retired_sources)),
        status_counts=dict(sorted(status_counts(conn).items())),
        schema_versions=_schema_versions(conn),
        published_schemas=tuple(
            f"{n}@{v}"
            for n, v in conn.execute("SELECT name, version FROM schema_versions ORDER BY pub_key")
        ),
        models=_models(conn),
        people=_people(conn),
        retired_items=_count(conn, "SELECT count(*) FROM items WHERE status = 'retired'"),
        retired_sources=retired_sources,
        stages=_stages(conn, exported),
        exports=exports,
        exports_unread=unread,
    )


def _count(conn: sqlite3.Connection, sql: str, args: tuple[Any, ...] = ()) -> int:
    return int(conn.execute(sql, args).fetchone()[0] or 0)


def _stages(conn: sqlite3.Connection, exported: set[str]) -> tuple[FlowStage, ...]:
    live = f"SELECT id FROM items WHERE {_LIVE}"
    exported_live = {r[0] for r in conn.execute(live)} & exported if exported else set()
    counts = {
        "sources": _count(conn, f"SELECT count(DISTINCT source) FROM items WHERE {_LIVE}"),
        "items": _count(conn, f"SELECT count(*) FROM items WHERE {_LIVE}"),
        "pre-labelled": _count(
            conn,
            f"""SELECT count(*) FROM items WHERE {_LIVE} AND
            (id IN (SELECT item_id FROM prelabels) OR id IN (SELECT item_id FROM ocr_runs))""",
        ),
        "corrected": _count(
            conn,
            f"""SELECT count(*) FROM items WHERE {_LIVE} AND
            id IN (SELECT item_id FROM annotation_revisions WHERE decision IS NULL)""",
        ),
        "reviewed": _count(conn, "SELECT count(*) FROM items WHERE status = 'reviewed'"),
        "exported": len(exported_live),
    }
    return tuple(FlowStage(name, counts[name]) for name in STAGES)


def _sources(conn: sqlite3.Connection, retired: set[str]) -> tuple[SourceSummary, ...]:
    counts = {
        s: (n, r)
        for s, n, r in conn.execute(
            """SELECT source, count(*), sum(status = 'retired') FROM items
               WHERE kind IS NOT NULL GROUP BY source"""
        )
    }
    meta: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"files": 0, "sightings": 0, "times": [], "consent": Counter(),
                 **{k: set() for k in ("collector", "device", "licence", "tags", "privacy")}}
    )  # fmt: skip
    rows = conn.execute(
        """SELECT type, json_extract(body, '$.payload.source'),
                  json_extract(body, '$.payload.provenance'), json_extract(body, '$.wall_time')
           FROM events WHERE type IN ('item.imported', 'item.sighted')"""
    )
    for type_, source, prov_text, when in rows:
        m = meta[source or ""]
        m["files" if type_ == "item.imported" else "sightings"] += 1
        m["times"].append(when)
        prov = orjson.loads(prov_text) if prov_text else {}
        for key in ("collector", "device", "licence"):
            if prov.get(key):
                m[key].add(str(prov[key]))
        m["tags"].update(map(str, prov.get("tags") or []))
        m["privacy"].update(map(str, prov.get("privacy") or []))
        consent = prov.get("consent")
        m["consent"]["not recorded" if consent is None else "given" if consent else "refused"] += 1
    out = []
    for name in sorted(set(counts) | set(meta)):
        n, r = counts.get(name, (0, 0))
        m = meta[name]
        times = sorted(m["times"])
        out.append(SourceSummary(
            name=name, items=n, retired_items=int(r or 0), retired=name in retired,
            files=m["files"], sightings=m["sightings"],
            collectors=tuple(sorted(m["collector"])), devices=tuple(sorted(m["device"])),
            licences=tuple(sorted(m["licence"])), tags=tuple(sorted(m["tags"])),
            privacy=tuple(sorted(m["privacy"])), consent=dict(sorted(m["consent"].items())),
            first_import=times[0] if times else "", last_import=times[-1] if times else "",
        ))  # fmt: skip
    return tuple(out)


def _schema_versions(conn: sqlite3.Connection) -> dict[str, int]:
    rows = conn.execute(
        """SELECT coalesce(schema_ref, ''), count(*) FROM annotation_revisions
           GROUP BY 1 ORDER BY 1"""
    )
    return {ref: n for ref, n in rows}


def _models(conn: sqlite3.Connection) -> tuple[ModelUse, ...]:
    """From the OCR and pre-label projections; a pre-label model's name and version are read
    from one of its events (a model id names its weights, so they are the same in all)."""
    out = [
        ModelUse("ocr", engine, version, f"model:{engine}@{version}", items, n)
        for engine, version, items, n in conn.execute(
            """SELECT engine, version, count(DISTINCT item_id), count(*) FROM ocr_runs
               GROUP BY 1, 2"""
        )
    ]
    for model, items, n, sample in conn.execute(
        "SELECT model_id, count(DISTINCT item_id), count(*), min(hash) FROM prelabels GROUP BY 1"
    ).fetchall():
        row = conn.execute(
            """SELECT json_extract(body, '$.agent.name'), json_extract(body, '$.agent.version')
               FROM events WHERE hash = ?""",
            (sample,),
        ).fetchone()
        name, version = row if row else (None, None)
        out.append(ModelUse("prelabel", name or model, version or "", model, items, n))
    return tuple(sorted(out))


def _people(conn: sqlite3.Connection) -> tuple[PersonActivity, ...]:
    """Events per person, role and type: from the insights projection's daily counts, or from
    the log itself if that table is missing (a store older than it)."""
    try:
        rows = conn.execute(
            "SELECT actor, role, type, sum(n) FROM insights_activity GROUP BY 1, 2, 3"
        ).fetchall()
    except sqlite3.OperationalError:
        rows = conn.execute(
            """SELECT json_extract(body, '$.actor'), json_extract(body, '$.role'), type, count(*)
               FROM events GROUP BY 1, 2, 3"""
        ).fetchall()
    return tuple(
        sorted(PersonActivity(a, r, t, n) for a, r, t, n in rows if not a.startswith("model:"))
    )
