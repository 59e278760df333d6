"""Label schemas (no Qt): the model, validation of annotations, versions, diffs, migration.

An expert writes a schema (JSON or YAML), publishes it as a ``schema.published`` event;
each later version names its parent. Publishing maps renamed labels by new revisions and
flags items using removed labels for re-check.
"""

from .current import schema_for
from .diff import LabelChange, SchemaDiff, diff_schemas
from .errors import PublishRefused, SchemaError
from .model import (
    ANNOTATION_KINDS,
    TASK_KINDS,
    Attribute,
    Label,
    ReviewPolicy,
    Schema,
    Task,
    load_schema,
    parse_schema,
)
from .publish import PUBLISHER_ROLES, PublishResult, publish
from .store import (
    Published,
    RecheckEntry,
    get_schema,
    latest_versions,
    list_versions,
    parse_ref,
    recheck_queue,
)
from .validate import annotation_problems, revision_problems, workspace_problems

__all__ = [
    "ANNOTATION_KINDS", "PUBLISHER_ROLES", "TASK_KINDS", "Attribute", "Label", "LabelChange",
    "Published", "PublishRefused", "PublishResult", "RecheckEntry", "ReviewPolicy", "Schema",
    "SchemaDiff", "SchemaError", "Task", "annotation_problems", "diff_schemas", "get_schema",
    "latest_versions", "list_versions", "load_schema", "parse_ref", "parse_schema", "publish",
    "recheck_queue", "revision_problems", "schema_for", "workspace_problems",
]  # fmt: skip
