"""`hitl import-annotations`: existing annotations (COCO, Label Studio, YOLO, PaddleOCR) in."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from .cli_common import JsonOpt, _fail, _open, _print_json, app
from .workspace import CancelToken, WorkspaceError

FormatOpt = Annotated[
    str,
    typer.Option("--format", "-f", help="coco, labelstudio, yolo or paddle (PaddleOCR Label.txt)."),
]


@app.command("import-annotations")
def import_annotations_cmd(
    path: Annotated[Path, typer.Argument(help="The annotation file (YOLO: data.yaml or the "
                                              "dataset folder).")],
    format_: FormatOpt,
    annotator: Annotated[str | None, typer.Option(
        help="Whose answers these are (default: you; Label Studio keeps completed_by).")] = None,
    as_prelabels: Annotated[bool, typer.Option(
        "--as-prelabels", help="Import as pre-labels (suggestions to accept), with the file's "
        "scores when it has them.")] = False,
    images: Annotated[Path | None, typer.Option(
        help="Folder holding the images (default: beside the file).")] = None,
    map_: Annotated[list[str], typer.Option(
        "--map", help="Rename a label on the way in: old=new (repeatable).")] = [],  # noqa: B006
    keep_unknown_labels: Annotated[bool, typer.Option(
        "--keep-unknown-labels", help="Import labels the current schema lacks (reported).")] = False,
    source: Annotated[str, typer.Option(
        help="Source name of the images (default: 'imported from <format>, <file>').")] = "",
    workers: Annotated[int, typer.Option(min=0, help="Image decoding processes (0: one per core).")] = 1,
    json_: JsonOpt = False,
) -> None:  # fmt: skip
    """Import annotations made elsewhere, with their images. Every record is checked first;
    records with problems are refused whole and listed; the rest are imported. Exit 3 when
    some records were refused, 4 when labels the schema lacks stopped the import."""
    from .exchange.importers import (
        AnnotationImportError,
        AnnotationImportOptions,
        import_annotations,
        parse_label_map,
    )  # fmt: skip
    from .exchange.importers.report import plural

    if annotator is not None and as_prelabels:
        _fail("give --annotator or --as-prelabels, not both", 2)
    if images is not None and not images.is_dir():
        _fail(f"--images {images}: not a folder")
    try:
        options = AnnotationImportOptions(
            format=format_, annotator=annotator, as_prelabels=as_prelabels, images=images,
            label_map=parse_label_map(map_), keep_unknown_labels=keep_unknown_labels,
            source=source, workers=workers,
        )  # fmt: skip
    except AnnotationImportError as exc:
        _fail(str(exc), 2)
    ws = _open(readonly=False)
    cancel = CancelToken()
    show = _progress_line()
    try:
        with ws:
            report = import_annotations(ws, path, options, progress=show, cancel=cancel)
    except KeyboardInterrupt:
        _fail("import interrupted; records committed so far are kept, run the same import "
              "again to finish it", 130)  # fmt: skip
    except (AnnotationImportError, WorkspaceError) as exc:
        _fail(str(exc))
    if json_:
        _print_json(report.to_json())
    else:
        for r in report.records:
            if r.status != "imported":
                continue
            what = (
                plural(r.revisions, "revision") if r.revisions else plural(r.prelabels, "pre-label")
            )
            typer.echo(f"imported      {r.record}: {plural(r.annotations, 'annotation')} ({what})")
        for e in report.errors:
            typer.echo(f"refused       {e}", err=True)
        if report.labels:
            typer.echo(
                "labels: " + ", ".join(f"{k} ({v})" for k, v in sorted(report.labels.items()))
            )
        if report.unknown_labels:
            typer.echo(f"not in schema {report.schema_ref}: " + ", ".join(
                f"{k} ({v})" for k, v in sorted(report.unknown_labels.items())))  # fmt: skip
        typer.echo(report.summary())
    if report.stopped_for_labels:
        raise typer.Exit(4)
    if report.errors:
        raise typer.Exit(3)


def _progress_line() -> Callable[[int, int, str], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int, what: str) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{what}: {done:,}/{total:,}", end=end, file=sys.stderr, flush=True)

    return show
