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
        out.append({
            "id": next_id + len(out), "image_id": image_id, "category_id": ids[a["label"]],
            "bbox": bbox, "area": area, "segmentation": [flat], "iscrowd": 0,
            "attributes": a.get("attributes") or {}, "hitl_id": a.get("id", ""),
        })  # fmt: skip
    return out


def write_file(
    path: Path, items: Sequence[ExportItem], categories: list[str], ctx: Context
) -> None:
    """One COCO file, streamed: the annotation list is written item by item, so a million
    boxes never sit in memory as one document."""
    ids = {name: n for n, name in enumerate(categories, 1)}
    images = [{"id": n, "file_name": it.file, "width": it.width, "height": it.height,
               "hitl_item": it.id} for n, it in enumerate(items, 1)]  # fmt: skip
    head = {
        "info": {"description": "exported by HITL Desktop", "version": "1.0"},
        "licenses": [],
        "categories": [{"id": i, "name": n, "supercategory": ""} for n, i in ids.items()],
        "images": images,
    }
    written = 0
    with path.open("wb") as f:
        f.write(orjson.dumps(head)[:-1] + b',"annotations":[')
        for image_id, item in enumerate(items, 1):
            ctx.tick(image_id, len(items))
            anns = _annotations(item, image_id, ids, written + 1, ctx)
            if anns:
                f.write((b"," if written else b"") + orjson.dumps(anns)[1:-1])
                written += len(anns)
        f.write(b"]}")
    ctx.count("annotations", written)


def write(items: Sequence[ExportItem], ctx: Context) -> None:
    images = [it for it in items if it.is_image and it.file]
    categories = ctx.labels(images, REGION_KINDS)
    folder = ctx.root / "annotations"
    folder.mkdir(parents=True, exist_ok=True)
    groups = [(s, [it for it in images if it.split == s]) for s in SPLITS]
    for split, group in groups if ctx.options.split else [("all", images)]:
        write_file(folder / f"instances_{split}.json", group, categories, ctx)
