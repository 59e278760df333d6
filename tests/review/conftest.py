"""Annotations built from a real FUNSD page, for the matcher and the disagreement tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hitl_desktop.annotate.annotation import Annotation
from hitl_desktop.annotate.shapes import Box, OcrLine

FUNSD = Path(__file__).parents[2].parent / "shared" / "data" / "funsd" / "annotations"
PAGE = FUNSD / "0000971160.json"


def funsd_entities() -> list[dict[str, object]]:
    if not PAGE.exists():
        pytest.skip(f"FUNSD data not found at {PAGE}")
    form = json.loads(PAGE.read_text(encoding="utf-8"))["form"]
    return [e for e in form if e["box"][2] > e["box"][0] and e["box"][3] > e["box"][1]]


@pytest.fixture
def funsd_boxes() -> list[Annotation]:
    """The page's entities as labelled boxes, ids ``e<FUNSD id>``."""
    return [
        Annotation(Box(*e["box"]), str(e["label"]), id=f"e{e['id']}")  # type: ignore[misc]
        for e in funsd_entities()
    ]


@pytest.fixture
def funsd_lines() -> list[Annotation]:
    """The page's entities as OCR lines (quad from the box, text from FUNSD), ids ``l<id>``."""
    out = []
    for n, e in enumerate(funsd_entities()):
        x0, y0, x1, y1 = e["box"]  # type: ignore[misc]
        quad = ((x0, y0), (x1, y0), (x1, y1), (x0, y1))
        out.append(Annotation(OcrLine(quad, str(e["text"]), n), "line", id=f"l{e['id']}"))
    return out
