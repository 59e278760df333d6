"""The event envelope (version 1): the unit of the lineage log.

``hash`` = SHA-256 over ``DOMAIN`` and the RFC 8785 canonical JSON of every field except
``hash`` and ``sig``. That canonical JSON is kept as ``body`` so verification re-hashes the
exact bytes that were signed, without re-encoding.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from typing import Any

import orjson
from pydantic import BaseModel

from .canonical import canonical_json
from .envelope_constants import DOMAIN

__all__ = ["Agent", "Event", "EventDraft", "Ref", "Subject", "event_hash", "EnvelopeError"]


class EnvelopeError(ValueError):
    """An event body that does not have the shape of envelope version 1."""


@dataclass(frozen=True, slots=True)
class Subject:
    """What an event is about: an item, and optionally a region (box, line, span) inside it."""

    item: str
    region: str | None = None

    def to_json(self) -> dict[str, Any]:
        return (
            {"item": self.item}
            if self.region is None
            else {"item": self.item, "region": self.region}
        )


@dataclass(frozen=True, slots=True)
class Ref:
    """A provenance edge: an entity an event used (input) or generated (output)."""

    kind: str  # "blob", "item", "event", "model", …
    id: str
    sha256: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "sha256": self.sha256}


@dataclass(frozen=True, slots=True)
class Agent:
    """The software that produced machine output: engine/model, version, weights, parameters."""

    name: str
    version: str
    weights_sha256: str | None = None
    parameters: dict[str, Any] = field(default_factory=dict)
    device: str | None = None  # "cpu", "cuda:0", …

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "version": self.version,
            "weights_sha256": self.weights_sha256,
            "parameters": self.parameters,
            "device": self.device,
        }


@dataclass(frozen=True, slots=True)
class EventDraft:
    """What a caller asks to record; the chain adds ids, sequence, clock and hashes."""

    type: str
    payload: dict[str, Any] | BaseModel  # a payload model instance, or its JSON to validate
    actor: str
    role: str
    subject: Subject | None = None
    agent: Agent | None = None
    base: tuple[str, ...] = ()
    inputs: tuple[Ref, ...] = ()
    outputs: tuple[Ref, ...] = ()
    schema_ref: str | None = None


def event_hash(body: bytes) -> str:
    return hashlib.sha256(DOMAIN + body).hexdigest()


_FIELDS = (
    "event_id", "project_id", "device_id", "device_seq", "prev_hash", "type", "actor", "role",
    "agent", "subject", "base", "inputs", "outputs", "payload", "schema_ref", "wall_time", "hlc",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Event:
    """A recorded event. ``body`` is the canonical JSON that ``hash`` covers."""

    hash: str
    body: str
    sig: bytes | None
    event_id: str
    project_id: str
    device_id: str
    device_seq: int
    prev_hash: str
    type: str
    actor: str
    role: str
    agent: Agent | None
    subject: Subject | None
    base: tuple[str, ...]
    inputs: tuple[Ref, ...]
    outputs: tuple[Ref, ...]
    payload: dict[str, Any]
    schema_ref: str | None
    wall_time: str
    hlc: str

    @classmethod
    def create(cls, fields: dict[str, Any], sig: bytes | None = None) -> Event:
        """Build an event from its JSON fields, computing body and hash."""
        body = canonical_json(fields)
        return cls._from_fields(event_hash(body), body.decode("utf-8"), sig, fields)

    @classmethod
    def from_body(cls, hash_: str, body: str, sig: bytes | None) -> Event:
        """Rebuild a stored event. Does not re-check the hash (``verify`` does)."""
        try:
            fields = orjson.loads(body)
        except orjson.JSONDecodeError as exc:
            raise EnvelopeError(f"event {hash_[:12]}: body is not JSON ({exc})") from None
        return cls._from_fields(hash_, body, sig, fields)

    @classmethod
    def from_parsed(cls, hash_: str, body: str, sig: bytes | None, fields: dict[str, Any]) -> Event:
        """Rebuild an event whose body the caller has parsed into ``fields`` already (they
        must be that body's parse). Does not re-check the hash."""
        return cls._from_fields(hash_, body, sig, fields)

    @classmethod
    def _from_fields(cls, hash_: str, body: str, sig: bytes | None, f: dict[str, Any]) -> Event:
        if not isinstance(f, dict) or set(f) != set(_FIELDS):
            got = sorted(f) if isinstance(f, dict) else type(f).__name__
            raise EnvelopeError(f"event {hash_[:12]}: envelope fields are {got}")
        try:
            agent = f["agent"]
            subject = f["subject"]
            return cls(
                hash=hash_,
                body=body,
                sig=sig,
                event_id=f["event_id"],
                project_id=f["project_id"],
                device_id=f["device_id"],
                device_seq=f["device_seq"],
                prev_hash=f["prev_hash"],
                type=f["type"],
                actor=f["actor"],
                role=f["role"],
                agent=Agent(**agent) if agent is not None else None,
                subject=Subject(**subject) if subject is not None else None,
                base=tuple(f["base"]),
                inputs=tuple(Ref(**r) for r in f["inputs"]),
                outputs=tuple(Ref(**r) for r in f["outputs"]),
                payload=f["payload"],
                schema_ref=f["schema_ref"],
                wall_time=f["wall_time"],
                hlc=f["hlc"],
            )
        except TypeError as exc:
            raise EnvelopeError(f"event {hash_[:12]}: malformed field ({exc})") from None

    @property
    def subject_item(self) -> str | None:
        return self.subject.item if self.subject is not None else None

    def to_wire(self) -> dict[str, Any]:
        """The event as sent over the network and printed by ``hitl log --json``."""
        return {
            "hash": self.hash,
            "body": self.body,
            "sig": base64.b64encode(self.sig).decode("ascii") if self.sig else None,
        }

    def fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = orjson.loads(self.body)
        return fields
