"""A real central store (``hitl_desktop.server`` on SQLite) served by uvicorn on loopback,
users on it, and a fault-injecting TCP proxy in front of it for the cut-connection cases."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import uvicorn

from hitl_desktop.server import ServerConfig, Store, create_app
from hitl_desktop.server import db as server_db
from hitl_desktop.server.auth import add_user
from hitl_desktop.sync import RetryPolicy
from hitl_desktop.workspace import Workspace

PASSWORD = "correct horse battery"
FAST = RetryPolicy(base_s=0.01, cap_s=0.05, max_retries=5, timeout_s=20)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    store: Store
    data_dir: Path

    def add_user(self, name: str, role: str = "admin") -> None:
        with server_db.write_tx(self.store.engine) as conn:
            add_user(conn, name, role, PASSWORD)


def serve(
    app: object, port: int | None = None, **tls: str
) -> tuple[uvicorn.Server, threading.Thread, str]:
    """Serve ``app`` on loopback in a thread; ``ssl_certfile``/``ssl_keyfile`` serve HTTPS."""
    port = port or _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",  # type: ignore[arg-type]
                                           lifespan="off", **tls))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start within 10 s")
        time.sleep(0.02)
    return server, thread, f"{'https' if tls else 'http'}://127.0.0.1:{port}"


def make_server(data_dir: Path, port: int | None = None, **config: int) -> Iterator[LiveServer]:
    """A server on ``data_dir`` (a new store, or the one already there) until closed."""
    create = not (data_dir / "server.json").is_file()
    store = Store(ServerConfig(data_dir, **config), create=create)  # type: ignore[arg-type]
    server, thread, url = serve(create_app(store), port)
    try:
        yield LiveServer(url, store, data_dir)
    finally:
        server.should_exit = True
        thread.join(10)
        store.close()


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    """A fresh central store on SQLite with users ana (admin) and ben (worker)."""
    for srv in make_server(tmp_path / "server"):
        srv.add_user("ana", "admin")
        srv.add_user("ben", "worker")
        yield srv


PairFactory = Callable[..., tuple[Workspace, Workspace]]


@pytest.fixture
def signed_in_pair(live_server: LiveServer, tmp_path: Path) -> Iterator[PairFactory]:
    """Makes two devices of one project, a laptop and a tablet, both signed in as ana (the
    tablet through ``tablet_url`` when given, e.g. a proxy); both closed at the end."""
    from .helpers import new_workspace, second_device, sign_in  # helpers import this module

    opened: list[Workspace] = []

    def make(tablet_url: str | None = None) -> tuple[Workspace, Workspace]:
        laptop, tablet = second_device(new_workspace(tmp_path / "laptop"), tmp_path / "tablet")
        opened.extend((laptop, tablet))
        sign_in(laptop, live_server.url)
        sign_in(tablet, tablet_url or live_server.url)
        return laptop, tablet

    yield make
    for ws in opened:
        ws.close()


@dataclass
class FaultProxy:
    """Forwards one HTTP request per connection to ``target``; ``drop`` rules cut the
    connection after the server answered (the server did the work, the client never hears)."""

    target: tuple[str, int]
    drop: list[Callable[[bytes], bool]] = field(default_factory=list)
    busy: int = 0  # answer this many requests 503 (Retry-After: 0) without forwarding them
    # (request line, reply) -> the reply the client gets instead (an attacker on the path)
    rewrite: Callable[[bytes, bytes], bytes] | None = None
    seen: list[bytes] = field(default_factory=list)
    dropped: int = 0

    def start(self) -> str:
        self._sock = socket.socket()
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        threading.Thread(target=self._accept, daemon=True).start()
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}"

    def stop(self) -> None:
        self._sock.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        with client:
            request = _read_request(client)
            if request is None:
                return
            head, _, body = request.partition(b"\r\n\r\n")
            lines = [ln for ln in head.split(b"\r\n") if not ln.lower().startswith(b"connection:")]
            request = b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n" + body
            self.seen.append(lines[0])
            if self.busy > 0:
                self.busy -= 1
                client.sendall(_BUSY)
                return
            with socket.create_connection(self.target) as upstream:
                upstream.sendall(request)
                reply = b""
                while chunk := upstream.recv(65536):
                    reply += chunk
            for i, rule in enumerate(self.drop):
                if rule(lines[0]):
                    del self.drop[i]
                    self.dropped += 1
                    return  # the server committed; the client sees the connection cut
            if self.rewrite is not None:
                reply = self.rewrite(lines[0], reply)
            client.sendall(reply)


_BUSY_BODY = b'{"detail": "the server is busy; retry later"}'
_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 0\r\nContent-Type: application/json\r\n"
    + f"Content-Length: {len(_BUSY_BODY)}\r\nConnection: close\r\n\r\n".encode()
    + _BUSY_BODY
)


def _read_request(sock: socket.socket) -> bytes | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        body += chunk
    return head + b"\r\n\r\n" + body


@pytest.fixture
def proxy(live_server: LiveServer) -> Iterator[tuple[FaultProxy, str]]:
    host, port = live_server.url.removeprefix("http://").split(":")
    p = FaultProxy((host, int(port)))
    url = p.start()
    yield p, url
    p.stop()
