"""Shapes: where an annotation sits. Frozen values, checked when made.

Image coordinates are pixels of the upright page (EXIF rotation already applied), origin at
the top-left, x to the right, y down. Text offsets index code points of the item's NFC text.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, TypeAlias

from .errors import InvalidShape

XY: TypeAlias = tuple[float, float]


def _coord(value: object, what: str) -> float:
    if type(value) is float and math.isfinite(value):  # the usual case, checked first
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidShape(f"{what} must be a number, got {value!r}")
    try:
        f = float(value)
    except OverflowError:  # an integer beyond any float (a forged or damaged event)
        raise InvalidShape(f"{what} is out of range") from None
    if not math.isfinite(f):
        raise InvalidShape(f"{what} must be finite, got {value!r}")
    return f


def _points(values: Iterable[Sequence[object]], what: str) -> tuple[XY, ...]:
    out = []
    for i, pt in enumerate(values):
        if len(pt) != 2:
            raise InvalidShape(f"{what} point {i} needs 2 coordinates, got {len(pt)}")
        out.append((_coord(pt[0], f"{what} point {i} x"), _coord(pt[1], f"{what} point {i} y")))
    return tuple(out)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_BOX_FIELDS = tuple((n, f"box {n}") for n in ("x0", "y0", "x1", "y1"))


@dataclass(frozen=True, slots=True)
class Box:
    """An axis-aligned rectangle; ``x0 <= x1`` and ``y0 <= y1``."""

    x0: float
    y0: float
    x1: float
    y1: float
    kind: ClassVar[str] = "box"

    def __post_init__(self) -> None:
        for name, what in _BOX_FIELDS:
            value = getattr(self, name)
            if type(value) is not float or not math.isfinite(value):  # ints read from JSON
                object.__setattr__(self, name, _coord(value, what))
        if self.x1 < self.x0 or self.y1 < self.y0:
            raise InvalidShape(
                f"box corners are swapped: ({self.x0}, {self.y0}) must be above and left of "
                f"({self.x1}, {self.y1})"
            )

    @classmethod
    def spanning(cls, ax: float, ay: float, bx: float, by: float) -> Box:
        """The box with corners at two points in any order (a drag from a to b)."""
        return cls(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def vertices(self) -> tuple[XY, ...]:
        return ((self.x0, self.y0), (self.x1, self.y0), (self.x1, self.y1), (self.x0, self.y1))

    def to_json(self) -> dict[str, Any]:
        return {"x0": self.x0, "x1": self.x1, "y0": self.y0, "y1": self.y1}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Box:
        return cls(d["x0"], d["y0"], d["x1"], d["y1"])


@dataclass(frozen=True, slots=True)
class Polygon:
    """A closed polygon of three or more points, in drawing order."""

    points: tuple[XY, ...]
    kind: ClassVar[str] = "polygon"

    def __post_init__(self) -> None:
        pts = _points(self.points, "polygon")
        if len(pts) < 3:
            raise InvalidShape(f"a polygon needs at least 3 points, got {len(pts)}")
        object.__setattr__(self, "points", pts)

    def vertices(self) -> tuple[XY, ...]:
        return self.points

    def to_json(self) -> dict[str, Any]:
        return {"points": [list(p) for p in self.points]}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Polygon:
        return cls(tuple(tuple(p) for p in d["points"]))


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    kind: ClassVar[str] = "point"

    def __post_init__(self) -> None:
        object.__setattr__(self, "x", _coord(self.x, "point x"))
        object.__setattr__(self, "y", _coord(self.y, "point y"))

    def vertices(self) -> tuple[XY, ...]:
        return ((self.x, self.y),)

    def to_json(self) -> dict[str, Any]:
        return {"x": self.x, "y": self.y}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Point:
        return cls(d["x"], d["y"])


@dataclass(frozen=True, slots=True)
class Span:
    """Code points ``start`` (inclusive) to ``end`` (exclusive) of the item's NFC text."""

    start: int
    end: int
    kind: ClassVar[str] = "span"

    def __post_init__(self) -> None:
        for name in ("start", "end"):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, int):
                raise InvalidShape(f"span {name} must be an integer offset, got {v!r}")
        if not 0 <= self.start < self.end:
            raise InvalidShape(f"span [{self.start}, {self.end}) is empty or negative")

    def check_text(self, text_length: int) -> None:
        """Raise unless the span lies inside a text of ``text_length`` code points."""
        if self.end > text_length:
            raise InvalidShape(
                f"span [{self.start}, {self.end}) runs past the end of the text "
                f"({text_length} characters)"
            )

    def to_json(self) -> dict[str, Any]:
        return {"end": self.end, "start": self.start}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Span:
        return cls(d["start"], d["end"])


@dataclass(frozen=True, slots=True)
class Classification:
    """The whole item's class: one label (single-label) or several (multi-label), no repeats."""

    labels: tuple[str, ...]
    kind: ClassVar[str] = "classification"

    def __post_init__(self) -> None:
        labels = tuple(nfc(str(x)) for x in self.labels)
        if not labels or any(not x for x in labels):
            raise InvalidShape("a classification needs at least one non-empty label")
        if len(set(labels)) != len(labels):
            raise InvalidShape(f"a classification repeats a label: {list(labels)}")
        object.__setattr__(self, "labels", labels)

    def to_json(self) -> dict[str, Any]:
        return {"labels": list(self.labels)}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> Classification:
        return cls(tuple(d["labels"]))


@dataclass(frozen=True, slots=True)
class OcrLine:
    """A text line on a page: its quad (clockwise from top-left), text and reading order."""

    quad: tuple[XY, XY, XY, XY]
    text: str
    order: int
    kind: ClassVar[str] = "ocr_line"

    def __post_init__(self) -> None:
        pts = _points(self.quad, "OCR line quad")
        if len(pts) != 4:
            raise InvalidShape(f"an OCR line quad needs 4 points, got {len(pts)}")
        if isinstance(self.order, bool) or not isinstance(self.order, int) or self.order < 0:
            raise InvalidShape(f"reading order must be a whole number >= 0, got {self.order!r}")
        object.__setattr__(self, "quad", pts)
        object.__setattr__(self, "text", nfc(str(self.text)))

    def vertices(self) -> tuple[XY, ...]:
        return self.quad

    def to_json(self) -> dict[str, Any]:
        return {"order": self.order, "quad": [list(p) for p in self.quad], "text": self.text}

    @classmethod
    def from_json(cls, d: Mapping[str, Any]) -> OcrLine:
        return cls(tuple(tuple(p) for p in d["quad"]), d["text"], d["order"])  # type: ignore[arg-type]


Shape: TypeAlias = Box | Polygon | Point | Span | Classification | OcrLine
ImageShape: TypeAlias = Box | Polygon | Point | OcrLine
SHAPE_TYPES: dict[str, type[Shape]] = {
    t.kind: t for t in (Box, Polygon, Point, Span, Classification, OcrLine)
}


def shape_from_json(kind: str, d: Mapping[str, Any]) -> Shape:
    """The shape of ``kind`` from its stored JSON; ``InvalidShape`` when it does not fit."""
    shape_type = SHAPE_TYPES.get(kind)
    if shape_type is None:
        raise InvalidShape(f"unknown shape kind {kind!r}; expected one of {sorted(SHAPE_TYPES)}")
    if not isinstance(d, Mapping):
        raise InvalidShape(f"{kind} shape must be an object, got {type(d).__name__}")
    try:
        return shape_type.from_json(d)
    except KeyError as exc:
        raise InvalidShape(f"{kind} shape lacks field {exc.args[0]!r}") from None
    except (TypeError, ValueError) as exc:
        if isinstance(exc, InvalidShape):
            raise
        raise InvalidShape(f"{kind} shape is malformed ({exc})") from None
