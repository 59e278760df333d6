"""Stakeholder report benchmark: `make_report` (every dashboard figure, the dataset flow, the
HTML with its SVG charts) over a workspace of N items built like bench_insights' log.

    .venv/bin/python bench/bench_report.py [--items 100000] [--runs 3] [--keep DIR | --open DIR]

Timed, median of ``--runs`` after one warm-up: the whole report (figures + flow + HTML), and
the HTML alone from already computed figures. Issue 9 asks for the report for 100,000 items.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _support import install_memory_keyring  # noqa: E402
from bench_insights import EVENTS_PER_ITEM, FIRST_DAY, build  # noqa: E402

from hitl_desktop.insights.dashboard import compute_dashboard  # noqa: E402
from hitl_desktop.insights.flow import dataset_flow  # noqa: E402
from hitl_desktop.insights.report import ReportMeta, build_report  # noqa: E402
from hitl_desktop.insights.report_run import make_report, text_reader  # noqa: E402
from hitl_desktop.insights.windows import last_days  # noqa: E402
from hitl_desktop.workspace import Profile, Workspace  # noqa: E402


def _median(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--days", type=int, default=60)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="build the workspace here and keep it")
    ap.add_argument("--open", type=Path, help="time a workspace built earlier with --keep")
    args = ap.parse_args()
    install_memory_keyring()
    with tempfile.TemporaryDirectory() as tmp:
        if args.open:
            Workspace.open(args.open).close()  # brings changed projections up to date
            ws = Workspace.open(args.open, readonly=True)
        else:
            path = args.keep or Path(tmp) / "ws"
            ws = Workspace.create(path, name="bench", profile=Profile("bench", "admin"))
            t = time.perf_counter()
            build(ws, int(args.items * EVENTS_PER_ITEM), args.days, 9, 60, progress=True)
            print(f"\nbuilt in {time.perf_counter() - t:.0f} s", file=sys.stderr)
        conn = ws.reader()
        items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        period = last_days(FIRST_DAY + args.days - 1, 14)
        whole = _median(lambda: make_report(ws, period), args.runs)
        board = compute_dashboard(conn, period, read_text=text_reader(ws))
        flow = dataset_flow(conn)
        meta = ReportMeta("bench", "now")
        html_only = _median(lambda: build_report(meta, flow, board), args.runs)
        flow_s = _median(lambda: dataset_flow(conn), args.runs)
        report = build_report(meta, flow, board)
        ws.close()
    print(f"{items:,} items, {events:,} events: report {whole:.2f} s (median of {args.runs}; "
          f"dataset flow {flow_s:.2f} s, HTML and charts {html_only * 1000:.0f} ms); "
          f"{len(report.html) / 1e3:,.0f} kB, {len(report.charts)} charts")  # fmt: skip


if __name__ == "__main__":
    main()
