"""Batch OCR over items: each page read becomes an ``ocr.ran`` event.

Resumable: an item already read by the same engine and model files is skipped unless forced,
so a run cut short by a crash or cancel picks up where it stopped. A page the engine cannot
read is reported and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..ingest.errors import Refused
from ..ingest.pixels import decode_upright_rgb
from ..lineage import EventDraft, Ref, Subject
from ..lineage.payloads import OcrRan
from ..workspace import BlobError, CancelToken, Workspace
from ..workspace.queries import ItemRow
from .engine import OcrEngine, OcrError, OcrLine

PAGE_KINDS = ("image", "scan_page")
ProgressFn = Callable[[int, int, str], None]


@dataclass
class OcrRunReport:
    device: str
    notice: str = ""
    done: list[tuple[str, int]] = field(default_factory=list)  # (item id, lines)
    skipped: list[str] = field(default_factory=list)  # already read by this engine and model
    failed: list[tuple[str, str]] = field(default_factory=list)  # (item id, reason)
    cancelled: bool = False

    def summary(self) -> str:
        lines = sum(n for _, n in self.done)
        pages = "1 page" if len(self.done) == 1 else f"{len(self.done)} pages"
        parts = [f"{pages} read ({lines} lines) on {self.device.upper()}"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} already done")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        return ("Cancelled: " if self.cancelled else "") + ", ".join(parts)


def page_items(ws: Workspace, item_ids: Sequence[str] | None = None) -> list[ItemRow]:
    """Image and page items (not retired), in import order; or the given ones."""
    from ..workspace.queries import _ITEM_COLUMNS

    sql = f"SELECT {_ITEM_COLUMNS} FROM items WHERE kind IN ('image', 'scan_page') AND status != 'retired'"
    args: list[object] = []
    if item_ids is not None:
        sql += f" AND id IN ({','.join('?' * len(item_ids))})"
        args += list(item_ids)
    rows = ws.reader().execute(sql + " ORDER BY created_key, id", args).fetchall()
    return [ItemRow(*r) for r in rows]


def already_read(ws: Workspace, engine: OcrEngine) -> set[str]:
    info = engine.info
    rows = ws.reader().execute(
        "SELECT DISTINCT item_id FROM ocr_runs WHERE engine = ? AND version = ? AND weights IS ?",
        (info.name, info.version, info.weights_sha256),
    )
    return {r[0] for r in rows}


def load_page(ws: Workspace, item: ItemRow) -> np.ndarray:
    return decode_upright_rgb(ws.blobs.read_bytes(item.blob_sha256))


def ocr_draft(ws: Workspace, engine: OcrEngine, item: ItemRow, image: np.ndarray, lines: list[OcrLine],
              *, regions_only: bool = False) -> EventDraft:  # fmt: skip
    h, w = image.shape[:2]
    payload = OcrRan(
        image_sha256=item.blob_sha256, width=w, height=h,
        lines=[ln.to_json() for ln in lines], regions_only=regions_only,  # type: ignore[misc]
    )  # fmt: skip
    info = engine.info
    return ws.draft(
        "ocr.ran", payload, subject=Subject(item.id), agent=info.agent(),
        actor=f"model:{info.name}@{info.version}",
        inputs=[Ref("item", item.id, item.blob_sha256), Ref("model", info.name, info.weights_sha256)],
    )  # fmt: skip


def run_ocr(
    ws: Workspace,
    engine: OcrEngine,
    items: Sequence[ItemRow],
    *,
    force: bool = False,
    batch_size: int = 10,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> OcrRunReport:
    report = OcrRunReport(engine.info.device, getattr(engine, "notice", ""))
    done_before = set() if force else already_read(ws, engine)
    batch: list[EventDraft] = []
    for n, item in enumerate(items, 1):
        if cancel is not None and cancel.cancelled:
            report.cancelled = True
            break
        if item.id in done_before:
            report.skipped.append(item.id)
        else:
            try:
                image = load_page(ws, item)
                lines = engine.recognize_page(image)
            except (OcrError, Refused, BlobError) as exc:
                report.failed.append((item.id, f"{item.name}: {exc}"))
            else:
                batch.append(ocr_draft(ws, engine, item, image, lines))
                report.done.append((item.id, len(lines)))
        if len(batch) >= batch_size:
            ws.append(batch)
            batch = []
        if progress is not None:
            progress(n, len(items), item.name)
    if batch:
        ws.append(batch)
    return report
