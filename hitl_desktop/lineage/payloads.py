"""Payload models, one per event type (envelope version 1).

Local appends validate every payload against its model, so nothing malformed enters the log.
Events of types this version does not know (written by a newer app) are kept and synced
untouched; ``payload_model_for`` returns None for them.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

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


class Provenance(_Payload):
    """Where an imported file came from and under which terms."""

    source: NFCStr = ""
    collector: NFCStr = ""  # the person or team who collected the data
    device: NFCStr = ""  # scanner, phone, … that captured it
    licence: NFCStr = ""
    consent: bool | None = None  # None: not recorded
    privacy: list[NFCStr] = Field(default_factory=list)  # e.g. "personal-data", "faces"
    tags: list[NFCStr] = Field(default_factory=list)
    original_path: NFCStr = ""
    modified_time: str = ""  # ISO-8601 UTC of the file's mtime


class ItemImported(_Payload):
    """A file brought into the workspace; ``blob_sha256`` holds its original bytes."""

    kind: ItemKind
    name: NFCStr
    media_type: str
    blob_sha256: Sha256Hex
    size_bytes: int = Field(ge=0)
    source: NFCStr = ""
    provenance: Provenance = Field(default_factory=Provenance)
    stats: dict[str, Any] = Field(default_factory=dict)  # for drift checks: size, brightness, …
    text_sha256: Sha256Hex | None = None  # a text item's content as NFC UTF-8 (blob)
    notes: list[NFCStr] = Field(default_factory=list)  # e.g. "extension .jpg but content is PNG"
    near_duplicates: list[str] = Field(default_factory=list)  # item ids flagged, not dropped


class ItemSighted(_Payload):
    """Content already in the workspace seen again under another source or path."""

    blob_sha256: Sha256Hex
    source: NFCStr = ""
    provenance: Provenance = Field(default_factory=Provenance)


class ItemDerived(_Payload):
    """An item made from another (a PDF page render, a TIFF page, a CSV row)."""

    kind: ItemKind
    name: NFCStr
    media_type: str
    blob_sha256: Sha256Hex
    size_bytes: int = Field(ge=0)
    parent: str
    transformation: str  # e.g. "pdf.render", "tiff.page", "csv.row"
    parameters: dict[str, Any] = Field(default_factory=dict)  # dpi, renderer and version, …
    source: NFCStr = ""
    stats: dict[str, Any] = Field(default_factory=dict)
    text_layer_sha256: Sha256Hex | None = None  # a PDF page's embedded text, as a blob
    near_duplicates: list[str] = Field(default_factory=list)


class OcrLinePayload(_Payload):
    quad: list[list[float]] = Field(min_length=4, max_length=4)  # clockwise from top-left
    text: NFCStr
    score: float = Field(ge=0, le=1)


class OcrRan(_Payload):
    """An OCR engine's reading of one page image; the envelope's agent names the engine."""

    image_sha256: Sha256Hex
    width: int = Field(gt=0)
    height: int = Field(gt=0)
    lines: list[OcrLinePayload]
    regions_only: bool = False  # True when only given boxes were re-recognised


class SourceRetired(_Payload):
    """Every item of a source leaves work queues and exports; its history stays."""

    source: NFCStr
    reason: NFCStr = ""


class SourceRestored(_Payload):
    source: NFCStr
    reason: NFCStr = ""


class ItemRetired(_Payload):
    reason: NFCStr = ""


class ItemRestored(_Payload):
    reason: NFCStr = ""


class AnnotationRevised(_Payload):
    """A new revision of an item's annotations; ``base`` in the envelope names its parents."""

    annotations: list[dict[str, Any]]
    note: NFCStr = ""


TaskKind = Literal["disagreement", "fork", "gold", "decision_conflict", "spot_check"]


class ReviewDecided(_Payload):
    """A checker's decision on an item; the envelope ``base`` names every competing revision.

    ``accept``, ``merge`` and ``adjudicate`` carry the resulting ``annotations``, so the
    decision is itself the item's new revision (one atomic event: no decision without its
    answer). ``chosen`` names the revisions the answer was taken from. ``reject`` carries no
    answer, needs a reason, and sends the item back to work; the rejected revisions stay.
    """

    decision: Literal["accept", "reject", "merge", "adjudicate"]
    chosen: list[Sha256Hex] = Field(default_factory=list)
    reason: NFCStr = ""
    annotations: list[dict[str, Any]] | None = None
    task: TaskKind | None = None  # the kind of review task the decision closed

    @model_validator(mode="after")
    def _answer_matches_decision(self) -> ReviewDecided:
        if self.decision == "reject":
            if self.annotations is not None:
                raise ValueError("a reject decision carries no annotations")
            if not self.reason.strip():
                raise ValueError("a reject decision needs a reason")
        elif self.annotations is None:
            raise ValueError(f"a {self.decision} decision carries the resulting annotations")
        if self.decision == "accept" and len(self.chosen) != 1:
            raise ValueError("an accept decision names exactly one chosen revision")
        return self


class AssignmentEntry(_Payload):
    item: str = Field(min_length=1)
    assignee: NFCStr = Field(min_length=1)
    kind: Literal["primary", "overlap", "gold"]


class AssignmentMade(_Payload):
    """Items given to workers. ``overlap`` of the items go to a second worker and gold items
    (answers already adjudicated) are mixed in at ``gold_rate``; the choice is a hash of
    ``seed`` and the item id, so the same inputs always give the same assignment."""

    batch: NFCStr = Field(min_length=1)
    assignments: list[AssignmentEntry] = Field(min_length=1)
    overlap: float = Field(default=0.0, ge=0, le=1)
    gold_rate: float = Field(default=0.0, ge=0, le=1)
    seed: str = ""


class LabelDescription(_Payload):
    name: NFCStr = Field(min_length=1)
    description: NFCStr = ""


class LabelSetPayload(_Payload):
    """A named, versioned label set (minimal schema support)."""

    name: NFCStr = Field(min_length=1)
    version: int = Field(ge=1)
    labels: list[LabelDescription] = Field(min_length=1)


class RecheckFlag(_Payload):
    """An item whose annotations use a label a schema version removed."""

    item: str
    reason: NFCStr


class SchemaPublished(_Payload):
    """A full label schema version (``hitl_desktop.schema.Schema`` JSON) and its parent.

    ``recheck`` lists the items the publish flagged "needs re-check" (removed labels);
    renamed labels are mapped by ``annotation.revised`` events appended with it.
    """

    name: NFCStr = Field(min_length=1)
    version: int = Field(ge=1)
    parent_version: int | None = Field(default=None, ge=1)
    definition: dict[str, Any]
    note: NFCStr = ""
    recheck: list[RecheckFlag] = Field(default_factory=list)


class ModelRegistered(_Payload):
    """A model version the app may run; its id is ``name@weights_sha256[:12]``.

    ``files`` maps every file that defines the model (weights, config, tokenizer) to its
    SHA-256; ``weights_sha256`` covers the weight files only, so the id names the weights.
    """

    name: NFCStr = Field(min_length=1)
    kind: Literal["transformers", "sentence-embedding", "onnx", "head", "pickle", "opencv-cascade",
                  "skops", "rest"]  # fmt: skip
    task: str
    path: NFCStr  # local folder or file; "" for heads kept in the blob store
    files: dict[str, Sha256Hex] = Field(min_length=1)
    weights_sha256: Sha256Hex
    labels: list[NFCStr] = Field(default_factory=list)
    metrics: dict[str, Any] = Field(default_factory=dict)  # held-out accuracy, macro-F1, …
    label_set: LabelSetPayload | None = None
    base_model: str | None = None  # a head's sentence-embedding model id
    parameters: dict[str, Any] = Field(default_factory=dict)


class LabelScore(_Payload):
    label: NFCStr
    score: float = Field(ge=0, le=1)


class SpanPayload(_Payload):
    """A labelled span: ``start``/``end`` index code points of the item's NFC text."""

    start: int = Field(ge=0)
    end: int = Field(gt=0)
    label: NFCStr
    score: float = Field(ge=0, le=1)


class BoxPayload(_Payload):
    x0: float
    y0: float
    x1: float
    y1: float
    label: NFCStr
    score: float = Field(ge=0, le=1)


class PrelabelMade(_Payload):
    """A model's suggestion for one item; the envelope's agent names model and weights."""

    model_id: str
    text_sha256: Sha256Hex | None = None  # the NFC text the spans index
    image_sha256: Sha256Hex | None = None  # the page blob whose upright pixels the boxes use
    labels: list[LabelScore] = Field(default_factory=list)  # classification, best first
    spans: list[SpanPayload] = Field(default_factory=list)  # token classification
    boxes: list[BoxPayload] = Field(default_factory=list)  # detection


class DatasetExported(_Payload):
    """A dataset written by ``hitl export``: its ``MANIFEST.json`` lists every file, event and
    blob it holds; ``manifest_sha256`` is the hash of that file's bytes."""

    format: str = Field(min_length=1)
    manifest_sha256: Sha256Hex
    export_sha256: Sha256Hex  # all files except the manifest, in the manifest's order
    options: dict[str, Any] = Field(default_factory=dict)
    schema_ref: str | None = None
    counts: dict[str, int] = Field(default_factory=dict)
    folder: NFCStr = ""  # where it was written (informative: the folder may move)


class DatasetApproved(_Payload):
    """An expert's sign-off of one exported dataset version, named by its manifest hash."""

    manifest_sha256: Sha256Hex
    export_sha256: Sha256Hex
    format: str = ""
    note: NFCStr = ""


PAYLOAD_MODELS: dict[str, type[_Payload]] = {
    "device.enrolled": DeviceEnrolled,
    "workspace.created": WorkspaceCreated,
    "item.imported": ItemImported,
    "item.derived": ItemDerived,
    "item.sighted": ItemSighted,
    "source.retired": SourceRetired,
    "ocr.ran": OcrRan,
    "source.restored": SourceRestored,
    "item.retired": ItemRetired,
    "item.restored": ItemRestored,
    "annotation.revised": AnnotationRevised,
    "review.decided": ReviewDecided,
    "assignment.made": AssignmentMade,
    "model.registered": ModelRegistered,
    "prelabel.made": PrelabelMade,
    "schema.published": SchemaPublished,
    "dataset.exported": DatasetExported,
    "dataset.approved": DatasetApproved,
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
