"""The `hitl` command: headless twins of the GUI's jobs. `hitl` alone opens the GUI."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from . import __version__
from .workspace import (
    ROLES,
    Cancelled,
    CancelToken,
    Profile,
    Workspace,
    WorkspaceError,
    default_workspace_dir,
    queries,
)  # fmt: skip

app = typer.Typer(
    name="hitl",
    help="HITL Desktop: offline-first human-in-the-loop labelling with a verifiable lineage log.\n\n"
    "Run `hitl` with no command to open the desktop app.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

WorkspaceOpt = Annotated[
    Path | None,
    typer.Option(
        "--workspace", "-w", envvar="HITL_WORKSPACE", show_envvar=True,
        help="Workspace folder (default: a folder under your user data directory).",
    ),
]  # fmt: skip
JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print JSON (one object per line for lists).")
]


class _State:
    workspace: Path | None = None


state = _State()


def _fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _path() -> Path:
    return state.workspace or default_workspace_dir()


def _open(readonly: bool) -> Workspace:
    try:
        return Workspace.open(_path(), readonly=readonly)
    except WorkspaceError as exc:
        _fail(str(exc))


def _print_json(obj: Any) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False, sort_keys=True))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hitl {__version__}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    workspace: WorkspaceOpt = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    state.workspace = workspace
    if ctx.invoked_subcommand is None:
        ctx.invoke(gui)


@app.command()
def init(
    directory: Annotated[
        Path | None,
        typer.Argument(help="Folder to create (default: --workspace or the default folder)."),
    ] = None,
    name: Annotated[str, typer.Option(help="Workspace name shown in the app.")] = "",
    user: Annotated[
        str, typer.Option(help="Your name, recorded as the actor of your events.")
    ] = "",
    role: Annotated[str, typer.Option(help=f"Your role: {', '.join(ROLES)}.")] = "admin",
) -> None:
    """Create a workspace: its database, blob store, and this device's signed chain."""
    path = directory or _path()
    if role not in ROLES:
        _fail(f"unknown role {role!r}; choose one of {', '.join(ROLES)}", 2)
    profile = Profile(user or Profile.default().name, role)
    try:
        ws = Workspace.create(path, name=name or path.name, profile=profile)
    except WorkspaceError as exc:
        _fail(str(exc))
    with ws:
        typer.echo(f"Created workspace {ws.name!r} in {path}")
        typer.echo(f"  project  {ws.project_id}")
        typer.echo(f"  device   {ws.device_id} (key in the OS keyring)")
        typer.echo(f"  you      {profile.name} ({profile.role})")


@app.command()
def info(json_: JsonOpt = False) -> None:
    """Show the workspace: project, device, counts."""
    ws = _open(readonly=True)
    with ws:
        conn = ws.reader()
        data = {
            "path": str(ws.path),
            "name": ws.name,
            "project_id": ws.project_id,
            "events": queries.event_count(conn),
            "items": queries.status_counts(conn),
            "profile": asdict(ws.profile),
        }
    if json_:
        _print_json(data)
        return
    typer.echo(f"{data['name']}  ({data['path']})")
    typer.echo(f"  project {data['project_id']}, {data['events']} events")
    counts = data["items"]
    typer.echo("  items   " + (", ".join(f"{v} {k}" for k, v in sorted(counts.items())) or "none"))


@app.command()
def items(
    status: Annotated[str | None, typer.Option(help="Only items with this status.")] = None,
    search: Annotated[
        str | None, typer.Option(help="Only names or sources containing this.")
    ] = None,
    include_retired: Annotated[bool, typer.Option(help="Also list retired items.")] = False,
    limit: Annotated[int, typer.Option(min=1)] = 100,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    json_: JsonOpt = False,
) -> None:
    """List items (the `items` projection); retired items only when asked for."""
    ws = _open(readonly=True)
    with ws:
        f = queries.ItemFilter(status, search, include_retired=include_retired)
        rows = queries.page_items(ws.reader(), f, offset, limit)
    for r in rows:
        if json_:
            _print_json(asdict(r))
        else:
            typer.echo(f"{r.id}  {r.status:<9}  {r.kind:<9}  {r.name}  [{r.source}]")


@app.command()
def log(
    item: Annotated[
        str | None,
        typer.Option(help="Only this item's history (id or unique prefix), in causal order."),
    ] = None,
    type_: Annotated[str | None, typer.Option("--type", help="Only events of this type.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    json_: JsonOpt = False,
) -> None:
    """Show the lineage log, newest first (or one item's history, oldest first)."""
    ws = _open(readonly=True)
    with ws:
        conn = ws.reader()
        if item:
            item_id = queries.find_item_id(conn, item)
            if item_id is None:
                _fail(f"no single item matches {item!r}")
            entries = queries.item_history(conn, item_id)
            if type_:
                entries = [e for e in entries if e.type == type_]
        else:
            entries = queries.log_entries(conn, type_=type_, limit=limit)
    for e in entries:
        if json_:
            _print_json(asdict(e))
        else:
            subject = f" item {e.subject_item[:13]}" if e.subject_item else ""
            seal = " signed" if e.signed else ""
            typer.echo(
                f"{e.seq:>7}  {e.wall_time}  {e.type:<20} {e.actor} ({e.role})"
                f"{subject}  {e.device_id[:9]}#{e.device_seq}  {e.hash[:12]}{seal}"
            )


def _progress(label: str) -> Any:
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int) -> None:
        pct = 100 * done // total if total else 100
        end = "\n" if done >= total else ""
        print(f"\r{label}: {done:,}/{total:,} ({pct}%)", end=end, file=sys.stderr, flush=True)

    return report


@app.command()
def verify(
    json_: JsonOpt = False,
    fast: Annotated[bool, typer.Option(help="Skip the canonical-form check of each body.")] = False,
) -> None:
    """Check every event's hash, chain, signature and seal. Exit 1 naming each bad event."""
    ws = _open(readonly=True)
    cancel = CancelToken()
    try:
        with ws:
            report = ws.verify(strict=not fast, progress=_progress("verifying"), cancel=cancel)
    except KeyboardInterrupt:
        _fail("verification cancelled", 130)
    except Cancelled:
        _fail("verification cancelled", 130)
    except WorkspaceError as exc:
        _fail(str(exc))
    if json_:
        _print_json({
            "ok": report.ok, "events": report.events, "devices": report.devices,
            "signatures": report.signatures, "problems_total": report.problems_total,
            "problems": [asdict(p) | {"message": str(p)} for p in report.problems],
        })  # fmt: skip
    elif report.ok:
        typer.echo(
            f"OK: {report.events:,} events from {report.devices} device(s) verify; "
            f"{report.signatures:,} signatures checked."
        )
    else:
        typer.echo(
            f"FAILED: {report.problems_total} problem(s) in {report.events:,} events:", err=True
        )
        for p in report.problems:
            typer.echo(f"  {p}", err=True)
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def rebuild(json_: JsonOpt = False) -> None:
    """Drop all projections and replay the log; report whether the result is identical."""
    ws = _open(readonly=False)
    cancel = CancelToken()
    try:
        with ws:
            result = ws.rebuild(progress=_progress("replaying"), cancel=cancel)
    except (KeyboardInterrupt, Cancelled):
        _fail("rebuild cancelled; the projections are unchanged", 130)
    except WorkspaceError as exc:
        _fail(str(exc))
    if json_:
        _print_json({"events": result.events, "identical": result.identical,
                     "before": result.before, "after": result.after})  # fmt: skip
    else:
        typer.echo(f"Replayed {result.events:,} events.")
        for table, digest in result.after.items():
            same = "identical" if result.before.get(table) == digest else "CHANGED"
            typer.echo(f"  {table:<14} {digest[:16]}  {same}")
    if not result.identical:
        typer.echo("The rebuilt projections differ from the ones kept incrementally.", err=True)
        raise typer.Exit(1)


def _import_options(**kw: Any) -> Any:
    from .ingest import ImportOptions

    return ImportOptions(**{k: v for k, v in kw.items() if v is not None})


TagOpt = Annotated[list[str], typer.Option("--tag", help="Free tag (repeatable).")]
PrivacyOpt = Annotated[
    list[str],
    typer.Option("--privacy", help="Privacy flag such as personal-data, faces (repeatable)."),
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


@app.command()
def ocr(
    items: Annotated[list[str] | None, typer.Argument(help="Item ids or unique prefixes (default: every page and image).")] = None,
    engine: Annotated[str, typer.Option(help="OCR engine: rapidocr (PP-OCRv6) or tesseract.")] = "rapidocr",
    device: Annotated[str, typer.Option(help="auto, cpu or cuda.")] = "auto",
    cls: Annotated[bool, typer.Option("--cls", help="Use the orientation classifier (rotated photos).")] = False,
    det_model: Annotated[Path | None, typer.Option(help="Local detection model (.onnx) instead of the shipped one.")] = None,
    rec_model: Annotated[Path | None, typer.Option(help="Local recognition model (.onnx).")] = None,
    force: Annotated[bool, typer.Option(help="Read again pages this engine and model already read.")] = False,
    json_: JsonOpt = False,
) -> None:
    """Run OCR on page and image items; each page read is an `ocr.ran` event naming the engine."""
    from .ocr import OcrError, make_engine, page_items, run_ocr

    ws = _open(readonly=False)
    with ws:
        ids = None
        if items:
            ids = []
            for prefix in items:
                found = queries.find_item_id(ws.reader(), prefix)
                if found is None:
                    _fail(f"no single item matches {prefix!r}")
                ids.append(found)
        targets = page_items(ws, ids)
        if not targets:
            _fail("no image or page items to read; import scans or images first")
        options: dict[str, Any] = {"use_cls": cls} if engine == "rapidocr" else {}
        if det_model or rec_model:
            options |= {"det_model": det_model, "rec_model": rec_model}
        try:
            eng = make_engine(engine, device=device, **options)
        except OcrError as exc:
            _fail(str(exc))
        if getattr(eng, "notice", ""):
            typer.echo(f"note: {eng.notice}", err=True)
        show = _progress(f"OCR ({eng.info.device})")
        try:
            report = run_ocr(ws, eng, targets, force=force, progress=(lambda d, t, _: show(d, t)) if show else None)
        except KeyboardInterrupt:
            _fail("OCR interrupted; pages read so far are kept, run it again to continue", 130)
    if json_:
        _print_json({"device": report.device, "done": report.done, "skipped": report.skipped,
                     "failed": report.failed, "summary": report.summary()})  # fmt: skip
    else:
        for item_id, reason in report.failed:
            typer.echo(f"failed  {item_id}  {reason}", err=True)
        typer.echo(report.summary())
    if report.failed:
        raise typer.Exit(3)


@app.command()
def gui(
    readonly: Annotated[bool, typer.Option("--read-only", help="Open without writing.")] = False,
    screenshot: Annotated[
        Path | None, typer.Option(help="Render the main window to this PNG and exit.")
    ] = None,
) -> None:
    """Open the desktop app on the workspace."""
    try:
        from .gui.app import run_gui
    except ImportError as exc:
        _fail(f"the desktop app needs PySide6 ({exc}); the command line works without it")
    path = _path()
    if state.workspace is None and not (path / "workspace.db").exists():
        # first start with no workspace named: make the default one rather than an error box
        try:
            Workspace.create(path, name="My workspace").close()
        except WorkspaceError as exc:
            _fail(str(exc))
        typer.echo(f"Created your workspace in {path}", err=True)
    raise typer.Exit(run_gui(path, readonly=readonly, screenshot=screenshot))


@app.command()
def demo(directory: Annotated[Path, typer.Argument(help="Folder for the demo workspace.")]) -> None:
    """Create a demo workspace with generated sample pages and multilingual texts."""
    from .demo import create_demo_workspace

    try:
        create_demo_workspace(directory).close()
    except WorkspaceError as exc:
        _fail(str(exc))
    typer.echo(f"Created a demo workspace in {directory}")


def main() -> None:
    app()
