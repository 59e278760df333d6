"""A central store served by uvicorn in its own process, as `hitl serve` runs it: benchmarks
that time client and server together must not let them share one interpreter (and its GIL)."""

from __future__ import annotations

import multiprocessing
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from hitl_desktop.sync.transport import PROTOCOL


def _serve(
    data_dir: Path, db_url: str | None, port: int, users: list[tuple[str, str, str]]
) -> None:
    import uvicorn

    from hitl_desktop.server import ServerConfig, Store, create_app
    from hitl_desktop.server import db as server_db
    from hitl_desktop.server.auth import add_user

    store = Store(ServerConfig(data_dir, db_url=db_url), create=True)
    with server_db.write_tx(store.engine) as conn:
        for name, role, password in users:
            add_user(conn, name, role, password)
    uvicorn.run(create_app(store), host="127.0.0.1", port=port, log_level="warning")


@contextmanager
def server_process(
    data_dir: Path, db_url: str | None, users: list[tuple[str, str, str]]
) -> Iterator[str]:
    """Start a store on ``data_dir`` (or ``db_url``) with ``users``; yields its URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    proc = multiprocessing.get_context("spawn").Process(
        target=_serve, args=(data_dir, db_url, port, users), daemon=True
    )
    proc.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                hello = httpx.get(f"{url}/v1/hello", timeout=1,
                                  headers={"X-HITL-Protocol": str(PROTOCOL)})  # fmt: skip
                if hello.is_success:
                    break
            except httpx.TransportError:
                pass
            if not proc.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the server process did not answer hello")
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.join(10)
