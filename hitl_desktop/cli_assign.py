"""`hitl assign` (give items to workers, with overlap and gold) and `hitl assignments`."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

import typer

from .cli_common import JsonOpt, _fail, _open, _print_json, app
from .review.errors import ReviewError
from .workspace import WorkspaceError


@app.command("assign")
def assign_cmd(
    items: Annotated[
        list[str] | None,
        typer.Argument(
            help="Item ids (a PDF's id stands for its pages). None: every live item not yet "
            "annotated or assigned."
        ),
    ] = None,
    to: Annotated[
        list[str] | None, typer.Option("--to", help="A worker to give items to; repeat for more.")
    ] = None,
    overlap: Annotated[
        float | None,
        typer.Option(
            min=0.0,
            max=1.0,
            help="Share of items also given to a second worker (default: the schema's review "
            "policy, else 0).",
        ),
    ] = None,
    gold_rate: Annotated[
        float,
        typer.Option(
            min=0.0,
            max=1.0,
            help="Gold items (already adjudicated) mixed into each worker's list, as a share of "
            "their items.",
        ),
    ] = 0.0,
    batch: Annotated[
        str | None, typer.Option(help="Name of this batch (default: assign-<UTC time>).")
    ] = None,
    seed: Annotated[
        str | None, typer.Option(help="Seed of the hash-based choice (default: the batch name).")
    ] = None,
    json_: JsonOpt = False,
) -> None:
    """Give items to workers: each item to one, an overlap share to two, gold mixed in."""
    from .review.assignment import assign, loads

    if not to:
        _fail("name the workers to give the items to: --to ana --to ben", 2)
    name = batch or f"assign-{datetime.now(UTC):%Y%m%d-%H%M%S}"
    with _open(readonly=False) as ws:
        try:
            event = assign(ws, items or [], to, batch=name, overlap=overlap,
                           gold_rate=gold_rate, seed=seed)  # fmt: skip
        except (ReviewError, WorkspaceError) as exc:
            _fail(str(exc))
    p = event.payload
    per_worker = loads(p["assignments"])
    if json_:
        _print_json({
            "event": event.hash, "batch": p["batch"], "seed": p["seed"],
            "overlap": p["overlap"], "gold_rate": p["gold_rate"],
            "items": len({a["item"] for a in p["assignments"] if a["kind"] != "gold"}),
            "workers": [{"worker": w.worker, "items": w.items, "primary": w.primary,
                         "overlap": w.overlap, "gold": w.gold} for w in per_worker],
            "assignments": p["assignments"],
        })  # fmt: skip
        return
    count = len({a["item"] for a in p["assignments"] if a["kind"] != "gold"})
    typer.echo(f"Batch {p['batch']!r}: {count} item(s) to {len(per_worker)} worker(s), "
               f"overlap {p['overlap']:g}, gold rate {p['gold_rate']:g} "
               f"(seed {p['seed']!r}, event {event.hash[:12]})")  # fmt: skip
    typer.echo(f"  {'worker':<16} {'items':>6} {'primary':>8} {'overlap':>8} {'gold':>5}")
    for w in per_worker:
        typer.echo(f"  {w.worker:<16} {w.items:>6} {w.primary:>8} {w.overlap:>8} {w.gold:>5}")
    short = [w.worker for w in per_worker
             if w.gold < round(p["gold_rate"] * (w.primary + w.overlap))]  # fmt: skip
    if short:
        typer.echo(f"note: fewer gold items than asked for {', '.join(short)}: not enough "
                   "adjudicated items they have not seen yet")  # fmt: skip


@app.command("assignments")
def assignments_cmd(
    for_: Annotated[
        str | None, typer.Option("--for", help="Only this person's items (default: everyone's).")
    ] = None,
    json_: JsonOpt = False,
) -> None:
    """Items given to people, newest batch first: kind, batch, and whether it is answered."""
    from .review.assignment import assignments_for

    with _open(readonly=True) as ws:
        rows = assignments_for(ws.reader(), for_)
    if json_:
        for r in rows:
            _print_json({"item": r.item_id, "name": r.item_name, "assignee": r.assignee,
                         "kind": r.kind, "batch": r.batch, "answered": r.answered})  # fmt: skip
        return
    if not rows:
        typer.echo(f"Nothing is assigned to {for_}." if for_ else "Nothing is assigned yet.")
        return
    for r in rows:
        state = "answered" if r.answered else "open"
        typer.echo(f"{r.item_id}  {r.assignee:<12} {r.kind:<8} {state:<8} {r.batch}  {r.item_name}")
    answered = sum(r.answered for r in rows)
    typer.echo(f"{len(rows)} assignment(s), {answered} answered")
