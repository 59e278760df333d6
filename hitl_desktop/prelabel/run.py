"""Batch pre-labelling over text items: each suggestion becomes a ``prelabel.made`` event.

Resumable like OCR runs: an item already pre-labelled by the same model id (and label set)
is skipped unless forced, so a run cut short by a crash or cancel picks up where it stopped.
Texts go to the model in batches; each batch's events are committed together.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..lineage import EventDraft, Ref, Subject
from ..lineage.payloads import PrelabelMade
from ..workspace import BlobError, CancelToken, Workspace
from .base import Prediction, Prelabeller
from .errors import ModelError
from .labels import LabelSet

ProgressFn = Callable[[int, int, str], None]  # (done, total, item name)
# what a model raises on input it cannot take (too long for its positions, odd characters)
_MODEL_FAILURES = (ModelError, RuntimeError, ValueError, IndexError)


@dataclass(frozen=True)
class TextItem:
    id: str
    name: str
    text_sha256: str  # the blob holding the item's NFC text


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


def text_items(ws: Workspace, item_ids: Sequence[str] | None = None) -> list[TextItem]:
    """Text items (not retired) in import order, or the given ones."""
    sql = """SELECT id, name, COALESCE(text_sha256, blob_sha256) FROM items
             WHERE kind = 'text' AND status != 'retired'"""
    args: list[object] = []
    if item_ids is not None:
        sql += f" AND id IN ({','.join('?' * len(item_ids))})"
        args += list(item_ids)
    rows = ws.reader().execute(sql + " ORDER BY created_key, id", args).fetchall()
    return [TextItem(*r) for r in rows]


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
    ws: Workspace, model: Prelabeller, item: TextItem, prediction: Prediction
) -> EventDraft:
    payload = PrelabelMade(
        model_id=model.record.id, text_sha256=item.text_sha256,
        labels=prediction.labels_json(),  # type: ignore[arg-type]
        spans=[s.to_json() for s in prediction.spans],  # type: ignore[misc]
    )  # fmt: skip
    return ws.draft(
        "prelabel.made", payload, subject=Subject(item.id), agent=model.agent(),
        actor=f"model:{model.record.id}", inputs=[Ref("item", item.id, item.text_sha256), model.record.ref()],
        schema_ref=model.label_set.ref if model.label_set else None,
    )  # fmt: skip


def _predict(
    model: Prelabeller, items: list[TextItem], texts: list[str], report: PrelabelRunReport
) -> tuple[list[TextItem], list[Prediction]]:
    """Predict a batch; if the model refuses it, go item by item so only the culprits fail."""
    if not items:
        return [], []
    try:
        return items, model.predict(texts)
    except _MODEL_FAILURES as exc:
        if len(items) == 1:
            report.failed.append((items[0].id, f"{items[0].name}: {exc}"))
            return [], []
    kept, predictions = [], []
    for item, text in zip(items, texts, strict=True):
        got, pred = _predict(model, [item], [text], report)
        kept += got
        predictions += pred
    return kept, predictions


def run_prelabel(
    ws: Workspace,
    model: Prelabeller,
    items: Sequence[TextItem],
    *,
    force: bool = False,
    batch_size: int = 64,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> PrelabelRunReport:
    """Pre-label ``items``; each batch of predictions is committed as one signed batch."""
    report = PrelabelRunReport(model.record.id, model.device, model.notice)
    done_before = set() if force else already_prelabelled(ws, model.record.id, model.label_set)
    todo = [it for it in items if it.id not in done_before]
    report.skipped = [it.id for it in items if it.id in done_before]
    n = len(report.skipped)
    for start in range(0, len(todo), batch_size):
        if cancel is not None and cancel.cancelled:
            report.cancelled = True
            break
        chunk, texts = [], []
        for item in todo[start : start + batch_size]:
            try:
                texts.append(read_text(ws, item))
                chunk.append(item)
            except (BlobError, UnicodeDecodeError) as exc:
                report.failed.append((item.id, f"{item.name}: {exc}"))
        chunk, predictions = _predict(model, chunk, texts, report)
        if chunk:
            ws.append(
                [prelabel_draft(ws, model, it, p) for it, p in zip(chunk, predictions, strict=True)]
            )
        report.done += [(it.id, p.top) for it, p in zip(chunk, predictions, strict=True)]
        n += len(todo[start : start + batch_size])
        if progress is not None:
            progress(n, len(items), chunk[-1].name if chunk else "")
    return report
