"""Turning drafts into a committed batch of a device's hash chain."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from .canonical import canonical_form
from .envelope import Agent, Event, EventDraft, event_hash
from .hlc import HybridClock
from .ids import uuid7
from .payloads import validate_payload
from .signing import DeviceKey, genesis_hash

__all__ = ["ChainHead", "build_batch"]


@dataclass(frozen=True, slots=True)
class ChainHead:
    """The newest event of one device's chain (``seq`` 0 and the genesis hash when empty)."""

    device_id: str
    seq: int
    hash: str

    @classmethod
    def genesis(cls, key: DeviceKey) -> ChainHead:
        return cls(key.device_id, 0, genesis_hash(key.device_id, key.public_key))


def _wall_time() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def build_batch(
    drafts: Sequence[EventDraft],
    *,
    head: ChainHead,
    project_id: str,
    key: DeviceKey,
    clock: HybridClock,
) -> list[Event]:
    """Chain ``drafts`` after ``head`` and sign the last one.

    Pure apart from the clock: nothing is stored, so a failed commit just drops the result
    and the head stays where it was.
    """
    if not drafts:
        return []
    if head.device_id != key.device_id:
        raise ValueError("chain head belongs to another device")
    events: list[Event] = []
    prev, seq = head.hash, head.seq
    wall = _wall_time()
    for d in drafts:
        seq += 1
        payload = validate_payload(d.type, d.payload)
        fields: dict[str, Any] = {
            "event_id": uuid7(),
            "project_id": project_id,
            "device_id": key.device_id,
            "device_seq": seq,
            "prev_hash": prev,
            "type": d.type,
            "actor": d.actor,
            "role": d.role,
            "agent": d.agent.to_json() if d.agent is not None else None,
            "subject": d.subject.to_json() if d.subject is not None else None,
            "base": list(d.base),
            "inputs": [r.to_json() for r in d.inputs],
            "outputs": [r.to_json() for r in d.outputs],
            "payload": payload,
            "schema_ref": d.schema_ref,
            "wall_time": wall,
            "hlc": str(clock.now()),
        }
        fields, body = canonical_form(fields)
        payload = fields["payload"]
        h = event_hash(body)
        events.append(
            Event(
                hash=h,
                body=body.decode("utf-8"),
                sig=None,
                event_id=fields["event_id"],
                project_id=project_id,
                device_id=key.device_id,
                device_seq=seq,
                prev_hash=prev,
                type=d.type,
                actor=d.actor,
                role=d.role,
                agent=Agent(**fields["agent"]) if d.agent is not None else None,
                subject=d.subject,
                base=tuple(d.base),
                inputs=tuple(d.inputs),
                outputs=tuple(d.outputs),
                payload=payload,
                schema_ref=d.schema_ref,
                wall_time=wall,
                hlc=fields["hlc"],
            )
        )
        prev = h
    events[-1] = replace(events[-1], sig=key.sign(events[-1].hash))
    return events
