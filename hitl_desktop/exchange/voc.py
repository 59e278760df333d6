"""Pascal VOC: ``Annotations/<stem>.xml`` per image, images in ``JPEGImages/`` and the split
lists in ``ImageSets/Main/<split>.txt`` (``default.txt`` without a split).

Coordinates are the editor's pixel edges rounded to whole pixels, as VOC readers expect
integers; polygons are written as their bounding box (VOC has no polygons).
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from .coco import region
from .context import Context
from .model import REGION_KINDS, ExportItem

TAKES = ("image", "scan_page")


def image_folder(ctx: Context, item: ExportItem) -> str:
    return "JPEGImages"


def _sub(parent: ET.Element, tag: str, text: object = None) -> ET.Element:
    el = ET.SubElement(parent, tag)
    if text is not None:
        el.text = str(text)
    return el


def document(item: ExportItem) -> ET.Element:
    root = ET.Element("annotation")
    _sub(root, "folder", "JPEGImages")
    _sub(root, "filename", item.file.rsplit("/", 1)[-1])
    source = _sub(root, "source")
    _sub(source, "database", "HITL Desktop")
    _sub(source, "annotation", item.id)
    size = _sub(root, "size")
    _sub(size, "width", item.width)
    _sub(size, "height", item.height)
    _sub(size, "depth", 3)
    _sub(root, "segmented", 0)
    for a in item.annotations:
        if a.get("kind") not in REGION_KINDS:
            continue
        (x, y, w, h), _flat, _area = region(a)
        obj = _sub(root, "object")
        _sub(obj, "name", a["label"])
        _sub(obj, "pose", "Unspecified")
        _sub(obj, "truncated", 0)
        _sub(obj, "difficult", 1 if (a.get("attributes") or {}).get("difficult") is True else 0)
        box = _sub(obj, "bndbox")
        _sub(box, "xmin", math.floor(x))
        _sub(box, "ymin", math.floor(y))
        _sub(box, "xmax", math.ceil(x + w))
        _sub(box, "ymax", math.ceil(y + h))
    ET.indent(root)
    return root


def write(items: Sequence[ExportItem], ctx: Context) -> None:
    images = [it for it in items if it.is_image and it.file]
    names = ctx.labels(images, REGION_KINDS)  # also reports labels outside the schema
    folder = ctx.root / "Annotations"
    folder.mkdir(parents=True, exist_ok=True)
    sets: dict[str, list[str]] = {}
    for n, item in enumerate(images, 1):
        ctx.tick(n, len(images))
        root = document(item)
        ctx.count("annotations", len(root.findall("object")))
        ET.ElementTree(root).write(folder / f"{item.stem}.xml", encoding="utf-8",
                                   xml_declaration=True)  # fmt: skip
        sets.setdefault(item.split or "default", []).append(item.stem)
    main = ctx.root / "ImageSets" / "Main"
    main.mkdir(parents=True, exist_ok=True)
    for name, stems in sets.items():
        (main / f"{name}.txt").write_text("".join(s + "\n" for s in stems), encoding="utf-8")
    (ctx.root / "labelmap.txt").write_text("".join(n + "\n" for n in names), encoding="utf-8")
