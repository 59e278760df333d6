"""`hitl ocr`, `models`, `prelabel` and `train-head`: machine readings and pre-labels."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

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
    Workspace,
    queries,
)  # fmt: skip

if TYPE_CHECKING:
    from .compute import Compute

DaskOpt = Annotated[
    bool, typer.Option("--dask", help="Run on a Dask cluster started on this machine.")
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option(help="Run on the Dask cluster whose scheduler is at this address (tcp://…)."),
]


def _compute(dask: bool, scheduler: str | None) -> Compute:
    """Where the run computes: this process, a local Dask cluster, or a running scheduler."""
    from .compute import ComputeError, open_compute

    try:
        compute = open_compute(dask, scheduler)
    except ComputeError as exc:
        _fail(str(exc), 2)
    if compute.distributed:
        typer.echo(f"note: computing on {compute.description}", err=True)
    return compute


@app.command()
def ocr(
    items: Annotated[
        list[str] | None,
        typer.Argument(help="Item ids or unique prefixes (default: every page and image)."),
    ] = None,
    engine: Annotated[
        str, typer.Option(help="OCR engine: rapidocr (PP-OCRv6) or tesseract.")
    ] = "rapidocr",
    device: Annotated[str, typer.Option(help="auto, cpu or cuda.")] = "auto",
    cls: Annotated[
        bool, typer.Option("--cls", help="Use the orientation classifier (rotated photos).")
    ] = False,
    det_model: Annotated[
        Path | None, typer.Option(help="Local detection model (.onnx) instead of the shipped one.")
    ] = None,
    rec_model: Annotated[Path | None, typer.Option(help="Local recognition model (.onnx).")] = None,
    force: Annotated[
        bool, typer.Option(help="Read again pages this engine and model already read.")
    ] = False,
    dask: DaskOpt = False,
    scheduler: SchedulerOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Run OCR on page and image items; each page read is an `ocr.ran` event naming the engine."""
    from .ocr import OcrError, make_engine, page_items, run_ocr

    ws = _open(readonly=False)
    with ws:
        targets = page_items(ws, _item_ids(ws, items))
        if not targets:
            _fail("no image or page items to read; import scans or images first")
        options: dict[str, Any] = {"use_cls": cls} if engine == "rapidocr" else {}
        if det_model or rec_model:
            options |= {"det_model": det_model, "rec_model": rec_model}
        try:
            eng = make_engine(engine, device=device, **options)
        except OcrError as exc:
            _fail(str(exc))
        if notice := getattr(eng, "notice", ""):
            typer.echo(f"note: {notice}", err=True)
        show = _progress(f"OCR ({eng.info.device})")
        try:
            with _compute(dask, scheduler) as compute:
                report = run_ocr(
                    ws,
                    eng,
                    targets,
                    force=force,
                    progress=(lambda d, t, _: show(d, t)) if show else None,
                    compute=compute,
                )
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

    if not path.exists() and "@" in path.name:  # a published schema: forms@2 or forms@2:task
        from .cli_schema import published_label_set

        return published_label_set(str(path))
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
        str,
        typer.Argument(
            help="Model folder (Hugging Face or sentence-embedding), .onnx file, scikit-learn "
            ".skops/.joblib/.pkl file, or http(s):// URL of a REST (Label Studio ML) backend."
        ),
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
        typer.Option(
            "--trust",
            help="SHA-256 of a pickle/joblib file, or of a .skops file with types skops does not "
            "trust by default, that you trust (repeatable).",
        ),
    ] = [],  # noqa: B006
    json_: JsonOpt = False,
) -> None:
    """Check a local model and register it (a `model.registered` event); nothing is downloaded."""
    from .prelabel import PrelabelError, add_model

    label_set = _label_set(labels)
    ws = _open(readonly=False)
    with ws:
        try:
            where = path if "://" in path else Path(path)
            record = add_model(ws, where, name=name, task=task, label_set=label_set, trust=trust)
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
        typer.Argument(
            help="Item ids or unique prefixes (default: every item the model takes: text items "
            "for text models, image and page items for image models)."
        ),
    ] = None,
    model: Annotated[
        str,
        typer.Option(
            help="Model id, unique id prefix, or name (its latest version). Built in, registered "
            "on first use: 'faces' (OpenCV face boxes, labelled face, for redaction)."
        ),
    ] = ...,  # type: ignore[assignment]
    labels: Annotated[
        Path | None,
        typer.Option(
            help="Label set JSON, or a published schema NAME@N[:TASK] (zero-shot models need one)."
        ),
    ] = None,
    device: Annotated[str, typer.Option(help="auto, cpu or cuda.")] = "auto",
    force: Annotated[
        bool, typer.Option(help="Pre-label again items this model already did.")
    ] = False,
    dask: DaskOpt = False,
    scheduler: SchedulerOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Pre-label items with a registered model; each suggestion is a `prelabel.made` event.

    Text models get text items; image models (detection, image classification, faces) get
    image and scan-page items.
    """
    from .prelabel import PrelabelError, load_prelabeller, run_prelabel
    from .prelabel.builtin import resolve_model
    from .prelabel.run import items_for

    label_set = _label_set(labels)
    ws = _open(readonly=False)
    with ws:
        ids = _item_ids(ws, items)
        try:
            record, new = resolve_model(ws, model)
            if new:
                typer.echo(f"note: registered the built-in model {model} as {record.id}", err=True)
            runner = load_prelabeller(ws, record, label_set=label_set, device=device)
            targets = items_for(ws, runner.modality, ids)
        except (PrelabelError, ValueError) as exc:
            _fail(str(exc))
        if not targets:
            _fail(
                "no image or page items to pre-label; import images or scans first"
                if runner.modality == "image"
                else "no text items to pre-label; import text files or CSV/TSV rows first"
            )
        if runner.notice:
            typer.echo(f"note: {runner.notice}", err=True)
        show = _progress(f"pre-labelling ({runner.device})")
        try:
            with _compute(dask, scheduler) as compute:
                report = run_prelabel(ws, runner, targets, force=force, compute=compute,
                                      progress=(lambda d, t, _: show(d, t)) if show else None)  # fmt: skip
        except PrelabelError as exc:  # e.g. a model kind that cannot run on Dask workers
            _fail(str(exc))
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
def uncertain(
    model: Annotated[
        str, typer.Option(help="Model id, unique id prefix, or name (its latest version).")
    ] = ...,  # type: ignore[assignment]
    limit: Annotated[int, typer.Option(min=1, help="How many items to list.")] = 20,
    method: Annotated[
        str, typer.Option(help="margin (top two scores closest) or entropy (most spread).")
    ] = "margin",
    json_: JsonOpt = False,
) -> None:
    """Items still new whose suggestion from MODEL is least certain: label these next."""
    from .prelabel import PrelabelError, find_model
    from .prelabel.head import uncertain_items

    if method not in ("margin", "entropy"):
        _fail(f"unknown method {method!r}; choose margin or entropy", 2)
    ws = _open(readonly=True)
    with ws:
        try:
            record = find_model(ws, model)
        except PrelabelError as exc:
            _fail(str(exc))
        rows = uncertain_items(ws, record.id, limit=limit, method=method)  # type: ignore[arg-type]
        names = dict(
            ws.reader().execute(
                f"SELECT id, name FROM items WHERE id IN ({','.join('?' * len(rows))})",
                [r[0] for r in rows],
            )
        )
    for item_id, label, value in rows:
        if json_:
            _print_json({"item": item_id, "name": names.get(item_id, ""), "suggested": label,
                         method: round(value, 6)})  # fmt: skip
        else:
            typer.echo(f"{item_id}  {value:8.4f}  {label or '':<16} {names.get(item_id, '')}")
    if not rows and not json_:
        typer.echo(
            f"No new items have a scored suggestion from {record.id}; run hitl prelabel first."
        )
