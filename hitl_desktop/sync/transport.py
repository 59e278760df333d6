"""HTTP to the central store: protocol header, bearer token, retries with backoff.

Network errors, 429 and 503 are retried with exponential backoff (0.5 s doubling to 30 s,
jittered, ``Retry-After`` honoured) up to a cap on retries for the whole sync; 401 asks the
user to log in again; 426 names which side to upgrade. The token is sent only in the
``Authorization`` header and never appears in a message or a log line.
"""

from __future__ import annotations

import ssl
import time
from typing import Any

import certifi
import httpx

from ..workspace.progress import CancelToken
from .errors import LoginRequired, ProtocolMismatch, ServerUnreachable, SyncError, TlsFailure
from .retry import RetryPolicy

PROTOCOL = 1
_RETRY_STATUS = (429, 503)
_tls: ssl.SSLContext | None = None


def _tls_context() -> ssl.SSLContext:
    """One verifying TLS context per process: building it (loading the CA bundle) took
    about 24 ms, half of a no-op sync when each sync built its own."""
    global _tls
    if _tls is None:
        _tls = ssl.create_default_context(cafile=certifi.where())
    return _tls


def _tls_reason(exc: BaseException) -> str | None:
    """The TLS error under a connection error, if that is what failed (not worth retrying)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return str(getattr(seen, "verify_message", None) or seen.reason or seen)
        seen = seen.__cause__ or seen.__context__
    return None


def _detail(resp: httpx.Response) -> str:
    try:
        data = resp.json()
    except ValueError:
        return resp.text[:300] or resp.reason_phrase
    if isinstance(data, dict) and "detail" in data:
        return str(data["detail"])
    return str(data)[:300]


class Transport:
    def __init__(
        self, url: str, *, token: str | None = None, policy: RetryPolicy | None = None,
        cancel: CancelToken | None = None, protocol: int = PROTOCOL,
    ) -> None:  # fmt: skip
        self.url = url.rstrip("/")
        self.token = token
        self.policy = policy or RetryPolicy()
        self.cancel = cancel
        self.retries = 0
        self.protocol = protocol
        self._client = httpx.Client(
            base_url=self.url, timeout=self.policy.timeout_s,
            headers={"X-HITL-Protocol": str(protocol)}, verify=_tls_context(),
        )  # fmt: skip

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if self.cancel is not None:
                self.cancel.check()
            time.sleep(min(left, 0.05))

    def request(
        self, method: str, path: str, *, json: Any = None, content: bytes | None = None,
        params: dict[str, Any] | None = None, auth: bool = True, ok: tuple[int, ...] = (200,),
        content_type: str = "application/octet-stream",
    ) -> httpx.Response:  # fmt: skip
        """Send with retries; returns a response whose status is in ``ok``."""
        headers = {}
        if auth:
            if not self.token:
                raise LoginRequired(f"not logged in to {self.url}; run `hitl login {self.url}`")
            headers["Authorization"] = f"Bearer {self.token}"
        if content is not None:
            headers["Content-Type"] = content_type
        attempt = 0
        while True:
            if self.cancel is not None:
                self.cancel.check()
            why: str
            retry_after = None
            try:
                resp = self._client.request(
                    method, path, json=json, content=content, params=params, headers=headers
                )
            except httpx.TransportError as exc:
                tls = _tls_reason(exc)
                if tls is not None:
                    raise TlsFailure(
                        f"could not open a secure connection to {self.url}: the server's "
                        f"certificate does not verify ({tls}). Check the address; if it is "
                        "right, the certificate is not valid for it or not signed by an "
                        "authority this computer trusts: ask your administrator",
                        url=self.url, reason=tls,
                    ) from None  # fmt: skip
                why = f"{type(exc).__name__}: {exc}"
            else:
                if resp.status_code in ok:
                    return resp
                if resp.status_code not in _RETRY_STATUS:
                    raise self._error(resp)
                why = f"HTTP {resp.status_code} ({_detail(resp)})"
                retry_after = resp.headers.get("Retry-After")
            if self.retries >= self.policy.max_retries:
                raise ServerUnreachable(
                    f"the server at {self.url} is unreachable or busy ({why}) after "
                    f"{self.retries} retries; check the address and your network; your work "
                    "is kept here, sync again later", url=self.url,
                )  # fmt: skip
            self._sleep(self.policy.delay(attempt, retry_after))
            attempt += 1
            self.retries += 1

    def _error(self, resp: httpx.Response) -> SyncError:
        detail = _detail(resp)
        if resp.status_code == 401:
            return LoginRequired(
                f"the server at {self.url} no longer accepts your sign-in ({detail}); "
                f"log in again with `hitl login {self.url}`, then sync resumes where it stopped"
            )
        if resp.status_code == 426:
            try:
                theirs = int(resp.json().get("server_protocol", 0))
            except (ValueError, AttributeError, TypeError):
                theirs = 0
            side = "the client (this app)" if theirs > self.protocol else "the server"
            return ProtocolMismatch(
                f"the server at {self.url} speaks sync protocol {theirs or '?'} and this app "
                f"speaks {self.protocol}: upgrade {side}. Your local work is kept and syncs once "
                "both agree.", upgrade="client" if theirs > self.protocol else "server",
            )  # fmt: skip
        return SyncError(f"{resp.request.method} {resp.request.url.path} failed with HTTP "
                         f"{resp.status_code}: {detail}")  # fmt: skip
