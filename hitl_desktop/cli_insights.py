"""`hitl insights`: the dashboard's figures (drift, corrections, confusion, agreement,
throughput, timeline) in plain words or JSON."""

from __future__ import annotations

from typing import Annotated

import typer

from .cli_common import JsonOpt, _fail, _open, _print_json, app
from .insights.windows import Filters, Period, WindowError, between, last_days, latest_day
from .workspace import Workspace, WorkspaceError


def _up_to_date(ws: Workspace) -> bool:
    from .insights.projection import InsightsProjection

    row = (
        ws.reader()
        .execute("SELECT version FROM projection_state WHERE name = ?", (InsightsProjection.name,))
        .fetchone()
    )
    return row is not None and row[0] == InsightsProjection.version


def _period(
    ws: Workspace, reference_days: int | None, current_days: int, reference: str | None,
    current: str | None,
) -> Period:  # fmt: skip
    if (reference is None) != (current is None):
        raise WindowError("give both --reference and --current, or neither")
    if reference is not None and current is not None:
        ref, cur = reference.split(":", 1), current.split(":", 1)
        if len(ref) != 2 or len(cur) != 2:
            raise WindowError("write each window as FIRST:LAST, e.g. 2026-01-01:2026-01-31")
        return between((ref[0], ref[1]), (cur[0], cur[1]))
    return last_days(latest_day(ws.reader()), current_days, reference_days)


# the window and source options `hitl insights` and `hitl report` share
CurrentDaysOpt = Annotated[
    int, typer.Option(min=1, help="The current window: the last N days of the log.")
]
ReferenceDaysOpt = Annotated[
    int | None,
    typer.Option(min=1, help="The reference window: N days before (default: as current)."),
]
ReferenceOpt = Annotated[
    str | None, typer.Option(help="Explicit reference window FIRST:LAST (YYYY-MM-DD).")
]
CurrentOpt = Annotated[
    str | None, typer.Option(help="Explicit current window FIRST:LAST (YYYY-MM-DD).")
]
SourceOpt = Annotated[str | None, typer.Option(help="Only items of this source.")]


def open_for_insights() -> Workspace:
    """The workspace read-only, its insights tables brought up to date first if needed."""
    ws = _open(readonly=True)
    if _up_to_date(ws):
        return ws
    ws.close()
    try:  # opening for writing brings the projections up to date
        Workspace.open(ws.path).close()
    except WorkspaceError as exc:
        _fail(f"the insights tables need building first, and {exc}")
    return _open(readonly=True)


@app.command()
def insights(
    current_days: CurrentDaysOpt = 14,
    reference_days: ReferenceDaysOpt = None,
    reference: ReferenceOpt = None,
    current: CurrentOpt = None,
    source: SourceOpt = None,
    label: Annotated[
        str | None, typer.Option(help="Correction rates of suggestions with this label only.")
    ] = None,
    person: Annotated[str | None, typer.Option(help="Only this person's work.")] = None,
    model: Annotated[str | None, typer.Option(help="Only this model version (name@hash).")] = None,
    min_samples: Annotated[
        int, typer.Option(min=1, help="Items each window needs before a drift alarm.")
    ] = 30,
    psi: Annotated[float, typer.Option(min=0, help="Alarm above this PSI.")] = 0.2,
    json_: JsonOpt = False,
) -> None:
    """Drift, corrections, confusion, agreement and throughput over two time windows."""
    from .insights.dashboard import compute_dashboard
    from .insights.drift import DriftThresholds
    from .insights.text import dashboard_text

    ws = open_for_insights()
    try:
        try:
            period = _period(ws, reference_days, current_days, reference, current)
        except WindowError as exc:
            _fail(str(exc), 2)
        blobs = ws.blobs

        def read(sha: str) -> str | None:
            if not blobs.has(sha):
                return None
            return blobs.read_bytes(sha, check=False).decode("utf-8", errors="replace")

        dashboard = compute_dashboard(
            ws.reader(), period, Filters(source, label, person, model), read_text=read,
            thresholds=DriftThresholds(psi=psi, min_samples=min_samples),
        )  # fmt: skip
    finally:
        ws.close()
    if json_:
        _print_json(dashboard.to_json())
    else:
        typer.echo(dashboard_text(dashboard))
