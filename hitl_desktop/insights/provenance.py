"""One item's provenance: the graph of the events that made and changed it.

import → derived page (and its parent file) → OCR reading → pre-label → corrections → review
decision → export. Nodes are events (who, in which role, with what software, when, with which
parameters and hashes, and whether their signature checks out); edges say how a later event
depends on an earlier one. Everything is read from the log, so the graph is the same on every
replica that holds the same events.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import orjson

from ..lineage import Event
from .provenance_exports import ExportContents, export_contents
from .provenance_verify import DeviceInfo, EventCheck, check_events, device_infos

__all__ = [
    "EXPORT_TYPES", "ItemProvenance", "NodeKind", "ProvEdge", "ProvNode", "Relation",
    "build_graph", "item_provenance", "kind_of", "load_events", "to_json",
]  # fmt: skip

NodeKind = Literal[
    "import", "page", "sighting", "ocr", "prelabel", "correction", "review", "export", "other"
]
Relation = Literal["derived-from", "used", "revises", "decided"]

# ``dataset.exported`` arrives with the export issue; older logs simply have none.
EXPORT_TYPES = frozenset({"dataset.exported"})
_KINDS: dict[str, NodeKind] = {
    "item.imported": "import", "item.derived": "page", "item.sighted": "sighting",
    "ocr.ran": "ocr", "prelabel.made": "prelabel", "annotation.revised": "correction",
    "review.decided": "review", "dataset.exported": "export",
}  # fmt: skip
_CREATION = ("item.imported", "item.derived")


def kind_of(event_type: str) -> NodeKind:
    return _KINDS.get(event_type, "other")


@dataclass(frozen=True)
class ProvNode:
    """One event of the item's history, with what a person needs to judge it."""

    hash: str
    type: str
    kind: NodeKind
    item: str | None
    actor: str
    role: str
    device_id: str
    device_label: str
    agent: str  # "rapidocr 3.10.0 on cpu", or the app that recorded a person's work
    time: str  # wall time, ISO-8601 UTC
    hlc: str
    parameters: dict[str, Any]
    blobs: tuple[str, ...]  # SHA-256 of the contents it read or wrote
    prev_hash: str
    base: tuple[str, ...]
    verification: str  # signed, sealed, unsigned or bad
    verification_detail: str
    depth: int = 0  # longest path from a root: the column a left-to-right drawing puts it in

    @property
    def is_machine(self) -> bool:
        return self.actor.startswith("model:")


@dataclass(frozen=True)
class ProvEdge:
    """``later`` <relation> ``earlier``: a page derived-from its file, an OCR run used the
    page, a correction revises an answer (or used a suggestion), a decision decided answers."""

    earlier: str
    later: str
    relation: Relation


@dataclass(frozen=True)
class ItemProvenance:
    item_id: str
    name: str
    nodes: tuple[ProvNode, ...]  # causal order: hybrid logical clock, then hash
    edges: tuple[ProvEdge, ...]
    events: Mapping[str, Event] = field(default_factory=dict, repr=False, compare=False)

    def node(self, hash_: str) -> ProvNode:
        for n in self.nodes:
            if n.hash == hash_:
                return n
        raise KeyError(hash_)

    def by_kind(self, kind: NodeKind) -> list[ProvNode]:
        return [n for n in self.nodes if n.kind == kind]


def load_events(conn: sqlite3.Connection, item_id: str) -> list[Event]:
    """The events of ``item_id``'s graph: its history, the creation of the files it was derived
    from (up the chain of parents) and exports that name it."""
    found: dict[str, Event] = {}
    rows = conn.execute(
        """SELECT e.hash, e.body, e.sig FROM item_history h JOIN events e ON e.hash = h.hash
           WHERE h.item_id = ?""",
        (item_id,),
    )
    for hash_, body, sig in rows:
        found[hash_] = Event.from_body(hash_, body, sig)
    parent = _parent_of(found.values(), item_id)
    seen = {item_id}
    while parent is not None and parent not in seen:
        seen.add(parent)
        rows = conn.execute(
            f"""SELECT hash, body, sig FROM events WHERE subject_item = ?
                AND type IN ({",".join("?" * len(_CREATION))})""",
            (parent, *_CREATION),
        )
        made = [Event.from_body(*r) for r in rows]
        found.update((e.hash, e) for e in made)
        parent = _parent_of(made, parent)
    for type_ in sorted(EXPORT_TYPES):
        for hash_, body, sig in conn.execute(
            "SELECT hash, body, sig FROM events WHERE type = ?", (type_,)
        ):
            e = Event.from_body(hash_, body, sig)
            if _names_item(e, item_id) or item_id in export_contents(e).revisions:
                found[hash_] = e
    return sorted(found.values(), key=lambda e: (e.hlc, e.hash))


def _parent_of(events: Iterable[Event], item_id: str) -> str | None:
    for e in events:
        if e.type == "item.derived" and e.subject_item == item_id:
            return str(e.payload.get("parent") or "") or None
    return None


def _names_item(e: Event, item_id: str) -> bool:
    items = e.payload.get("items")
    return (
        e.subject_item == item_id
        or any(r.kind == "item" and r.id == item_id for r in (*e.inputs, *e.outputs))
        or (isinstance(items, list) and item_id in items)
    )


def item_provenance(conn: sqlite3.Connection, item_id: str) -> ItemProvenance:
    """The provenance graph of ``item_id`` (an empty graph for an unknown item)."""
    events = load_events(conn, item_id)
    devices = device_infos(conn, {e.device_id for e in events})
    checks = check_events(conn, events, devices)
    row = conn.execute("SELECT name FROM items WHERE id = ?", (item_id,)).fetchone()
    return build_graph(item_id, events, checks, devices, name=row[0] if row and row[0] else "")


def build_graph(
    item_id: str,
    events: Sequence[Event],
    checks: Mapping[str, EventCheck],
    devices: Mapping[str, DeviceInfo],
    *,
    name: str = "",
    exports: Mapping[str, ExportContents] | None = None,
) -> ItemProvenance:
    """The graph over ``events`` (as ``load_events`` returns them) for ``item_id``.
    ``exports``: what each export event holds (default: read from its manifest)."""
    ordered = sorted({e.hash: e for e in events}.values(), key=lambda e: (e.hlc, e.hash))
    by_hash = {e.hash: e for e in ordered}
    if exports is None:
        exports = {e.hash: export_contents(e) for e in ordered if e.type in EXPORT_TYPES}
    edges = _edges(item_id, ordered, by_hash, exports)
    depth = _depths(ordered, edges)
    nodes = tuple(_node(e, checks.get(e.hash), devices.get(e.device_id), depth[e.hash],
                        exports.get(e.hash)) for e in ordered)  # fmt: skip
    return ItemProvenance(item_id, name, nodes, tuple(edges), by_hash)


def _creation(item: str, ordered: Sequence[Event]) -> Event | None:
    return next((e for e in ordered if e.subject_item == item and e.type in _CREATION), None)


def _edges(
    item_id: str, ordered: Sequence[Event], by_hash: Mapping[str, Event],
    exports: Mapping[str, ExportContents],
) -> list[ProvEdge]:  # fmt: skip
    edges: list[ProvEdge] = []
    made = {e.subject_item: e for e in reversed(ordered) if e.type in _CREATION}

    def link(earlier: Event | None, later: Event, relation: Relation) -> None:
        if earlier is not None and earlier.hash != later.hash:
            edges.append(ProvEdge(earlier.hash, later.hash, relation))

    for e in ordered:
        kind = kind_of(e.type)
        own = made.get(e.subject_item) if e.subject_item else None
        if e.type == "item.derived":
            link(made.get(str(e.payload.get("parent", ""))), e, "derived-from")
        elif e.type == "item.imported":
            continue
        elif kind in ("correction", "review"):
            bases = [by_hash[b] for b in e.base if b in by_hash]
            for b in bases:
                if kind == "review":
                    link(b, e, "decided")
                else:
                    link(b, e, "revises" if kind_of(b.type) in ("correction", "review") else "used")
            if not bases:
                link(own, e, "used")
        elif kind == "export":
            named = [by_hash[r.id] for r in e.inputs if r.kind == "event" and r.id in by_hash]
            held = exports.get(e.hash)
            revision = held.revisions.get(item_id) if held is not None else None
            if not named and revision in by_hash:
                named = [by_hash[str(revision)]]  # the revision its manifest lists
            if not named:
                answers = [
                    a for a in ordered
                    if a.subject_item == item_id and a.hlc < e.hlc
                    and kind_of(a.type) in ("correction", "review")
                ]  # fmt: skip
                named = answers[-1:] or [x for x in [own or _creation(item_id, ordered)] if x]
            for n in named:
                link(n, e, "used")
        else:
            link(own, e, "used")
    return edges


def _depths(ordered: Sequence[Event], edges: Sequence[ProvEdge]) -> dict[str, int]:
    """Longest path from a root; events come in causal order, so one pass suffices."""
    parents: dict[str, list[str]] = {}
    for edge in edges:
        parents.setdefault(edge.later, []).append(edge.earlier)
    depth: dict[str, int] = {}
    for e in ordered:
        depth[e.hash] = 1 + max((depth.get(p, 0) for p in parents.get(e.hash, [])), default=-1)
    return depth


def _agent_text(e: Event, device: DeviceInfo | None) -> str:
    if e.agent is not None:
        text = f"{e.agent.name} {e.agent.version}".strip()
        return f"{text} on {e.agent.device}" if e.agent.device else text
    app = device.app_version if device and device.app_version else "?"
    return f"HITL Desktop {app}"


def _parameters(e: Event) -> dict[str, Any]:
    """What the event was asked to do, in a few flat fields a person can read."""
    p = e.payload
    out: dict[str, Any] = {}
    if e.agent is not None:
        out |= {k: v for k, v in e.agent.parameters.items() if k != "model_files"}
        if e.agent.weights_sha256:
            out["weights_sha256"] = e.agent.weights_sha256
    if e.type in _CREATION or e.type == "item.sighted":
        for key in ("name", "kind", "media_type", "size_bytes", "source", "transformation"):
            if p.get(key) not in (None, ""):
                out[key] = p[key]
        prov = p.get("provenance") or {}
        out |= {f"provenance.{k}": v for k, v in sorted(prov.items()) if v not in ("", [], None)}
        out |= {f"parameters.{k}": v for k, v in sorted((p.get("parameters") or {}).items())}
    elif e.type == "ocr.ran":
        out |= {"lines": len(p.get("lines") or []), "width": p.get("width"),
                "height": p.get("height"),
                "regions_only": p.get("regions_only", False)}  # fmt: skip
    elif e.type == "prelabel.made":
        out["model_id"] = p.get("model_id")
        scored = [*(p.get("labels") or []), *(p.get("spans") or []), *(p.get("boxes") or [])]
        if scored:
            best = max(scored, key=lambda s: float(s.get("score", 0)))
            out |= {"label": best.get("label"), "score": best.get("score")}
        out |= {"spans": len(p.get("spans") or []), "boxes": len(p.get("boxes") or [])}
    elif e.type in ("annotation.revised", "review.decided"):
        if e.type == "review.decided":
            out |= {"decision": p.get("decision"), "task": p.get("task"),
                    "reason": p.get("reason", ""), "chosen": p.get("chosen", [])}  # fmt: skip
        else:
            out["note"] = p.get("note", "")
        answer = p.get("annotations")
        out["annotations"] = len(answer) if isinstance(answer, list) else 0
        if e.schema_ref:
            out["schema"] = e.schema_ref
    else:
        out |= {k: v for k, v in p.items() if isinstance(v, str | int | float | bool)}
    return out


def _blobs(e: Event) -> tuple[str, ...]:
    found = {r.sha256 for r in (*e.inputs, *e.outputs) if r.kind == "blob" and r.sha256}
    for key in ("blob_sha256", "image_sha256", "text_sha256", "text_layer_sha256"):
        value = e.payload.get(key)
        if isinstance(value, str) and value:
            found.add(value)
    return tuple(sorted(found))


def _node(
    e: Event, check: EventCheck | None, device: DeviceInfo | None, depth: int,
    held: ExportContents | None = None,
) -> ProvNode:  # fmt: skip
    check = check or EventCheck("unsigned", "not verified")
    parameters = _parameters(e)
    if held is not None:
        parameters["manifest"] = held.note
        if held.verified:
            parameters["items"] = len(held.revisions)
    return ProvNode(
        hash=e.hash, type=e.type, kind=kind_of(e.type), item=e.subject_item, actor=e.actor,
        role=e.role, device_id=e.device_id, device_label=device.label if device else "",
        agent=_agent_text(e, device), time=e.wall_time, hlc=e.hlc, parameters=parameters,
        blobs=_blobs(e), prev_hash=e.prev_hash, base=e.base, verification=check.status,
        verification_detail=check.detail, depth=depth,
    )  # fmt: skip


def to_json(graph: ItemProvenance) -> dict[str, Any]:
    """The graph as plain JSON (for ``hitl prov --graph`` and the report)."""
    nodes = [asdict(n) for n in graph.nodes]
    edges = [asdict(e) for e in graph.edges]
    return orjson.loads(orjson.dumps({"item": graph.item_id, "name": graph.name,
                                      "nodes": nodes, "edges": edges}))  # fmt: skip
