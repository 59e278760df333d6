"""Hand-built event sets for the insights tests: a workspace whose clock is set by the test
(days are whole UTC days from 1970-01-01), and helpers that append realistic events."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from hitl_desktop.lineage import HybridClock, Subject, uuid7
from hitl_desktop.lineage.envelope import EventDraft
from hitl_desktop.workspace import Profile, Workspace
from hitl_desktop.workspace.projections.prelabel import model_id

DAY_MS = 86_400_000
DAY0 = 20_000  # 2024-10-04: far enough from today that no wall-clock event lands in a window


def set_day(ws: Workspace, day: int, hour: int = 12) -> None:
    """Events appended from now on carry this day (the clock never goes back: keep days rising)."""
    ms = day * DAY_MS + hour * 3_600_000
    ws._writer_or_fail().clock = HybridClock(wall_ms=lambda: ms)


def as_person(ws: Workspace, name: str, role: str = "worker") -> None:
    ws.set_profile(Profile(name, role))


def classification(*labels: str) -> list[dict[str, Any]]:
    return [{"attributes": {}, "id": uuid7(), "kind": "classification", "label": "",
             "origin": {"kind": "human"}, "shape": {"labels": list(labels)}}]  # fmt: skip


def box(label: str, x0: float = 10.0) -> dict[str, Any]:
    return {"attributes": {}, "id": uuid7(), "kind": "box", "label": label,
            "origin": {"kind": "human"}, "shape": {"x0": x0, "y0": 10.0, "x1": x0 + 80, "y1": 60.0}}  # fmt: skip


def imported(
    ws: Workspace, name: str, *, kind: str = "image", source: str = "tests",
    stats: dict[str, Any] | None = None, text: str | None = None, item: str | None = None,
) -> EventDraft:  # fmt: skip
    """An ``item.imported`` draft; a text's bytes go to the blob store like a real import."""
    payload: dict[str, Any] = {"kind": kind, "name": name, "source": source,
                               "stats": stats or {}}  # fmt: skip
    if text is not None:
        data = text.encode()
        sha = ws.blobs.put_bytes(data)
        payload |= {"media_type": "text/plain", "blob_sha256": sha, "size_bytes": len(data),
                    "text_sha256": sha}  # fmt: skip
    else:
        sha = hashlib.sha256(name.encode()).hexdigest()
        payload |= {"media_type": "image/png", "blob_sha256": sha, "size_bytes": 1}
    return ws.draft("item.imported", payload, subject=Subject(item or uuid7()))


def revised(
    ws: Workspace, item: str, annotations: list[dict[str, Any]], *, actor: str | None = None,
    base: Sequence[str] = (),
) -> EventDraft:  # fmt: skip
    return ws.draft("annotation.revised", {"annotations": annotations}, subject=Subject(item),
                    actor=actor, base=base)  # fmt: skip


def register_model(ws: Workspace, name: str) -> str:
    weights = hashlib.sha256(name.encode()).hexdigest()
    payload = {"name": name, "kind": "onnx", "task": "text-classification",
               "path": f"/models/{name}", "files": {"model.onnx": weights},
               "weights_sha256": weights}  # fmt: skip
    ws.append([ws.draft("model.registered", payload)])
    return model_id(name, weights)


def prelabel(ws: Workspace, item: str, model: str, top: str, other: str) -> EventDraft:
    labels = [{"label": top, "score": 0.8}, {"label": other, "score": 0.2}]
    return ws.draft("prelabel.made", {"model_id": model, "labels": labels},
                    subject=Subject(item), actor=f"model:{model}")  # fmt: skip


def adjudicated(ws: Workspace, item: str, label: str) -> EventDraft:
    payload = {"decision": "adjudicate", "annotations": classification(label), "reason": ""}
    return ws.draft("review.decided", payload, subject=Subject(item))
