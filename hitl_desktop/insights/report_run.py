"""Making the stakeholder report for a workspace and writing it (CLI and GUI share this)."""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from ..workspace import Workspace
from ..workspace.progress import CancelToken, ProgressFn
from .dashboard import compute_dashboard
from .flow import dataset_flow
from .report import Report, ReportMeta, build_report
from .vocabulary import ReadText
from .windows import NO_FILTER, Filters, Period

__all__ = ["make_report", "text_reader", "write_report"]


def text_reader(ws: Workspace) -> ReadText:
    """Reads a text item's blob for the vocabulary figures (None when it is not here)."""
    blobs = ws.blobs

    def read(sha: str) -> str | None:
        if not blobs.has(sha):
            return None
        return blobs.read_bytes(sha, check=False).decode("utf-8", errors="replace")

    return read


def make_report(
    ws: Workspace, period: Period, filters: Filters = NO_FILTER, *, verify: bool = False,
    progress: ProgressFn | None = None, cancel: CancelToken | None = None,
) -> Report:  # fmt: skip
    """The report over ``period``; ``verify`` also checks every event of the log (slower) and
    says so in the report. Reads only; call from any thread (its own reader connection)."""
    conn = ws.reader()
    log_check = ""
    if verify:
        checked = ws.verify(cancel=cancel)
        log_check = (
            f"OK: all {checked.events:,} events verify (hashes, chains and "
            f"{checked.signatures:,} signatures from {checked.devices} device(s))."
            if checked.ok
            else f"The log check FAILED: {checked.problems_total} problem(s) in "
            f"{checked.events:,} events; run `hitl verify` for the details."
        )
    board = compute_dashboard(conn, period, filters, read_text=text_reader(ws),
                              progress=progress, cancel=cancel)  # fmt: skip
    flow = dataset_flow(conn)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    return build_report(ReportMeta(ws.name or ws.path.name, now, log_check), flow, board)


def write_report(report: Report, out: Path) -> None:
    """Write atomically: a reader never sees half a report, a failed write leaves the old one."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(report.html)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
