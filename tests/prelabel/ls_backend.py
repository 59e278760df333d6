"""A Label Studio ML backend for tests: a FastAPI app served by uvicorn on 127.0.0.1.

It speaks the protocol (``GET /health``, ``POST /setup``, ``POST /predict``) with a
deterministic keyword rule: a text naming any of ``KEYWORDS`` is spam, else ham; for a
``<Labels>`` config each keyword occurrence is a ``PROMO`` span. Switches on ``BackendState``
make it misbehave the ways real servers do: another model version, a required secret,
garbage for some tasks, the older bare-list reply.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

KEYWORDS = ("free", "win", "won", "prize", "claim", "cash", "urgent", "txt", "call", "mobile")
_KEYWORD = re.compile(r"\b(" + "|".join(KEYWORDS) + r")\b", re.IGNORECASE)


def keyword_label(text: str) -> str:
    """The rule itself, for tests to compare with."""
    return "spam" if _KEYWORD.search(text) else "ham"


def keyword_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _KEYWORD.finditer(text)]


@dataclass
class BackendState:
    model_version: str = "keywords-1"
    authorization: str | None = None  # the Authorization header every request must carry
    garbage_texts: set[str] = field(default_factory=set)  # these tasks get ``garbage``
    garbage: Any = None
    legacy: bool = False  # answer /predict with a bare list of predictions
    predict_bodies: list[dict[str, Any]] = field(default_factory=list)
    redirect_to: str = ""  # where /moved/... points
    delay_s: float = 0.0  # /predict takes this long to answer
    busy: int = 0  # the next this many /predict calls answer 503
    error_reply: bool = False  # /predict answers {"error": ...} with status 200


def _prediction(state: BackendState, text: str, config: str) -> Any:
    if text in state.garbage_texts:
        return state.garbage
    if "<Labels" in config:
        regions = [
            {"from_name": "label", "to_name": "text", "type": "labels", "score": 0.75,
             "value": {"start": s, "end": e, "text": text[s:e], "labels": ["PROMO"]}}
            for s, e in keyword_spans(text)
        ]  # fmt: skip
        return {"result": regions, "score": 0.75, "model_version": state.model_version}
    label = keyword_label(text)
    score = 0.9 if label == "spam" else 0.7
    region = {"from_name": "label", "to_name": "text", "type": "choices", "score": score,
              "value": {"choices": [label]}}  # fmt: skip
    return {"result": [region], "score": score, "model_version": state.model_version}


def make_app(state: BackendState) -> FastAPI:
    app = FastAPI()

    @app.middleware("http")
    async def _auth(request: Request, call_next: Any) -> Response:
        if state.authorization and request.headers.get("authorization") != state.authorization:
            return JSONResponse({"detail": "unauthorized"}, status_code=401)
        response: Response = await call_next(request)
        return response

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "UP", "model_class": "KeywordRule"}

    @app.post("/setup")
    def setup(body: dict[str, Any]) -> dict[str, Any]:
        return {"model_version": state.model_version}

    @app.post("/predict")
    def predict(body: dict[str, Any]) -> Any:
        state.predict_bodies.append(body)
        time.sleep(state.delay_s)
        if state.busy > 0:
            state.busy -= 1
            return JSONResponse({"detail": "busy"}, status_code=503)
        if state.error_reply:
            return {"error": "model not loaded"}
        config = str(body.get("label_config") or "")
        results = [_prediction(state, t["data"]["text"], config) for t in body["tasks"]]
        return results if state.legacy else {"results": results}

    @app.api_route("/same/{rest:path}", methods=["GET", "POST"])
    def same_origin(rest: str) -> RedirectResponse:
        return RedirectResponse(f"/{rest}", status_code=307)

    @app.api_route("/moved/{rest:path}", methods=["GET", "POST"])
    def moved(rest: str) -> RedirectResponse:
        return RedirectResponse(f"{state.redirect_to}/{rest}", status_code=307)

    @app.api_route("/html/{rest:path}", methods=["GET", "POST"])
    def html(rest: str) -> HTMLResponse:
        return HTMLResponse("<html><body>Welcome to nginx!</body></html>")

    return app


class ServedBackend:
    """``make_app(state)`` served by a real uvicorn on 127.0.0.1 in a background thread."""

    def __init__(self, state: BackendState, port: int = 0) -> None:
        self.state = state
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.port = self.sock.getsockname()[1]
        config = uvicorn.Config(make_app(state), log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ServedBackend:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test backend did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()


def free_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port
