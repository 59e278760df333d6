"""`hitl import`, `watch` and `retire`: data into the workspace, and stale data out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from .cli_common import (
    JsonOpt,
    _fail,
    _open,
    _print_json,
    _progress,
    app,
)  # fmt: skip
from .workspace import (
    CancelToken,
    WorkspaceError,
    queries,
)  # fmt: skip


def _import_options(**kw: Any) -> Any:
    from .ingest import ImportOptions

    return ImportOptions(**{k: v for k, v in kw.items() if v is not None})


TagOpt = Annotated[list[str], typer.Option("--tag", help="Free tag (repeatable).")]
PrivacyOpt = Annotated[
    list[str],
    typer.Option(
        "--privacy",
        help="Privacy marker (repeatable): local-only (files never leave this device; "
        "events sync with the hash only), restricted:ROLE[+ROLE] (the server gives "
        "the files only to those roles and admins), or a description such as "
        "personal-data, faces.",
    ),
]


@app.command("import")
def import_(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (walked recursively).")],
    source: Annotated[str, typer.Option(help="Source name: where this data comes from.")] = "",
    collector: Annotated[str, typer.Option(help="Who collected the data.")] = "",
    device: Annotated[str, typer.Option(help="Capture device (scanner, phone…).")] = "",
    licence: Annotated[str, typer.Option(help="Licence of the data.")] = "",
    consent: Annotated[
        bool | None, typer.Option("--consent/--no-consent", help="Whether consent was given.")
    ] = None,
    tag: TagOpt = [],  # noqa: B006 - typer reads the default
    privacy: PrivacyOpt = [],  # noqa: B006
    dpi: Annotated[int, typer.Option(min=36, max=1200, help="Resolution for PDF pages.")] = 200,
    max_pixels: Annotated[
        int | None, typer.Option(help="Refuse images with more pixels (decompression bombs).")
    ] = None,
    max_pdf_pages: Annotated[int | None, typer.Option(help="Refuse PDFs with more pages.")] = None,
    text_column: Annotated[
        str | None, typer.Option(help="CSV/TSV column holding the text (name or index).")
    ] = None,
    jsonl_field: Annotated[str | None, typer.Option(help="JSONL field holding the text.")] = None,
    workers: Annotated[int, typer.Option(min=0, help="Decoding processes (0: one per core).")] = 0,
    json_: JsonOpt = False,
) -> None:
    """Import files: each gets a line in the report (imported, duplicate, sighting, refused)."""
    from .ingest import import_paths

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        _fail(f"not found: {', '.join(missing)}")
    options = _import_options(
        source=source, collector=collector, device=device, licence=licence, consent=consent,
        tags=tuple(tag), privacy=tuple(privacy), dpi=dpi, max_pixels=max_pixels,
        max_pdf_pages=max_pdf_pages, text_column=text_column, jsonl_field=jsonl_field, workers=workers,
    )  # fmt: skip
    ws = _open(readonly=False)
    cancel = CancelToken()
    show = _progress("importing")
    try:
        with ws:
            report = import_paths(
                ws,
                paths,
                options,
                progress=(lambda d, t, _: show(d, t)) if show else None,
                cancel=cancel,
            )
    except KeyboardInterrupt:
        _fail(
            "import interrupted; files committed so far are kept, run the same import again to resume",
            130,
        )
    except WorkspaceError as exc:
        _fail(str(exc))
    if json_:
        _print_json(report.to_json())
    else:
        for f in report.files:
            extra = f" ({f.parts} pages/rows)" if f.parts else ""
            why = f": {f.reason}" if f.reason and f.status != "imported" else ""
            typer.echo(f"{f.status:<13} {f.path}{extra}{why}")
            for note in f.notes:
                typer.echo(f"{'':<13}   note: {note}")
            if f.near_duplicates:
                typer.echo(
                    f"{'':<13}   near-duplicate of {len(f.near_duplicates)} item(s), e.g. {f.near_duplicates[0]}"
                )
        typer.echo(report.summary())
    if report.counts().get("refused"):
        raise typer.Exit(3)


@app.command()
def watch(
    folder: Annotated[Path, typer.Argument(help="Folder to watch.")],
    source: Annotated[str, typer.Option(help="Source name for everything imported.")] = "",
    interval: Annotated[float, typer.Option(min=0.1, help="Seconds between scans.")] = 2.0,
    tag: TagOpt = [],  # noqa: B006
) -> None:
    """Import files as they appear in FOLDER (once their size is stable), until Ctrl-C."""
    import threading

    from .ingest import watch_folder

    if not folder.is_dir():
        _fail(f"{folder} is not a folder")
    ws = _open(readonly=False)
    stop = threading.Event()

    def show(report: Any) -> None:
        for f in report.files:
            typer.echo(f"{f.status:<13} {f.path}" + (f": {f.reason}" if f.reason else ""))

    typer.echo(f"Watching {folder} (Ctrl-C to stop)…", err=True)
    try:
        with ws:
            watch_folder(ws, folder, _import_options(source=source, tags=tuple(tag), workers=1),
                         stop=stop, interval=interval, on_report=show)  # fmt: skip
    except KeyboardInterrupt:
        stop.set()
        typer.echo("Stopped.", err=True)


@app.command()
def retire(
    source: Annotated[str | None, typer.Option(help="Retire every item of this source.")] = None,
    item: Annotated[str | None, typer.Option(help="Retire one item (id or unique prefix).")] = None,
    reason: Annotated[str, typer.Option(help="Why (kept in the log).")] = "",
    restore: Annotated[
        bool, typer.Option("--restore", help="Bring retired data back instead.")
    ] = False,
) -> None:
    """Retire stale data: it leaves work queues and exports; its history stays."""
    from .ingest import UnknownSource, retire_item, retire_source

    if (source is None) == (item is None):
        _fail("give exactly one of --source or --item", 2)
    ws = _open(readonly=False)
    verb = "Restored" if restore else "Retired"
    with ws:
        if source is not None:
            try:
                n = retire_source(ws, source, reason, restore=restore)
            except UnknownSource as exc:
                _fail(str(exc))
            typer.echo(f"{verb} source {source!r} ({n} items).")
        else:
            item_id = queries.find_item_id(ws.reader(), item or "")
            if item_id is None:
                _fail(f"no single item matches {item!r}")
            retire_item(ws, item_id, reason, restore=restore)
            typer.echo(f"{verb} item {item_id}.")
