"""Helpers shared by the GUI tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

from hitl_desktop.lineage import EventDraft, Subject, uuid7
from hitl_desktop.workspace import Workspace

SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"

DEMO_NAMES = [
    "delivery-note.png", "invoice.png", "registration-form.png", "greeting-en.txt",
    "greeting-fr.txt", "greeting-ar.txt", "greeting-zh.txt", "greeting-hi.txt",
]  # fmt: skip


def imported(ws: Workspace, name: str, *, source: str = "tests", size: int = 1234) -> EventDraft:
    """An ``item.imported`` draft for a new item (the blob need not exist for the GUI)."""
    payload = {
        "kind": "image", "name": name, "media_type": "image/png",
        "blob_sha256": hashlib.sha256(name.encode()).hexdigest(), "size_bytes": size,
        "source": source,
    }  # fmt: skip
    return ws.draft("item.imported", payload, subject=Subject(uuid7()))
