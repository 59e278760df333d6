"""Payload models, one per event type (envelope version 1).

Local appends validate every payload against its model, so nothing malformed enters the log.
Events of types this version does not know (written by a newer app) are kept and synced
untouched; ``payload_model_for`` returns None for them.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

__all__ = [
    "PAYLOAD_MODELS",
    "PayloadError",
    "payload_model_for",
    "validate_payload",
    "NFCStr",
    "Sha256Hex",
]


class PayloadError(ValueError):
    """A payload that does not match its event type's model."""


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# Every human-visible string is stored in Unicode NFC, so "é" typed or pasted compares equal.
NFCStr = Annotated[str, AfterValidator(_nfc)]
Sha256Hex = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
ItemKind = Literal["image", "scan_page", "text", "document"]


class _Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DeviceEnrolled(_Payload):
    """First event of every device chain: publishes the key that signs the chain."""

    public_key: str  # base64 of the raw 32-byte Ed25519 public key
    label: NFCStr = ""
    platform: str = ""
    app_version: str = ""


class WorkspaceCreated(_Payload):
    name: NFCStr
    description: NFCStr = ""


class ItemImported(_Payload):
    kind: ItemKind
    name: NFCStr
    media_type: str
    blob_sha256: Sha256Hex
    size_bytes: int = Field(ge=0)
    source: NFCStr = ""
    metadata: dict[str, Any] = Field(default_factory=dict)


class ItemDerived(_Payload):
    """An item made from another (a PDF page render, a TIFF page, a crop)."""

    kind: ItemKind
    name: NFCStr
    media_type: str
    blob_sha256: Sha256Hex
    size_bytes: int = Field(ge=0)
    parent: str
    transformation: str
    parameters: dict[str, Any] = Field(default_factory=dict)


class ItemRetired(_Payload):
    reason: NFCStr = ""


class ItemRestored(_Payload):
    reason: NFCStr = ""


class AnnotationRevised(_Payload):
    """A new revision of an item's annotations; ``base`` in the envelope names its parents."""

    annotations: list[dict[str, Any]]
    note: NFCStr = ""


class ReviewDecided(_Payload):
    decision: Literal["accept", "reject", "merge", "adjudicate"]
    chosen: list[Sha256Hex] = Field(default_factory=list)
    reason: NFCStr = ""


PAYLOAD_MODELS: dict[str, type[_Payload]] = {
    "device.enrolled": DeviceEnrolled,
    "workspace.created": WorkspaceCreated,
    "item.imported": ItemImported,
    "item.derived": ItemDerived,
    "item.retired": ItemRetired,
    "item.restored": ItemRestored,
    "annotation.revised": AnnotationRevised,
    "review.decided": ReviewDecided,
}


def payload_model_for(event_type: str) -> type[BaseModel] | None:
    return PAYLOAD_MODELS.get(event_type)


def validate_payload(event_type: str, payload: dict[str, Any] | BaseModel) -> dict[str, Any]:
    """Validate a payload for ``event_type`` and return its JSON form."""
    model = PAYLOAD_MODELS.get(event_type)
    if model is None:
        raise PayloadError(f"unknown event type {event_type!r}")
    if isinstance(payload, model):
        return payload.model_dump(mode="json")
    if isinstance(payload, BaseModel):
        raise PayloadError(f"{event_type} needs a {model.__name__}, got {type(payload).__name__}")
    try:
        return model.model_validate(payload).model_dump(mode="json")
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'payload'}: {e['msg']}" for e in exc.errors()
        )
        raise PayloadError(f"{event_type} payload is invalid: {problems}") from None
