"""COCO object detection JSON: ``images``, ``annotations`` (``bbox`` as x, y, width, height in
pixels; ``segmentation`` polygons), ``categories``.

A non-empty polygon segmentation becomes polygons (one per part), except a single rectangle
equal to the ``bbox`` (exporters add one so segmentation-aware readers accept boxes): that,
and an empty segmentation, make a box. RLE masks and crowd regions are refused per annotation. A detection ``score`` is kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .model import Found, Group, Parsed, Record, find_image
from .reading import number, read_json


def parse(path: Path, images: Path | None = None) -> Parsed:
    out = Parsed("coco", path)
    data = read_json(path)
    if not isinstance(data, dict) or not isinstance(data.get("images"), list):
        out.error("", "not a COCO file: expected an object with an 'images' list "
                      "(and 'annotations', 'categories')")  # fmt: skip
        return out
    categories = _categories(out, data.get("categories"))
    # COCO's own layout: annotations/instances_x.json beside images/ (or train2017/, …)
    folders = [f for f in (images, path.parent, path.parent.parent, path.parent / "images",
                           path.parent.parent / "images") if f is not None]  # fmt: skip
    by_id: dict[object, Record] = {}
    for i, im in enumerate(data["images"]):
        if not isinstance(im, dict) or "id" not in im or not isinstance(im.get("file_name"), str):
            out.error(f"images[{i}]", "needs an 'id' and a 'file_name'")
            continue
        key = f"image id {im['id']} ({im['file_name']})"
        w, h = im.get("width"), im.get("height")
        rec = Record(key, im["file_name"], find_image(im["file_name"], folders),
                     width=w if isinstance(w, int) else None,
                     height=h if isinstance(h, int) else None)  # fmt: skip
        if im["id"] in by_id:
            out.error(key, f"image id {im['id']} appears twice in 'images'")
            continue
        by_id[im["id"]] = rec
        rec.groups.append(Group([]))
    bad: set[object] = set()
    anns = data.get("annotations", [])
    if not isinstance(anns, list):
        out.error("", "'annotations' must be a list")
        anns = []
    for i, ann in enumerate(anns):
        where = (
            f"annotation id {ann.get('id', i)}" if isinstance(ann, dict) else f"annotations[{i}]"
        )
        if not isinstance(ann, dict):
            out.error(where, "must be an object")
            continue
        owner = by_id.get(ann.get("image_id"))
        if owner is None:
            out.error(where, f"names image_id {ann.get('image_id')!r}, which 'images' lacks")
            continue
        rec = owner
        label = categories.get(ann.get("category_id"))
        if label is None:
            out.error(rec.key, f"{where}: unknown category_id {ann.get('category_id')!r} "
                               f"(categories: {sorted(map(str, categories))})")  # fmt: skip
            bad.add(ann.get("image_id"))
            continue
        try:
            rec.groups[0].found += _shapes(ann, label, where)
        except ValueError as exc:
            out.error(rec.key, f"{where}: {exc}")
            bad.add(ann.get("image_id"))
    out.records = [r for k, r in by_id.items() if k not in bad]
    return out


def _categories(out: Parsed, cats: Any) -> dict[object, str]:
    found: dict[object, str] = {}
    if not isinstance(cats, list):
        out.error("", "'categories' must be a list of {id, name}")
        return found
    for i, c in enumerate(cats):
        if not isinstance(c, dict) or "id" not in c or not isinstance(c.get("name"), str):
            out.error(f"categories[{i}]", "needs an 'id' and a 'name'")
            continue
        found[c["id"]] = c["name"]
    return found


def _shapes(ann: dict[str, Any], label: str, where: str) -> list[Found]:
    score = number(ann.get("score"))
    if ann.get("iscrowd"):
        raise ValueError("crowd regions (iscrowd=1, RLE masks) are not imported")
    seg = ann.get("segmentation")
    if isinstance(seg, dict):
        raise ValueError("RLE mask segmentations are not imported; use polygons or boxes")
    if isinstance(seg, list) and seg and not _is_bbox_rectangle(seg, ann.get("bbox")):
        shapes = []
        for part in seg:
            if not isinstance(part, list) or len(part) < 6 or len(part) % 2:
                raise ValueError("a segmentation polygon needs an even list of >= 6 numbers")
            xs = [number(v) for v in part]
            if any(v is None for v in xs):
                raise ValueError("segmentation coordinates must be numbers")
            pts = tuple(zip(xs[0::2], xs[1::2], strict=True))
            shapes.append(Found("polygon", label, pts, score=score, where=where))  # type: ignore[arg-type]
        return shapes
    box = ann.get("bbox")
    if not isinstance(box, list) or len(box) != 4 or any(number(v) is None for v in box):
        raise ValueError("needs a 'bbox' of 4 numbers [x, y, width, height] or a polygon")
    x, y, w, h = (float(v) for v in box)
    if w < 0 or h < 0:
        raise ValueError(f"bbox width and height must not be negative, got {box}")
    return [Found("box", label, ((x, y), (x + w, y + h)), score=score, where=where)]


def _is_bbox_rectangle(seg: list[Any], bbox: object) -> bool:
    """Whether ``seg`` is one polygon tracing exactly the corners of ``bbox``."""
    if len(seg) != 1 or not isinstance(seg[0], list) or len(seg[0]) != 8:
        return False
    if not isinstance(bbox, list) or len(bbox) != 4 or any(number(v) is None for v in bbox):
        return False
    if any(number(v) is None for v in seg[0]):
        return False
    x, y, w, h = (float(v) for v in bbox)
    corners = {(x, y), (x + w, y), (x + w, y + h), (x, y + h)}
    pts = {(float(a), float(b)) for a, b in zip(seg[0][0::2], seg[0][1::2], strict=True)}
    return len(pts) == 4 and all(
        any(abs(px - cx) <= 0.01 and abs(py - cy) <= 0.01 for cx, cy in corners) for px, py in pts
    )
