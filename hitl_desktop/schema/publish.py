"""Publishing a schema version, with the migration of existing annotations.

Publishing appends, in one batch, an ``annotation.revised`` revision for every item whose
latest revision uses a label the new version renames (actor: the publisher), then the
``schema.published`` event listing the items that use a removed label. Nothing already in
the log is rewritten; ``rebuild`` gives the same tables because both come from events.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from ..lineage import Event, EventDraft, Subject
from ..lineage.payloads import RecheckFlag, SchemaPublished
from ..workspace import Workspace
from .diff import SchemaDiff, diff_schemas
from .errors import PublishRefused
from .migrate import plan_migration
from .model import Schema
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


def publish(ws: Workspace, schema: Schema, *, note: str = "") -> PublishResult:
    """Publish ``schema`` as the next version of its name, migrating existing annotations."""
    conn = ws.reader()
    parent = _check(conn, ws, schema)
    if parent is not None and schema.parent_version is None:
        schema = schema.model_copy(update={"parent_version": parent.version})
    diff = diff_schemas(parent, schema) if parent is not None else None
    versions = {p.schema.version: p.schema for p in list_versions(conn, schema.name)}
    plan = plan_migration(conn, versions, schema)
    drafts = [
        EventDraft(
            type="annotation.revised", payload={"annotations": m.annotations, "note": m.note},
            actor=ws.profile.name, role=ws.profile.role, subject=Subject(m.item_id),
            base=(m.base,), schema_ref=schema.ref,
        )
        for m in plan.mapped
    ]  # fmt: skip
    flags = [RecheckFlag(item=item, reason=reason) for item, reason in plan.flagged]
    payload = SchemaPublished(
        name=schema.name, version=schema.version, parent_version=schema.parent_version,
        definition=schema.to_json(), note=note, recheck=flags,
    )  # fmt: skip
    # the publish event goes last, so its (hlc, hash) key follows the renaming revisions
    events = ws.append([*drafts, ws.draft("schema.published", payload, schema_ref=schema.ref)])
    migrated = [m.item_id for m in plan.mapped]
    return PublishResult(schema, events[-1], diff, migrated, [f.item for f in flags])
