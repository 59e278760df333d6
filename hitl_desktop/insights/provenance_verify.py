"""Verification status of single events, for provenance views.

A full ``hitl verify`` walks the whole log. A provenance view needs the status of a few events:
the event's own hash, its signature, or, for an event signed as part of a batch (only the
batch's last event carries a signature), the intact chain of hashes up to that signature.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import orjson

from ..lineage import Event, device_id_for, event_hash, verify_signature
from ..lineage.signing import public_key_from_b64

__all__ = ["DeviceInfo", "EventCheck", "Status", "check_events", "device_infos"]

Status = Literal["signed", "sealed", "unsigned", "bad"]


@dataclass(frozen=True)
class EventCheck:
    """``signed``: its own signature is valid; ``sealed``: a later signature of its device
    covers it through an unbroken chain of hashes; ``unsigned``: no signature covers it yet;
    ``bad``: the hash, the signature or the chain is wrong (``detail`` says which)."""

    status: Status
    detail: str


@dataclass(frozen=True)
class DeviceInfo:
    """A device as its ``device.enrolled`` event describes it."""

    device_id: str
    label: str
    platform: str
    app_version: str
    public_key: bytes | None


def device_infos(conn: sqlite3.Connection, device_ids: Iterable[str]) -> dict[str, DeviceInfo]:
    """Each device's enrolment (label, platform, app version and public key)."""
    out: dict[str, DeviceInfo] = {}
    for device in sorted(set(device_ids)):
        row = conn.execute(
            "SELECT body FROM events WHERE device_id = ? AND device_seq = 1", (device,)
        ).fetchone()
        payload = orjson.loads(row[0]).get("payload", {}) if row else {}
        try:
            key: bytes | None = public_key_from_b64(str(payload.get("public_key", "")))
        except (TypeError, ValueError):
            key = None
        if key is not None and device_id_for(key) != device:
            key = None
        out[device] = DeviceInfo(
            device, str(payload.get("label", "")), str(payload.get("platform", "")),
            str(payload.get("app_version", "")), key,
        )  # fmt: skip
    return out


def check_events(
    conn: sqlite3.Connection, events: Iterable[Event], devices: dict[str, DeviceInfo]
) -> dict[str, EventCheck]:
    """The verification status of each event, by hash."""
    out: dict[str, EventCheck] = {}
    sealed: dict[tuple[str, int], EventCheck] = {}  # one walk serves a whole batch
    for e in events:
        if e.hash in out:
            continue
        device = devices.get(e.device_id)
        key = device.public_key if device else None
        if event_hash(e.body.encode("utf-8")) != e.hash:
            out[e.hash] = EventCheck("bad", "the hash does not match the event's body (altered)")
        elif key is None:
            out[e.hash] = EventCheck("bad", "its device has no valid enrolment (public key)")
        elif e.sig is not None:
            out[e.hash] = (
                EventCheck("signed", "its own signature is valid")
                if verify_signature(key, e.hash, e.sig)
                else EventCheck("bad", "its signature is invalid")
            )
        else:
            found = sealed.get((e.device_id, e.device_seq))
            out[e.hash] = found if found is not None else _seal(conn, e, key, sealed)
    return out


def _seal(
    conn: sqlite3.Connection, e: Event, key: bytes, memo: dict[tuple[str, int], EventCheck]
) -> EventCheck:
    """Walk the device's chain after ``e`` to the first signed event, checking every link;
    the events walked past get the same answer in ``memo``."""
    result, signed_at = _walk(conn, e, key)
    for seq in range(e.device_seq, signed_at):
        memo[(e.device_id, seq)] = result
    return result


def _walk(conn: sqlite3.Connection, e: Event, key: bytes) -> tuple[EventCheck, int]:
    """The status, and the device_seq of the signature found (0 when none covers ``e``)."""
    last, seq = e.hash, e.device_seq
    rows = conn.execute(
        """SELECT device_seq, hash, body, sig FROM events
           WHERE device_id = ? AND device_seq > ? ORDER BY device_seq""",
        (e.device_id, e.device_seq),
    )
    for device_seq, hash_, body, sig in rows:
        if device_seq != seq + 1:
            return EventCheck("bad", f"event #{seq + 1} of its device is missing"), 0
        if event_hash(body.encode("utf-8")) != hash_:
            return EventCheck("bad", f"event #{device_seq} after it was altered"), 0
        if orjson.loads(body).get("prev_hash") != last:
            return EventCheck("bad", f"the chain is broken at event #{device_seq} after it"), 0
        if sig is not None:
            if not verify_signature(key, hash_, sig):
                return EventCheck("bad", f"the signature on event #{device_seq} is invalid"), 0
            covered = f"covered by the signature on event {hash_[:12]} (#{device_seq})"
            return EventCheck("sealed", covered), device_seq
        last, seq = hash_, device_seq
    return EventCheck("unsigned", "no signature covers it yet (the end of its batch is missing)"), 0
