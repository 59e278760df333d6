"""Server-side throttling: a token bucket per user, and a bound on pushes in progress.

Both answer with ``Retry-After`` (whole seconds), which the sync client honours
(hitl_desktop/sync/transport.py), so a busy server slows clients down instead of failing them:

- **429**: the user (or, before sign-in, the client address) sent more requests than its bucket
  holds. The bucket refills at ``ServerConfig.rate_per_s`` up to ``rate_burst``; all devices of
  one user share it. Requests without a valid token never reach it: they are refused with 401
  first, without touching the bucket of the user they claim to be.
- **503**: ``ServerConfig.push_queue`` pushes are already in progress on this instance (one
  holds the sequence lock, the rest wait for it). A stampede of clients backs off instead of
  piling up threads and database connections behind the lock.

The middleware is plain ASGI (no per-request task or body buffering) and runs inside the
authentication middleware of app.py, which leaves the signed-in user in the request state.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["PUSH_PATH", "Throttle", "TokenBuckets"]

PUSH_PATH = "/v1/events/push"
_MAX_KEYS = 10_000  # buckets kept before full (idle) ones are forgotten


@dataclass
class _Bucket:
    tokens: float
    at: float


class TokenBuckets:
    """One token bucket per key: ``take`` spends a token, or says how long until one is back."""

    def __init__(
        self, rate_per_s: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if rate_per_s < 0 or burst < 1:
            raise ValueError(f"throttle: rate_per_s must be >= 0 and burst >= 1, got "
                             f"{rate_per_s} and {burst}")  # fmt: skip
        self.rate = rate_per_s
        self.burst = burst
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}

    def take(self, key: str) -> float:
        """0 when a token was spent; else the seconds until the next token (none spent)."""
        if self.rate == 0:
            return 0.0  # throttling off
        now = self._clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= _MAX_KEYS:
                self._forget_full(now)
            bucket = self._buckets[key] = _Bucket(float(self.burst), now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.rate)
        bucket.at = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return 0.0
        return (1 - bucket.tokens) / self.rate

    def _forget_full(self, now: float) -> None:
        """A bucket that has refilled is the same as no bucket: drop those (bounded memory)."""
        full = [k for k, b in self._buckets.items()
                if b.tokens + (now - b.at) * self.rate >= self.burst]  # fmt: skip
        for key in full:
            del self._buckets[key]


class Throttle:
    """ASGI middleware answering 429 and 503 with ``Retry-After`` (see the module docstring)."""

    def __init__(
        self, app: ASGIApp, *, rate_per_s: float, burst: int, push_queue: int,
        push_retry_after_s: int = 1,
    ) -> None:  # fmt: skip
        if push_queue < 1:
            raise ValueError(f"throttle: push_queue must be at least 1, got {push_queue}")
        self.app = app
        self.buckets = TokenBuckets(rate_per_s, burst)
        self.push_queue = push_queue
        self.push_retry_after_s = max(1, push_retry_after_s)
        self.pushing = 0  # pushes in progress; only touched on the event loop's thread

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if not path.startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        wait = self.buckets.take(_key(scope))
        if wait > 0:
            seconds = max(1, math.ceil(wait))
            await _refuse(send, 429, seconds, f"too many requests; retry in {seconds} s")
            return
        if path != PUSH_PATH or scope.get("method") != "POST":
            await self.app(scope, receive, send)
            return
        if self.pushing >= self.push_queue:
            # spread the retries: clients honour Retry-After exactly, so one value for all
            # would bring the whole stampede back in the same second
            seconds = random.randint(self.push_retry_after_s, 2 * self.push_retry_after_s)
            await _refuse(send, 503, seconds, f"the server is busy storing other pushes "
                                              f"({self.pushing} in progress); retry in {seconds} s")  # fmt: skip
            return
        self.pushing += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.pushing -= 1


def _key(scope: Scope) -> str:
    """The signed-in user (set by app.py's authentication), else the client's address."""
    user = (scope.get("state") or {}).get("user")
    if user is not None:
        return f"user:{user.name}"
    client = scope.get("client")
    return f"addr:{client[0] if client else '?'}"


async def _refuse(send: Send, status: int, retry_after: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(retry_after).encode())]})  # fmt: skip
    await send({"type": "http.response.body", "body": body})
