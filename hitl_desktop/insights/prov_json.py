"""The lineage log as W3C PROV-JSON (https://www.w3.org/submissions/prov-json/).

Each event is an Activity (its time, type, actor, role, clock). People are ``prov:Person``
agents; devices and models are ``prov:SoftwareAgent``s; a device acts on behalf of the person
working on it, and a model on behalf of the device that ran it. Items, blobs and the outputs of
events (OCR readings, suggestions, annotation revisions, review decisions, exports) are Entities,
linked by used / wasGeneratedBy / wasDerivedFrom / wasAttributedTo / wasAssociatedWith /
actedOnBehalfOf. Identifiers are URNs built from the log's own ids, so two exports of the same
events name the same things.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import quote

import orjson

from ..lineage import Event, Ref
from ..workspace.store import iter_events
from .provenance import load_events
from .provenance_exports import export_contents, load_exports
from .provenance_verify import DeviceInfo, device_infos

__all__ = [
    "OUTPUT_TYPES", "PREFIXES", "ProvCounts", "prov_document", "prov_from_events",
    "write_prov_json",
]  # fmt: skip

PREFIXES = {
    "hitl": "urn:hitl:ns#",
    "ev": "urn:hitl:event:",
    "out": "urn:hitl:output:",
    "item": "urn:hitl:item:",
    "blob": "urn:hitl:blob:sha256:",
    "person": "urn:hitl:person:",
    "dev": "urn:hitl:device:",
    "model": "urn:hitl:model:",
    "ent": "urn:hitl:entity:",
}
# What an event's own output entity is (``out:<event hash>``), by event type.
OUTPUT_TYPES = {
    "ocr.ran": "hitl:OcrReading",
    "prelabel.made": "hitl:Suggestion",
    "annotation.revised": "hitl:AnnotationRevision",
    "review.decided": "hitl:ReviewDecision",
    "dataset.exported": "hitl:Export",
}
_CREATION = ("item.imported", "item.derived")
SECTIONS = ("entity", "activity", "agent", "used", "wasGeneratedBy", "wasDerivedFrom",
            "wasAttributedTo", "wasAssociatedWith", "actedOnBehalfOf")  # fmt: skip


def _q(value: str) -> dict[str, str]:
    return {"$": value, "type": "xsd:QName"}


def _time(value: str) -> dict[str, str]:
    return {"$": value, "type": "xsd:dateTime"}


def _local(text: str) -> str:
    """A name or id as the local part of a qualified name (spaces, colons, scripts escaped)."""
    return quote(text, safe="-_.@")


class _DictSink:
    """Records kept in memory: the document as a dict."""

    def __init__(self) -> None:
        self.doc: dict[str, dict[str, Any]] = {k: {} for k in SECTIONS}

    def put(self, section: str, id_: str, attrs: dict[str, Any]) -> None:
        self.doc[section][id_] = attrs

    def has(self, section: str, id_: str) -> bool:
        return id_ in self.doc[section]


class _FileSink:
    """Records streamed to one temporary file per section, joined at the end: memory stays
    flat however long the log (only the ids of entities and agents are kept, to declare each
    once)."""

    def __init__(self, folder: Path) -> None:
        # closed by close(), after join() has copied them
        self.files = {k: tempfile.TemporaryFile(dir=folder) for k in SECTIONS}  # noqa: SIM115
        self.seen: dict[str, set[str]] = {"entity": set(), "agent": set(), "activity": set()}
        self.counts = dict.fromkeys(SECTIONS, 0)

    def put(self, section: str, id_: str, attrs: dict[str, Any]) -> None:
        if section in self.seen:
            self.seen[section].add(id_)
        sep = b"," if self.counts[section] else b""
        self.counts[section] += 1
        self.files[section].write(sep + orjson.dumps(id_) + b":" + orjson.dumps(attrs))

    def has(self, section: str, id_: str) -> bool:
        return id_ in self.seen.get(section, ())

    def join(self, out: BinaryIO) -> None:
        out.write(b'{"prefix":' + orjson.dumps(PREFIXES))
        for section in SECTIONS:
            if self.counts[section]:
                f = self.files[section]
                f.seek(0)
                out.write(b"," + orjson.dumps(section) + b":{")
                shutil.copyfileobj(f, out)
                out.write(b"}")
        out.write(b"}\n")

    def close(self) -> None:
        for f in self.files.values():
            f.close()


class _Builder:
    def __init__(
        self, sink: _DictSink | _FileSink, devices: Mapping[str, DeviceInfo],
        names: Mapping[str, str], uses: Mapping[str, Sequence[str]],
        type_of: Callable[[str], str | None],
    ) -> None:  # fmt: skip
        self.sink = sink
        self.devices = devices
        self.names = names
        self.uses = uses
        self.type_of = type_of  # an event's type, by hash: names the outputs it is based on
        self.counts: dict[str, int] = {}

    def relation(self, kind: str, attrs: dict[str, Any]) -> None:
        n = self.counts[kind] = self.counts.get(kind, 0) + 1
        self.sink.put(kind, f"_:{kind}{n}", attrs)

    def entity(self, id_: str, type_: str, label: str = "", **extra: Any) -> str:
        if not self.sink.has("entity", id_):
            attrs: dict[str, Any] = {"prov:type": _q(type_)}
            if label:
                attrs["prov:label"] = label
            self.sink.put("entity", id_, attrs | extra)
        return id_

    def output(self, event_hash: str) -> str:
        """The output entity of an event, typed by what the event is (an OCR reading, …)."""
        type_ = self.type_of(event_hash) or ""
        return self.entity(f"out:{event_hash}", OUTPUT_TYPES.get(type_, "hitl:EventOutput"),
                           type_)  # fmt: skip

    def agent(self, id_: str, attrs: dict[str, Any]) -> None:
        if not self.sink.has("agent", id_):
            self.sink.put("agent", id_, attrs)

    def item(self, item_id: str) -> str:
        return self.entity(f"item:{item_id}", "hitl:Item", self.names.get(item_id, ""))

    def ref(self, r: Ref) -> str | None:
        if r.kind == "item":
            return self.item(r.id)
        if r.kind == "blob":
            return self.entity(f"blob:{r.sha256 or r.id}", "hitl:Blob")
        if r.kind == "event":
            return self.output(r.id)
        if r.kind == "model":
            return None  # a model is an agent, associated with the activities it ran in
        return self.entity(f"ent:{_local(r.kind)}.{_local(r.id)}", f"hitl:{_local(r.kind)}")

    def agents(self, e: Event, act: str) -> str:
        """Declare the event's agents and their associations; return who it is attributed to."""
        device = self.devices.get(e.device_id)
        dev = f"dev:{e.device_id}"
        if not self.sink.has("agent", dev):
            attrs: dict[str, Any] = {"prov:type": _q("prov:SoftwareAgent")}
            if device is not None:
                attrs |= {"prov:label": device.label or e.device_id[:12],
                          "hitl:app": f"HITL Desktop {device.app_version}".strip(),
                          "hitl:platform": device.platform}  # fmt: skip
            self.agent(dev, attrs)
        if e.actor.startswith("model:"):
            who = f"model:{_local(e.actor.removeprefix('model:'))}"
            attrs = {"prov:type": _q("prov:SoftwareAgent"), "prov:label": e.actor}
            if e.agent is not None:
                attrs |= {"hitl:name": e.agent.name, "hitl:version": e.agent.version}
                if e.agent.weights_sha256:
                    attrs["hitl:weights_sha256"] = e.agent.weights_sha256
            self.agent(who, attrs)
            self.relation("wasAssociatedWith", {"prov:activity": act, "prov:agent": who})
            self.relation("wasAssociatedWith", {"prov:activity": act, "prov:agent": dev})
            self.relation("actedOnBehalfOf", {"prov:delegate": who, "prov:responsible": dev,
                                              "prov:activity": act})  # fmt: skip
            return who
        who = f"person:{_local(e.actor)}"
        self.agent(who, {"prov:type": _q("prov:Person"), "prov:label": e.actor})
        self.relation("wasAssociatedWith", {"prov:activity": act, "prov:agent": who,
                                            "prov:role": e.role})  # fmt: skip
        self.relation("wasAssociatedWith", {"prov:activity": act, "prov:agent": dev})
        self.relation("actedOnBehalfOf", {"prov:delegate": dev, "prov:responsible": who,
                                          "prov:activity": act})  # fmt: skip
        return who

    def add(self, e: Event) -> None:
        act = f"ev:{e.hash}"
        attrs: dict[str, Any] = {
            "prov:startTime": _time(e.wall_time), "prov:endTime": _time(e.wall_time),
            "prov:type": _q(f"hitl:{_local(e.type)}"), "prov:label": e.type,
            "hitl:actor": e.actor, "hitl:role": e.role, "hitl:hlc": e.hlc,
        }  # fmt: skip
        if e.agent is not None and e.agent.device:
            attrs["hitl:ran_on"] = e.agent.device
        self.sink.put("activity", act, attrs)
        who = self.agents(e, act)
        when = _time(e.wall_time)
        used: list[str] = []
        for r in e.inputs:
            ent = self.ref(r)
            if ent is not None and ent not in used:
                used.append(ent)
        item = self.item(e.subject_item) if e.subject_item else None
        made: list[str] = [x for x in (self.ref(r) for r in e.outputs) if x is not None]
        if e.type in _CREATION and item is not None:
            made.insert(0, item)
            self.relation("wasAttributedTo", {"prov:entity": item, "prov:agent": who})
            if e.type == "item.derived" and e.payload.get("parent"):
                parent = self.item(str(e.payload["parent"]))
                if parent not in used:
                    used.append(parent)
                self.relation("wasDerivedFrom", {"prov:generatedEntity": item,
                              "prov:usedEntity": parent, "prov:activity": act})  # fmt: skip
        elif item is not None and item not in used:
            used.append(item)
        if e.type in OUTPUT_TYPES:
            out = self.output(e.hash)
            made.append(out)
            self.relation("wasAttributedTo", {"prov:entity": out, "prov:agent": who})
            bases = [*e.base, *self.uses.get(e.hash, ())]
            sources = [f"out:{b}" for b in bases] or ([item] if item else [])
            for src in sources:
                if src.startswith("out:"):
                    self.output(src.removeprefix("out:"))
                    if src not in used:
                        used.append(src)
                self.relation("wasDerivedFrom", {"prov:generatedEntity": out,
                              "prov:usedEntity": src, "prov:activity": act})  # fmt: skip
        for ent in used:
            self.relation("used", {"prov:activity": act, "prov:entity": ent, "prov:time": when})
        for ent in made:
            self.relation("wasGeneratedBy", {"prov:entity": ent, "prov:activity": act,
                                             "prov:time": when})  # fmt: skip


def prov_from_events(
    events: Sequence[Event],
    devices: Mapping[str, DeviceInfo],
    names: Mapping[str, str],
    uses: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, Any]:
    """The PROV-JSON document of ``events`` (in the order given). ``uses``: event hash -> the
    events whose outputs it used beyond its envelope's ``base`` (an export's revisions)."""
    sink = _DictSink()
    types = {e.hash: e.type for e in events}
    builder = _Builder(sink, devices, names, uses or {}, types.get)
    for e in events:
        builder.add(e)
    return {"prefix": dict(PREFIXES)} | {k: v for k, v in sink.doc.items() if v}


def _sources(
    conn: sqlite3.Connection, item_id: str | None
) -> tuple[Iterable[Event], Mapping[str, str], dict[str, list[str]]]:
    """The events to describe, item names, and each export's revisions (see ``uses``)."""
    names: Mapping[str, str] = _ItemNames(conn)
    if item_id is not None:
        events: Iterable[Event] = load_events(conn, item_id)
    else:
        events = (e for chunk in iter_events(conn) for e in chunk)
    uses: dict[str, list[str]] = {}
    for e in load_exports(conn):  # the revisions its manifest lists (when still readable)
        held = export_contents(e).revisions
        chosen = [held.get(item_id, "")] if item_id is not None else list(held.values())
        uses[e.hash] = sorted({r for r in chosen if r})
    return events, names, uses


def prov_document(conn: sqlite3.Connection, item_id: str | None = None) -> dict[str, Any]:
    """PROV-JSON for the whole log (local order) or for one item's provenance graph, in memory
    (``write_prov_json`` streams a large log to a file)."""
    events, names, uses = _sources(conn, item_id)
    listed = list(events)
    devices = device_infos(conn, {e.device_id for e in listed})
    return prov_from_events(listed, devices, names, uses)


@dataclass(frozen=True)
class ProvCounts:
    activities: int
    entities: int
    agents: int


def write_prov_json(conn: sqlite3.Connection, path: Path, item_id: str | None = None) -> ProvCounts:
    """Stream the PROV-JSON document to ``path`` (through a temporary file, then renamed)."""
    events, names, uses = _sources(conn, item_id)
    devices = device_infos(
        conn, [r[0] for r in conn.execute("SELECT DISTINCT device_id FROM events")]
    )

    def type_of(hash_: str) -> str | None:
        row = conn.execute("SELECT type FROM events WHERE hash = ?", (hash_,)).fetchone()
        return str(row[0]) if row else None

    tmp = path.with_name(path.name + ".tmp")
    sink = _FileSink(path.parent)
    try:
        builder = _Builder(sink, devices, names, uses, type_of)
        for e in events:
            builder.add(e)
        with open(tmp, "wb") as out:
            sink.join(out)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        sink.close()
    return ProvCounts(sink.counts["activity"], sink.counts["entity"], sink.counts["agent"])


class _ItemNames(Mapping[str, str]):
    """Item names looked up as the document needs them (a log may hold a million items)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.known: dict[str, str] = {}

    def __getitem__(self, item_id: str) -> str:
        name = self.known.get(item_id)
        if name is None:
            row = self.conn.execute("SELECT name FROM items WHERE id = ?", (item_id,)).fetchone()
            name = self.known[item_id] = str(row[0]) if row and row[0] is not None else ""
        if not name:
            raise KeyError(item_id)
        return name

    def __iter__(self) -> Iterator[str]:
        return (r[0] for r in self.conn.execute("SELECT id FROM items WHERE name IS NOT NULL"))

    def __len__(self) -> int:
        return int(
            self.conn.execute("SELECT count(*) FROM items WHERE name IS NOT NULL").fetchone()[0]
        )
