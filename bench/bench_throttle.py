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
from tests.sync.conftest import PASSWORD, make_server

REQUESTS = 400


def _latency_ms(root: Path, **config: float) -> float:
    for srv in make_server(root, **config):  # type: ignore[arg-type]
        srv.add_user("ana", "admin")
        with httpx.Client(base_url=srv.url, headers=HEADERS, timeout=30) as c:
            token = c.post("/v1/login", json={"user": "ana", "password": PASSWORD}).json()
            c.headers["Authorization"] = f"Bearer {token['token']}"
            times = []
            for _ in range(REQUESTS):
                t0 = time.perf_counter()
                r = c.get("/v1/events", params={"after": 0, "limit": 1})
                times.append(time.perf_counter() - t0)
                assert r.status_code == 200, r.text
        return statistics.median(times) * 1000
    raise RuntimeError("the server did not start")


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
        off = _latency_ms(Path(tmp) / "off", rate_per_s=0)
        on = _latency_ms(Path(tmp) / "on")
        legacy = _legacy_open_s(Path(tmp) / "legacy", n)
    print(f"pull of 1 event, median of {REQUESTS}: throttling off {off:.2f} ms, "
          f"on {on:.2f} ms; opening a pre-alembic SQLite store of {n:,} events "
          f"(backup, stamp, upgrade): {legacy:.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
