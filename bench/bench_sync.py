"""Benchmark: push N events from one device and pull them on another through a real server
(SQLite) on loopback, and time a sync with nothing to do.

    python -m tests.sync.bench_sync [N]       (default 20,000 events)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo root

import keyring

from hitl_desktop.sync import sync
from tests.conftest import MemoryKeyring
from tests.sync.conftest import FAST, make_server
from tests.sync.helpers import hashes, new_workspace, second_device, sign_in


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        keyring.set_keyring(MemoryKeyring())
        for server in make_server(root / "server"):
            server.add_user("ana", "admin")
            laptop, tablet = second_device(new_workspace(root / "laptop"), root / "tablet")
            for ws in (laptop, tablet):
                sign_in(ws, server.url)
            sync(tablet, policy=FAST)
            for start in range(0, n, 1000):
                laptop.append([laptop.draft("assignment.made", {"batch": "b", "assignments": [
                    {"item": f"item-{i}", "assignee": "ana", "kind": "primary"}]})
                    for i in range(start, min(n, start + 1000))])  # fmt: skip
            t0 = time.perf_counter()
            pushed = sync(laptop, policy=FAST, pull=False).pushed
            t1 = time.perf_counter()
            pulled = sync(tablet, policy=FAST, push=False, prefetch=False).pulled
            t2 = time.perf_counter()
            assert hashes(laptop) <= hashes(tablet)
            sync(tablet, policy=FAST)
            t3 = time.perf_counter()
            noop = [0.0] * 5
            for i in range(5):
                s = time.perf_counter()
                sync(tablet, policy=FAST)
                noop[i] = time.perf_counter() - s
            print(f"push {pushed:,} events: {t1 - t0:.2f} s ({pushed / (t1 - t0):,.0f} events/s)")
            print(f"pull {pulled:,} events: {t2 - t1:.2f} s ({pulled / (t2 - t1):,.0f} events/s)")
            print(
                f"end to end: {(pushed) / (t2 - t0):,.0f} events/s; the next two-way sync {t3 - t2:.2f} s"
            )
            print(f"no-op sync: median {sorted(noop)[2] * 1000:.0f} ms")
            laptop.close()
            tablet.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
