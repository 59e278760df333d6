"""Publishing a schema version, with the migration of existing annotations.

Publishing appends, in one batch, an ``annotation.revised`` revision for every item whose
latest revision uses a label the new version renames (actor: the publisher), then the
``schema.published`` event listing the items that use a removed label. Nothing already in
the log is rewritten; ``rebuild`` gives the same tables because both come from events.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from ..annotate import Classification, revisions
from ..lineage import Event, EventDraft, Subject
from ..lineage.payloads import RecheckFlag, SchemaPublished
from ..workspace import Workspace
from .diff import SchemaDiff, diff_schemas
from .errors import PublishRefused
from .model import ANNOTATION_KINDS, Schema
from .store import get_schema, list_versions

__all__ = ["PUBLISHER_ROLES", "PublishResult", "publish"]

PUBLISHER_ROLES = ("expert", "admin")


@dataclass
class PublishResult:
    schema: Schema
    event: Event
    diff: SchemaDiff | None  # None for a first version
    migrated: list[str] = field(default_factory=list)  # item ids given a renaming revision
    flagged: list[str] = field(default_factory=list)  # item ids needing a re-check


def _check(conn: sqlite3.Connection, ws: Workspace, schema: Schema) -> Schema | None:
    """Refuse a publish the rules forbid; the parent version, if any."""
    if ws.profile.role not in PUBLISHER_ROLES:
        raise PublishRefused(f"{ws.profile.name} is a {ws.profile.role}; only an expert or an "
                             "admin may publish a schema")  # fmt: skip
    existing = list_versions(conn, schema.name)
    latest = existing[-1].schema.version if existing else 0
    if schema.version != latest + 1:
        raise PublishRefused(f"{schema.name} is at version {latest}; the next version to publish "
                             f"is {latest + 1}, not {schema.version}")  # fmt: skip
    parent = schema.parent_version if schema.parent_version is not None else (latest or None)
    if parent != (latest or None):
        raise PublishRefused(f"{schema.ref} names parent version {parent} but the latest "
                             f"published version is {latest or 'none'}")  # fmt: skip
    return get_schema(conn, schema.name, latest).schema if latest else None


def _rename_map(diff: SchemaDiff, schema: Schema) -> dict[str, dict[str, str]]:
    """annotation kind -> old label -> new label, over the tasks of that kind."""
    out: dict[str, dict[str, str]] = {}
    for t in schema.tasks:
        out.setdefault(ANNOTATION_KINDS[t.kind], {}).update(diff.renames(t.name))
    return out


def _removed(old: Schema, new: Schema, diff: SchemaDiff) -> dict[str, set[str]]:
    """annotation kind -> labels gone from every task of that kind in ``new``."""
    out: dict[str, set[str]] = {}
    for t in old.tasks:
        kind = ANNOTATION_KINDS[t.kind]
        gone = diff.removed(t.name) if new.task(t.name) else {lb.name for lb in t.labels}
        out.setdefault(kind, set()).update(gone)
    for kind, labels in out.items():  # a label still offered by another task of the kind stays
        still = {lb.name for t in new.tasks_for(kind) for lb in t.labels}
        out[kind] = labels - still
    return out


def _map_annotation(ann: dict[str, Any], renames: dict[str, str]) -> dict[str, Any]:
    ann = dict(ann)
    if ann.get("kind") == Classification.kind:
        labels = [renames.get(x, x) for x in ann["shape"].get("labels", [])]
        ann["shape"] = {**ann["shape"], "labels": list(dict.fromkeys(labels))}
    if ann.get("label"):
        ann["label"] = renames.get(ann["label"], ann["label"])
    return ann


def _labels_of(ann: dict[str, Any]) -> list[str]:
    if ann.get("kind") == Classification.kind:
        return list(ann.get("shape", {}).get("labels", []))
    return [ann["label"]] if ann.get("label") else []


def _migrate(
    ws: Workspace, conn: sqlite3.Connection, old: Schema, new: Schema, diff: SchemaDiff
) -> tuple[list[EventDraft], list[RecheckFlag], list[str]]:
    renames, removed = _rename_map(diff, new), _removed(old, new, diff)
    drafts: list[EventDraft] = []
    flags: list[RecheckFlag] = []
    migrated: list[str] = []
    heads = conn.execute(
        """SELECT h.item_id, h.hash FROM annotation_heads h
           JOIN annotation_revisions r ON r.hash = h.hash
           WHERE r.schema_ref = ? ORDER BY h.item_id, h.rev_key""",
        (old.ref,),
    ).fetchall()
    for item_id, head in heads:
        anns = revisions.revision_payload(conn, head)["annotations"]
        used = {(a.get("kind", ""), x) for a in anns for x in _labels_of(a)}
        gone = sorted(x for kind, x in used if x in removed.get(kind, set()))
        if gone:
            flags.append(RecheckFlag(item=item_id, reason=f"schema {new.ref} removed label"
                                     f"{'s' if len(gone) > 1 else ''} {', '.join(gone)}"))  # fmt: skip
        mapped = [_map_annotation(a, renames.get(a.get("kind", ""), {})) for a in anns]
        if mapped == anns:
            continue
        pairs = sorted({(x, renames[k][x]) for k, x in used if x in renames.get(k, {})})
        note = f"schema {new.name} v{new.version}: renamed " + ", ".join(
            f"{a}→{b}" for a, b in pairs
        )
        drafts.append(EventDraft(
            type="annotation.revised", payload={"annotations": mapped, "note": note},
            actor=ws.profile.name, role=ws.profile.role, subject=Subject(item_id),
            base=(head,), schema_ref=new.ref,
        ))  # fmt: skip
        migrated.append(item_id)
    return drafts, flags, migrated


def publish(ws: Workspace, schema: Schema, *, note: str = "") -> PublishResult:
    """Publish ``schema`` as the next version of its name, migrating existing annotations."""
    conn = ws.reader()
    parent = _check(conn, ws, schema)
    if parent is not None and schema.parent_version is None:
        schema = schema.model_copy(update={"parent_version": parent.version})
    diff = diff_schemas(parent, schema) if parent is not None else None
    drafts: list[EventDraft] = []
    flags: list[RecheckFlag] = []
    migrated: list[str] = []
    if parent is not None and diff is not None:
        drafts, flags, migrated = _migrate(ws, conn, parent, schema, diff)
    payload = SchemaPublished(
        name=schema.name, version=schema.version, parent_version=schema.parent_version,
        definition=schema.to_json(), note=note, recheck=flags,
    )  # fmt: skip
    # the publish event goes last, so its (hlc, hash) key follows the renaming revisions
    events = ws.append([*drafts, ws.draft("schema.published", payload, schema_ref=schema.ref)])
    return PublishResult(schema, events[-1], diff, migrated, [f.item for f in flags])
