"""A real central store on loopback (uvicorn in a thread) over SQLite or a real PostgreSQL
started from the local binaries, and real workspaces whose signed events get pushed."""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
import uvicorn

from hitl_desktop.lineage.envelope import Event
from hitl_desktop.server import ServerConfig, Store, create_app
from hitl_desktop.server.auth import hash_password
from hitl_desktop.server.db import users, write_tx
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.store import iter_events
from hitl_desktop.workspace.workspace import Profile

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PASSWORD = "correct horse"
USERS = {"alice": "worker", "bob": "worker", "carol": "checker", "erin": "expert", "root": "admin"}
HEADERS = {"X-HITL-Protocol": "1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Postgres:
    port: int
    counter: itertools.count = field(default_factory=lambda: itertools.count(1))

    def new_database(self) -> str:
        name = f"t{next(self.counter)}"
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:  # fmt: skip
            conn.execute(f"CREATE DATABASE {name}")
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"


@contextlib.contextmanager
def start_postgres() -> Iterator[Postgres]:
    """A throwaway PostgreSQL 15 cluster run as ``nobody`` (it refuses to run as root)."""
    root = Path(tempfile.mkdtemp(prefix="hitl-pg-"))
    root.chmod(0o755)
    data = root / "data"
    data.mkdir()
    shutil.chown(root, "nobody")
    shutil.chown(data, "nobody")
    port = free_port()
    as_nobody = ["runuser", "-u", "nobody", "--"] if os.geteuid() == 0 else []
    subprocess.run([*as_nobody, str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres",
                    "-A", "trust", "--no-sync"], check=True, capture_output=True)  # fmt: skip
    opts = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100"
    subprocess.run([*as_nobody, str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", opts, "-w",
                    "-l", str(root / "log"), "start"], check=True, capture_output=True)  # fmt: skip
    try:
        yield Postgres(port)
    finally:
        subprocess.run([*as_nobody, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "stop"], capture_output=True)  # fmt: skip
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    if not (PG_BIN / "initdb").is_file():
        pytest.skip(f"PostgreSQL 15 binaries are not installed in {PG_BIN}")
    with start_postgres() as pg:
        yield pg


@functools.cache
def _password_hash() -> tuple[bytes, bytes]:
    return hash_password(PASSWORD)


class Server:
    """A central store served by a real uvicorn on 127.0.0.1 in a background thread."""

    def __init__(self, data_dir: Path, db_url: str | None) -> None:
        self.config = ServerConfig(data_dir=data_dir, db_url=db_url, token_ttl_s=3600)
        self.store = Store(self.config, create=True)
        digest, salt = _password_hash()
        with write_tx(self.store.engine) as conn:  # rows as add_user writes them, hashed once
            for name, role in USERS.items():
                conn.execute(users.insert().values(name=name, role=role, pw_hash=digest,
                                                   pw_salt=salt, created=0))  # fmt: skip
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.start()

    def start(self) -> None:
        if self._server is not None:
            return
        app = create_app(self.store)
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                lifespan="off")  # fmt: skip
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/v1/hello", headers=HEADERS, timeout=1).is_success:
                    return
            except httpx.TransportError:
                time.sleep(0.02)
        raise RuntimeError("the server did not answer hello within 10 s")

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.should_exit = True
        assert self._thread is not None
        self._thread.join(10)
        self._server = None

    def client(self, user: str | None = None) -> Api:
        api = Api(httpx.Client(base_url=self.url, headers=HEADERS, timeout=30))
        if user:
            api.login(user)
        return api


@dataclass
class Api:
    http: httpx.Client

    def login(self, user: str, password: str = PASSWORD) -> httpx.Response:
        r = self.http.post("/v1/login", json={"user": user, "password": password})
        if r.status_code == 200:
            self.http.headers["Authorization"] = f"Bearer {r.json()['token']}"
        return r

    def register(self, ws: Workspace) -> httpx.Response:
        key = ws._writer_or_fail().key  # the workspace's device key (public half)
        return self.http.post("/v1/devices", json={"public_key": key.public_key_b64})

    def push(self, events: list[Event] | list[dict[str, Any]], project_id: str) -> httpx.Response:
        wire = [e.to_wire() if isinstance(e, Event) else e for e in events]
        return self.http.post("/v1/events/push", json={"project_id": project_id, "events": wire})

    def pull(self, after: int = 0, limit: int = 5000) -> dict[str, Any]:
        r = self.http.get("/v1/events", params={"after": after, "limit": limit})
        assert r.status_code == 200, r.text
        data: dict[str, Any] = r.json()
        return data

    def put_blob(self, sha: str, data: bytes) -> httpx.Response:
        return self.http.put(f"/v1/blobs/{sha}", content=data,
                             headers={"Content-Type": "application/octet-stream"})  # fmt: skip


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str | None:
    """A database URL: None (embedded SQLite) or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return None
    pg: Postgres = request.getfixturevalue("postgres")
    return pg.new_database()


@pytest.fixture
def server(tmp_path: Path, backend: str | None) -> Iterator[Server]:
    srv = Server(tmp_path / "server", backend)
    yield srv
    srv.stop()
    srv.store.close()


@pytest.fixture
def sqlite_server(tmp_path: Path) -> Iterator[Server]:
    srv = Server(tmp_path / "server", None)
    yield srv
    srv.stop()
    srv.store.close()


def all_events(ws: Workspace) -> list[Event]:
    return [e for chunk in iter_events(ws.reader()) for e in chunk]


def make_workspace(root: Path, name: str, role: str) -> Workspace:
    """A real workspace (a new project) whose events carry ``name`` as actor."""
    return Workspace.create(root / f"ws-{name}-{time.monotonic_ns()}", name="Test",
                            profile=Profile(name, role))  # fmt: skip


def second_device(ws: Workspace, root: Path, name: str, role: str) -> Workspace:
    """Another device of ``ws``'s project: a copy of its folder that enrols a new key."""
    from tests.support.replica import copy_as_device

    path = root / f"dev-{name}-{time.monotonic_ns()}"
    return copy_as_device(ws.path, path, profile=Profile(name, role))


def own_events(ws: Workspace) -> list[Event]:
    """The events this workspace's device signed (not those it copied)."""
    return [e for e in all_events(ws) if e.device_id == ws.device_id]


def annotate(ws: Workspace, n: int, *, batch: int = 1) -> list[Event]:
    """Append ``n`` annotation revisions, signed every ``batch`` events."""
    out: list[Event] = []
    for start in range(0, n, batch):
        drafts = [ws.draft("annotation.revised", {"annotations": [{"label": f"l{i}"}]})
                  for i in range(start, min(n, start + batch))]  # fmt: skip
        out += ws.append(drafts)
    return out
