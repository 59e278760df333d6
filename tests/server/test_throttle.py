"""Server-side throttling on a real uvicorn: a user's burst beyond the token bucket gets 429
with an honest Retry-After, pushes beyond the per-instance queue get 503, and sync clients back
off and still converge with gap-free sequences: nothing is lost."""

from __future__ import annotations

import contextlib
import json
import select
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from hitl_desktop.server.throttle import TokenBuckets
from hitl_desktop.sync import RetryPolicy, sync
from hitl_desktop.workspace import Workspace
from tests.sync.conftest import PASSWORD, LiveServer, make_server
from tests.sync.helpers import hashes, new_workspace, second_device, sign_in

from .conftest import HEADERS, Api, all_events, annotate

# patient enough for a busy server: Retry-After (1-2 s) is honoured up to cap_s
PATIENT = RetryPolicy(base_s=0.05, cap_s=3, max_retries=40, timeout_s=20)


@contextlib.contextmanager
def _server(tmp_path: Path, **config: int) -> Iterator[LiveServer]:
    """A live server with the given ServerConfig limits, and users ana (admin) and ben."""
    running = make_server(tmp_path / "server", **config)
    srv = next(running)
    try:
        srv.add_user("ana", "admin")
        srv.add_user("ben", "worker")
        yield srv
    finally:
        running.close()  # stops uvicorn, closes the store


def _api(srv: LiveServer, user: str) -> Api:
    api = Api(httpx.Client(base_url=srv.url, headers=HEADERS, timeout=30))
    assert api.login(user, PASSWORD).status_code == 200
    return api


def _server_seqs(api: Api) -> list[int]:
    return [e["server_seq"] for e in api.pull()["events"]]


def test_a_bucket_refills_at_its_rate_and_says_when_the_next_token_comes() -> None:
    now = [0.0]
    buckets = TokenBuckets(rate_per_s=4, burst=2, clock=lambda: now[0])
    assert [buckets.take("ana") for _ in range(2)] == [0, 0]
    assert buckets.take("ana") == pytest.approx(0.25)  # one token every 1/4 s
    assert buckets.take("ben") == 0  # another user has a bucket of their own
    now[0] += 0.25
    assert buckets.take("ana") == 0 and buckets.take("ana") > 0
    now[0] += 10  # refills up to the burst, not beyond
    assert [buckets.take("ana") == 0 for _ in range(3)] == [True, True, False]
    assert TokenBuckets(rate_per_s=0, burst=1).take("ana") == 0  # 0 turns it off


def test_a_burst_beyond_the_bucket_gets_429_with_retry_after_and_loses_nothing(
    tmp_path: Path,
) -> None:
    with _server(tmp_path, rate_per_s=10, rate_burst=5) as srv:
        ws = new_workspace(tmp_path / "ws")
        annotate(ws, 12)  # each event signed: each can be pushed alone
        events = all_events(ws)
        ana, ben = _api(srv, "ana"), _api(srv, "ben")
        assert ana.register(ws).status_code == 200
        refusals, waits_honoured = [], 0
        for event in events:  # one push per event, as fast as the server answers
            r = ana.push([event], ws.project_id)
            if r.status_code == 429:
                refusals.append(r)
                assert ben.http.get("/v1/events").status_code == 200  # ben has his own bucket
                time.sleep(int(r.headers["Retry-After"]))  # what a well-behaved client does
                r = ana.push([event], ws.project_id)
                waits_honoured += 1
            assert r.status_code == 200, r.text  # after the wait it is taken: an honest header
            assert r.json()["results"][0]["status"] == "ok"
        assert refusals, "the burst never reached the bucket's limit"
        for r in refusals:
            assert r.headers["Retry-After"] in ("1", "2") and "too many requests" in r.text
        assert waits_honoured == len(refusals)
        time.sleep(1)  # a full bucket again for the reads below
        assert _server_seqs(ana) == list(range(1, len(events) + 1))  # every event, no gap
        assert {e["hash"] for e in ana.pull()["events"]} == {e.hash for e in events}
        ws.close()


def test_sync_clients_back_off_on_429_and_converge(tmp_path: Path) -> None:
    with _server(tmp_path, rate_per_s=20, rate_burst=8) as srv:
        laptop = new_workspace(tmp_path / "laptop")
        annotate(laptop, 30, batch=3)
        laptop, tablet = second_device(laptop, tmp_path / "tablet")
        try:
            for ws in (laptop, tablet):
                sign_in(ws, srv.url)
            assert sync(laptop, policy=PATIENT).refused == []
            pulled = sync(tablet, policy=PATIENT, page_size=2)  # many small pages: a burst
            assert pulled.retries > 0  # the bucket ran dry at least once
            sync(laptop, policy=PATIENT)  # gets the tablet's enrolment back
            assert hashes(tablet) == hashes(laptop) and tablet.verify().ok
        finally:
            laptop.close()
            tablet.close()


class _SlowPush:
    """A push whose body is held back (a raw socket): while it waits, it holds a push slot."""

    def __init__(self, srv: LiveServer, token: str) -> None:
        port = int(srv.url.rsplit(":", 1)[1])
        self.body = json.dumps({"project_id": "held", "events": []}).encode()
        head = (f"POST /v1/events/push HTTP/1.1\r\nHost: 127.0.0.1\r\nX-HITL-Protocol: 1\r\n"
                f"Authorization: {token}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {len(self.body)}\r\n\r\n").encode()  # fmt: skip
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.sock.sendall(head + self.body[:5])

    def answered(self) -> bool:
        """Whether the server already answered (it refused the push before its body came)."""
        return bool(select.select([self.sock], [], [], 0)[0])

    def finish(self) -> int:
        """Send the rest of the body; the push's HTTP status."""
        with self.sock:
            self.sock.sendall(self.body[5:])
            reply = b""
            while b"\r\n" not in reply:
                reply += self.sock.recv(4096)
        return int(reply.split(b" ", 2)[1])


def _hold_the_queue(srv: LiveServer, api: Api) -> tuple[_SlowPush, httpx.Response]:
    """A held push, once another push has been refused because of it."""
    token = str(api.http.headers["Authorization"])
    held = _SlowPush(srv, token)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        r = api.push([], "held")
        if r.status_code == 503:
            return held, r
        if held.answered():  # our probe came first and took the slot: hold again
            held.sock.close()
            held = _SlowPush(srv, token)
        time.sleep(0.02)
    raise AssertionError(f"the held push never filled the queue: {r.status_code} {r.text}")


def test_pushes_beyond_the_queue_get_503_and_sync_clients_still_converge(
    tmp_path: Path,
) -> None:
    with _server(tmp_path, push_queue=1) as srv:
        base = new_workspace(tmp_path / "base")
        devices: list[Workspace] = []
        for i in range(3):
            base, other = second_device(base, tmp_path / f"device{i}")
            devices.append(other)
        devices.append(base)
        try:
            for n, ws in enumerate(devices):
                sign_in(ws, srv.url)
                annotate(ws, 10 + n, batch=5)
            ana = _api(srv, "ana")
            held, busy = _hold_the_queue(srv, ana)
            assert busy.headers["Retry-After"] in ("1", "2") and "busy" in busy.json()["detail"]

            results: dict[int, object] = {}

            def run(i: int, ws: Workspace) -> None:
                try:
                    results[i] = sync(ws, policy=PATIENT)
                except Exception as exc:  # collected: the assertion below names it
                    results[i] = exc

            threads = [threading.Thread(target=run, args=(i, ws)) for i, ws in enumerate(devices)]
            for t in threads:
                t.start()
            time.sleep(1.5)  # every client meets the full queue meanwhile
            assert held.finish() == 200
            for t in threads:
                t.join(60)
            assert all(not isinstance(r, Exception) for r in results.values()), results
            assert len(results) == len(devices)
            assert sum(r.retries for r in results.values()) >= 1  # type: ignore[attr-defined]
            for ws in devices:  # a last round: everyone pulls what the others pushed
                sync(ws, policy=PATIENT)
            union = set().union(*(hashes(ws) for ws in devices))
            assert all(hashes(ws) == union for ws in devices)
            assert _server_seqs(ana) == list(range(1, len(union) + 1))  # gap-free, all of it
        finally:
            for ws in devices:
                ws.close()
