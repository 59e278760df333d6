"""PaddleOCR (PPOCRLabel layout): ``Label.txt`` for detection, ``rec_gt.txt`` and
``crop_img/`` for recognition.

``Label.txt``: one image a line, ``<image path>\\t<JSON list of {"transcription",
"points", "difficult"}>``, points the 4 corners clockwise from the top-left in pixels.
``rec_gt.txt``: ``crop_img/<name>\\t<text>``, one cropped line image each (the quad warped
to an upright rectangle). Lines with no text are written as ``###`` (PaddleOCR's "ignore")
in ``Label.txt`` and get no crop. With a split, ``<split>_Label.txt``/``<split>_rec_gt.txt``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

from PIL import Image

from .context import Context
from .model import ExportItem

TAKES = ("image", "scan_page")


def image_folder(ctx: Context, item: ExportItem) -> str:
    return "images"


def _quad(a: dict[str, Any]) -> list[list[float]] | None:
    s = a["shape"]
    if a.get("kind") == "ocr_line":
        return [[float(x), float(y)] for x, y in s["quad"]]
    if a.get("kind") == "box" and isinstance((a.get("attributes") or {}).get("text"), str):
        x0, y0, x1, y1 = s["x0"], s["y0"], s["x1"], s["y1"]
        return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]
    return None


def _text(a: dict[str, Any]) -> str:
    if a.get("kind") == "ocr_line":
        return str(a["shape"].get("text", ""))
    return str((a.get("attributes") or {}).get("text", ""))


def crop_line(image: Image.Image, quad: list[list[float]]) -> Image.Image:
    """The quad warped to an upright rectangle (its mean side lengths)."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = quad
    w = max(1, round((math.dist((x0, y0), (x1, y1)) + math.dist((x3, y3), (x2, y2))) / 2))
    h = max(1, round((math.dist((x0, y0), (x3, y3)) + math.dist((x1, y1), (x2, y2))) / 2))
    # PIL's QUAD data: upper left, lower left, lower right, upper right
    data = (x0, y0, x3, y3, x2, y2, x1, y1)
    return image.transform((w, h), Image.Transform.QUAD, data, Image.Resampling.BICUBIC)


def write(items: Sequence[ExportItem], ctx: Context) -> None:
    images = [it for it in items if it.is_image and it.file]
    det: dict[str, list[str]] = {}
    rec: dict[str, list[str]] = {}
    crops = ctx.root / "crop_img"
    crops.mkdir(parents=True, exist_ok=True)
    for n, item in enumerate(images, 1):
        ctx.tick(n, len(images))
        lines = [(q, _text(a)) for a in item.annotations if (q := _quad(a)) is not None]
        if not lines:
            continue
        entries = [{"transcription": t if t.strip() else "###", "points": q,
                    "difficult": not t.strip()} for q, t in lines]  # fmt: skip
        det.setdefault(item.split, []).append(
            f"{item.file}\t{json.dumps(entries, ensure_ascii=False)}"
        )
        ctx.count("annotations", len(entries))
        if not (ctx.root / item.file).is_file():
            continue  # labels only (no images exported): no crops either
        with Image.open(ctx.root / item.file) as im:
            page = im.convert("RGB")
        for i, (q, t) in enumerate(lines):
            if not t.strip() or "\t" in t or "\n" in t:
                continue
            name = f"{item.stem}_crop_{i}.jpg"
            crop_line(page, q).save(crops / name, quality=95)
            rec.setdefault(item.split, []).append(f"crop_img/{name}\t{t}")
            ctx.count("line_crops")
    for split, rows in det.items():
        prefix = f"{split}_" if split else ""
        (ctx.root / f"{prefix}Label.txt").write_text("".join(r + "\n" for r in rows), "utf-8")
    for split, rows in rec.items():
        prefix = f"{split}_" if split else ""
        (ctx.root / f"{prefix}rec_gt.txt").write_text("".join(r + "\n" for r in rows), "utf-8")
