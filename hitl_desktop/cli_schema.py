"""`hitl schema`: publish label schema versions, show them, diff them, list the re-check queue."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .cli_common import JsonOpt, _fail, _open, _print_json, app
from .schema import (
    Published,
    SchemaError,
    diff_schemas,
    get_schema,
    list_versions,
    load_schema,
    publish,
    recheck_queue,
    workspace_problems,
)
from .workspace import Workspace

if TYPE_CHECKING:
    from .prelabel.labels import LabelSet

schema_app = typer.Typer(
    help="Label schemas: tasks, labels, hotkeys and attributes, published as versions.",
    no_args_is_help=True, rich_markup_mode=None,
)  # fmt: skip
app.add_typer(schema_app, name="schema")


def _only_name(ws: Workspace, name: str | None) -> str:
    """``name``, or the workspace's only schema when none is given."""
    if name:
        return name
    names = sorted({p.schema.name for p in list_versions(ws.reader())})
    if len(names) != 1:
        _fail("no schema published yet; publish one with `hitl schema publish FILE`" if not names
              else f"several schemas are published ({', '.join(names)}); name one")  # fmt: skip
    return names[0]


def _get(ws: Workspace, name: str, version: int | None) -> Published:
    try:
        return get_schema(ws.reader(), name, version)
    except SchemaError as exc:
        _fail(str(exc))


@schema_app.command("publish")
def schema_publish(
    file: Annotated[Path, typer.Argument(help="Schema file: JSON, or YAML (.yaml/.yml).")],
    note: Annotated[str, typer.Option(help="What changed and why (kept with the version).")] = "",
    json_: JsonOpt = False,
) -> None:
    """Publish FILE as the next version of its schema (experts and admins only).

    Labels it renames are mapped on every item by new revisions; items using labels it
    removes are flagged for re-check (`hitl schema recheck`)."""
    try:
        schema = load_schema(file)
    except SchemaError as exc:
        _fail(str(exc), 2)
    with _open(readonly=False) as ws:
        try:
            result = publish(ws, schema, note=note)
        except SchemaError as exc:
            _fail(str(exc))
    if json_:
        _print_json({"ref": result.schema.ref, "event": result.event.hash,
                     "migrated": result.migrated, "flagged": result.flagged,
                     "diff": result.diff.to_json() if result.diff else None})  # fmt: skip
        return
    typer.echo(f"Published {result.schema.ref} ({result.event.hash[:12]})")
    if result.diff is not None:
        typer.echo(result.diff.text())
    typer.echo(f"{len(result.migrated)} item(s) mapped to renamed labels, "
               f"{len(result.flagged)} flagged for re-check")  # fmt: skip


@schema_app.command("show")
def schema_show(
    name: Annotated[str | None, typer.Argument(help="Schema name (default: the only one).")] = None,
    version: Annotated[int | None, typer.Option(help="Version (default: latest).")] = None,
    json_: JsonOpt = False,
) -> None:
    """Show a published version: tasks, labels with hotkeys and colours, instructions."""
    with _open(readonly=True) as ws:
        found = _get(ws, _only_name(ws, name), version)
    s = found.schema
    if json_:
        _print_json(s.to_json())
        return
    parent = f", parent v{s.parent_version}" if s.parent_version else ""
    typer.echo(f"{s.ref}{parent}, published by {found.actor} ({found.role})"
               + (f": {found.note}" if found.note else ""))  # fmt: skip
    typer.echo(f"review: overlap {s.review.overlap}, agreement {s.review.agreement}")
    for t in s.tasks:
        typer.echo(f"task {t.name} ({t.kind})")
        for lb in t.labels:
            key = f"[{lb.hotkey}] " if lb.hotkey else "    "
            attrs = ", ".join(f"{a.name}:{a.type}{'*' if a.required else ''}"
                              for a in lb.attributes)  # fmt: skip
            typer.echo(f"  {key}{lb.name} {lb.colour}" + (f" - {lb.description}"
                       if lb.description else "") + (f" ({attrs})" if attrs else ""))  # fmt: skip
    if s.instructions:
        typer.echo("\n" + s.instructions)


@schema_app.command("diff")
def schema_diff(
    name: Annotated[str, typer.Argument(help="Schema name.")],
    old: Annotated[int, typer.Argument(help="The older version.")],
    new: Annotated[int, typer.Argument(help="The newer version.")],
    json_: JsonOpt = False,
) -> None:
    """What changed between two versions: added, removed, renamed and changed labels."""
    with _open(readonly=True) as ws:
        a, b = _get(ws, name, old), _get(ws, name, new)
    d = diff_schemas(a.schema, b.schema)
    if json_:
        _print_json(d.to_json())
    else:
        typer.echo(d.text())


@schema_app.command("list")
def schema_list(json_: JsonOpt = False) -> None:
    """Every published version, with who published it and the change note."""
    with _open(readonly=True) as ws:
        versions = list_versions(ws.reader())
    if not versions:
        typer.echo("no schema published yet", err=True)
    for p in versions:
        if json_:
            _print_json({"name": p.schema.name, "version": p.schema.version, "note": p.note,
                         "actor": p.actor, "role": p.role, "event": p.hash})  # fmt: skip
        else:
            typer.echo(f"{p.schema.ref}\t{p.actor} ({p.role})\t{p.note}")


@schema_app.command("recheck")
def schema_recheck(json_: JsonOpt = False) -> None:
    """Items flagged "needs re-check" (they use removed labels) not saved again since."""
    with _open(readonly=True) as ws:
        queue = recheck_queue(ws.reader())
    for q in queue:
        if json_:
            _print_json({"item": q.item_id, "schema_ref": q.schema_ref, "reason": q.reason})
        else:
            typer.echo(f"{q.item_id}\t{q.schema_ref}\t{q.reason}")


@schema_app.command("check")
def schema_check(json_: JsonOpt = False) -> None:
    """Check every item's latest revision against the schema version it was saved under.

    Exits 1 when any annotation breaks its schema (unknown label, missing attribute…)."""
    with _open(readonly=True) as ws:
        try:
            problems = workspace_problems(ws.reader())
        except SchemaError as exc:
            _fail(str(exc))
    for item, ref, problem in problems:
        if json_:
            _print_json({"item": item, "schema_ref": ref, "problem": problem})
        else:
            typer.echo(f"{item}\t{ref}\t{problem}")
    if problems:
        raise typer.Exit(1)


def published_label_set(ref: str) -> LabelSet:
    """``--labels forms@2[:task]`` of the pre-label commands: a published schema's task."""
    from .schema.labelsets import label_set_from_ref

    with _open(readonly=True) as ws:
        try:
            return label_set_from_ref(ws.reader(), ref)
        except SchemaError as exc:
            _fail(str(exc), 2)
