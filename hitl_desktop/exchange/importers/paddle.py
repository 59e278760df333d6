"""PaddleOCR detection labels (``Label.txt``, as PPOCRLabel writes it).

One line per image: the image path, a tab, and a JSON list of
``{"transcription": str, "points": [[x, y] × 4], "difficult": bool}`` in pixels. PPOCRLabel
writes paths as ``<folder>/<image>`` with ``Label.txt`` inside that folder, so images are
looked for under ``--images``, the folder above ``Label.txt`` and its own folder. A line
becomes an OCR line (label ``line``) with its text, in the file's order; ``difficult`` lines
keep ``difficult: true`` as an attribute; ``###`` (PaddleOCR's "illegible") is an empty text. Regions with other than 4 points are refused.
"""

from __future__ import annotations

import json
from pathlib import Path

from .model import Found, Group, Parsed, Record, find_image
from .reading import number, read_text

OCR_LINE_LABEL = "line"  # the label OCR lines carry in the editor (annotate.suggestions)
ILLEGIBLE = "###"  # PaddleOCR's mark for text that cannot be read: an empty transcription


def parse(path: Path, images: Path | None = None) -> Parsed:
    out = Parsed("paddle", path)
    folders = [f for f in (images, path.parent.parent, path.parent) if f is not None]
    seen: set[str] = set()
    for n, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        name, sep, rest = line.partition("\t")
        key = f"line {n} ({name.strip()})"
        if not sep:
            out.error(f"line {n}", "expected '<image path><TAB><JSON list>'; no tab found")
            continue
        if name in seen:
            out.error(key, f"image {name!r} appears on more than one line")
            continue
        seen.add(name)
        try:
            regions = json.loads(rest)
        except json.JSONDecodeError as exc:
            out.error(key, f"the label list is not valid JSON ({exc.msg}, column "
                           f"{len(name) + 1 + exc.colno})")  # fmt: skip
            continue
        if not isinstance(regions, list):
            out.error(key, "the label list must be a JSON list of regions")
            continue
        found, problems = [], []
        for i, region in enumerate(regions):
            try:
                found.append(_region(region, f"region {i}"))
            except ValueError as exc:
                problems.append(f"region {i}: {exc}")
        if problems:
            for p in problems:
                out.error(key, p)
            continue
        out.records.append(Record(key, name, find_image(name, folders), [Group(found)]))
    return out


def _region(region: object, where: str) -> Found:
    if not isinstance(region, dict):
        raise ValueError("must be an object with 'transcription' and 'points'")
    text, points = region.get("transcription"), region.get("points")
    if not isinstance(text, str):
        raise ValueError("needs a 'transcription' string")
    if not isinstance(points, list) or len(points) != 4:
        got = len(points) if isinstance(points, list) else type(points).__name__
        raise ValueError(f"needs 4 'points' (a quadrilateral), got {got}")
    pts = []
    for p in points:
        if not isinstance(p, list) or len(p) != 2 or any(number(v) is None for v in p):
            raise ValueError(f"each point must be [x, y] numbers, got {p!r}")
        pts.append((float(p[0]), float(p[1])))
    attrs = {"difficult": True} if region.get("difficult") is True else {}
    text = "" if text == ILLEGIBLE else text
    return Found("ocr_line", OCR_LINE_LABEL, tuple(pts), text=text, attributes=attrs, where=where)
