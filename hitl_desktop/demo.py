"""A small demo workspace for `make run`: pages and texts with OCR and pre-labels to correct.

What ships with the app is generated here (form pages drawn with OpenCV, public-domain
sentences), so the demo carries no third-party data. Where the repository's research data is
present (``../shared/data``: FUNSD forms and SROIE receipts, research-only licences), a few of
its pages are imported too. ``prepare`` then reads every page with the default OCR engine and
pre-labels the texts zero-shot, so the worker's desk opens with suggestions to accept or fix.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

from .ingest.thumbnails import make_thumbnail, store_thumbnail
from .lineage import Ref, Subject, uuid7
from .lineage.payloads import ItemImported, Provenance
from .workspace import Workspace

# a label set for the demo texts: zero-shot compares each text with these descriptions
DEMO_LABELS = {
    "name": "demo-text",
    "version": 1,
    "labels": [
        {"name": "rights", "description": "human rights, freedom, dignity and equality"},
        {"name": "greeting", "description": "a friendly greeting or welcome message"},
        {"name": "business", "description": "an invoice, an order, a payment or a delivery"},
    ],
}
SHARED_SAMPLES = ("funsd/images/0000971160.png", "funsd/images/0001209043.png",
                  "sroie/img/000.jpg", "sroie/img/001.jpg")  # fmt: skip

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


def shared_data() -> Path | None:
    """The repository's ``../shared/data`` folder, when this checkout has it."""
    here = Path(__file__).resolve().parents[2] / "shared" / "data"
    return here if here.is_dir() else None


def create_demo_workspace(
    path: Path, *, prepare: bool = False, shared: Path | None = None,
    say: Callable[[str], None] = lambda _m: None,
) -> Workspace:  # fmt: skip
    """Make the demo workspace at ``path``; with ``shared``, add its sample pages; with
    ``prepare``, run OCR on the pages and zero-shot pre-labels on the texts."""
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
        assert gray is not None  # drawn just above
        store_thumbnail(ws.path, ws.blobs.put_bytes(data), make_thumbnail(gray))
        drafts.append(
            _imported(ws, f"{title.lower().replace(' ', '-')}.png", "image", "image/png", data)
        )
    for name, text in _TEXTS.items():
        drafts.append(_imported(ws, name, "text", "text/plain; charset=utf-8", text.encode()))
    ws.append(drafts)
    if shared is not None:
        samples = [shared / s for s in SHARED_SAMPLES if (shared / s).is_file()]
        if samples:
            from .ingest import ImportOptions, import_paths

            say(f"importing {len(samples)} sample pages from {shared}")
            import_paths(ws, samples, ImportOptions(source="shared-data", workers=1))
    if prepare:
        _prepare(ws, say)
    return ws


def _prepare(ws: Workspace, say: Callable[[str], None]) -> None:
    """OCR on every page, zero-shot labels on every text: suggestions ready to correct."""
    from .ocr import OcrError, make_engine, page_items, run_ocr
    from .prelabel import (
        PrelabelError,
        items_for,
        load_prelabeller,
        parse_label_set,
        run_prelabel,
    )  # fmt: skip
    from .prelabel.registry import default_embedder

    pages = page_items(ws)
    say(f"reading {len(pages)} pages with OCR (a few seconds each on a CPU)")
    try:
        run_ocr(ws, make_engine("rapidocr"), pages)
    except OcrError as exc:
        say(f"OCR skipped: {exc}")
    try:
        record, _new = default_embedder(ws)
        model = load_prelabeller(ws, record, label_set=parse_label_set(DEMO_LABELS))
        say("pre-labelling the texts zero-shot")
        run_prelabel(ws, model, items_for(ws, model.modality))
    except PrelabelError as exc:
        say(f"pre-labels skipped: {exc}")


def _imported(ws: Workspace, name: str, kind: str, media_type: str, data: bytes):  # type: ignore[no-untyped-def]
    sha = ws.blobs.put_bytes(data)
    payload = ItemImported(
        kind=kind,  # type: ignore[arg-type]  # "image" or "text", given by the caller
        name=name,
        media_type=media_type,
        blob_sha256=sha,
        size_bytes=len(data),
        source="demo",
        provenance=Provenance(source="demo", tags=["generated"]),
    )
    return ws.draft(
        "item.imported", payload, subject=Subject(uuid7()), outputs=[Ref("blob", sha, sha)]
    )
