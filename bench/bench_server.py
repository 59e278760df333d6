"""Central store throughput: push then pull N events through a real uvicorn on loopback, on
SQLite and PostgreSQL, and 20 clients pushing at once (gap-free check).

    .venv/bin/python bench/bench_server [N]
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo root

import httpx
import keyring

from tests.conftest import MemoryKeyring
from tests.server.conftest import (
    HEADERS,
    PG_BIN,
    Server,
    all_events,
    make_workspace,
    own_events,
    second_device,
    start_postgres,
)


def _bench(db_url: str | None, root: Path, n: int, label: str) -> None:
    srv = Server(root / f"server-{label}", db_url)
    ws = make_workspace(root, "alice", "worker")
    per = 1000
    for start in range(0, n, per):
        ws.append([ws.draft("annotation.revised", {"annotations": [{"label": f"l{i}"}]})
                   for i in range(start, min(n, start + per))])  # fmt: skip
    events = all_events(ws)
    api = srv.client("alice")
    api.register(ws)
    t0 = time.perf_counter()
    api.push(events[:2], ws.project_id)
    for i in range(2, len(events), per):
        r = api.push(events[i : i + per], ws.project_id).json()
        assert r["acknowledged"] == len(events[i : i + per]), r["results"][0]
    t_push = time.perf_counter() - t0
    t0 = time.perf_counter()
    cursor, got = 0, 0
    while True:
        page = api.pull(after=cursor, limit=5000)
        got += len(page["events"])
        cursor = page["next"]
        if page["up_to_date"]:
            break
    t_pull = time.perf_counter() - t0
    assert got == len(events)
    t0 = time.perf_counter()
    for _ in range(20):
        api.http.get("/v1/hello")
    t_hello = (time.perf_counter() - t0) / 20
    # 20 clients (devices) pushing 250 events each at once
    devs = [second_device(ws, root, "alice", "worker") for _ in range(20)]
    batches = []
    for d in devs:
        api.register(d)
        d.append([d.draft("annotation.revised", {"annotations": []}) for _ in range(250)])
        batches.append(own_events(d))
    token = api.http.headers["Authorization"]

    def push(evs: list) -> None:  # type: ignore[type-arg]
        c = httpx.Client(base_url=srv.url, headers={**HEADERS, "Authorization": token}, timeout=60)
        for chunk in (evs[:1], evs[1:]):
            c.post("/v1/events/push", json={"project_id": ws.project_id,
                                            "events": [e.to_wire() for e in chunk]})  # fmt: skip

    threads = [threading.Thread(target=push, args=(b,)) for b in batches]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    t_conc = time.perf_counter() - t0
    total = sum(len(b) for b in batches)
    seqs, cursor = [], len(events)
    while True:
        page = api.pull(after=cursor, limit=5000)
        seqs += [e["server_seq"] for e in page["events"]]
        cursor = page["next"]
        if page["up_to_date"]:
            break
    gap_free = seqs == list(range(len(events) + 1, len(events) + 1 + total))
    print(f"{label}: {len(events):,} events: push {len(events) / t_push:,.0f}/s, "
          f"pull {len(events) / t_pull:,.0f}/s; hello {t_hello * 1000:.1f} ms; "
          f"20 clients at once {total / t_conc:,.0f} events/s, gap-free {gap_free}")  # fmt: skip
    for d in devs:
        d.close()
    ws.close()
    srv.stop()
    srv.store.close()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        _bench(None, Path(tmp), n, "SQLite")
        if (PG_BIN / "initdb").is_file():
            with start_postgres() as pg:
                _bench(pg.new_database(), Path(tmp), n, "PostgreSQL")


if __name__ == "__main__":
    main()
