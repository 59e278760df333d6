"""`hitl review` (the queue and decisions) and `hitl agreement` (how far annotators agree)."""

from __future__ import annotations

from typing import Annotated

import typer

from .cli_common import JsonOpt, _fail, _open, _print_json, app
from .review.errors import ReviewError
from .workspace import Workspace, WorkspaceError

review_app = typer.Typer(
    help="The review queue: items whose answers disagree, and checkers' decisions.",
    no_args_is_help=True, rich_markup_mode=None,
)  # fmt: skip
app.add_typer(review_app, name="review")


def _threshold(ws: Workspace) -> float | None:
    """The review policy's agreement threshold of the workspace's schema, if it has one."""
    from .schema.current import schema_for

    schema = schema_for(ws.reader(), None)
    return schema.review.agreement if schema is not None else None


@review_app.command("list")
def review_list(
    order: Annotated[
        str, typer.Option(help="oldest: oldest conflict first; agreement: lowest agreement first.")
    ] = "oldest",
    all_: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Include minor disagreements (at or above the policy's agreement threshold).",
        ),
    ] = False,
    kind: Annotated[
        list[str] | None,
        typer.Option(help="Only tasks of this kind: gold, decision_conflict, fork, disagreement."),
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Show at most this many.")] = None,
    json_: JsonOpt = False,
) -> None:
    """The open review tasks, gold failures first, then in the policy's order."""
    from .review.queue import open_tasks, queue_counts

    with _open(readonly=True) as ws:
        threshold = _threshold(ws)
        try:
            tasks = open_tasks(ws.reader(), order=order, threshold=threshold,  # type: ignore[arg-type]
                               include_minor=all_, kinds=tuple(kind) if kind else None,
                               limit=limit)  # fmt: skip
        except ReviewError as exc:
            _fail(str(exc), 2)
        counts = queue_counts(ws.reader(), threshold=threshold)
    if json_:
        for t in tasks:
            _print_json(t.to_json())
        return
    if not tasks:
        typer.echo("The review queue is empty." + (
            f" ({counts['minor']} minor disagreement(s) hidden; --all shows them)"
            if counts["minor"] and not all_ else ""))  # fmt: skip
        return
    for t in tasks:
        who = " vs ".join(t.actors)
        typer.echo(f"{t.item_id}  {t.kind:<17} {t.agreement:5.2f}  {t.opened_at[:19]}  "
                   f"{t.item_name}  [{who}]  {t.summary}")  # fmt: skip
    hidden = f"; {counts['minor']} minor hidden" if counts["minor"] and not all_ else ""
    typer.echo(f"{len(tasks)} task(s){hidden}")


@review_app.command("show")
def review_show(
    item: Annotated[str, typer.Argument(help="The item id.")], json_: JsonOpt = False
) -> None:
    """An item's competing answers and every difference between them."""
    from itertools import combinations

    from .review.decide import candidates
    from .review.disagreement import differences

    with _open(readonly=True) as ws:
        try:
            task, answers = candidates(ws, item)
        except (ReviewError, WorkspaceError, LookupError) as exc:
            _fail(str(exc))
    pairs = [(a, b, differences(a.annotations, b.annotations)) for a, b in combinations(answers, 2)]
    if json_:
        _print_json({
            "item": item, "task": task.to_json() if task else None,
            "answers": [{"revision": c.hash, "actor": c.actor, "role": c.role,
                         "decision": c.decision, "annotations": len(c.annotations)}
                        for c in answers],
            "differences": [{"a": a.hash, "b": b.hash, "kind": d.kind, "a_ids": list(d.a_ids),
                             "b_ids": list(d.b_ids), "detail": d.detail}
                            for a, b, found in pairs for d in found],
        })  # fmt: skip
        return
    typer.echo(f"item {item}: " + (f"{task.kind}, agreement {task.agreement:.2f}" if task
                                   else "no open review task"))  # fmt: skip
    for c in answers:
        made = f"review {c.decision}" if c.decision else c.role
        typer.echo(f"  {c.hash[:12]}  {c.actor} ({made}), {len(c.annotations)} annotation(s)")
    for a, b, found in pairs:
        for d in found:
            typer.echo(f"  {a.hash[:8]}/{b.hash[:8]}  {d.kind}: {d.detail}")


@review_app.command("decide")
def review_decide(
    item: Annotated[str, typer.Argument(help="The item id.")],
    accept: Annotated[
        str | None,
        typer.Option(help="Keep this answer: a revision hash (or 6+ character prefix) or actor."),
    ] = None,
    reject: Annotated[bool, typer.Option(help="Reject the answers; needs --reason.")] = False,
    reason: Annotated[str, typer.Option(help="Why (required to reject).")] = "",
    json_: JsonOpt = False,
) -> None:
    """Decide an item: accept one answer, or reject them all with a reason (checkers only)."""
    from .review.decide import decide

    if (accept is None) == (not reject):
        _fail("give exactly one of --accept REV and --reject --reason R", 2)
    with _open(readonly=False) as ws:
        try:
            if accept is not None:
                event = decide(ws, item, "accept", chosen=[accept], reason_=reason)
            else:
                event = decide(ws, item, "reject", reason_=reason)
        except (ReviewError, WorkspaceError, LookupError) as exc:
            _fail(str(exc))
    p = event.payload
    if json_:
        _print_json({"event": event.hash, "item": item, "decision": p["decision"],
                     "chosen": p["chosen"], "base": list(event.base)})  # fmt: skip
        return
    what = f"accepted {p['chosen'][0][:12]}" if p["decision"] == "accept" else "rejected"
    typer.echo(f"{item}: {what} ({event.hash[:12]}), over {len(event.base)} answer(s)")


@app.command()
def agreement(json_: JsonOpt = False) -> None:
    """Agreement per annotator pair and per label (kappa, alpha, IoU, F1, CER), and how accurate
    workers (against adjudicated answers and gold) and models (against adjudicated answers)
    are."""
    from .review.report import agreement_report

    ws = _open(readonly=True)
    try:
        report = agreement_report(ws.reader())
    finally:
        ws.close()
    if json_:
        _print_json(report.to_json())
    else:
        typer.echo(report.to_text())
