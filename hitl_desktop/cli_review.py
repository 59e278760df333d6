"""`hitl agreement`: how far annotators agree, over the items two or more of them answered."""

from __future__ import annotations

import typer

from .cli_common import JsonOpt, _open, _print_json, app


@app.command()
def agreement(json_: JsonOpt = False) -> None:
    """Agreement per annotator pair (kappa, IoU, span F1, CER) and overall (alpha, differences)."""
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
