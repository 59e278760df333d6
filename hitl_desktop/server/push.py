"""Checking and storing a push: every event gets a status; the accepted ones are stored in one
transaction with gap-free ``server_seq`` (see docs/sync-protocol.md for the statuses)."""

from __future__ import annotations

import base64
import binascii
import time
from dataclasses import dataclass, field
from typing import Any

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..lineage.canonical import CanonicalError, is_canonical
from ..lineage.envelope import EnvelopeError, Event, event_hash
from ..lineage.signing import genesis_hash, public_key_from_b64, verify_signature
from ..roles import Action, can, reason
from . import db
from .auth import User
from .privacy import PushPrivacy

__all__ = [
    "Result", "WireEvent", "check_and_store", "decode_all", "type_action", "verify_signatures",
]  # fmt: skip

# Event types only some roles may emit; every other type is plain work (annotate, import…).
_TYPE_ACTIONS: dict[str, Action] = {
    "schema.published": Action.PUBLISH_SCHEMA,
    "review.decided": Action.REVIEW,
    "assignment.made": Action.ASSIGN,
    "dataset.approved": Action.APPROVE_DATASET,
}
_BLOB_TYPES = ("item.imported", "item.derived")


def type_action(type_: str) -> Action:
    return _TYPE_ACTIONS.get(type_, Action.ANNOTATE)


@dataclass(frozen=True)
class WireEvent:
    hash: str
    body: str
    sig: str | None


@dataclass
class Result:
    hash: str
    status: str
    server_seq: int | None = None
    detail: str = ""
    event: Event | None = field(default=None, repr=False)
    # the signature checked before the write lock: against which key, and the answer
    sig_key: bytes | None = field(default=None, repr=False)
    sig_valid: bool = field(default=False, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {"hash": self.hash, "status": self.status, "server_seq": self.server_seq,
                "detail": self.detail}  # fmt: skip


def _check_types(ev: Event) -> None:
    """The fields the server reads must have their types (a forged body could put anything)."""
    texts = {"project_id": ev.project_id, "device_id": ev.device_id, "type": ev.type,
             "actor": ev.actor, "prev_hash": ev.prev_hash}  # fmt: skip
    wrong = [k for k, v in texts.items() if not isinstance(v, str)]
    if type(ev.device_seq) is not int or ev.device_seq < 1:
        wrong.append("device_seq")
    if not isinstance(ev.payload, dict):
        wrong.append("payload")
    if wrong:
        raise EnvelopeError(f"event {ev.hash[:12]}: wrong type for {', '.join(wrong)}")


def _decode(w: WireEvent, project_id: str) -> Result:
    """Checks that need no database: envelope, hash, canonical body, project.

    The body is parsed once; the parse serves the canonical check and the event."""
    try:
        sig = base64.b64decode(w.sig, validate=True) if w.sig is not None else None
    except (binascii.Error, ValueError):
        return Result(w.hash, "invalid", detail="sig is not base64")
    body = w.body.encode("utf-8")
    if event_hash(body) != w.hash:
        return Result(w.hash, "bad_sig", detail="the hash does not match the body (altered)")
    try:
        fields = orjson.loads(body)
        if not isinstance(fields, dict):
            raise EnvelopeError(f"event {w.hash[:12]}: the body is not a JSON object")
        if not is_canonical(body, fields):
            return Result(w.hash, "invalid", detail="the body is not canonical JSON (RFC 8785)")
        ev = Event.from_parsed(w.hash, w.body, sig, fields)
        _check_types(ev)
    except orjson.JSONDecodeError as exc:
        return Result(
            w.hash, "invalid", detail=f"not an envelope-1 event: body is not JSON ({exc})"
        )
    except (EnvelopeError, CanonicalError) as exc:
        return Result(w.hash, "invalid", detail=f"not an envelope-1 event: {exc}")
    if ev.project_id != project_id:
        return Result(w.hash, "invalid", detail=f"event belongs to project {ev.project_id}")
    return Result(w.hash, "ok", event=ev)


@dataclass
class _Device:
    user: str
    public_key: bytes
    revoked: bool
    head_seq: int
    head_hash: str


def _load_devices(conn: Connection, ids: set[str]) -> dict[str, _Device]:
    found: dict[str, _Device] = {}
    if not ids:
        return found
    rows = conn.execute(
        sa.select(
            db.devices.c.device_id,
            db.devices.c.user,
            db.devices.c.public_key,
            db.devices.c.revoked_at,
        ).where(db.devices.c.device_id.in_(ids))
    ).all()
    for r in rows:
        head = conn.execute(
            sa.select(db.events.c.device_seq, db.events.c.hash)
            .where(db.events.c.device_id == r.device_id)
            .order_by(db.events.c.device_seq.desc())
            .limit(1)
        ).first()
        seq, hsh = (head.device_seq, head.hash) if head else (
            0, genesis_hash(r.device_id, r.public_key))  # fmt: skip
        found[r.device_id] = _Device(r.user, r.public_key, r.revoked_at is not None, seq, hsh)
    return found


def _check(
    r: Result, user: User, dev: _Device | None, blobs_present: set[str], local_only: bool = False
) -> Result:
    ev = r.event
    assert ev is not None
    if dev is None:
        return Result(r.hash, "forbidden", detail=f"device {ev.device_id} is not registered")
    if dev.revoked:
        return Result(r.hash, "forbidden", detail=f"device {ev.device_id} was revoked")
    if dev.user != user.name:
        return Result(r.hash, "forbidden", detail=f"device {ev.device_id} is another user's")
    if ev.actor != user.name and not ev.actor.startswith("model:"):
        if not _credited_import(ev, user):
            return Result(r.hash, "forbidden",
                          detail=f"actor {ev.actor!r} is not the signed-in user {user.name!r}")  # fmt: skip
        if not can(user.role, Action.CREDIT_IMPORTED):
            return Result(r.hash, "forbidden", detail=reason(user.role, Action.CREDIT_IMPORTED))
    action = type_action(ev.type)
    if not can(user.role, action):
        return Result(r.hash, "forbidden", detail=f"{reason(user.role, action)} ({ev.type})")
    if ev.device_seq <= dev.head_seq:
        return Result(r.hash, "fork", detail=f"another event already holds #{ev.device_seq} "
                                             f"of device {ev.device_id}")  # fmt: skip
    if ev.device_seq != dev.head_seq + 1 or ev.prev_hash != dev.head_hash:
        return Result(r.hash, "chain_gap", detail=f"the server holds #{dev.head_seq} of this "
                      "device and this event does not follow it; send earlier events first")  # fmt: skip
    if ev.device_seq == 1:
        try:
            key_ok = ev.type == "device.enrolled" and public_key_from_b64(
                ev.payload["public_key"]) == dev.public_key  # fmt: skip
        except (KeyError, TypeError, ValueError):
            key_ok = False
        if not key_ok:
            return Result(r.hash, "invalid",
                          detail="a device chain starts with its device.enrolled event")  # fmt: skip
    if ev.type in _BLOB_TYPES and not local_only:  # a local-only item's blob stays home
        sha = ev.payload.get("blob_sha256") if isinstance(ev.payload, dict) else None
        if not isinstance(sha, str) or sha not in blobs_present:
            return Result(r.hash, "missing_blob", detail=f"upload blob {sha} first")
    if ev.sig is not None:
        valid = (r.sig_valid if r.sig_key == dev.public_key
                 else verify_signature(dev.public_key, ev.hash, ev.sig))  # fmt: skip
        if not valid:
            return Result(r.hash, "bad_sig", detail="the signature is not the device key's")
    return r


def _credited_import(ev: Event, user: User) -> bool:
    """An answer imported from another tool, credited to the person who made it there: the
    importer is the signed-in user (their device signed it) and is named in the agent."""
    agent = ev.agent
    return (
        agent is not None
        and agent.name.startswith("import:")
        and isinstance(agent.parameters, dict)
        and agent.parameters.get("imported_by") == user.name
    )


def _existing(conn: Connection, hashes: list[str]) -> dict[str, int]:
    rows = conn.execute(
        sa.select(db.events.c.hash, db.events.c.server_seq).where(db.events.c.hash.in_(hashes))
    ).all()
    return {r.hash: r.server_seq for r in rows}


def _blobs_present(conn: Connection, decoded: list[Result]) -> set[str]:
    wanted = {str(r.event.payload.get("blob_sha256")) for r in decoded
              if r.event is not None and r.event.type in _BLOB_TYPES
              and isinstance(r.event.payload, dict)}  # fmt: skip
    if not wanted:
        return set()
    rows = conn.execute(sa.select(db.blobs.c.sha256).where(db.blobs.c.sha256.in_(wanted)))
    return {r.sha256 for r in rows}


def _seal(results: list[Result]) -> None:
    """Each device's accepted run must end on a signed event: unsigned tails become bad_sig."""
    last_signed: dict[str, int] = {}
    last_ok: dict[str, int] = {}
    for i, r in enumerate(results):
        if r.status == "ok" and r.event is not None:
            last_ok[r.event.device_id] = i
            if r.event.sig is not None:
                last_signed[r.event.device_id] = i
    for dev_id, end in last_ok.items():
        start = last_signed.get(dev_id, -1)
        for r in results[start + 1 : end + 1]:
            if r.status == "ok" and r.event is not None and r.event.device_id == dev_id:
                r.status, r.detail = "bad_sig", (
                    "not covered by a signature: the device's events in a push must end on a "
                    "signed event")  # fmt: skip


def decode_all(wire: list[WireEvent], project_id: str) -> list[Result]:
    """The checks that need no database (hash, envelope, canonical body, project): done
    before the write lock is taken, so concurrent pushes overlap on them."""
    return [_decode(w, project_id) for w in wire]


def verify_signatures(conn: Connection, decoded: list[Result]) -> None:
    """Check signatures before the write lock (Ed25519 is the costliest check, and a device's
    key never changes once registered), so concurrent pushes overlap on it; under the lock
    ``_check`` reuses each answer when the key is still the same."""
    signed = [r for r in decoded if r.status == "ok" and r.event is not None and r.event.sig]
    ids = {r.event.device_id for r in signed if r.event is not None}
    if not ids:
        return
    keys = dict(conn.execute(
        sa.select(db.devices.c.device_id, db.devices.c.public_key)
        .where(db.devices.c.device_id.in_(ids))).all())  # fmt: skip
    for r in signed:
        ev = r.event
        key = keys.get(ev.device_id) if ev is not None else None
        if ev is not None and ev.sig is not None and key is not None:
            r.sig_key, r.sig_valid = key, verify_signature(key, ev.hash, ev.sig)


def check_and_store(conn: Connection, user: User, decoded: list[Result]) -> list[Result]:
    """Check ``decode_all``'s results against the stored log, then store the accepted ones.
    ``conn`` is in a write transaction whose sequence lock is taken here; the caller commits."""
    last = db.lock_counter(conn)
    existing = _existing(conn, [r.hash for r in decoded])
    devs = _load_devices(conn, {r.event.device_id for r in decoded if r.event is not None})
    present = _blobs_present(conn, decoded)
    privacy = PushPrivacy(conn)
    results: list[Result] = []
    taken: dict[str, Result] = {}
    for r in decoded:
        if r.hash in existing:
            r = Result(r.hash, "duplicate", existing[r.hash], "already stored")
        elif r.hash in taken:
            r = Result(r.hash, "duplicate", detail="sent twice in this push")
        elif r.status == "ok" and r.event is not None:
            dev = devs.get(r.event.device_id)
            event = r.event
            r = _check(r, user, dev, present, privacy.local_only(event))
            r.event = event  # kept for the incident record
            if r.status == "ok" and dev is not None:
                dev.head_seq, dev.head_hash = event.device_seq, r.hash
                taken[r.hash] = r
                privacy.accepted(event)
        results.append(r)
    _seal(results)
    # a device whose tail was unsealed rolled back: later events of it were checked against
    # a head that will not be stored, but they are in that tail too (same run), so all fail.
    now = int(time.time())
    rows = []
    for r in results:
        if r.status == "ok" and r.event is not None:
            last += 1
            r.server_seq = last
            ev = r.event
            rows.append({"server_seq": last, "hash": ev.hash, "device_id": ev.device_id,
                         "device_seq": ev.device_seq, "prev_hash": ev.prev_hash,
                         "type": ev.type, "actor": ev.actor, "body": ev.body, "sig": ev.sig,
                         "received_at": now})  # fmt: skip
    for r in results:
        if r.status == "duplicate" and r.server_seq is None and r.hash in taken:
            first = taken[r.hash]
            r.server_seq = first.server_seq if first.status == "ok" else None
            if first.status != "ok":
                r.status, r.detail = first.status, first.detail
    if rows:
        db.insert_events(conn, rows)
        db.set_counter(conn, last)
        privacy.save({r.hash for r in results if r.status == "ok"})
    _record_incidents(conn, user, results, now)
    return results


INCIDENT_STATUSES = ("fork", "bad_sig", "forbidden", "invalid")


def _record_incidents(conn: Connection, user: User, results: list[Result], now: int) -> None:
    """Keep each refused event once (a client retrying it does not flood the list)."""
    refused = {(r.hash, r.status): r for r in results if r.status in INCIDENT_STATUSES}
    if not refused:
        return
    rows = conn.execute(
        sa.select(db.incidents.c.hash, db.incidents.c.status).where(
            db.incidents.c.hash.in_({h for h, _ in refused})
        )
    )
    known = {(row.hash, row.status) for row in rows}
    new = [
        {"at": now, "user": user.name, "hash": h, "status": st, "detail": r.detail,
         "device_id": r.event.device_id if r.event is not None else None}
        for (h, st), r in refused.items() if (h, st) not in known
    ]  # fmt: skip
    if new:
        conn.execute(db.incidents.insert(), new)
