"""The lineage log: event envelope, canonical encoding, hashing, chains, signatures, clocks.

This package imports nothing else of ours, so the server, the client and third-party
verifiers can share it.
"""

from .canonical import CanonicalError, canonical_json, is_canonical
from .chain import ChainHead, build_batch
from .envelope import Agent, EnvelopeError, Event, EventDraft, Ref, Subject, event_hash
from .hlc import HLC, HybridClock, parse_hlc
from .ids import uuid7
from .payloads import PAYLOAD_MODELS, PayloadError, validate_payload
from .signing import DeviceKey, device_id_for, genesis_hash, verify_signature
from .verify import ChainVerifier, Problem, StoredRow, VerifyReport, verify_rows

__all__ = [
    "HLC", "PAYLOAD_MODELS", "Agent", "CanonicalError", "ChainHead", "ChainVerifier",
    "DeviceKey", "EnvelopeError", "Event", "EventDraft", "HybridClock", "PayloadError",
    "Problem", "Ref", "StoredRow", "Subject", "VerifyReport", "build_batch", "canonical_json",
    "device_id_for", "event_hash", "genesis_hash", "is_canonical", "parse_hlc", "uuid7", "validate_payload",
    "verify_rows", "verify_signature",
]  # fmt: skip
