"""Sequence and atomicity under concurrency and crashes, on SQLite and PostgreSQL
(failure cases 10, 11, 13)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from hitl_desktop.lineage.envelope import Event

from .conftest import (
    HEADERS,
    Api,
    Server,
    all_events,
    annotate,
    free_port,
    make_workspace,
    own_events,
    second_device,
)


def _chunks(events: list[Event], size: int) -> list[list[Event]]:
    return [events[i : i + size] for i in range(0, len(events), size)]


def test_case_13_ten_devices_pushing_while_others_pull_no_gaps(
    server: Server, tmp_path: Path
) -> None:
    base = make_workspace(tmp_path, "alice", "worker")
    api = server.client("alice")
    token = api.http.headers["Authorization"]
    assert api.register(base).status_code == 200
    api.push(all_events(base), base.project_id)
    devices = [second_device(base, tmp_path, "alice", "worker") for _ in range(10)]
    pushes: list[list[Event]] = []
    for ws in devices:
        assert api.register(ws).status_code == 200
        annotate(ws, 20, batch=5)
        pushes.append(own_events(ws))
    errors: list[str] = []
    stop = threading.Event()

    def pusher(events: list[Event]) -> None:
        c = httpx.Client(base_url=server.url, headers={**HEADERS, "Authorization": token})
        # device.enrolled is a signed batch of its own; then batches of 5 (signed on the last)
        for chunk in [events[:1], *_chunks(events[1:], 5)]:
            r = c.post("/v1/events/push", json={"project_id": base.project_id,
                                                "events": [e.to_wire() for e in chunk]})  # fmt: skip
            if r.status_code != 200 or r.json()["acknowledged"] != len(chunk):
                errors.append(r.text)

    def reader() -> None:
        c = Api(httpx.Client(base_url=server.url, headers={**HEADERS, "Authorization": token}))
        cursor = 0
        while not stop.is_set():
            page = c.pull(after=cursor)
            seqs = [e["server_seq"] for e in page["events"]]
            if seqs != list(range(cursor + 1, cursor + 1 + len(seqs))):
                errors.append(f"reader after {cursor} saw {seqs[:5]}…: a gap")
            cursor = page["next"]

    threads = [threading.Thread(target=pusher, args=(p,)) for p in pushes]
    readers = [threading.Thread(target=reader) for _ in range(2)]
    for t in readers + threads:
        t.start()
    for t in threads:
        t.join(60)
    stop.set()
    for t in readers:
        t.join(10)
    assert errors == []
    pulled = api.pull()["events"]
    expected = len(all_events(base)) + sum(len(p) for p in pushes)
    assert [e["server_seq"] for e in pulled] == list(range(1, expected + 1))
    assert len({e["hash"] for e in pulled}) == expected
    for ws in [base, *devices]:
        ws.close()


def test_case_11_same_batch_on_two_connections_at_once_stored_once(
    server: Server, tmp_path: Path
) -> None:
    ws = make_workspace(tmp_path, "alice", "worker")
    api = server.client("alice")
    api.register(ws)
    token = api.http.headers["Authorization"]
    for _ in range(3):
        annotate(ws, 10, batch=10)
    events = all_events(ws)
    replies: list[dict] = []  # type: ignore[type-arg]
    barrier = threading.Barrier(2)

    def push() -> None:
        c = httpx.Client(base_url=server.url, headers={**HEADERS, "Authorization": token})
        barrier.wait()
        r = c.post("/v1/events/push", json={"project_id": ws.project_id,
                                            "events": [e.to_wire() for e in events]})  # fmt: skip
        replies.append(r.json())

    threads = [threading.Thread(target=push) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(replies) == 2
    for reply in replies:
        assert reply["acknowledged"] == len(events)
    seqs = [[r["server_seq"] for r in reply["results"]] for reply in replies]
    assert seqs[0] == seqs[1] == list(range(1, len(events) + 1))
    statuses = sorted({r["status"] for r in reply["results"]} for reply in replies)
    assert {"ok"} in statuses and {"duplicate"} in statuses  # one stored, the other saw it
    assert len(api.pull()["events"]) == len(events)
    ws.close()


def _start_process(data: Path, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "hitl_desktop", "serve", "--data", str(data), "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/hello", timeout=1).is_success:
                return proc
        except httpx.TransportError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError(f"hitl serve did not start: {proc.stderr.read() if proc.stderr else ''}")


def test_case_10_server_killed_mid_push_loses_the_whole_chunk(
    server: Server, tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    server.stop()  # the same store, served by a real `hitl serve` process we can kill -9
    data = server.config.data_dir
    port = free_port()
    ws = make_workspace(tmp_path, "alice", "worker")
    proc = _start_process(data, port, subprocess_env)
    api = Api(httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=HEADERS, timeout=60))
    api.login("alice")
    api.register(ws)
    held = all_events(ws)
    assert api.push(held, ws.project_id).json()["acknowledged"] == len(held)
    try:
        for kill_after in (0.05, 0.3):  # early: before the commit; later: maybe after it
            chunk = annotate(ws, 1000, batch=1000)

            def push(events: list[Event] = chunk) -> None:
                with contextlib.suppress(httpx.TransportError):  # the server died under us
                    api.push(events, ws.project_id)

            t = threading.Thread(target=push)
            t.start()
            time.sleep(kill_after)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(10)
            t.join(30)
            proc = _start_process(data, port, subprocess_env)
            stored = api.pull()["events"]
            assert len(stored) in (len(held), len(held) + len(chunk)), "whole or nothing"
            assert [e["server_seq"] for e in stored] == list(range(1, len(stored) + 1))
            retry = api.push(chunk, ws.project_id).json()  # the client's retry
            assert retry["acknowledged"] == len(chunk)
            held += chunk
            after = api.pull()["events"]
            assert [e["hash"] for e in after] == [e.hash for e in held]
            assert [e["server_seq"] for e in after] == list(range(1, len(held) + 1))
            assert api.http.get("/v1/hello").json()["checkpoint"]["head"] == held[-1].hash
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(10)
    ws.close()
