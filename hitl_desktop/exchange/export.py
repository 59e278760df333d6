"""``export(workspace, fmt, out_dir, options, progress, cancel) -> ExportResult``.

The export is written into a hidden staging folder beside ``out_dir`` and renamed into place
only once its manifest is written, so an interrupted or failed export leaves nothing that
looks complete. Then a ``dataset.exported`` event records it (manifest and export hashes).
"""

from __future__ import annotations

import gc
import importlib
import shutil
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

from .. import __version__
from ..lineage.payloads import DatasetExported
from ..workspace import Workspace
from ..workspace.progress import CancelToken
from .collect import Selection, select
from .context import Context
from .images import extension, write_images
from .manifest import write_manifest
from .model import FORMATS, ExportError, ExportItem, ExportOptions, ExportResult

ProgressFn = Callable[[int, int], None]
_PHASES = {"select": (0, 200), "images": (200, 700), "write": (700, 950), "manifest": (950, 1000)}


def _phase(progress: ProgressFn | None, name: str) -> ProgressFn | None:
    """Map one phase's (done, total) onto a single 0..1000 scale."""
    if progress is None:
        return None
    lo, hi = _PHASES[name]

    def report(done: int, total: int) -> None:
        progress(lo + (hi - lo) * done // max(total, 1), 1000)

    return report


def writer(fmt: str) -> ModuleType:
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return importlib.import_module(f".{fmt}", __package__)


def _check_target(out_dir: Path) -> None:
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        raise ExportError(f"{out_dir} already exists and is not empty; choose a new folder "
                          "(an export never overwrites another)")  # fmt: skip


def manifest_fields(
    ws: Workspace, fmt: str, options: ExportOptions, sel: Selection, ctx: Context
) -> dict[str, Any]:
    """Everything the manifest says besides its file list."""
    items = sel.items
    events = {sel.schema_event} if sel.schema_event else set()
    blobs: set[str] = set()
    models: set[str] = set()
    kinds: Counter[str | None] = Counter()
    for it in items:
        events |= {e for e in (it.created_event, it.revision) if e}
        events |= {p.event for p in it.predictions}
        models |= {p.model_id for p in it.predictions}
        blobs |= {b for b in (it.blob_sha256, it.text_sha256) if b}
        kinds.update([a.get("kind") for a in it.annotations])
        models.update(it.models)
    splits = Counter(it.split or "all" for it in items)
    counts = {"items": len(items), "annotations": sum(kinds.values()),
              **{f"kind:{k}": v for k, v in sorted(kinds.items())},
              **{f"split:{k}": v for k, v in sorted(splits.items())},
              **{f"skipped:{k}": v for k, v in sorted(sel.skipped.items())},
              **{f"written:{k}": v for k, v in sorted(ctx.counts.items())}}  # fmt: skip
    return {
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "tool": {"name": "hitl-desktop", "version": __version__},
        "workspace": {"project_id": ws.project_id, "name": ws.name},
        "exported_by": {"actor": ws.profile.name, "role": ws.profile.role},
        "format": fmt,
        "options": options.to_json(),
        "schema": {"ref": sel.schema.ref if sel.schema else None, "event": sel.schema_event},
        "counts": counts,
        "annotators": sorted({it.actor for it in items if it.actor}),
        "models": sorted(models),
        "events": sorted(events),
        "blobs": sorted(blobs),
        "items": [
            {"id": it.id, "revision": it.revision, "split": it.split, "file": it.file}
            for it in items
        ],
        "problems": ctx.problems,
    }


def write_dataset(
    module: ModuleType, items: list[ExportItem], ctx: Context, ws: Workspace | None
) -> None:
    """Images (when the format has them and a workspace holds them), then the format files."""
    folder = getattr(module, "image_folder", None)
    if ws is not None and ctx.options.images and folder is not None:
        blurred = write_images(
            ws, items, lambda it: folder(ctx, it), ctx.root, redact=ctx.options.redact,
            problems=ctx.problems, progress=ctx.progress, cancel=ctx.cancel,
        )  # fmt: skip
        ctx.count("images", sum(1 for it in items if it.file))
        if ctx.options.redact:
            ctx.count("redacted_regions", blurred)
    elif folder is not None:  # labels only: name the image files the labels are for
        for it in items:
            if it.is_image:
                it.file = f"{folder(ctx, it)}/{it.stem}{extension(it.media_type)}"
    module.write(items, ctx)


def export(
    ws: Workspace,
    fmt: str,
    out_dir: Path,
    options: ExportOptions | None = None,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> ExportResult:
    """Export the workspace's annotations to ``out_dir`` (new or empty) in format ``fmt``."""
    options = options or ExportOptions()
    module = writer(fmt)
    out_dir = Path(out_dir)
    if ws.readonly:
        raise ExportError(f"{ws.path} is open read-only; an export is recorded in the log")
    _check_target(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = out_dir.parent / f".{out_dir.name}.partial-{uuid.uuid4().hex[:8]}"
    staging.mkdir()
    # An export builds millions of small dicts that hold no cycles: the cyclic collector
    # would rescan them all again and again (5x the time of the COCO writer, measured).
    collecting = gc.isenabled()
    gc.disable()
    try:
        sel = select(ws, options, predictions=fmt == "labelstudio",
                     progress=_phase(progress, "select"), cancel=cancel)  # fmt: skip
        takes = getattr(module, "TAKES", ("image", "scan_page", "text"))
        other = [it for it in sel.items if it.kind not in takes]
        if other:
            sel.skipped[f"not_{fmt}_items"] = len(other)
            sel.items = [it for it in sel.items if it.kind in takes]
        if not sel.items:
            skipped = ", ".join(f"{v} {k}" for k, v in sel.skipped.items()) or "none"
            raise ExportError(f"nothing to export with --revisions {options.revisions} "
                              f"(items left out: {skipped})")  # fmt: skip
        ctx = Context(staging, options, sel.schema, sel.problems, {},
                      _phase(progress, "images"), cancel)  # fmt: skip
        write_dataset(module, sel.items, ctx, ws)
        ctx.progress = _phase(progress, "write")
        fields = manifest_fields(ws, fmt, options, sel, ctx)
        if cancel is not None:
            cancel.check()
        manifest_sha, export_sha, files = write_manifest(staging, fields)
        if cancel is not None:
            cancel.check()
        if out_dir.exists():
            out_dir.rmdir()  # checked empty above
        staging.rename(out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        if collecting:
            gc.enable()
    payload = DatasetExported(
        format=fmt, manifest_sha256=manifest_sha, export_sha256=export_sha,
        options=options.to_json(), schema_ref=fields["schema"]["ref"],
        counts={k: v for k, v in fields["counts"].items() if ":" not in k}, folder=str(out_dir),
    )  # fmt: skip
    try:
        [event] = ws.append([ws.draft("dataset.exported", payload)])
    except BaseException:
        shutil.rmtree(out_dir, ignore_errors=True)  # an unrecorded export is not left behind
        raise
    if progress is not None:
        progress(1000, 1000)
    return ExportResult(
        out_dir, fmt, len(sel.items), fields["counts"]["annotations"], files, manifest_sha,
        export_sha, event.hash, fields["counts"], list(ctx.problems),
    )  # fmt: skip
