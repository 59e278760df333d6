"""The central store's HTTP service (FastAPI): the endpoints of docs/sync-protocol.md."""

from __future__ import annotations

import base64
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Annotated, Any

import orjson
import sqlalchemy as sa
from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from .. import __version__
from ..lineage.signing import public_key_from_b64
from ..privacy import Policy
from ..roles import Action, can
from . import db
from .auth import AuthError, User, check_password, issue_token, register_device, user_for_token
from .blobstore import SHA256_RE, BlobMismatch, BlobTooLarge
from .config import Store
from .privacy import blob_policy
from .push import WireEvent, check_and_store, decode_all, verify_signatures
from .throttle import Throttle

__all__ = ["PROTOCOL", "create_app"]

PROTOCOL = 1
MAX_PULL = 5000  # events per pull page (the protocol's bound)


class LoginIn(BaseModel):
    user: str
    password: str


class LoginOut(BaseModel):
    token: str
    expires_at: str
    user: str
    role: str


class DeviceIn(BaseModel):
    public_key: str = Field(description="base64 of the raw 32-byte Ed25519 public key")


class DeviceOut(BaseModel):
    device_id: str


class Checkpoint(BaseModel):
    seq: int
    head: str | None
    sig: str
    key: str


class HelloOut(BaseModel):
    protocol: int
    server: str
    project_id: str | None
    checkpoint: Checkpoint


class MissingIn(BaseModel):
    sha256: list[str] = Field(max_length=100_000)


class MissingOut(BaseModel):
    missing: list[str]


class EventIn(BaseModel):
    hash: str
    body: str
    sig: str | None = None


class PushIn(BaseModel):
    project_id: str
    events: list[EventIn]


class PushResult(BaseModel):
    hash: str
    status: str
    server_seq: int | None
    detail: str


class PushOut(BaseModel):
    results: list[PushResult]
    acknowledged: int


class PulledEvent(BaseModel):
    server_seq: int
    hash: str
    body: str
    sig: str | None


class Incident(BaseModel):
    id: int
    at: str
    user: str
    device_id: str | None
    hash: str
    status: str
    detail: str


class IncidentsOut(BaseModel):
    incidents: list[Incident]


class PullOut(BaseModel):
    events: list[PulledEvent]
    next: int
    up_to_date: bool


_bearer = HTTPBearer(auto_error=False)
_OPEN_PATHS = frozenset({"/v1/hello", "/v1/login"})  # every other /v1/ path needs a token


def current_user(
    request: Request,
    cred: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User:
    """The signed-in user of a request (401 without a valid, unexpired token)."""
    known: User | None = getattr(request.state, "user", None)  # checked by the middleware
    if known is not None:
        return known
    store: Store = request.app.state.store
    try:
        with db.read_tx(store.engine) as conn:
            return user_for_token(conn, cred.credentials if cred else None)
    except AuthError as exc:
        raise HTTPException(exc.status, str(exc), headers={"WWW-Authenticate": "Bearer"}) from None


UserDep = Annotated[User, Depends(current_user)]


# Every endpoint may answer these (server/throttle.py); clients wait Retry-After seconds.
_THROTTLED: dict[int | str, dict[str, Any]] = {
    429: {"description": "Too many requests from this user: retry after Retry-After seconds"},
    503: {"description": "Too many pushes in progress here: retry after Retry-After seconds"},
}


def create_app(store: Store) -> FastAPI:
    """The app serving ``store``; run it with uvicorn."""
    cfg = store.config
    engine = store.engine
    app = FastAPI(title="HITL Desktop central store", version=__version__,
                  description="Sync protocol 1: see docs/sync-protocol.md.",
                  responses=_THROTTLED)  # fmt: skip
    app.state.store = store
    # added before the authentication middleware below, so it runs inside it: the user is known
    app.add_middleware(Throttle, rate_per_s=cfg.rate_per_s, burst=cfg.rate_burst,
                       push_queue=cfg.push_queue, push_retry_after_s=cfg.push_retry_after_s)  # fmt: skip

    @app.exception_handler(RequestValidationError)
    async def malformed(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        return JSONResponse(status_code=400, content={
            "detail": f"malformed request: {where or 'body'}: {first.get('msg', 'invalid')}"})  # fmt: skip

    @app.middleware("http")
    async def protocol_check(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        wanted = request.headers.get("x-hitl-protocol")
        is_hello = request.url.path == "/v1/hello"
        probing = is_hello and wanted is None  # a person or monitor checking the server
        if request.url.path.startswith("/v1/") and wanted != str(PROTOCOL) and not probing:
            return JSONResponse(status_code=426, content={
                    "detail": f"this server speaks sync protocol {PROTOCOL}, the request "
                              f"{'names none' if wanted is None else 'asks for ' + wanted}; "
                              "upgrade whichever side is older", "server_protocol": PROTOCOL})  # fmt: skip
        if request.url.path.startswith("/v1/") and request.url.path not in _OPEN_PATHS:
            # the token first, before any body is parsed: no token is 401 whatever the body
            scheme, _, token = request.headers.get("authorization", "").partition(" ")
            try:
                request.state.user = await run_in_threadpool(
                    _authenticate, store, token if scheme.lower() == "bearer" else None)  # fmt: skip
            except AuthError as exc:
                return JSONResponse(status_code=exc.status, content={"detail": str(exc)},
                                    headers={"WWW-Authenticate": "Bearer"})  # fmt: skip
        return await call_next(request)

    @app.get("/v1/hello", response_model=HelloOut)
    def hello() -> dict[str, Any]:
        """Protocol version, project and a signed checkpoint of the log head."""
        with db.read_tx(engine) as conn:
            seq = db.counter_value(conn)
            head = conn.execute(
                sa.select(db.events.c.hash).where(db.events.c.server_seq == seq)
            ).scalar_one_or_none()
            project = db.get_meta(conn, "project_id")
        return {"protocol": PROTOCOL, "server": f"hitl-desktop {__version__}",
                "project_id": project, "checkpoint": store.key.sign(seq, head)}  # fmt: skip

    @app.post("/v1/login", response_model=LoginOut)
    def login(body: LoginIn) -> dict[str, Any]:
        """A token for user and password (expires; stored hashed)."""
        try:
            with db.write_tx(engine) as conn:
                user = check_password(conn, body.user, body.password)
                token, expires = issue_token(conn, user, cfg.token_ttl_s)
        except AuthError as exc:
            raise HTTPException(exc.status, str(exc)) from None
        return {"token": token, "user": user.name, "role": user.role,
                "expires_at": datetime.fromtimestamp(expires, UTC).isoformat()}  # fmt: skip

    @app.post("/v1/devices", response_model=DeviceOut)
    def devices(body: DeviceIn, user: UserDep) -> dict[str, str]:
        """Bind a device's public key to the signed-in user."""
        try:
            key = public_key_from_b64(body.public_key)
        except ValueError as exc:
            raise HTTPException(400, f"public_key: {exc}") from None
        try:
            with db.write_tx(engine) as conn:
                return {"device_id": register_device(conn, user, key)}
        except AuthError as exc:
            raise HTTPException(exc.status, str(exc)) from None

    @app.post("/v1/blobs/missing", response_model=MissingOut)
    def blobs_missing(body: MissingIn, user: UserDep) -> dict[str, list[str]]:
        """Which of these blobs the server lacks."""
        bad = [s for s in body.sha256 if not SHA256_RE.match(s)]
        if bad:
            raise HTTPException(400, f"not a lowercase hex SHA-256: {bad[0]!r}")
        have: set[str] = set()
        with db.read_tx(engine) as conn:
            for i in range(0, len(body.sha256), 1000):
                part = body.sha256[i : i + 1000]
                have.update(conn.execute(
                    sa.select(db.blobs.c.sha256).where(db.blobs.c.sha256.in_(part))).scalars())  # fmt: skip
        return {"missing": [s for s in dict.fromkeys(body.sha256) if s not in have]}

    @app.put("/v1/blobs/{sha256}", status_code=201, responses={
        200: {"description": "already stored"}, 413: {"description": "too large"},
        403: {"description": "the blob's source is local-only: it is never kept here"},
        422: {"description": "the bytes do not match the hash; nothing kept"}},
        openapi_extra={"requestBody": {"required": True, "content": {
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}},
    )  # fmt: skip
    async def put_blob(sha256: str, request: Request, user: UserDep) -> Response:
        """Upload a blob's bytes (streamed, checked against the hash before it is visible)."""
        if not SHA256_RE.match(sha256):
            raise HTTPException(400, "the blob name must be its lowercase hex SHA-256")
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > cfg.max_blob_bytes:
            raise HTTPException(413, f"a blob may be at most {cfg.max_blob_bytes:,} bytes")
        rule = await run_in_threadpool(_blob_policy, store, sha256)
        if rule.local_only:
            raise HTTPException(403, f"blob {sha256}: {rule.refusal()}; it is not kept here")
        if await run_in_threadpool(_blob_known, store, sha256):
            return JSONResponse({"sha256": sha256, "stored": False}, status_code=200)
        try:
            size = await store.blobs.put_stream(sha256, request.stream())
        except BlobTooLarge as exc:
            raise HTTPException(413, str(exc)) from None
        except BlobMismatch as exc:
            raise HTTPException(422, f"{exc}; nothing was kept") from None
        await run_in_threadpool(_blob_record, store, sha256, size)
        return JSONResponse({"sha256": sha256, "stored": True}, status_code=201)

    @app.get("/v1/blobs/{sha256}", response_class=Response, responses={
        200: {"content": {"application/octet-stream": {}}}, 404: {"description": "absent"},
        403: {"description": "local-only, or restricted to other roles"}})  # fmt: skip
    def get_blob(sha256: str, user: UserDep) -> Response:
        """A blob's bytes (the client checks the hash again), unless its source's privacy
        forbids: local-only never, restricted only to the roles it names and admins."""
        if not SHA256_RE.match(sha256):
            raise HTTPException(404, f"the server has no blob {sha256}")
        rule = _blob_policy(store, sha256)
        if not rule.may_read(user.role):
            raise HTTPException(403, f"blob {sha256}: {rule.refusal()}")
        if not _blob_known(store, sha256):
            raise HTTPException(404, f"the server has no blob {sha256}")
        from fastapi.responses import FileResponse

        return FileResponse(store.blobs.path(sha256), media_type="application/octet-stream")

    @app.post("/v1/events/push", response_model=PushOut, openapi_extra={"requestBody": {
        "required": True, "content": {"application/json": {"schema": PushIn.model_json_schema(
            ref_template="#/components/schemas/{model}")}}}})  # fmt: skip
    async def push(request: Request, user: UserDep) -> Response:
        """Store events; one status per event (see the protocol)."""
        raw = await _read_limited(request, cfg.max_push_bytes)
        try:
            body = PushIn.model_validate_json(raw)
        except ValidationError as exc:
            raise HTTPException(400, f"malformed push: {exc.errors()[0]['msg']}") from None
        if len(body.events) > cfg.max_push_events:
            raise HTTPException(413, f"a push may carry at most {cfg.max_push_events:,} events; "
                                     "send smaller chunks")  # fmt: skip
        reply = await run_in_threadpool(_push, store, user, body)
        # encoded here, not by FastAPI: validating 1,000 results again against PushOut cost
        # as much as storing them (the model still documents the reply in the OpenAPI)
        return Response(orjson.dumps(reply), media_type="application/json")

    @app.get("/v1/incidents", response_model=IncidentsOut)
    def incidents(
        user: UserDep, after: Annotated[int, Query(ge=0, le=2**63 - 1)] = 0
    ) -> dict[str, list[dict[str, Any]]]:
        """Refused events (forks, forgeries, revoked or foreign devices), for admins."""
        if not can(user.role, Action.ADMIN):
            raise HTTPException(403, "only admins see incidents")
        with db.read_tx(engine) as conn:
            rows = conn.execute(
                sa.select(db.incidents).where(db.incidents.c.id > after)
                .order_by(db.incidents.c.id).limit(1000)
            ).all()  # fmt: skip
        return {"incidents": [
            {"id": r.id, "at": datetime.fromtimestamp(r.at, UTC).isoformat(), "user": r.user,
             "device_id": r.device_id, "hash": r.hash, "status": r.status, "detail": r.detail}
            for r in rows]}  # fmt: skip

    @app.get("/v1/events", response_model=PullOut)
    def pull(
        user: UserDep,
        after: Annotated[int, Query(ge=0, le=2**63 - 1)] = 0,  # a database integer
        limit: Annotated[int, Query(ge=1, le=MAX_PULL)] = 1000,
    ) -> Response:
        """Events with ``server_seq`` > ``after``, in order."""
        with db.read_tx(engine) as conn:
            rows = conn.execute(
                sa.select(
                    db.events.c.server_seq, db.events.c.hash, db.events.c.body, db.events.c.sig
                )
                .where(db.events.c.server_seq > after)
                .order_by(db.events.c.server_seq)
                .limit(min(limit, cfg.max_pull_events))
            ).all()
            top = db.counter_value(conn)
        out = [{"server_seq": r.server_seq, "hash": r.hash, "body": r.body,
                "sig": base64.b64encode(r.sig).decode("ascii") if r.sig else None}
               for r in rows]  # fmt: skip
        nxt = rows[-1].server_seq if rows else max(after, 0)
        page = {"events": out, "next": nxt, "up_to_date": nxt >= top}
        return Response(orjson.dumps(page), media_type="application/json")  # as push does

    return app


async def _read_limited(request: Request, limit: int) -> bytes:
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limit:
        raise HTTPException(413, f"a push body may be at most {limit:,} bytes; send smaller chunks")
    parts: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"a push body may be at most {limit:,} bytes")
        parts.append(chunk)
    return b"".join(parts)


def _authenticate(store: Store, token: str | None) -> User:
    with db.read_tx(store.engine) as conn:
        return user_for_token(conn, token)


def _blob_known(store: Store, sha256: str) -> bool:
    with db.read_tx(store.engine) as conn:
        row = conn.execute(sa.select(db.blobs.c.sha256).where(db.blobs.c.sha256 == sha256))
        return row.first() is not None and store.blobs.has(sha256)


def _blob_policy(store: Store, sha256: str) -> Policy:
    with db.read_tx(store.engine) as conn:
        return blob_policy(conn, sha256)


def _blob_record(store: Store, sha256: str, size: int) -> None:
    with db.write_tx(store.engine) as conn:
        if conn.execute(sa.select(db.blobs.c.sha256).where(db.blobs.c.sha256 == sha256)).first():
            return
        conn.execute(db.blobs.insert().values(sha256=sha256, size=size, stored=int(time.time())))


def _push(store: Store, user: User, body: PushIn) -> dict[str, Any]:
    wire = [WireEvent(e.hash, e.body, e.sig) for e in body.events]
    decoded = decode_all(wire, body.project_id)
    with db.read_tx(store.engine) as conn:
        verify_signatures(conn, decoded)
    with db.write_tx(store.engine) as conn:
        db.lock_counter(conn)  # before reading the project: two first pushes may race
        project = db.get_meta(conn, "project_id")
        if project is not None and project != body.project_id:
            raise HTTPException(409, f"this server holds project {project}, not "
                                     f"{body.project_id}; point the workspace at its own server")  # fmt: skip
        results = check_and_store(conn, user, decoded)
        if project is None and any(r.status == "ok" for r in results):
            db.set_meta(conn, "project_id", body.project_id)  # the first push fixes it
    acknowledged = 0
    for r in results:
        if r.status not in ("ok", "duplicate"):
            break
        acknowledged += 1
    return {"results": [r.to_json() for r in results], "acknowledged": acknowledged}
