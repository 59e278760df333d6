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

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import quote

from ..lineage import Event, Ref
from ..workspace.store import iter_events
from .provenance import load_events
from .provenance_exports import EXPORT_TYPE, export_contents
from .provenance_verify import DeviceInfo, device_infos

__all__ = ["PREFIXES", "OUTPUT_TYPES", "prov_document", "prov_from_events"]

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


def _q(value: str) -> dict[str, str]:
    return {"$": value, "type": "xsd:QName"}


def _time(value: str) -> dict[str, str]:
    return {"$": value, "type": "xsd:dateTime"}


def _local(text: str) -> str:
    """A name or id as the local part of a qualified name (spaces, colons, scripts escaped)."""
    return quote(text, safe="-_.@")


class _Builder:
    def __init__(
        self, devices: Mapping[str, DeviceInfo], names: Mapping[str, str],
        uses: Mapping[str, Sequence[str]],
    ) -> None:  # fmt: skip
        self.devices = devices
        self.names = names
        self.uses = uses
        self.doc: dict[str, dict[str, Any]] = {
            k: {}
            for k in ("entity", "activity", "agent", "used", "wasGeneratedBy", "wasDerivedFrom",
                      "wasAttributedTo", "wasAssociatedWith", "actedOnBehalfOf")
        }  # fmt: skip
        self.counts: dict[str, int] = {}

    def relation(self, kind: str, attrs: dict[str, Any]) -> None:
        n = self.counts[kind] = self.counts.get(kind, 0) + 1
        self.doc[kind][f"_:{kind}{n}"] = attrs

    def entity(self, id_: str, type_: str, label: str = "", **extra: Any) -> str:
        if id_ not in self.doc["entity"]:
            attrs: dict[str, Any] = {"prov:type": _q(type_)}
            if label:
                attrs["prov:label"] = label
            self.doc["entity"][id_] = attrs | extra
        return id_

    def item(self, item_id: str) -> str:
        return self.entity(f"item:{item_id}", "hitl:Item", self.names.get(item_id, ""))

    def ref(self, r: Ref) -> str | None:
        if r.kind == "item":
            return self.item(r.id)
        if r.kind == "blob":
            return self.entity(f"blob:{r.sha256 or r.id}", "hitl:Blob")
        if r.kind == "event":
            return self.entity(f"out:{r.id}", "hitl:EventOutput")
        if r.kind == "model":
            return None  # a model is an agent, associated with the activities it ran in
        return self.entity(f"ent:{_local(r.kind)}.{_local(r.id)}", f"hitl:{_local(r.kind)}")

    def agents(self, e: Event, act: str) -> str:
        """Declare the event's agents and their associations; return who it is attributed to."""
        device = self.devices.get(e.device_id)
        dev = f"dev:{e.device_id}"
        if dev not in self.doc["agent"]:
            attrs: dict[str, Any] = {"prov:type": _q("prov:SoftwareAgent")}
            if device is not None:
                attrs |= {"prov:label": device.label or e.device_id[:12],
                          "hitl:app": f"HITL Desktop {device.app_version}".strip(),
                          "hitl:platform": device.platform}  # fmt: skip
            self.doc["agent"][dev] = attrs
        if e.actor.startswith("model:"):
            who = f"model:{_local(e.actor.removeprefix('model:'))}"
            attrs = {"prov:type": _q("prov:SoftwareAgent"), "prov:label": e.actor}
            if e.agent is not None:
                attrs |= {"hitl:name": e.agent.name, "hitl:version": e.agent.version}
                if e.agent.weights_sha256:
                    attrs["hitl:weights_sha256"] = e.agent.weights_sha256
            self.doc["agent"].setdefault(who, attrs)
            self.relation("wasAssociatedWith", {"prov:activity": act, "prov:agent": who})
            self.relation("wasAssociatedWith", {"prov:activity": act, "prov:agent": dev})
            self.relation("actedOnBehalfOf", {"prov:delegate": who, "prov:responsible": dev,
                                              "prov:activity": act})  # fmt: skip
            return who
        who = f"person:{_local(e.actor)}"
        self.doc["agent"].setdefault(who, {"prov:type": _q("prov:Person"), "prov:label": e.actor})
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
        self.doc["activity"][act] = attrs
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
            out = self.entity(f"out:{e.hash}", OUTPUT_TYPES[e.type], e.type)
            made.append(out)
            self.relation("wasAttributedTo", {"prov:entity": out, "prov:agent": who})
            bases = [*e.base, *self.uses.get(e.hash, ())]
            sources = [f"out:{b}" for b in bases] or ([item] if item else [])
            for src in sources:
                if src.startswith("out:"):
                    self.entity(src, "hitl:EventOutput")
                    if src not in used:
                        used.append(src)
                self.relation("wasDerivedFrom", {"prov:generatedEntity": out,
                              "prov:usedEntity": src, "prov:activity": act})  # fmt: skip
        for ent in used:
            self.relation("used", {"prov:activity": act, "prov:entity": ent, "prov:time": when})
        for ent in made:
            self.relation("wasGeneratedBy", {"prov:entity": ent, "prov:activity": act,
                                             "prov:time": when})  # fmt: skip

    def result(self) -> dict[str, Any]:
        out: dict[str, Any] = {"prefix": dict(PREFIXES)}
        out |= {k: v for k, v in self.doc.items() if v}
        return out


def prov_from_events(
    events: Sequence[Event],
    devices: Mapping[str, DeviceInfo],
    names: Mapping[str, str],
    uses: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, Any]:
    """The PROV-JSON document of ``events`` (in the order given). ``uses``: event hash -> the
    events whose outputs it used beyond its envelope's ``base`` (an export's revisions)."""
    builder = _Builder(devices, names, uses or {})
    for e in events:
        builder.add(e)
    # output entities named only as a base keep the type of the event that made them
    for e in events:
        if e.type in OUTPUT_TYPES and f"out:{e.hash}" in builder.doc["entity"]:
            builder.doc["entity"][f"out:{e.hash}"]["prov:type"] = _q(OUTPUT_TYPES[e.type])
    return builder.result()


def prov_document(conn: sqlite3.Connection, item_id: str | None = None) -> dict[str, Any]:
    """PROV-JSON for the whole log (local order) or for one item's provenance graph."""
    names: Mapping[str, str]
    if item_id is not None:
        events: list[Event] = load_events(conn, item_id)
        names = _ItemNames(conn)
    else:
        events = [e for chunk in iter_events(conn) for e in chunk]
        names = {i: n for i, n in conn.execute("SELECT id, name FROM items") if n is not None}
    uses: dict[str, list[str]] = {}
    for e in events:
        if e.type == EXPORT_TYPE:  # the revisions its manifest lists (when still readable)
            held = export_contents(e).revisions
            chosen = [held.get(item_id, "")] if item_id is not None else list(held.values())
            uses[e.hash] = sorted({r for r in chosen if r})
    devices = device_infos(conn, {e.device_id for e in events})
    return prov_from_events(events, devices, names, uses)


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
