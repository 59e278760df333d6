"""Batch OCR over items: each page read becomes an ``ocr.ran`` event.

Resumable: an item already read by the same engine and model files is skipped unless forced,
so a run cut short by a crash or cancel picks up where it stopped. A page the engine cannot
read is reported and the batch goes on. Pages are read here, recognised in this process or on
Dask workers (``compute``), and recorded here, in item order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..compute import Compute, Failed, LocalCompute
from ..ingest.errors import Refused
from ..ingest.pixels import decode_upright_rgb
from ..lineage import EventDraft, Ref, Subject
from ..lineage.payloads import OcrRan
from ..workspace import BlobError, CancelToken, Workspace
from ..workspace.queries import ItemRow
from .engine import EngineInfo, OcrEngine, OcrError, OcrLine
from .spec import spec_of

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
    return page_draft(ws, engine.info, item, PageRead(w, h, lines, engine.info), regions_only)


def page_draft(ws: Workspace, info: EngineInfo, item: ItemRow, page: PageRead,
               regions_only: bool = False) -> EventDraft:  # fmt: skip
    payload = OcrRan(
        image_sha256=item.blob_sha256, width=page.width, height=page.height,
        lines=[ln.to_json() for ln in page.lines], regions_only=regions_only,  # type: ignore[misc]
    )  # fmt: skip
    return ws.draft(
        "ocr.ran", payload, subject=Subject(item.id), agent=info.agent(),
        actor=f"model:{info.name}@{info.version}",
        inputs=[Ref("item", item.id, item.blob_sha256), Ref("model", info.name, info.weights_sha256)],
    )  # fmt: skip


@dataclass(frozen=True)
class PageRead:
    """What a task returns for one page: its size, its lines, and the engine that read it."""

    width: int
    height: int
    lines: list[OcrLine]
    info: EngineInfo


def read_page(engine: OcrEngine, data: bytes) -> PageRead | Failed:
    """Decode a page's stored bytes and recognise it (runs here or on a Dask worker)."""
    try:
        image = decode_upright_rgb(data)
        lines = engine.recognize_page(image)
    except (OcrError, Refused) as exc:
        return Failed(str(exc))
    h, w = image.shape[:2]
    return PageRead(w, h, lines, engine.info)


def _page_bytes(ws: Workspace, items: Sequence[ItemRow]) -> Iterator[bytes | Failed]:
    for item in items:
        try:
            yield ws.blobs.read_bytes(item.blob_sha256)
        except BlobError as exc:
            yield Failed(str(exc))


def _same_engine(a: EngineInfo, b: EngineInfo) -> bool:
    return (a.name, a.version, a.weights_sha256) == (b.name, b.version, b.weights_sha256)


def _mismatch(got: EngineInfo, want: EngineInfo) -> str:
    return (
        f"a worker read it with {got.name} {got.version} (model files {got.weights_sha256}), "
        f"not {want.name} {want.version} (model files {want.weights_sha256}) as this run "
        f"records; install the same versions and models on every worker"
    )


_STOPPED = Failed("")  # the compute stopped early: cancelled while waiting for a result


def run_ocr(
    ws: Workspace,
    engine: OcrEngine,
    items: Sequence[ItemRow],
    *,
    force: bool = False,
    batch_size: int = 10,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
    compute: Compute | None = None,
) -> OcrRunReport:
    """Read ``items`` with ``engine`` (or, with a Dask ``compute``, the same engine rebuilt on
    each worker from ``engine.spec``); events are appended here in batches of ``batch_size``."""
    compute = compute or LocalCompute()
    spec = spec_of(engine)
    if compute.distributed and spec is None:
        raise OcrError("this engine cannot be rebuilt on Dask workers; make it with make_engine")
    report = OcrRunReport(engine.info.device, getattr(engine, "notice", ""))
    done_before = set() if force else already_read(ws, engine)
    todo = [it for it in items if it.id not in done_before]
    results = compute.map(read_page, spec, _page_bytes(ws, todo), local=engine, cancel=cancel)
    devices: set[str] = set()
    batch: list[EventDraft] = []
    try:
        for n, item in enumerate(items, 1):
            if cancel is not None and cancel.cancelled:
                report.cancelled = True
                break
            if item.id in done_before:
                report.skipped.append(item.id)
            else:
                page = next(results, _STOPPED)
                if page is _STOPPED:
                    report.cancelled = True
                    break
                if isinstance(page, PageRead) and not _same_engine(page.info, engine.info):
                    page = Failed(_mismatch(page.info, engine.info))
                if isinstance(page, Failed):
                    report.failed.append((item.id, f"{item.name}: {page.reason}"))
                else:
                    batch.append(page_draft(ws, page.info, item, page))
                    report.done.append((item.id, len(page.lines)))
                    devices.add(page.info.device)
            if len(batch) >= batch_size:
                ws.append(batch)
                batch = []
            if progress is not None:
                progress(n, len(items), item.name)
    finally:
        results.close()
    if batch:
        ws.append(batch)
    if devices:  # where the pages were actually read (Dask workers may differ from here)
        report.device = "/".join(sorted(devices))
    return report
