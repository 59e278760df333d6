"""`hitl export`, `hitl verify-export` and `hitl approve-export`: datasets for training
pipelines, each with a manifest that says exactly what went in, and expert sign-off."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .cli_common import JsonOpt, _fail, _open, _path, _print_json, _progress, app
from .workspace import Workspace, WorkspaceError

if TYPE_CHECKING:
    from .exchange.approve import Approval

_FORMAT_HELP = "coco, yolo, voc, paddleocr, labelstudio, jsonl, conll or csv."


@app.command("export")
def export_cmd(
    format_: Annotated[str, typer.Option("--format", "-f", help=_FORMAT_HELP)],
    out: Annotated[Path, typer.Option("--out", "-o", help="New (or empty) folder to write.")],
    revisions: Annotated[
        str,
        typer.Option(help="adjudicated (review decisions only), latest, or annotator:NAME."),
    ] = "adjudicated",
    split: Annotated[
        str | None,
        typer.Option(help="train/val/test percentages, e.g. 80/10/10 (by a hash of the item)."),
    ] = None,
    include_retired: Annotated[
        bool, typer.Option("--include-retired", help="Export retired items too.")
    ] = False,
    redact: Annotated[
        bool,
        typer.Option(
            "--redact",
            help="Blur regions flagged for redaction (attribute redact, "
            "or label face) in the exported images.",
        ),
    ] = False,
    schema: Annotated[
        str | None, typer.Option(help="Schema version naming the categories, e.g. forms@2.")
    ] = None,
    no_images: Annotated[
        bool,
        typer.Option("--no-images", help="Labels only: name the image files, do not write them."),
    ] = False,
    json_: JsonOpt = False,
) -> None:
    """Export the annotations in a training format, with MANIFEST.json and a lineage event.

    Written to a hidden folder and renamed into place when complete: Ctrl+C leaves nothing.
    """
    from .exchange.export import export
    from .exchange.model import ExportError, ExportOptions, parse_split

    try:
        options = ExportOptions(revisions=revisions, schema=schema, split=parse_split(split),
                                include_retired=include_retired, redact=redact,
                                images=not no_images)  # fmt: skip
    except ExportError as exc:
        _fail(str(exc), 2)
    with _open(readonly=False) as ws:
        try:
            result = export(ws, format_, out, options, progress=_progress("Exporting"))
        except KeyboardInterrupt:
            typer.echo(f"Export cancelled; nothing was written to {out}", err=True)
            raise typer.Exit(130) from None
        except (ExportError, WorkspaceError) as exc:
            _fail(str(exc))
    if json_:
        _print_json(result.to_json())
        return
    for p in result.problems:
        typer.echo(f"note: {p}", err=True)
    typer.echo(f"Exported {result.items} item(s), {result.annotations} annotation(s) as "
               f"{format_} to {out} ({result.files} files)")  # fmt: skip
    typer.echo(f"manifest {result.manifest_sha256}")


def _approvals(manifest_sha: str) -> tuple[list[Approval], str]:
    """Approvals of this manifest in the workspace's log, and what was checked."""
    from .exchange.approve import approvals, export_events

    try:
        ws = Workspace.open(_path(), readonly=True)
    except WorkspaceError as exc:
        return [], f"approval unknown: {exc} (pass --workspace)"
    with ws:
        conn = ws.reader()
        found = approvals(conn, manifest_sha)
        if not found and not export_events(conn, manifest_sha):
            return [], f"approval unknown: the workspace at {ws.path} did not make this export"
        return list(found), ""


@app.command("verify-export")
def verify_export(
    folder: Annotated[Path, typer.Argument(help="The export folder (holding MANIFEST.json).")],
    json_: JsonOpt = False,
) -> None:
    """Check every file of an export against its MANIFEST.json and say who approved it.

    Exit 1 naming each altered, missing or extra file.
    """
    from .exchange.manifest import verify
    from .exchange.model import ExportError

    try:
        checked = verify(folder)
    except ExportError as exc:
        _fail(str(exc))
    found, unknown = _approvals(checked.manifest_sha256)
    if json_:
        _print_json({"ok": checked.ok, "files": checked.files, "problems": checked.problems(),
                     "manifest_sha256": checked.manifest_sha256,
                     "export_sha256": checked.export_sha256,
                     "approvals": [vars(a) for a in found], "approval_unknown": unknown})  # fmt: skip
    else:
        for p in checked.problems():
            typer.echo(f"{p}", err=True)
        if checked.ok:
            typer.echo(f"OK: {checked.files} file(s) match {folder / 'MANIFEST.json'}")
        typer.echo(f"manifest {checked.manifest_sha256}")
        for a in found:
            said = f": {a.note}" if a.note else ""
            typer.echo(f"approved by {a.actor} ({a.role}) at {a.wall_time[:19]}{said}")
        if not found:
            typer.echo(unknown or "not approved")
    if not checked.ok:
        raise typer.Exit(1)


@app.command("approve-export")
def approve_export_cmd(
    folder: Annotated[Path, typer.Argument(help="The export folder (holding MANIFEST.json).")],
    note: Annotated[str, typer.Option(help="Why, or what was checked.")] = "",
) -> None:
    """Approve an export as a dataset version (experts): appends dataset.approved naming
    its manifest hash, after checking every file against the manifest."""
    from .exchange.approve import approve_export
    from .exchange.model import ExportError

    with _open(readonly=False) as ws:
        try:
            event, checked = approve_export(ws, folder, note=note)
        except (ExportError, WorkspaceError) as exc:
            _fail(str(exc))
    typer.echo(f"Approved {folder} (manifest {checked.manifest_sha256[:12]}) as "
               f"{event.actor}; event {event.hash[:12]}")  # fmt: skip
