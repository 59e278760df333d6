"""Sync throughput: push N events from one device and pull them on another through a real
central store (its own process, as `hitl serve` runs), on SQLite and on PostgreSQL; then the
latency of a sync with nothing to do.

    .venv/bin/python bench/bench_sync.py [N] [--db sqlite|postgres|both]   (default 20,000, both)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo root

import keyring

from bench._server_process import server_process
from hitl_desktop.sync import sync
from tests.conftest import MemoryKeyring
from tests.server.conftest import PG_BIN, start_postgres
from tests.sync.conftest import FAST, PASSWORD
from tests.sync.helpers import hashes, new_workspace, second_device, sign_in


def _run(root: Path, n: int, db_url: str | None, label: str) -> None:
    with server_process(root / f"server-{label}", db_url, [("ana", "admin", PASSWORD)]) as url:
        laptop, tablet = second_device(new_workspace(root / f"laptop-{label}"),
                                       root / f"tablet-{label}")  # fmt: skip
        for ws in (laptop, tablet):
            sign_in(ws, url)
        sync(tablet, policy=FAST)
        for start in range(0, n, 1000):  # signed batches of 1,000, as a busy day writes them
            laptop.append([laptop.draft("assignment.made", {"batch": "b", "assignments": [
                {"item": f"item-{i}", "assignee": "ana", "kind": "primary"}]})
                for i in range(start, min(n, start + 1000))])  # fmt: skip
        t0 = time.perf_counter()
        pushed = sync(laptop, policy=FAST, pull=False).pushed
        t1 = time.perf_counter()
        pulled = sync(tablet, policy=FAST, push=False, prefetch=False).pulled
        t2 = time.perf_counter()
        assert pulled >= n, (pushed, pulled)
        assert hashes(laptop) <= hashes(tablet)
        sync(tablet, policy=FAST)
        noop = []
        for _ in range(7):
            s = time.perf_counter()
            sync(tablet, policy=FAST)
            noop.append(time.perf_counter() - s)
        print(f"{label}: push {pushed:,} events {t1 - t0:.2f} s ({pushed / (t1 - t0):,.0f}/s); "
              f"pull {pulled:,} {t2 - t1:.2f} s ({pulled / (t2 - t1):,.0f}/s); "
              f"push then pull end to end {n / (t2 - t0):,.0f} events/s; "
              f"no-op sync median {statistics.median(noop) * 1000:.0f} ms")  # fmt: skip
        laptop.close()
        tablet.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, nargs="?", default=20_000)
    ap.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    args = ap.parse_args()
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if args.db in ("sqlite", "both"):
            _run(root, args.n, None, "SQLite")
        if args.db in ("postgres", "both"):
            if not (PG_BIN / "initdb").is_file():
                print(f"PostgreSQL: skipped, no binaries in {PG_BIN}")
                return
            with start_postgres() as pg:
                _run(root, args.n, pg.new_database(), "PostgreSQL")


if __name__ == "__main__":
    main()
