"""Annotations: a shape with a label, attributes, a stable id and where it came from.

The JSON form is what ``AnnotationRevised.annotations`` stores: every string NFC, keys in
sorted (canonical) order, one dict per annotation.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeAlias

from ..lineage import uuid7
from .errors import InvalidAnnotation, InvalidShape
from .shapes import Classification, Shape, nfc, shape_from_json

AttrValue: TypeAlias = str | int | float | bool
OriginKind = Literal["human", "prelabel", "ocr"]
_ORIGIN_KINDS = ("human", "prelabel", "ocr")


@dataclass(frozen=True, slots=True)
class Origin:
    """Who first made an annotation: a person, or a model whose suggestion a person accepted.

    ``event`` is the ``prelabel.made`` / ``ocr.ran`` event the suggestion came from and
    ``model`` the model id, so provenance survives acceptance; ``score`` is the model's
    confidence; ``edited`` turns true once a person changes an accepted suggestion.
    """

    kind: OriginKind = "human"
    event: str | None = None
    model: str | None = None
    score: float | None = None
    edited: bool = False

    def __post_init__(self) -> None:
        if self.kind not in _ORIGIN_KINDS:
            raise InvalidAnnotation(
                f"origin kind must be one of {_ORIGIN_KINDS}, got {self.kind!r}"
            )
        if self.kind == "human":
            if self.event or self.model or self.score is not None or self.edited:
                raise InvalidAnnotation("a human origin names no event, model or score")
        elif not self.event or not self.model:
            raise InvalidAnnotation(f"a {self.kind} origin must name its event and model")
        if self.score is not None and not (0.0 <= self.score <= 1.0):
            raise InvalidAnnotation(f"origin score must be in [0, 1], got {self.score}")

    @property
    def is_human(self) -> bool:
        return self.kind == "human"

    def to_json(self) -> dict[str, Any]:
        if self.kind == "human":
            return {"kind": "human"}
        return {"edited": self.edited, "event": self.event, "kind": self.kind,
                "model": self.model, "score": self.score}  # fmt: skip

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Origin:
        if len(d) == 1 and d.get("kind") == "human":
            return HUMAN  # most annotations: no need to build and check another
        return cls(d["kind"], d.get("event"), d.get("model"), d.get("score"),
                   bool(d.get("edited", False)))  # fmt: skip


HUMAN = Origin()
_SAFE_INT = 2**53 - 1  # integers every JSON reader keeps exactly (RFC 8785)


def _attributes(attrs: Mapping[str, Any]) -> dict[str, AttrValue]:
    out: dict[str, AttrValue] = {}
    for key in sorted(attrs):
        value = attrs[key]
        if not isinstance(key, str) or not key:
            raise InvalidAnnotation(f"attribute names must be non-empty text, got {key!r}")
        if isinstance(value, float) and not math.isfinite(value):
            raise InvalidAnnotation(f"attribute {key!r} must be finite, got {value!r}")
        if not isinstance(value, str | int | float | bool):
            raise InvalidAnnotation(
                f"attribute {key!r} must be text, a number or true/false, got {type(value).__name__}"
            )
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _SAFE_INT:
            try:  # as every JSON reader does; a float stored as digits reads back
                value = float(value)
            except OverflowError:
                raise InvalidAnnotation(f"attribute {key!r} is out of range") from None
        out[nfc(key)] = nfc(value) if isinstance(value, str) else value
    return out


@dataclass(frozen=True, slots=True, eq=True)
class Annotation:
    """One annotation of an item. Change it with ``dataclasses.replace`` (or ``with_``)."""

    shape: Shape
    label: str = ""
    attributes: Mapping[str, AttrValue] = field(default_factory=dict)
    origin: Origin = HUMAN
    id: str = field(default_factory=uuid7)

    def __post_init__(self) -> None:
        object.__setattr__(self, "label", nfc(str(self.label)))
        object.__setattr__(self, "attributes", _attributes(self.attributes))
        if not self.label and not isinstance(self.shape, Classification):
            raise InvalidAnnotation(f"{self.shape.kind} annotation {self.id} needs a label")
        if not isinstance(self.id, str) or not self.id:
            raise InvalidAnnotation("an annotation needs a non-empty id")

    __hash__ = None  # type: ignore[assignment]  # attributes are a dict

    @property
    def kind(self) -> str:
        return self.shape.kind

    def with_(self, **changes: Any) -> Annotation:
        """A copy with ``changes``; an accepted suggestion that changes is marked edited."""
        new = dataclasses.replace(self, **changes)
        if not self.origin.is_human and not self.origin.edited and "origin" not in changes:
            new = dataclasses.replace(new, origin=dataclasses.replace(self.origin, edited=True))
        return new

    def to_json(self) -> dict[str, Any]:
        return {
            "attributes": dict(self.attributes), "id": self.id, "kind": self.shape.kind,
            "label": self.label, "origin": self.origin.to_json(), "shape": self.shape.to_json(),
        }  # fmt: skip

    @classmethod
    def from_json(cls, d: Mapping[str, Any], *, text_length: int | None = None) -> Annotation:
        """Parse a stored annotation; spans are checked against ``text_length`` when given."""
        if not isinstance(d, Mapping):
            raise InvalidAnnotation(f"an annotation must be an object, got {type(d).__name__}")
        ident = d.get("id", "?")
        try:
            shape = shape_from_json(d["kind"], d["shape"])
            if text_length is not None and shape.kind == "span":
                shape.check_text(text_length)  # type: ignore[union-attr]
            origin = Origin.from_json(d.get("origin") or {"kind": "human"})
            return cls(shape, d.get("label", ""), d.get("attributes") or {}, origin, d["id"])
        except KeyError as exc:
            raise InvalidAnnotation(f"annotation {ident} lacks field {exc.args[0]!r}") from None
        except (InvalidShape, InvalidAnnotation) as exc:
            raise InvalidAnnotation(f"annotation {ident}: {exc}") from None
        except (TypeError, AttributeError) as exc:
            raise InvalidAnnotation(f"annotation {ident} is malformed ({exc})") from None


def annotations_to_json(annotations: Sequence[Annotation]) -> list[dict[str, Any]]:
    return [a.to_json() for a in annotations]


def annotations_from_json(
    items: Sequence[Mapping[str, Any]], *, text_length: int | None = None
) -> list[Annotation]:
    """Parse a revision's annotations; raise ``InvalidAnnotation`` naming the first bad one."""
    out = [Annotation.from_json(d, text_length=text_length) for d in items]
    ids = [a.id for a in out]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise InvalidAnnotation(f"annotation id {dup} appears twice in one revision")
    return out
