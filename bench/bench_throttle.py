"""What the central store's throttling and migrations cost: the median latency of a small
authenticated request with throttling off and on (defaults), and the time to open a store from
before alembic holding N events (stamped and upgraded, SQLite backup included).

    .venv/bin/python bench/bench_throttle.py [N]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo root

import httpx
import sqlalchemy as sa

from hitl_desktop.server import ServerConfig, Store, db
from tests.server.conftest import HEADERS
from tests.sync.conftest import PASSWORD, LiveServer, make_server

REQUESTS = 400


def _client(srv: LiveServer) -> httpx.Client:
    srv.add_user("ana", "admin")
    c = httpx.Client(base_url=srv.url, headers=HEADERS, timeout=30)
    token = c.post("/v1/login", json={"user": "ana", "password": PASSWORD}).json()["token"]
    c.headers["Authorization"] = f"Bearer {token}"
    return c


def _latencies_ms(root: Path) -> tuple[float, float]:
    """Median ms of a one-event pull, throttling off and on, requests alternating between the
    two servers so that load from elsewhere on the machine falls on both alike."""
    off_server = make_server(root / "off", rate_per_s=0)
    on_server = make_server(root / "on")  # the defaults
    clients = [_client(next(off_server)), _client(next(on_server))]
    times: list[list[float]] = [[], []]
    for _ in range(REQUESTS):
        for c, out in zip(clients, times, strict=True):
            t0 = time.perf_counter()
            r = c.get("/v1/events", params={"after": 0, "limit": 1})
            out.append(time.perf_counter() - t0)
            assert r.status_code == 200, r.text
    for c in clients:
        c.close()
    off_server.close()
    on_server.close()
    return statistics.median(times[0]) * 1000, statistics.median(times[1]) * 1000


def _legacy_open_s(root: Path, n: int) -> float:
    config = ServerConfig(root)
    store = Store(config, create=True)
    with db.write_tx(store.engine) as conn:  # rows as pushes leave them (not checked here)
        conn.execute(db.events.insert(), [
            {"server_seq": i, "hash": f"{i:064x}", "device_id": "d", "device_seq": i,
             "prev_hash": f"{i - 1:064x}", "type": "annotation.revised", "actor": "ana",
             "body": "{}" * 100, "sig": None, "received_at": 0} for i in range(1, n + 1)])  # fmt: skip
        conn.execute(sa.text("DROP TABLE alembic_version"))  # as create_all left stores
        conn.execute(sa.text("DROP INDEX ix_tokens_expires"))
    store.close()
    t0 = time.perf_counter()
    store = Store(config)
    took = time.perf_counter() - t0
    assert store.migration is not None and store.migration.backup is not None
    store.close()
    return took


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        off, on = _latencies_ms(Path(tmp))
        legacy = _legacy_open_s(Path(tmp) / "legacy", n)
    print(f"pull of 1 event, median of {REQUESTS}: throttling off {off:.2f} ms, "
          f"on {on:.2f} ms; opening a pre-alembic SQLite store of {n:,} events "
          f"(backup, stamp, upgrade): {legacy:.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
