"""A fault-injecting HTTP proxy on loopback, in front of a real server.

Each client connection carries one request (the proxy rewrites ``Connection: close``), is
forwarded to the target on a fresh connection, and the reply is relayed back, unless a fault
strikes. Faults come from a seeded random policy (``FaultPolicy``) or are armed by a test
(``fail_next_request``, ``fail_next_reply``):

- drop the request before forwarding it (the server never sees it);
- drop the reply after the server answered (it committed; the client sees the connection cut:
  failure case 9);
- duplicate the request (a second copy reaches the server a little later, concurrently);
- delay a request by a random time, so concurrent requests reach the server out of order.

The proxy runs in threads; ``stop()`` closes the listening socket and waits for the
connections in flight.
"""

from __future__ import annotations

import contextlib
import random
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass


@dataclass
class FaultPolicy:
    """Probabilities of each fault per request; all zero is a faithful proxy."""

    drop_request: float = 0.0
    drop_reply: float = 0.0
    duplicate: float = 0.0
    delay: float = 0.0
    max_delay_s: float = 0.02


class FaultProxy:
    def __init__(
        self, target: tuple[str, int], *, seed: int = 0, policy: FaultPolicy | None = None
    ):
        self.target = target
        self.policy = policy or FaultPolicy()
        self.rng = random.Random(seed)
        self.counts: Counter[str] = Counter()  # "forwarded", "drop_request", "drop_reply", ...
        self._lock = threading.Lock()
        self._armed: list[tuple[str, str]] = []  # (fault, part of the request line) to apply
        self._threads: set[threading.Thread] = set()
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._stopped = False
        self._acceptor = threading.Thread(target=self._accept, daemon=True)
        self._acceptor.start()

    # ------------------------------------------------------------ controls
    def fail_next_request(self, match: str = "") -> None:
        """The next request (whose request line holds ``match``, e.g. ``"POST /v1/events"``)
        is dropped before it reaches the server."""
        with self._lock:
            self._armed.append(("drop_request", match))

    def fail_next_reply(self, match: str = "") -> None:
        """The next request (whose request line holds ``match``) reaches the server; its
        reply is cut off."""
        with self._lock:
            self._armed.append(("drop_reply", match))

    def set_policy(self, policy: FaultPolicy, seed: int | None = None) -> None:
        with self._lock:
            self.policy = policy
            if seed is not None:
                self.rng.seed(seed)

    def calm(self) -> None:
        """No more faults: armed ones are forgotten and the policy is all zero."""
        with self._lock:
            self.policy = FaultPolicy()
            self._armed.clear()

    def settle(self, timeout_s: float = 10.0) -> None:
        """Wait for the requests in flight (duplicates included) to finish."""
        with self._lock:
            busy = list(self._threads)
        for t in busy:
            t.join(timeout_s)

    def stop(self) -> None:
        self._stopped = True
        with contextlib.suppress(OSError):  # wakes the thread blocked in accept()
            self._sock.shutdown(socket.SHUT_RDWR)
        self._sock.close()
        self._acceptor.join(5)
        for t in list(self._threads):
            t.join(5)

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------ internals
    def _decide(self, request_line: str) -> tuple[str | None, bool, float]:
        """(drop fault or None, duplicate, delay seconds) for one request."""
        with self._lock:
            for i, (armed, match) in enumerate(self._armed):
                if match in request_line:
                    del self._armed[i]
                    return armed, False, 0.0
            p, r = self.policy, self.rng
            fault: str | None = None
            if r.random() < p.drop_request:
                fault = "drop_request"
            elif r.random() < p.drop_reply:
                fault = "drop_reply"
            duplicate = r.random() < p.duplicate
            delay = r.uniform(0, p.max_delay_s) if r.random() < p.delay else 0.0
            return fault, duplicate, delay

    def _count(self, what: str) -> None:
        with self._lock:
            self.counts[what] += 1

    def _spawn(self, target: object, *args: object) -> None:
        t = threading.Thread(target=self._run, args=(target, *args), daemon=True)
        with self._lock:
            self._threads.add(t)
        t.start()

    def _run(self, target: object, *args: object) -> None:
        try:
            target(*args)  # type: ignore[operator]
        except OSError:
            pass  # a peer went away: the client sees a cut connection, as intended
        finally:
            with self._lock:
                self._threads.discard(threading.current_thread())

    def _accept(self) -> None:
        while not self._stopped:
            try:
                client, _ = self._sock.accept()
            except OSError:
                return
            self._spawn(self._handle, client)

    def _handle(self, client: socket.socket) -> None:
        with client:
            request = read_request(client)
            if request is None:
                return
            line = request.split(b"\r\n", 1)[0].decode("latin-1")
            fault, duplicate, delay = self._decide(line)
            if delay:
                self._count("delay")
                time.sleep(delay)
            if fault == "drop_request":
                self._count("drop_request")
                return
            if duplicate:
                self._count("duplicate")
                self._spawn(self._forward, request, 0.001)
            reply = self._forward(request)
            if reply is None:
                self._count("upstream_down")
                return
            if fault == "drop_reply":
                self._count("drop_reply")
                return
            self._count("forwarded")
            client.sendall(reply)

    def _forward(self, request: bytes, after_s: float = 0.0) -> bytes | None:
        if after_s:
            time.sleep(after_s)
        try:
            with socket.create_connection(self.target, timeout=30) as upstream:
                upstream.sendall(request)
                parts = []
                while chunk := upstream.recv(65536):
                    parts.append(chunk)
        except OSError:
            return None  # server down (restarting): the client sees a cut connection
        return b"".join(parts)


def read_request(sock: socket.socket) -> bytes | None:
    """One HTTP/1.1 request (head and Content-Length body), rewritten to close afterwards."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        body += chunk
    kept = [ln for ln in lines if not ln.lower().startswith(b"connection:")]
    return b"\r\n".join([*kept, b"Connection: close"]) + b"\r\n\r\n" + body
