"""Checks on events pulled from the server, before any of them is stored.

The same checks as ``hitl verify`` makes on local rows, continued from what the workspace
already holds: the hash covers the canonical body, the body is an envelope of this project,
each device's chain continues from its stored head (or starts with its ``device.enrolled``
event and the genesis hash), and signatures verify with the device's enrolled key. The server
is not trusted: a tampered, forged or forked event stops the pull, naming the event.
"""

from __future__ import annotations

import base64
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from ..lineage import CanonicalError, EnvelopeError, Event, event_hash, is_canonical
from ..lineage.signing import device_id_for, genesis_hash, public_key_from_b64, verify_signature
from .errors import PulledEventRefused


@dataclass(frozen=True)
class WireEvent:
    """An event as the server sends it."""

    server_seq: int
    hash: str
    body: str
    sig: bytes | None

    @classmethod
    def from_json(cls, obj: Any) -> WireEvent:
        try:
            sig = obj["sig"]
            return cls(
                int(obj["server_seq"]), str(obj["hash"]), str(obj["body"]),
                base64.b64decode(sig, validate=True) if sig else None,
            )  # fmt: skip
        except (KeyError, TypeError, ValueError) as exc:
            raise PulledEventRefused(
                f"the server sent a malformed event ({exc!r}); nothing of that page was stored"
            ) from None


@dataclass
class _Head:
    public_key: bytes
    seq: int
    hash: str


def device_of(w: WireEvent) -> tuple[str, int]:
    """``(device_id, device_seq)`` from the body, or ``("?", 0)`` if unreadable (``check``
    then refuses it with the reason)."""
    try:
        f = orjson.loads(w.body)
        return str(f["device_id"]), int(f["device_seq"])
    except (ValueError, KeyError, TypeError):
        return "?", 0


def _refuse(w: WireEvent, reason: str) -> PulledEventRefused:
    return PulledEventRefused(
        f"event {w.hash[:16]} (server #{w.server_seq}) from the server was refused: {reason}. "
        "Nothing of that page was stored; tell the server's administrator (the server may have "
        "been tampered with)."
    )


def _public_key_of(conn: sqlite3.Connection, device_id: str) -> bytes | None:
    row = conn.execute(
        "SELECT body FROM events WHERE device_id = ? AND device_seq = 1", (device_id,)
    ).fetchone()
    if row is None:
        return None
    return public_key_from_b64(orjson.loads(row[0])["payload"]["public_key"])


def sealed_cut(page: Sequence[WireEvent], heads: dict[str, int]) -> int:
    """How many leading events of ``page`` can be stored: stop before the first event that no
    later signature of its device (in ``page``) covers. ``heads``: device -> stored seq."""
    last_signed: dict[str, int] = {}
    parsed: list[tuple[str, int]] = []
    for w in page:
        device, dseq = device_of(w)
        parsed.append((device, dseq))
        if w.sig is not None:
            last_signed[device] = max(last_signed.get(device, 0), dseq)
    for i, (device, dseq) in enumerate(parsed):
        if dseq > max(last_signed.get(device, 0), heads.get(device, 0)):
            return i
    return len(parsed)


class PullVerifier:
    """Check pulled events in server order against the workspace's stored chains."""

    def __init__(self, conn: sqlite3.Connection, project_id: str) -> None:
        self.conn = conn
        self.project_id = project_id
        self.heads: dict[str, _Head] = {}

    def _head(self, device_id: str) -> _Head | None:
        head = self.heads.get(device_id)
        if head is not None:
            return head
        row = self.conn.execute(
            "SELECT device_seq, hash FROM events WHERE device_id = ?"
            " ORDER BY device_seq DESC LIMIT 1",
            (device_id,),
        ).fetchone()
        if row is None:
            return None
        key = _public_key_of(self.conn, device_id)
        if key is None:
            return None
        head = _Head(key, row[0], row[1])
        self.heads[device_id] = head
        return head

    def check(self, w: WireEvent) -> Event:
        """The parsed event, or PulledEventRefused naming it and the reason."""
        body = w.body.encode("utf-8")
        if event_hash(body) != w.hash:
            raise _refuse(
                w, "its hash does not match its body (altered on the way or on the server)"
            )
        try:
            fields = orjson.loads(body)
            if not isinstance(fields, dict):
                raise EnvelopeError("the body is not a JSON object")
            canonical = is_canonical(body, fields)
            event = Event.from_parsed(w.hash, w.body, w.sig, fields)
        except (ValueError, CanonicalError, EnvelopeError) as exc:
            raise _refuse(w, f"it is not a valid envelope ({exc})") from None
        if not canonical:
            raise _refuse(w, "its body is not in canonical form")
        if event.project_id != self.project_id:
            raise _refuse(w, f"it belongs to project {event.project_id}, not this one")
        head = self._head(event.device_id)
        if head is None:
            head = self._genesis(w, event)
        if event.device_seq <= head.seq:
            raise _refuse(w, f"device {event.device_id[:12]} already has another event "
                             f"#{event.device_seq} here (a fork)")  # fmt: skip
        if event.device_seq != head.seq + 1:
            raise _refuse(w, f"events #{head.seq + 1}..#{event.device_seq - 1} of device "
                             f"{event.device_id[:12]} are missing before it")  # fmt: skip
        if event.prev_hash != head.hash:
            raise _refuse(w, "its prev_hash is not the previous event of its device (chain broken)")
        if w.sig is not None and not verify_signature(head.public_key, w.hash, w.sig):
            raise _refuse(w, "its signature does not verify with the device's enrolled key")
        head.seq, head.hash = event.device_seq, event.hash
        return event

    def _genesis(self, w: WireEvent, event: Event) -> _Head:
        if event.device_seq != 1 or event.type != "device.enrolled":
            raise _refuse(w, f"device {event.device_id[:12]} is unknown here and this is not "
                             "its device.enrolled event")  # fmt: skip
        try:
            key = public_key_from_b64(event.payload["public_key"])
        except (KeyError, TypeError, ValueError):
            raise _refuse(w, "its device.enrolled event has no valid public key") from None
        if device_id_for(key) != event.device_id:
            raise _refuse(w, "its device id does not match the enrolled public key")
        head = _Head(key, 0, genesis_hash(event.device_id, key))
        self.heads[event.device_id] = head
        return head
