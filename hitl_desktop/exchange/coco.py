"""COCO instances JSON: boxes and polygons, categories from the schema.

One file per split (``annotations/instances_<split>.json``; ``instances_all.json`` without a
split). Boxes get a rectangle ``segmentation`` too, so segmentation-aware readers accept them;
polygons get their bounding box and the shoelace area. Other kinds are not COCO's (counted).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import orjson

from .context import Context
from .model import REGION_KINDS, SPLITS, ExportItem

IMAGE_FOLDER = "images"
TAKES = ("image", "scan_page")


def image_folder(ctx: Context, item: ExportItem) -> str:
    return ctx.folder(IMAGE_FOLDER, item)


def _polygon_area(flat: list[float]) -> float:
    xs, ys = flat[0::2], flat[1::2]
    n = len(xs)
    return abs(sum(xs[i] * ys[(i + 1) % n] - xs[(i + 1) % n] * ys[i] for i in range(n))) / 2


def region(ann: dict[str, Any]) -> tuple[list[float], list[float], float]:
    """(bbox [x, y, w, h], flat polygon, area) of a box or polygon annotation."""
    s = ann["shape"]
    if ann["kind"] == "box":
        x0, y0, x1, y1 = float(s["x0"]), float(s["y0"]), float(s["x1"]), float(s["y1"])
        w, h = x1 - x0, y1 - y0
        return [x0, y0, w, h], [x0, y0, x1, y0, x1, y1, x0, y1], w * h
    flat = [float(v) for p in s["points"] for v in p]
    xs, ys = flat[0::2], flat[1::2]
    x0, y0 = min(xs), min(ys)
    return [x0, y0, max(xs) - x0, max(ys) - y0], flat, _polygon_area(flat)


def _annotations(
    item: ExportItem, image_id: int, ids: dict[str, int], next_id: int, ctx: Context
) -> list[dict[str, Any]]:
    """The item's COCO annotations; a label not yet in ``ids`` gets the next category id."""
    out: list[dict[str, Any]] = []
    for a in item.annotations:
        kind = a.get("kind")
        if kind == "box":  # the common case, inline
            s = a["shape"]
            x0, y0, x1, y1 = float(s["x0"]), float(s["y0"]), float(s["x1"]), float(s["y1"])
            bbox, flat, area = (
                [x0, y0, x1 - x0, y1 - y0],
                [x0, y0, x1, y0, x1, y1, x0, y1],
                ((x1 - x0) * (y1 - y0)),
            )
        elif kind == "polygon":
            bbox, flat, area = region(a)
        else:
            ctx.count(f"not_in_format:{kind}")
            continue
        label = a["label"]
        category = ids.get(label)
        if category is None:
            category = ids[label] = len(ids) + 1
        out.append({
            "id": next_id + len(out), "image_id": image_id, "category_id": category,
            "bbox": bbox, "area": area, "segmentation": [flat], "iscrowd": 0,
            "attributes": a.get("attributes") or {}, "hitl_id": a.get("id", ""),
        })  # fmt: skip
    return out


class _File:
    """One COCO file being streamed: images first, annotations as they come, then the
    categories (known only once every annotation has been seen: labels outside the schema)."""

    def __init__(self, path: Path, items: Sequence[ExportItem]) -> None:
        self.f = path.open("wb")
        self.image_ids = {it.id: n for n, it in enumerate(items, 1)}
        images = [{"id": n, "file_name": it.file, "width": it.width, "height": it.height,
                   "hitl_item": it.id} for n, it in enumerate(items, 1)]  # fmt: skip
        head = {"info": {"description": "exported by HITL Desktop", "version": "1.0"},
                "licenses": [], "images": images}  # fmt: skip
        self.f.write(orjson.dumps(head)[:-1] + b',"annotations":[')
        self.written = 0

    def add(self, anns: list[dict[str, Any]]) -> None:
        if anns:
            self.f.write((b"," if self.written else b"") + orjson.dumps(anns)[1:-1])
            self.written += len(anns)

    def close(self, ids: dict[str, int]) -> None:
        cats = [{"id": i, "name": n, "supercategory": ""} for n, i in ids.items()]
        self.f.write(b'],"categories":' + orjson.dumps(cats) + b"}")
        self.f.close()


def write(items: Sequence[ExportItem], ctx: Context) -> None:
    """``annotations/instances_<split>.json`` (or ``instances_all.json``), streamed, so a
    million boxes never sit in memory as one document; category ids shared by the files."""
    images = [it for it in items if it.is_image and it.file]
    known = ctx.schema_labels(REGION_KINDS)
    ids = {name: n for n, name in enumerate(known, 1)}
    folder = ctx.root / "annotations"
    folder.mkdir(parents=True, exist_ok=True)
    names = SPLITS if ctx.options.split else ("all",)
    files: dict[str, _File] = {}
    try:
        for name in names:
            group = [it for it in images if (it.split or "all") == name]
            files[name] = _File(folder / f"instances_{name}.json", group)
        for n, item in enumerate(images, 1):
            ctx.tick(n, len(images))
            out = files[item.split or "all"]
            anns = _annotations(item, out.image_ids[item.id], ids, out.written + 1, ctx)
            out.add(anns)
            ctx.count("annotations", len(anns))
    finally:
        for out in files.values():
            out.close(ids)
    ctx.report_extra(ids.keys() - set(known))
