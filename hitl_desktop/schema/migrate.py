"""Migration hints when a schema version is published: which items to map, which to flag.

An item whose latest revision was saved under an earlier version of the schema (any earlier
version: items untouched by one publish still name the version they were saved under) gets:
- a mapped revision when one of its labels was renamed in any step since (renames compose:
  a -> b in v2, b -> c in v3 maps a to c);
- a re-check flag when, after mapping, a label it uses is no longer in the new version.
Planning only reads; ``publish`` turns the plan into events.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..annotate import Classification, revisions
from .diff import diff_schemas
from .model import ANNOTATION_KINDS, Schema

__all__ = ["Mapped", "MigrationPlan", "plan_migration"]

Renames = dict[str, dict[str, str]]  # annotation kind -> old label -> new label


@dataclass(frozen=True, slots=True)
class Mapped:
    item_id: str
    base: str  # the revision mapped
    annotations: list[dict[str, Any]]
    note: str


@dataclass
class MigrationPlan:
    mapped: list[Mapped] = field(default_factory=list)
    flagged: list[tuple[str, str]] = field(default_factory=list)  # (item id, reason)


def _step_renames(old: Schema, new: Schema) -> Renames:
    diff = diff_schemas(old, new)
    out: Renames = {}
    for t in new.tasks:
        out.setdefault(ANNOTATION_KINDS[t.kind], {}).update(diff.renames(t.name))
    return out


def _labels_of(ann: Mapping[str, Any]) -> list[str]:
    if ann.get("kind") == Classification.kind:
        return list(ann.get("shape", {}).get("labels", []))
    return [ann["label"]] if ann.get("label") else []


def _rename(ann: dict[str, Any], renames: dict[str, str]) -> dict[str, Any]:
    ann = dict(ann)
    if ann.get("kind") == Classification.kind:
        labels = [renames.get(x, x) for x in ann["shape"].get("labels", [])]
        ann["shape"] = {**ann["shape"], "labels": list(dict.fromkeys(labels))}
    if ann.get("label"):
        ann["label"] = renames.get(ann["label"], ann["label"])
    return ann


def _known(schema: Schema, kind: str) -> set[str]:
    return {lb.name for t in schema.tasks_for(kind) for lb in t.labels}


def _plan_item(
    item_id: str, head: str, anns: list[dict[str, Any]], start: int,
    versions: Mapping[int, Schema], steps: Mapping[int, Renames], new: Schema,
) -> tuple[Mapped | None, str | None]:  # fmt: skip
    mapped = anns
    for v in range(start, new.version):
        mapped = [_rename(a, steps[v].get(a.get("kind", ""), {})) for a in mapped]
    pairs = sorted({(x, y) for a, b in zip(anns, mapped, strict=True)
                    for x, y in zip(_labels_of(a), _labels_of(b), strict=False) if x != y})  # fmt: skip
    used = {(a.get("kind", ""), x) for a in mapped for x in _labels_of(a)}
    # labels some version since the item's knew and the new one does not: removed on the way
    gone = sorted({x for k, x in used if x not in _known(new, k)
                   and any(x in _known(versions[v], k) for v in range(start, new.version))})  # fmt: skip
    reason = (f"schema {new.ref} removed label{'s' if len(gone) > 1 else ''} {', '.join(gone)}"
              if gone else None)  # fmt: skip
    if mapped == anns:
        return None, reason
    note = f"schema {new.name} v{new.version}: renamed " + ", ".join(f"{a}→{b}" for a, b in pairs)
    return Mapped(item_id, head, mapped, note), reason


def plan_migration(
    conn: sqlite3.Connection, versions: Mapping[int, Schema], new: Schema
) -> MigrationPlan:
    """What publishing ``new`` does to items saved under ``versions`` (the published ones)."""
    plan = MigrationPlan()
    if not versions:
        return plan
    chain = {**versions, new.version: new}
    steps = {v: _step_renames(chain[v], chain[v + 1]) for v in versions if v + 1 in chain}
    refs = {s.ref: v for v, s in versions.items()}
    marks = ", ".join("?" for _ in refs)
    heads = conn.execute(
        f"""SELECT h.item_id, h.hash, r.schema_ref FROM annotation_heads h
            JOIN annotation_revisions r ON r.hash = h.hash
            WHERE r.schema_ref IN ({marks}) ORDER BY h.item_id, h.rev_key""",
        list(refs),
    ).fetchall()
    flagged: dict[str, str] = {}
    for item_id, head, ref in heads:
        anns = revisions.revision_payload(conn, head)["annotations"]
        mapped, reason = _plan_item(item_id, head, anns, refs[ref], versions, steps, new)
        if mapped is not None:
            plan.mapped.append(mapped)
        if reason is not None:
            flagged.setdefault(item_id, reason)
    plan.flagged = sorted(flagged.items())
    return plan
