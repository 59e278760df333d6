"""A small demo workspace for `make run`: synthetic page images and multilingual text.

Everything here is generated, so the demo ships no third-party data. It records items the
way an import does (blobs first, then ``item.imported`` events in one batch).
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from .ingest.thumbnails import make_thumbnail, store_thumbnail
from .lineage import Ref, Subject, uuid7
from .lineage.payloads import ItemImported, Provenance
from .workspace import Workspace

_TEXTS = {
    "greeting-en.txt": "All human beings are born free and equal in dignity and rights.",
    "greeting-fr.txt": "Tous les êtres humains naissent libres et égaux en dignité et en droits.",
    "greeting-ar.txt": "يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق.",
    "greeting-zh.txt": "人人生而自由，在尊严和权利上一律平等。",
    "greeting-hi.txt": "सभी मनुष्यों को गौरव और अधिकारों के मामले में जन्मजात स्वतन्त्रता प्राप्त है।",
}


def _page_image(title: str, lines: list[str], seed: int) -> bytes:
    rng = np.random.default_rng(seed)
    img = np.full((1100, 850), 245, np.uint8)
    img += rng.integers(0, 8, img.shape, dtype=np.uint8)  # paper noise, like a scan
    cv2.putText(img, title, (60, 90), cv2.FONT_HERSHEY_DUPLEX, 1.2, 20, 2, cv2.LINE_AA)
    y = 170
    for line in lines:
        cv2.putText(img, line, (60, y), cv2.FONT_HERSHEY_SIMPLEX, 0.8, 30, 2, cv2.LINE_AA)
        cv2.rectangle(img, (380, y - 28), (780, y + 10), 90, 1)
        y += 70
    ok, png = cv2.imencode(".png", img)
    assert ok
    return png.tobytes()


def create_demo_workspace(path: Path) -> Workspace:
    ws = Workspace.create(path, name="Demo workspace")
    drafts = []
    pages = [
        ("Delivery note", ["Date:", "Customer:", "Order no.:", "Total:"]),
        ("Invoice", ["Invoice no.:", "Issued:", "Due:", "Amount:"]),
        ("Registration form", ["Name:", "Address:", "Phone:", "Signature:"]),
    ]
    for i, (title, lines) in enumerate(pages):
        data = _page_image(title, lines, seed=i)
        gray = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
        store_thumbnail(ws.path, ws.blobs.put_bytes(data), make_thumbnail(gray))
        drafts.append(
            _imported(ws, f"{title.lower().replace(' ', '-')}.png", "image", "image/png", data)
        )
    for name, text in _TEXTS.items():
        drafts.append(_imported(ws, name, "text", "text/plain; charset=utf-8", text.encode()))
    ws.append(drafts)
    return ws


def _imported(ws: Workspace, name: str, kind: str, media_type: str, data: bytes):  # type: ignore[no-untyped-def]
    sha = ws.blobs.put_bytes(data)
    payload = ItemImported(
        kind=kind,
        name=name,
        media_type=media_type,
        blob_sha256=sha,
        size_bytes=len(data),  # type: ignore[arg-type]
        source="demo",
        provenance=Provenance(source="demo", tags=["generated"]),
    )
    return ws.draft(
        "item.imported", payload, subject=Subject(uuid7()), outputs=[Ref("blob", sha, sha)]
    )
