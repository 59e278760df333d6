"""YOLO: ``labels/<split>/<stem>.txt`` beside ``images/<split>/<stem>.<ext>`` and
``data.yaml``. Boxes are ``class cx cy w h`` as fractions of the image size; when any
polygon is present the dataset is YOLO-seg (``class x1 y1 x2 y2 ...``) and boxes are written
as their four corners, so every line of the dataset has one form."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from .context import Context
from .model import REGION_KINDS, SPLITS, ExportItem

TAKES = ("image", "scan_page")


def image_folder(ctx: Context, item: ExportItem) -> str:
    return ctx.folder("images", item)


def _f(v: float) -> str:
    return f"{min(max(v, 0.0), 1.0):.6f}"


def lines_for(item: ExportItem, ids: dict[str, int], seg: bool) -> list[str]:
    """The label file's lines for one image (pixel coordinates normalised by its size)."""
    w, h = float(item.width), float(item.height)
    out = []
    for a in item.annotations:
        kind = a.get("kind")
        if kind not in REGION_KINDS:
            continue
        s = a["shape"]
        if kind == "box":
            x0, y0, x1, y1 = s["x0"] / w, s["y0"] / h, s["x1"] / w, s["y1"] / h
            if seg:
                pts = [x0, y0, x1, y0, x1, y1, x0, y1]
                out.append(f"{ids[a['label']]} " + " ".join(_f(v) for v in pts))
            else:
                cx, cy, bw, bh = (x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0
                out.append(f"{ids[a['label']]} {_f(cx)} {_f(cy)} {_f(bw)} {_f(bh)}")
        else:
            pts = [v / (w if i % 2 == 0 else h) for p in s["points"] for i, v in enumerate(p)]
            out.append(f"{ids[a['label']]} " + " ".join(_f(v) for v in pts))
    return out


def write(items: Sequence[ExportItem], ctx: Context) -> None:
    images = [it for it in items if it.is_image and it.file]
    names = ctx.labels(images, REGION_KINDS)
    ids = {n: i for i, n in enumerate(names)}
    seg = any(a.get("kind") == "polygon" for it in images for a in it.annotations)
    sized = []
    made: set[Path] = set()
    for n, item in enumerate(images, 1):
        ctx.tick(n, len(images))
        if item.width <= 0 or item.height <= 0:
            ctx.problems.append(f"item {item.id} ({item.name}): image size unknown; no labels")
            continue
        sized.append(item)
        folder = ctx.root / ctx.folder("labels", item)
        if folder not in made:
            folder.mkdir(parents=True, exist_ok=True)
            made.add(folder)
        lines = lines_for(item, ids, seg)
        ctx.count("annotations", len(lines))
        (folder / f"{item.stem}.txt").write_text("".join(x + "\n" for x in lines), "utf-8")
    splits = [s for s in SPLITS if any(it.split == s for it in sized)]
    yaml = ["# written by HITL Desktop", "path: .", f"task: {'segment' if seg else 'detect'}"]
    if ctx.options.split:
        yaml += [f"{s}: images/{s}" for s in splits]
    else:
        yaml += ["train: images", "val: images"]
    yaml += [f"nc: {len(names)}", "names:"]
    yaml += [f"  {i}: {json.dumps(n, ensure_ascii=False)}" for i, n in enumerate(names)]
    (ctx.root / "data.yaml").write_text("\n".join(yaml) + "\n", encoding="utf-8")
