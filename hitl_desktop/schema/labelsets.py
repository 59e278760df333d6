"""A published schema task as a pre-label label set (``hitl prelabel --labels forms@2``)."""

from __future__ import annotations

import sqlite3

from ..prelabel.labels import LabelSet
from .errors import SchemaError
from .store import get_schema, parse_ref

__all__ = ["label_set_from_ref"]


def label_set_from_ref(conn: sqlite3.Connection, ref: str) -> LabelSet:
    """``name@version`` (or ``name@version:task``) as a label set named like the schema.

    Pre-labels made with it record ``name@version`` as their schema_ref, so the revisions
    saved from them name the schema version and take part in later migrations.
    """
    ref, _, task_name = ref.partition(":")
    name, version = parse_ref(ref)
    schema = get_schema(conn, name, version).schema
    if task_name:
        task = schema.task(task_name)
        if task is None:
            raise SchemaError(f"schema {schema.ref} has no task {task_name!r}; tasks: "
                              f"{', '.join(t.name for t in schema.tasks)}")  # fmt: skip
    elif len(schema.tasks) == 1:
        task = schema.tasks[0]
    else:
        raise SchemaError(f"schema {schema.ref} has several tasks; name one, e.g. "
                          f"{schema.ref}:{schema.tasks[0].name}")  # fmt: skip
    if len(task.labels) < 2:
        raise SchemaError(f"task {task.name!r} of {schema.ref} has one label; a label set "
                          "needs two or more")  # fmt: skip
    labels = [{"name": lb.name, "description": lb.description} for lb in task.labels]
    return LabelSet.model_validate({"name": schema.name, "version": schema.version,
                                    "labels": labels})  # fmt: skip
