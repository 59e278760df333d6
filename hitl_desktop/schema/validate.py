"""Checking annotations against a schema version, with one precise message per problem."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence

from ..annotate import Annotation, AttrValue, Classification
from .model import Attribute, Label, Schema, Task

__all__ = ["annotation_problems", "revision_problems", "workspace_problems"]


def _attribute_problem(a: Attribute, value: AttrValue) -> str | None:
    if a.type == "boolean" and not isinstance(value, bool):
        return f"attribute {a.name!r} must be true or false, got {value!r}"
    if a.type == "number" and (
        isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value)
    ):
        return f"attribute {a.name!r} must be a number, got {value!r}"
    if a.type == "text" and not isinstance(value, str):
        return f"attribute {a.name!r} must be text, got {value!r}"
    if a.type == "choice" and value not in a.choices:
        return f"attribute {a.name!r} must be one of {', '.join(a.choices)}; got {value!r}"
    return None


def _label_problems(label: Label, ann: Annotation) -> list[str]:
    out = []
    known = {a.name: a for a in label.attributes}
    for a in label.attributes:
        if a.required and a.name not in ann.attributes:
            out.append(f"label {label.name!r} requires attribute {a.name!r}")
    for key, value in ann.attributes.items():
        spec = known.get(key)
        if spec is None:
            out.append(f"label {label.name!r} has no attribute {key!r}")
        elif (problem := _attribute_problem(spec, value)) is not None:
            out.append(problem)
    return out


def _find(tasks: Sequence[Task], name: str) -> Label | None:
    return next((lb for t in tasks if (lb := t.label(name)) is not None), None)


def annotation_problems(schema: Schema, ann: Annotation) -> list[str]:
    """What is wrong with ``ann`` under ``schema``; empty when it conforms.

    Each message starts with the annotation's kind and id, so a list of them reads alone.
    """
    tasks = schema.tasks_for(ann.kind)
    head = f"{ann.kind} annotation {ann.id}"
    if not tasks:
        return [f"{head}: schema {schema.ref} has no task for {ann.kind} annotations"]
    names = ann.shape.labels if isinstance(ann.shape, Classification) else (ann.label,)
    out = []
    single = all(t.kind == "classification_single" for t in tasks)
    if isinstance(ann.shape, Classification) and len(names) > 1 and single:
        out.append(f"{head}: a single-label classification holds {len(names)} labels")
    for name in names:
        label = _find(tasks, name)
        if label is None:
            known = sorted({lb.name for t in tasks for lb in t.labels})
            out.append(f"{head}: label {name!r} is not in schema {schema.ref} "
                       f"(known: {', '.join(known)})")  # fmt: skip
            continue
        out += [f"{head}: {p}" for p in _label_problems(label, ann)]
    return out


def revision_problems(schema: Schema, annotations: Sequence[Annotation]) -> list[str]:
    """Every problem of every annotation of a revision, in order."""
    return [p for ann in annotations for p in annotation_problems(schema, ann)]


def workspace_problems(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(item id, schema ref, problem) for every latest revision saved under a published schema."""
    from ..annotate import InvalidAnnotation, annotations_from_json, revisions
    from .store import get_schema, parse_ref

    schemas: dict[str, Schema] = {}
    out = []
    rows = conn.execute(
        """SELECT h.item_id, h.hash, r.schema_ref FROM annotation_heads h
           JOIN annotation_revisions r ON r.hash = h.hash
           JOIN schema_versions v ON r.schema_ref = v.name || '@' || v.version
           ORDER BY h.item_id, h.rev_key"""
    ).fetchall()
    for item_id, head, ref in rows:
        if ref not in schemas:
            schemas[ref] = get_schema(conn, *parse_ref(ref)).schema
        try:
            anns = annotations_from_json(revisions.revision_payload(conn, head)["annotations"])
        except InvalidAnnotation as exc:
            out.append((item_id, ref, f"revision {head[:12]} is unreadable: {exc}"))
            continue
        out += [(item_id, ref, p) for p in revision_problems(schemas[ref], anns)]
    return out
