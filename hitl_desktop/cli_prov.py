"""`hitl prov` (W3C PROV-JSON), `hitl openlineage` (run events) and `hitl flow` (the dataset's
provenance summary): the lineage log handed to other tools and to people."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from .cli_common import JsonOpt, _fail, _open, _print_json, app
from .workspace import queries


def _write(path: Path, text: str) -> None:
    """Write ``text`` through a temporary file, so a failed write leaves no half document."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        _fail(f"cannot write {path}: {exc.strerror or exc}")


@app.command()
def prov(
    out: Annotated[Path, typer.Option("--out", help="The PROV-JSON file to write.")],
    item: Annotated[
        str | None,
        typer.Option(help="Only this item's provenance graph (an id or a unique id prefix)."),
    ] = None,
) -> None:
    """Export the lineage log (or one item's history) as W3C PROV-JSON."""
    from .insights.prov_json import write_prov_json

    with _open(readonly=True) as ws:
        conn = ws.reader()
        item_id = None
        if item is not None:
            item_id = queries.find_item_id(conn, item)
            if item_id is None:
                _fail(f"no single item matches {item!r}; list them with `hitl items`", 2)
        if not out.parent.is_dir():
            _fail(f"cannot write {out}: the folder {out.parent} does not exist")
        try:
            counts = write_prov_json(conn, out, item_id)
        except OSError as exc:
            _fail(f"cannot write {out}: {exc.strerror or exc}")
    typer.echo(f"Wrote {counts.activities} activities, {counts.entities} entities and "
               f"{counts.agents} agents to {out}")  # fmt: skip


@app.command()
def openlineage(
    out: Annotated[Path, typer.Option("--out", help="The JSON Lines file to write.")],
) -> None:
    """Export the batch jobs (import, OCR, pre-label, export) as OpenLineage run events."""
    from .insights.openlineage import openlineage_events

    with _open(readonly=True) as ws:
        events = list(openlineage_events(ws.reader(), ws.project_id))
    _write(out, "".join(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in events))
    typer.echo(f"Wrote {len(events) // 2} runs ({len(events)} run events) to {out}")


@app.command()
def flow(json_: JsonOpt = False) -> None:
    """The dataset's provenance: sources, the flow from import to export, models, people."""
    from .insights.flow import dataset_flow

    with _open(readonly=True) as ws:
        summary = dataset_flow(ws.reader())
    if json_:
        _print_json(asdict(summary))
        return
    typer.echo(" → ".join(f"{s.name} {s.count:,}" for s in summary.stages))
    for s in summary.sources:
        retired = " (retired)" if s.retired else ""
        typer.echo(f"source {s.name or '(none)'}{retired}: {s.items:,} items, {s.files:,} files"
                   + (f", collected by {', '.join(s.collectors)}" if s.collectors else "")
                   + (f", licence {', '.join(s.licences)}" if s.licences else ""))  # fmt: skip
    for m in summary.models:
        typer.echo(f"{m.task} {m.name} {m.version}: {m.items:,} items")
    for (actor, role), n in summary.per_person().items():
        typer.echo(f"{actor} ({role}): {n:,} events")
    if summary.retired_items:
        typer.echo(f"retired: {summary.retired_items:,} items")
