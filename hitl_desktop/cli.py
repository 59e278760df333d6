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


models_app = typer.Typer(
    help="The model registry: models the app may run, each an id name@weights-hash.",
    no_args_is_help=True, rich_markup_mode=None,
)  # fmt: skip
app.add_typer(models_app, name="models")


def _label_set(path: Path | None) -> Any:
    if path is None:
        return None
    from .prelabel import PrelabelError, load_label_set

    try:
        return load_label_set(path)
    except PrelabelError as exc:
        _fail(str(exc), 2)


def _item_ids(ws: Workspace, prefixes: list[str] | None) -> list[str] | None:
    if not prefixes:
        return None
    ids = []
    for prefix in prefixes:
        found = queries.find_item_id(ws.reader(), prefix)
        if found is None:
            _fail(f"no single item matches {prefix!r}")
        ids.append(found)
    return ids


@models_app.command("list")
def models_list(json_: JsonOpt = False) -> None:
    """List registered models: id, kind, task, labels and metrics."""
    from .prelabel import list_models

    ws = _open(readonly=True)
    with ws:
        records = list_models(ws)
    for r in records:
        if json_:
            _print_json(r.to_json())
            continue
        metrics = r.metrics
        score = f"  macro-F1 {metrics['macro_f1']:.3f}" if "macro_f1" in metrics else ""
        labels = f"  [{', '.join(r.labels)}]" if r.labels else ""
        typer.echo(f"{r.id:<40} {r.kind:<18} {r.task:<24}{labels}{score}")
    if not records and not json_:
        typer.echo("No models registered; add one with `hitl models add FOLDER`.")


@models_app.command("add")
def models_add(
    path: Annotated[
        Path,
        typer.Argument(help="Model folder (Hugging Face or sentence-embedding) or .onnx file."),
    ],
    name: Annotated[str | None, typer.Option(help="Model name (default: the folder name).")] = None,
    task: Annotated[
        str | None,
        typer.Option(
            help="text-classification, token-classification, zero-shot-classification, sentence-embedding…"
        ),
    ] = None,
    labels: Annotated[
        Path | None, typer.Option(help="Label set JSON file (names and descriptions).")
    ] = None,
    trust: Annotated[
        list[str],
        typer.Option("--trust", help="SHA-256 of a pickle/joblib file you trust (repeatable)."),
    ] = [],  # noqa: B006
    json_: JsonOpt = False,
) -> None:
    """Check a local model and register it (a `model.registered` event); nothing is downloaded."""
    from .prelabel import PrelabelError, add_model

    label_set = _label_set(labels)
    ws = _open(readonly=False)
    with ws:
        try:
            record = add_model(ws, path, name=name, task=task, label_set=label_set, trust=trust)
        except PrelabelError as exc:
            _fail(str(exc))
    if json_:
        _print_json(record.to_json())
    else:
        typer.echo(f"Registered {record.id} ({record.kind}, {record.task})")


@app.command()
def prelabel(
    items: Annotated[
        list[str] | None,
        typer.Argument(help="Item ids or unique prefixes (default: every text item)."),
    ] = None,
    model: Annotated[
        str, typer.Option(help="Model id, unique id prefix, or name (its latest version).")
    ] = ...,  # type: ignore[assignment]
    labels: Annotated[
        Path | None, typer.Option(help="Label set JSON (zero-shot models need one).")
    ] = None,
    device: Annotated[str, typer.Option(help="auto, cpu or cuda.")] = "auto",
    force: Annotated[
        bool, typer.Option(help="Pre-label again items this model already did.")
    ] = False,
    json_: JsonOpt = False,
) -> None:
    """Pre-label text items with a registered model; each suggestion is a `prelabel.made` event."""
    from .prelabel import PrelabelError, load_prelabeller, run_prelabel, text_items

    label_set = _label_set(labels)
    ws = _open(readonly=False)
    with ws:
        targets = text_items(ws, _item_ids(ws, items))
        if not targets:
            _fail("no text items to pre-label; import text files or CSV/TSV rows first")
        try:
            runner = load_prelabeller(ws, model, label_set=label_set, device=device)
        except (PrelabelError, ValueError) as exc:
            _fail(str(exc))
        if runner.notice:
            typer.echo(f"note: {runner.notice}", err=True)
        show = _progress(f"pre-labelling ({runner.device})")
        try:
            report = run_prelabel(ws, runner, targets, force=force,
                                  progress=(lambda d, t, _: show(d, t)) if show else None)  # fmt: skip
        except KeyboardInterrupt:
            _fail(
                "pre-labelling interrupted; items done so far are kept, run it again to continue",
                130,
            )
    if json_:
        _print_json(report.to_json())
    else:
        for item_id, reason in report.failed:
            typer.echo(f"failed  {item_id}  {reason}", err=True)
        typer.echo(report.summary())
    if report.failed:
        raise typer.Exit(3)


@app.command("train-head")
def train_head_(
    labels: Annotated[Path, typer.Option(help="Label set JSON file: the labels to learn.")],
    field: Annotated[str, typer.Option(help="CSV/TSV column holding the human labels.")] = "Label",
    embedder: Annotated[
        str | None,
        typer.Option(
            help="Sentence-embedding model id (default: the registered one, else the bundled all-MiniLM-L6-v2)."
        ),
    ] = None,
    name: Annotated[
        str | None, typer.Option(help="Name of the head (default: LABELSET-head).")
    ] = None,
    held_out: Annotated[
        float, typer.Option(min=0.05, max=0.5, help="Fraction kept out of training to measure it.")
    ] = 0.2,
    seed: Annotated[int, typer.Option(help="Seed of the held-out split.")] = 0,
    device: Annotated[str, typer.Option(help="auto, cpu or cuda.")] = "auto",
    json_: JsonOpt = False,
) -> None:
    """Train a classifier head on labelled text items, measure it, register it as a model."""
    from .prelabel import PrelabelError, field_labels, read_text, text_items
    from .prelabel.embed import SentenceEmbedder
    from .prelabel.head import train_head
    from .prelabel.registry import default_embedder

    label_set = _label_set(labels)
    ws = _open(readonly=False)
    with ws:
        gold = field_labels(ws, field)
        known = {k: v for k, v in gold.items() if v in label_set.names}
        if len(known) < 10:
            _fail(
                f"only {len(known)} text items have a {field!r} value in {label_set.ref}; need 10 or more"
            )
        if len(known) < len(gold):
            typer.echo(
                f"note: {len(gold) - len(known)} items have labels outside {label_set.ref}; left out",
                err=True,
            )
        try:
            record, new = default_embedder(ws, embedder)
            if new:
                typer.echo(f"note: registered the bundled embedding model as {record.id}", err=True)
            emb = SentenceEmbedder.from_record(record, device=device)
            targets = text_items(ws, list(known))
            texts = [read_text(ws, it) for it in targets]
            result = train_head(ws, emb, texts, [known[it.id] for it in targets], held_out, seed,
                                name=name or f"{label_set.name}-head", label_set=label_set)  # fmt: skip
        except (PrelabelError, ValueError) as exc:
            _fail(str(exc))
    m = result.metrics
    head_id = result.record.id if result.record else ""
    if json_:
        _print_json({"model_id": head_id, "base_model": record.id, "metrics": m})
        return
    typer.echo(
        f"Registered {head_id} on {record.id}: trained on {m['n_train']}, measured on {m['n_held_out']}"
    )
    typer.echo(f"  accuracy {m['accuracy']:.3f}  macro-F1 {m['macro_f1']:.3f}")
    for label, f1 in m["per_label_f1"].items():
        typer.echo(f"  F1 {label:<20} {f1:.3f}")


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
