"""Fixtures for the editing model: real workspaces holding real pages and texts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.queries import ItemFilter, page_items
from tests.prelabel.tiny import tiny_bert

os.environ["HF_HUB_OFFLINE"] = "1"

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
FUNSD_PAGE = DATA / "funsd" / "images" / "0000971160.png"


def import_items(ws: Workspace, paths: list[Path]) -> dict[str, str]:
    """Import files; return item ids by item name."""
    import_paths(ws, paths, ImportOptions(workers=1, source="annotate-tests"))
    return {r.name: r.id for r in page_items(ws.reader(), ItemFilter(), 0, 1000)}


def funsd_strip(folder: Path, height: int = 220) -> Path:
    """The top strip of a real FUNSD form (a few printed lines), small enough to OCR quickly."""
    out = folder / "funsd-top.png"
    with Image.open(FUNSD_PAGE) as im:
        im.crop((0, 0, im.width, height)).save(out)
    return out


@pytest.fixture
def page_item(workspace: Workspace, tmp_path: Path) -> str:
    """A FUNSD form page imported into the workspace; its item id."""
    return import_items(workspace, [FUNSD_PAGE])[FUNSD_PAGE.name]


@pytest.fixture(scope="session")
def tiny_ner(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny randomly initialised BERT tagger that calls every token the start of a PLACE."""
    labels = ["O", "B-PLACE", "I-PLACE", "B-PERSON", "I-PERSON"]
    folder = tmp_path_factory.mktemp("models") / "tiny-ner"
    return tiny_bert(folder, "token-classification", labels, constant=1)
