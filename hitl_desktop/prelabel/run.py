"""Batch pre-labelling over items of the model's modality: each suggestion is a ``prelabel.made``.

Text models read the item's stored NFC text; image models get the upright RGB pixels of image
and scan-page items, decoded one batch at a time. Resumable like OCR runs: an item already
pre-labelled by the same model id (and label set) is skipped unless forced, so a run cut short
by a crash or cancel picks up where it stopped. Each batch's events are committed together; an
item that cannot be read or that the model refuses fails alone and the batch goes on.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..compute import Compute, Failed, LocalCompute
from ..ingest.errors import Refused
from ..ingest.pixels import decode_upright_rgb
from ..lineage import EventDraft, Ref, Subject
from ..lineage.payloads import PrelabelMade
from ..workspace import BlobError, CancelToken, Workspace
from .base import Prediction, Prelabeller
from .errors import ModelError
from .labels import LabelSet
from .spec import PrelabellerSpec

ProgressFn = Callable[[int, int, str], None]  # (done, total, item name)
# what a model raises on input it cannot take (too long for its positions, odd characters)
_MODEL_FAILURES = (ModelError, RuntimeError, ValueError, IndexError)
IMAGE_KINDS = ("image", "scan_page")
MODALITIES = ("text", "image")
# decoded pages are held a batch at a time: a 12-megapixel photo is 36 MB of pixels
DEFAULT_BATCH = {"text": 64, "image": 8}


@dataclass(frozen=True)
class TextItem:
    id: str
    name: str
    text_sha256: str  # the blob holding the item's NFC text


@dataclass(frozen=True)
class ImageItem:
    id: str
    name: str
    image_sha256: str  # the blob holding the image or rendered page


Item = TextItem | ImageItem


@dataclass
class PrelabelRunReport:
    model_id: str
    device: str
    notice: str = ""
    done: list[tuple[str, str | None]] = field(default_factory=list)  # (item id, top label)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (item id, reason)
    cancelled: bool = False

    def summary(self) -> str:
        parts = [f"{len(self.done)} items pre-labelled by {self.model_id} on {self.device.upper()}"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} already done")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        return ("Cancelled: " if self.cancelled else "") + ", ".join(parts)

    def to_json(self) -> dict[str, object]:
        return {"model_id": self.model_id, "device": self.device, "done": self.done,
                "skipped": self.skipped, "failed": self.failed, "cancelled": self.cancelled,
                "summary": self.summary()}  # fmt: skip


def _select(ws: Workspace, sql: str, item_ids: Sequence[str] | None) -> list[tuple[Any, ...]]:
    args: list[object] = []
    if item_ids is not None:
        sql += f" AND id IN ({','.join('?' * len(item_ids))})"
        args += list(item_ids)
    return ws.reader().execute(sql + " ORDER BY created_key, id", args).fetchall()


def text_items(ws: Workspace, item_ids: Sequence[str] | None = None) -> list[TextItem]:
    """Text items (not retired) in import order, or the given ones."""
    sql = """SELECT id, name, COALESCE(text_sha256, blob_sha256) FROM items
             WHERE kind = 'text' AND status != 'retired'"""
    return [TextItem(*r) for r in _select(ws, sql, item_ids)]


def image_items(ws: Workspace, item_ids: Sequence[str] | None = None) -> list[ImageItem]:
    """Image and scan-page items (not retired) in import order, or the given ones."""
    sql = """SELECT id, name, blob_sha256 FROM items
             WHERE kind IN ('image', 'scan_page') AND status != 'retired'"""
    return [ImageItem(*r) for r in _select(ws, sql, item_ids)]


def items_for(
    ws: Workspace, modality: str, item_ids: Sequence[str] | None = None
) -> list[TextItem] | list[ImageItem]:
    """The items a model of ``modality`` ("text" or "image") can pre-label."""
    if modality == "text":
        return text_items(ws, item_ids)
    if modality == "image":
        return image_items(ws, item_ids)
    raise ModelError(f"unknown modality {modality!r}; pre-labellers take {' or '.join(MODALITIES)}")


def read_text(ws: Workspace, item: TextItem) -> str:
    """The item's text as stored (NFC; normalised again in case of an old import)."""
    return unicodedata.normalize("NFC", ws.blobs.read_bytes(item.text_sha256).decode("utf-8"))


def field_labels(ws: Workspace, field_name: str) -> dict[str, str]:
    """Item id -> value of a column kept with a CSV/TSV/JSONL row (e.g. a gold ``Label``)."""
    path = '$.payload.parameters.fields."' + field_name.replace('"', '\\"') + '"'
    rows = ws.reader().execute(
        """SELECT e.subject_item, json_extract(e.body, ?) FROM events AS e
           JOIN items AS i ON i.id = e.subject_item
           WHERE e.type = 'item.derived' AND i.kind = 'text' AND i.status != 'retired'
           ORDER BY i.created_key, i.id""",
        (path,),
    )
    return {item: str(v).strip() for item, v in rows if v is not None and str(v).strip()}


def already_prelabelled(ws: Workspace, model_id: str, label_set: LabelSet | None) -> set[str]:
    rows = ws.reader().execute(
        "SELECT DISTINCT item_id FROM prelabels WHERE model_id = ? AND label_set IS ?",
        (model_id, label_set.ref if label_set else None),
    )
    return {r[0] for r in rows}


def prelabel_draft(
    ws: Workspace, model: Prelabeller, item: Item, prediction: Prediction
) -> EventDraft:
    """The ``prelabel.made`` event: spans index the item's text, boxes its upright image."""
    if isinstance(item, ImageItem):
        content, text_sha, image_sha = item.image_sha256, None, item.image_sha256
    else:
        content, text_sha, image_sha = item.text_sha256, item.text_sha256, None
    payload = PrelabelMade(
        model_id=model.record.id, text_sha256=text_sha, image_sha256=image_sha,
        labels=prediction.labels_json(),  # type: ignore[arg-type]
        spans=[s.to_json() for s in prediction.spans],  # type: ignore[misc]
        boxes=[b.to_json() for b in prediction.boxes],  # type: ignore[misc]
    )  # fmt: skip
    return ws.draft(
        "prelabel.made", payload, subject=Subject(item.id), agent=model.agent(),
        actor=f"model:{model.record.id}", inputs=[Ref("item", item.id, content), model.record.ref()],
        schema_ref=model.label_set.ref if model.label_set else None,
    )  # fmt: skip


def _read(ws: Workspace, item: Item) -> str | bytes | Failed:
    """One item's input as stored: NFC text, or the image's bytes (decoded by the task)."""
    try:
        if isinstance(item, ImageItem):
            return ws.blobs.read_bytes(item.image_sha256)
        return read_text(ws, item)
    except (BlobError, UnicodeDecodeError) as exc:
        return Failed(str(exc))


def _batches(ws: Workspace, chunks: list[list[Item]]) -> Iterator[list[str | bytes | Failed]]:
    for chunk in chunks:
        yield [_read(ws, item) for item in chunk]


def _decode(raw: str | bytes | Failed) -> Any:
    if isinstance(raw, bytes):
        try:
            return decode_upright_rgb(raw)
        except Refused as exc:
            return Failed(str(exc))
    return raw


def predict_batch(model: Prelabeller, raw: list[str | bytes | Failed]) -> list[Prediction | Failed]:
    """One result per input, in order (runs here or on a Dask worker): images are decoded,
    the batch is predicted at once, and if the model refuses it, item by item so only the
    culprits fail."""
    inputs = [_decode(r) for r in raw]
    out: list[Prediction | Failed] = list(inputs)  # placeholders; Failed ones stay
    todo = [i for i, x in enumerate(inputs) if not isinstance(x, Failed)]
    if not todo:
        return out
    try:
        predictions = model.predict([inputs[i] for i in todo])
    except _MODEL_FAILURES as exc:
        if len(todo) == 1:
            out[todo[0]] = Failed(str(exc))
            return out
        for i in todo:
            out[i] = predict_batch(model, [raw[i]])[0]
        return out
    for i, p in zip(todo, predictions, strict=True):
        out[i] = p
    return out


def _check_modality(model: Prelabeller, items: Sequence[Item]) -> None:
    want = ImageItem if model.modality == "image" else TextItem
    if model.modality not in MODALITIES:
        raise ModelError(f"{model.record.id} takes {model.modality!r} input, which no item holds")
    wrong = next((it for it in items if not isinstance(it, want)), None)
    if wrong is not None:
        kind = "image or page" if model.modality == "image" else "text"
        raise ModelError(
            f"{model.record.id} pre-labels {kind} items; {wrong.name} is not one "
            f"(list items with items_for(ws, {model.modality!r}))"
        )


def run_prelabel(
    ws: Workspace,
    model: Prelabeller,
    items: Sequence[Item],
    *,
    force: bool = False,
    batch_size: int | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
    compute: Compute | None = None,
) -> PrelabelRunReport:
    """Pre-label ``items`` (of the model's modality); each batch is committed as one batch.

    ``batch_size`` defaults to 64 texts or 8 images. Raises ``ModelError`` when an item is of
    the wrong modality for the model; per-item problems go to the report's ``failed``. With a
    Dask ``compute``, batches are predicted on workers that load the same model from its
    files (see ``spec.PrelabellerSpec``); events are still appended here, in item order.
    """
    _check_modality(model, items)
    size = batch_size or DEFAULT_BATCH.get(model.modality, 8)
    report = PrelabelRunReport(model.record.id, model.device, model.notice)
    done_before = set() if force else already_prelabelled(ws, model.record.id, model.label_set)
    todo = [it for it in items if it.id not in done_before]
    report.skipped = [it.id for it in items if it.id in done_before]
    n = len(report.skipped)
    compute = compute or LocalCompute()
    spec = PrelabellerSpec.of(model, model.device) if compute.distributed else None
    chunks = [todo[start : start + size] for start in range(0, len(todo), size)]
    results = compute.map(predict_batch, spec, _batches(ws, chunks), local=model, cancel=cancel)
    try:
        for chunk in chunks:
            if cancel is not None and cancel.cancelled:
                report.cancelled = True
                break
            outs = next(results, None)
            if outs is None:  # cancelled while waiting for a worker
                report.cancelled = True
                break
            if isinstance(outs, Failed):  # the worker could not load the model
                outs = [outs] * len(chunk)
            kept = [(it, p) for it, p in zip(chunk, outs, strict=True) if isinstance(p, Prediction)]
            report.failed += [(it.id, f"{it.name}: {p.reason}")
                              for it, p in zip(chunk, outs, strict=True) if isinstance(p, Failed)]  # fmt: skip
            if kept:
                ws.append([prelabel_draft(ws, model, it, p) for it, p in kept])
            report.done += [(it.id, p.top) for it, p in kept]
            n += len(chunk)
            if progress is not None:
                progress(n, len(items), kept[-1][0].name if kept else "")
    finally:
        results.close()
    return report
