"""Small Qt-free helpers the desktop's sync screens need: the admins' incident list from the
server, when the next automatic sync is due after failures (backoff), and the status bar's
figures read from the workspace alone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from ..workspace import Workspace
from ..workspace.progress import CancelToken
from ..workspace.queries import event_count
from . import state
from .credentials import load_token, require_url, server_url
from .retry import RetryPolicy

INCIDENT_PAGE = 1000  # the server answers at most this many incidents a request
MAX_BACKOFF_S = 3600.0


@dataclass(frozen=True)
class Incident:
    """An event the server refused (a fork, a forgery, a revoked or foreign device)."""

    id: int
    at: str  # ISO 8601, UTC
    user: str
    device_id: str
    hash: str
    status: str
    detail: str

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Incident:
        return cls(
            id=int(obj["id"]), at=str(obj.get("at") or ""), user=str(obj.get("user") or ""),
            device_id=str(obj.get("device_id") or ""), hash=str(obj.get("hash") or ""),
            status=str(obj.get("status") or ""), detail=str(obj.get("detail") or ""),
        )  # fmt: skip


def fetch_incidents(
    ws: Workspace, *, after: int = 0, limit: int = 10_000, policy: RetryPolicy | None = None,
    cancel: CancelToken | None = None,
) -> list[Incident]:  # fmt: skip
    """The server's refused events after incident ``after``, oldest first (admins only: the
    server answers 403 to anyone else, raised as a SyncError naming the reason)."""
    url = require_url(ws)
    found: list[Incident] = []
    from .transport import Transport  # the HTTP client loads only when it is used

    with Transport(url, token=load_token(url), policy=policy, cancel=cancel) as t:
        while len(found) < limit:
            page = t.request("GET", "/v1/incidents", params={"after": after}).json()
            batch = [Incident.from_json(o) for o in page.get("incidents", [])]
            found.extend(batch)
            if len(batch) < INCIDENT_PAGE:
                break
            after = batch[-1].id
    return found[:limit]


def next_delay_s(interval_s: float, failures: int, *, cap_s: float = MAX_BACKOFF_S) -> float:
    """Seconds until the next automatic sync: the interval while syncs succeed, doubled after
    each failure in a row (at most ``cap_s``, never below the interval), so a server that is
    down is not hammered and one that is back is tried again soon enough."""
    if interval_s <= 0:
        raise ValueError("automatic sync is off (interval 0); there is no next sync")
    return max(interval_s, min(cap_s, interval_s * 2 ** max(failures, 0)))


@dataclass(frozen=True)
class LocalStatus:
    """What the status bar shows about sync, read from the workspace alone (no keyring, no
    network): cheap enough to re-read after every edit."""

    server: str | None
    waiting: int  # events not yet acknowledged by the server
    last_sync: datetime | None  # the last sync that finished, UTC
    # the server this device refused since its last good sync (a checkpoint key that changed,
    # a signature that did not verify), if any
    incident: state.LocalIncident | None = None


def local_status(ws: Workspace) -> LocalStatus:
    url = server_url(ws)
    conn = ws.reader()
    if url is None:  # everything waits; the last seq counts it without a scan
        return LocalStatus(None, event_count(conn), None)
    st = state.load(conn, url)
    when = _utc(st.last_sync) if st.last_sync else None
    latest = next(iter(state.incidents(conn, limit=1)), None)
    # another server's, or settled by a sync that went through since (both times are kept
    # to the microsecond, so a refusal and a good sync in the same second are ordered)
    if latest is not None and (latest.server != url or (when and _utc(latest.at) <= when)):
        latest = None
    return LocalStatus(url, state.count_unpushed(conn, url), when, latest)


def _utc(text: str) -> datetime:
    when = datetime.fromisoformat(text)
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


def signed_in(url: str | None) -> bool:
    """Whether the keyring holds a token for ``url`` (the server may still refuse it)."""
    return url is not None and load_token(url) is not None
