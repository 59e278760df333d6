"""`hitl report`: the stakeholder report, one self-contained HTML file (optionally a PDF)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .cli_common import _fail, _progress, app
from .cli_insights import (
    CurrentDaysOpt,
    CurrentOpt,
    ReferenceDaysOpt,
    ReferenceOpt,
    SourceOpt,
    _period,
    open_for_insights,
)
from .insights.windows import Filters, WindowError
from .workspace import Cancelled, CancelToken


@app.command()
def report(
    out: Annotated[Path, typer.Option("--out", help="The HTML file to write.")],
    pdf: Annotated[
        Path | None, typer.Option(help="Also print it to this PDF file (through Qt).")
    ] = None,
    current_days: CurrentDaysOpt = 14,
    reference_days: ReferenceDaysOpt = None,
    reference: ReferenceOpt = None,
    current: CurrentOpt = None,
    source: SourceOpt = None,
    verify: Annotated[
        bool, typer.Option(help="Also check every event of the log and say so in the report.")
    ] = False,
) -> None:
    """Explain the dataset and its lineage to people who never open the app."""
    from .insights.report_run import make_report, write_report

    ws = open_for_insights()
    cancel = CancelToken()
    try:
        try:
            period = _period(ws, reference_days, current_days, reference, current)
        except WindowError as exc:
            _fail(str(exc), 2)
        try:
            made = make_report(ws, period, Filters(source=source), verify=verify,
                               progress=_progress("computing"), cancel=cancel)  # fmt: skip
        except KeyboardInterrupt:
            cancel.cancel()
            _fail("cancelled; no report written", 130)
        except Cancelled:
            _fail("cancelled; no report written", 130)
    finally:
        ws.close()
    try:
        write_report(made, out)
    except OSError as exc:
        _fail(f"cannot write {out}: {exc.strerror or exc}")
    typer.echo(f"wrote {out} ({len(made.charts)} charts)")
    if pdf is not None:
        from .gui.report_print import print_pdf  # Qt only when a PDF is asked for

        try:
            print_pdf(made.html, pdf)
        except OSError as exc:
            _fail(f"cannot write {pdf}: {exc}")
        typer.echo(f"wrote {pdf}")
