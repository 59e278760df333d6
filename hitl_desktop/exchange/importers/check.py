"""Checking parsed records against their images and the schema, before anything is written.

Every record is checked whole: its image exists and is readable, the size the file declares
matches the image, every shape is valid and inside the image (up to ``TOLERANCE`` pixels,
clamped), labels are mapped (``--map old=new``) and compared with the current schema.
"""

from __future__ import annotations

import dataclasses
import hashlib
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from ...annotate import (
    AnnotateError,
    Annotation,
    Box,
    Classification,
    OcrLine,
    Point,
    Polygon,
)  # fmt: skip
from ...schema import Schema
from .model import XY, Found, Group, Record, RecordError

TOLERANCE = 1.0  # pixels: exporters round; more than this outside the image is an error
_ROTATED = {5, 6, 7, 8}  # EXIF orientations that swap width and height


@dataclass
class CheckedGroup:
    group: Group
    annotations: list[Annotation]
    found: list[Found]  # the same order as ``annotations`` (scores, kinds)


@dataclass
class Checked:
    record: Record
    image: Path
    width: int
    height: int
    groups: list[CheckedGroup] = field(default_factory=list)


@dataclass
class LabelCheck:
    """Labels after mapping: how often each occurs, and which the schema lacks."""

    counts: Counter[str] = field(default_factory=Counter)
    unknown: Counter[str] = field(default_factory=Counter)


def image_size(path: Path) -> tuple[int, int]:
    """The upright size (EXIF orientation applied) from the header, without decoding pixels."""
    Image.MAX_IMAGE_PIXELS = None  # only the header is read; ingest enforces its own limit
    with Image.open(path) as im:
        w, h = im.size
        orientation = int(im.getexif().get(0x0112, 1) or 1)
    return (h, w) if orientation in _ROTATED else (w, h)


def annotation_id(*parts: object) -> str:
    """A stable id: importing the same file twice gives the same annotations."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()
    return str(uuid.UUID(bytes=digest[:16], version=5))


def check_record(
    rec: Record, file: str, fmt: str, mapping: dict[str, str]
) -> Checked | list[RecordError]:
    """The record ready to import, or every problem it has."""
    fail: list[RecordError] = []

    def err(message: str) -> list[RecordError]:
        return [RecordError(file, rec.key, message)]

    if rec.image is None:
        return err(f"image {rec.image_ref!r} not found; give its folder with --images")
    try:
        w, h = image_size(rec.image)
    except (OSError, UnidentifiedImageError, ValueError) as exc:
        return err(f"image {rec.image} is not a readable image ({exc})")
    if rec.width is not None and (rec.width, rec.height) != (w, h):
        return err(f"the file says the image is {rec.width} x {rec.height} but {rec.image} is "
                   f"{w} x {h}; the annotations would land in the wrong place")  # fmt: skip
    out = Checked(rec, rec.image, w, h)
    for g_index, group in enumerate(rec.groups):
        made: list[Annotation] = []
        order = 0
        for i, f in enumerate(group.found):
            try:
                shape = _shape(f, w, h, order)
            except ValueError as exc:
                fail.append(
                    RecordError(file, rec.key, f"{f.where}: {exc}" if f.where else str(exc))
                )
                continue
            order += isinstance(shape, OcrLine)
            labels = tuple(mapping.get(x, x) for x in f.labels)
            label = mapping.get(f.label, f.label)
            try:
                made.append(Annotation(
                    shape if shape is not None else Classification(labels),
                    "" if f.kind == "classification" else label, f.attributes,
                    id=annotation_id(fmt, Path(file).name, rec.key, g_index, i),
                ))  # fmt: skip
            except AnnotateError as exc:
                fail.append(RecordError(file, rec.key, f"{f.where}: {exc}"))
        out.groups.append(CheckedGroup(group, made, group.found))
    return fail or out


def _shape(f: Found, w: int, h: int, order: int) -> Box | Polygon | Point | OcrLine | None:
    if f.kind == "classification":
        return None
    pts = [(x * w, y * h) for x, y in f.points] if f.relative else list(f.points)
    pts = [_inside(p, w, h) for p in pts]
    try:
        if f.kind == "box":
            (x0, y0), (x1, y1) = pts
            return Box(x0, y0, x1, y1)
        if f.kind == "polygon":
            return Polygon(tuple(pts))
        if f.kind == "point":
            return Point(*pts[0])
        return OcrLine(tuple(pts), f.text, order)  # type: ignore[arg-type]
    except AnnotateError as exc:
        raise ValueError(str(exc)) from None


def _inside(p: XY, w: int, h: int) -> XY:
    x, y = p
    if not (-TOLERANCE <= x <= w + TOLERANCE and -TOLERANCE <= y <= h + TOLERANCE):
        raise ValueError(f"point ({x:g}, {y:g}) lies outside the {w} x {h} image")
    return (min(max(x, 0.0), float(w)), min(max(y, 0.0), float(h)))


def check_labels(records: list[Checked], schema: Schema | None) -> LabelCheck:
    """Count labels; those the schema has no place for (same kind) are ``unknown``."""
    out = LabelCheck()
    known: dict[str, set[str]] = {}
    if schema is not None:
        for t in schema.tasks:
            known.setdefault(t.annotation_kind, set()).update(lb.name for lb in t.labels)
    for rec in records:
        for g in rec.groups:
            for a in g.annotations:
                names = a.shape.labels if isinstance(a.shape, Classification) else (a.label,)
                for name in names:
                    out.counts[name] += 1
                    if schema is not None and name not in known.get(a.kind, set()):
                        out.unknown[name] += 1
    return out


def fit_to_schema(records: list[Checked], schema: Schema | None) -> int:
    """Rectangles drawn as polygons become boxes where only boxes carry their label.

    YOLO-seg writes every region as a polygon, and COCO tools often write boxes as polygons
    too; when the schema knows the label for boxes but not for polygons, an axis-aligned
    4-point polygon is taken as the box it is. Returns how many were turned into boxes.
    """
    if schema is None:
        return 0
    box_labels = {lb.name for t in schema.tasks_for("box") for lb in t.labels}
    polygon_labels = {lb.name for t in schema.tasks_for("polygon") for lb in t.labels}
    changed = 0
    for rec in records:
        for g in rec.groups:
            for i, a in enumerate(g.annotations):
                if not isinstance(a.shape, Polygon) or a.label in polygon_labels:
                    continue
                box = _rectangle(a.shape)
                if box is not None and a.label in box_labels:
                    g.annotations[i] = dataclasses.replace(a, shape=box)
                    changed += 1
    return changed


def _rectangle(p: Polygon) -> Box | None:
    pts = p.points
    if len(pts) != 4:
        return None
    xs, ys = sorted({x for x, _ in pts}), sorted({y for _, y in pts})
    if len(xs) != 2 or len(ys) != 2:
        return None
    corners = {(x, y) for x in xs for y in ys}
    return Box(xs[0], ys[0], xs[1], ys[1]) if set(pts) == corners else None
