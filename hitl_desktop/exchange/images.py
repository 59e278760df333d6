"""Writing item images into an export: the blob's bytes, or a re-encoded upright copy.

A region is flagged for redaction when its annotation has the attribute ``redact: true``
(any label; the editor sets it) or carries the label ``face`` (what the built-in face
detector suggests, meaning "a region to redact"). With ``redact`` on, those regions are
blurred in the exported image; the annotations stay, so a trainer still sees them.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFilter, ImageOps

from ..workspace import Workspace
from ..workspace.progress import CancelToken
from .model import ExportItem

REDACT_ATTRIBUTE = "redact"
REDACT_LABELS = frozenset({"face"})
_EXTENSIONS = {"image/png": ".png", "image/jpeg": ".jpg", "image/tiff": ".tif",
               "image/webp": ".webp", "image/bmp": ".bmp", "image/gif": ".gif"}  # fmt: skip


def extension(media_type: str) -> str:
    """The file extension an image of ``media_type`` is exported with."""
    return _EXTENSIONS.get(media_type, ".png")


def flagged_for_redaction(ann: dict[str, Any]) -> bool:
    """Whether an annotation marks a region to blur (see the module docstring)."""
    if ann.get("kind") not in ("box", "polygon"):
        return False
    attrs = ann.get("attributes") or {}
    return attrs.get(REDACT_ATTRIBUTE) is True or ann.get("label") in REDACT_LABELS


def region_points(ann: dict[str, Any]) -> list[tuple[float, float]]:
    s = ann["shape"]
    if ann["kind"] == "box":
        return [(s["x0"], s["y0"]), (s["x1"], s["y0"]), (s["x1"], s["y1"]), (s["x0"], s["y1"])]
    return [(float(x), float(y)) for x, y in s.get("points") or s.get("quad")]


def blur_regions(
    image: Image.Image, regions: Sequence[Sequence[tuple[float, float]]]
) -> Image.Image:
    """``image`` with each polygon region replaced by a strong blur of itself."""
    if not regions:
        return image
    radius = max(8, min(image.size) // 40)
    blurred = image.filter(ImageFilter.GaussianBlur(radius))
    mask = Image.new("L", image.size, 0)
    draw = ImageDraw.Draw(mask)
    for pts in regions:
        draw.polygon([(float(x), float(y)) for x, y in pts], fill=255)
    out = image.copy()
    out.paste(blurred, (0, 0), mask)
    return out


def _upright(data: bytes) -> tuple[Image.Image | None, int, int]:
    """The decoded upright image when EXIF asks for a rotation (else None), and its size."""
    with Image.open(io.BytesIO(data)) as im:
        orientation = im.getexif().get(0x0112, 1)
        if orientation in (None, 1):
            return None, im.width, im.height
        up = ImageOps.exif_transpose(im)
        return up, up.width, up.height


def write_images(
    ws: Workspace,
    items: Sequence[ExportItem],
    folder_of: Callable[[ExportItem], str],
    root: Path,
    *,
    redact: bool,
    problems: list[str],
    progress: Callable[[int, int], None] | None = None,
    cancel: CancelToken | None = None,
) -> int:
    """Write each image item under ``root/folder_of(item)``; set ``item.file``. Returns how many
    regions were blurred. An unreadable blob is reported and the item left without a file."""
    blurred = 0
    for n, item in enumerate(items):
        if cancel is not None:
            cancel.check()
        if progress is not None:
            progress(n, len(items))
        if not item.is_image:
            continue
        try:
            data = ws.blobs.read_bytes(item.blob_sha256)
            image, w, h = _upright(data)
        except Exception as exc:  # missing, damaged or undecodable: name it, go on
            problems.append(f"item {item.id} ({item.name}): its image (blob "
                            f"{item.blob_sha256[:12]}) cannot be read ({exc}); no image file")  # fmt: skip
            continue
        item.width, item.height = item.width or w, item.height or h
        regions = [region_points(a) for a in item.annotations if flagged_for_redaction(a)]
        ext = _EXTENSIONS.get(item.media_type, ".png")
        if redact and regions:
            with Image.open(io.BytesIO(data)) as im:
                base = image if image is not None else im.copy()
            image = blur_regions(base.convert("RGB"), regions)
            blurred += len(regions)
        if image is not None and ext not in (".png", ".jpg"):
            ext = ".png"
        rel = f"{folder_of(item)}/{item.stem}{ext}".lstrip("/")
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if image is None:
            path.write_bytes(data)
        else:
            image.save(path, quality=95) if ext == ".jpg" else image.save(path)
        item.file = rel
    if progress is not None:
        progress(len(items), len(items))
    return blurred
