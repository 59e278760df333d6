"""Batch import: files and folders in, items and a per-file report out.

Workers (processes) hash, validate and decode; this process turns their results into
events, appended in batches. Re-running an import after a crash or cancel adds nothing twice:
content already in the workspace is a duplicate (same source and path) or a new sighting.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import numpy as np

from ..lineage import EventDraft, Ref, Subject, uuid7
from ..lineage.payloads import ItemDerived, ItemImported, ItemSighted
from ..privacy import validate as validate_privacy
from ..workspace import CancelToken, Workspace
from ..workspace.paths import DB_NAME
from .options import ImportOptions
from .prepare import Prepared, _Context, init_worker, prepare_file, prepare_in_worker
from .report import DUPLICATE, IMPORTED, REFUSED, SIGHTING, SKIPPED, FileResult, ImportReport

ProgressFn = Callable[[int, int, str], None]  # (files done, files in total, current file)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files in the given order; folders walked recursively in name order, hidden files skipped."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            if (p / DB_NAME).exists():
                continue  # never import a workspace into itself
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if not d.startswith(".") and not (Path(root) / d / DB_NAME).exists()
                )
                out += [Path(root) / f for f in sorted(files) if not f.startswith(".")]
        else:
            out.append(p)
    return out


class _NearDuplicates:
    """Perceptual hashes and text fingerprints seen so far, for flagging near-duplicates."""

    def __init__(self, ws: Workspace, max_bits: int) -> None:
        conn = ws.reader()
        rows = conn.execute(
            "SELECT item_id, dhash FROM item_fingerprints WHERE dhash IS NOT NULL"
        ).fetchall()
        self.ids = [r[0] for r in rows]
        # grown by doubling: appending one hash must not copy all of them (np.append would)
        self._hashes = np.array([int(r[1], 16) for r in rows], dtype=np.uint64)
        self._count = len(self._hashes)
        self.text = dict(
            conn.execute(
                "SELECT text_fp, item_id FROM item_fingerprints WHERE text_fp IS NOT NULL"
            ).fetchall()
        )
        self.max_bits = max_bits

    @property
    def hashes(self) -> np.ndarray:
        return self._hashes[: self._count]

    def _add(self, h: np.uint64) -> None:
        if self._count == len(self._hashes):
            grown = np.empty(max(1024, 2 * self._count), dtype=np.uint64)
            grown[: self._count] = self._hashes[: self._count]
            self._hashes = grown
        self._hashes[self._count] = h
        self._count += 1

    def check(self, item_id: str, stats: dict[str, object]) -> list[str]:
        found: list[str] = []
        dh, fp = stats.get("dhash"), stats.get("fingerprint")
        if isinstance(dh, str):
            h = np.uint64(int(dh, 16))
            hashes = self.hashes
            if len(hashes):
                dist = (
                    np.bitwise_count(hashes ^ h)
                    if hasattr(np, "bitwise_count")
                    else _popcount(hashes ^ h)
                )
                found += [self.ids[i] for i in np.flatnonzero(dist <= self.max_bits)[:10]]
            self.ids.append(item_id)
            self._add(h)
        if isinstance(fp, str):
            if fp in self.text:
                found.append(self.text[fp])
            else:
                self.text[fp] = item_id
        return found


def _popcount(x: np.ndarray) -> np.ndarray:
    return np.unpackbits(x.view(np.uint8).reshape(-1, 8), axis=1).sum(axis=1)


class _Prepare:
    """Runs ``prepare_file`` in worker processes (or inline for one worker), in input order."""

    def __init__(self, ws: Workspace, options: ImportOptions) -> None:
        self.options = options
        workers = options.workers or os.cpu_count() or 1
        self.pool: ProcessPoolExecutor | None = None
        if workers > 1:
            ctx = multiprocessing.get_context("spawn")  # never fork a process that has threads
            self.pool = ProcessPoolExecutor(
                workers,
                mp_context=ctx,
                initializer=init_worker,
                initargs=(str(ws.path), os.getpid()),
            )
        # Files in flight. Results are small metadata, so a deep window costs no memory; a
        # shallow one lets a slow file (a big scan, a stalled fsync) idle the other workers
        # while the parent waits for it to keep the input order.
        self.window = 8 * workers
        self.inline = _Context(ws.path)

    def run(self, files: Sequence[Path], cancel: CancelToken | None) -> Iterator[Prepared | None]:
        """Results in order; ``None`` for files not processed because of a cancel."""
        if self.pool is None:
            for f in files:
                yield (
                    None
                    if cancel and cancel.cancelled
                    else prepare_file(self.inline, f, self.options)
                )
            return
        pending: deque[Future[Prepared]] = deque()
        it = iter(files)
        for f in it:  # keep a bounded window in flight: memory stays flat however many files
            pending.append(self.pool.submit(prepare_in_worker, str(f), self.options))
            if len(pending) >= self.window:
                break
        while pending:
            if cancel and cancel.cancelled:
                for fut in pending:
                    fut.cancel()
                yield from (None for _ in pending)
                yield from (None for _ in it)
                return
            result = pending.popleft().result()
            nxt = next(it, None)
            if nxt is not None:
                pending.append(self.pool.submit(prepare_in_worker, str(nxt), self.options))
            yield result

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


class _RunState:
    """What this run has already recorded (the log is only read once a batch commits)."""

    def __init__(self) -> None:
        self.by_content: dict[str, str] = {}  # content hash -> item id
        self.sightings: set[tuple[str, str, str]] = set()  # (item id, source, path)


def import_paths(
    ws: Workspace,
    paths: Iterable[Path],
    options: ImportOptions | None = None,
    *,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> ImportReport:
    options = options or ImportOptions()
    validate_privacy(options.privacy)  # before anything is imported
    files = expand_paths(paths)
    report = ImportReport()
    near = _NearDuplicates(ws, options.near_duplicate_bits)
    state = _RunState()
    batch: list[EventDraft] = []
    preparer = _Prepare(ws, options)
    try:
        for n, (path, prepared) in enumerate(
            zip(files, preparer.run(files, cancel), strict=True), 1
        ):
            if prepared is None:
                report.cancelled = True
                report.add(FileResult(str(path), SKIPPED, "cancelled before it was processed"))
                continue
            report.add(_record(ws, prepared, options, near, state, batch))
            if len(batch) >= options.batch_size:
                ws.append(batch)
                batch = []
            if progress is not None:
                progress(n, len(files), str(path))
        if batch:
            ws.append(batch)
    finally:
        preparer.close()
    return report


def _record(
    ws: Workspace, p: Prepared, options: ImportOptions, near: _NearDuplicates,
    state: _RunState, batch: list[EventDraft],
) -> FileResult:  # fmt: skip
    """Decide what a prepared file becomes, adding its drafts to ``batch``."""
    if p.status == "refused":
        return FileResult(p.path, REFUSED, p.reason, notes=p.notes)
    provenance = options.provenance(p.path, p.modified_time)
    existing = state.by_content.get(p.sha256) or _existing_item(ws, p.sha256)
    if existing is not None:
        sighting = (existing, options.source, p.path)
        if sighting in state.sightings or _seen_at(ws, *sighting):
            return FileResult(
                p.path,
                DUPLICATE,
                "already imported from this source and path",
                existing,
                notes=p.notes,
            )
        state.sightings.add(sighting)
        sighted = ItemSighted(blob_sha256=p.sha256, source=options.source, provenance=provenance)
        batch.append(ws.draft("item.sighted", sighted, subject=Subject(existing)))
        return FileResult(
            p.path,
            SIGHTING,
            "same content as an item already imported; recorded as another sighting",
            existing,
            notes=p.notes,
        )
    item_id = uuid7()
    state.by_content[p.sha256] = item_id
    state.sightings.add((item_id, options.source, p.path))
    flagged = near.check(item_id, p.stats)
    payload = ItemImported(
        kind=p.kind, name=Path(p.path).name, media_type=p.media_type, blob_sha256=p.sha256,  # type: ignore[arg-type]
        size_bytes=p.size_bytes, source=options.source, provenance=provenance, stats=p.stats,
        text_sha256=p.text_sha256, notes=p.notes, near_duplicates=flagged,
    )  # fmt: skip
    outputs = [Ref("blob", p.sha256, p.sha256)] + (
        [Ref("blob", p.text_sha256, p.text_sha256)] if p.text_sha256 else []
    )
    batch.append(ws.draft("item.imported", payload, subject=Subject(item_id), outputs=outputs))
    for part in p.parts:
        part_id = uuid7()
        part_near = near.check(part_id, part.stats)
        flagged += part_near
        derived = ItemDerived(
            kind=part.kind, name=part.name, media_type=part.media_type, blob_sha256=part.blob_sha256,  # type: ignore[arg-type]
            size_bytes=part.size_bytes, parent=item_id, transformation=part.transformation,
            parameters=part.parameters, source=options.source, stats=part.stats,
            text_layer_sha256=part.text_layer_sha256, near_duplicates=part_near,
        )  # fmt: skip
        batch.append(ws.draft(
            "item.derived", derived, subject=Subject(part_id),
            inputs=[Ref("item", item_id, p.sha256)], outputs=[Ref("blob", part.blob_sha256, part.blob_sha256)],
        ))  # fmt: skip
    return FileResult(p.path, IMPORTED, "", item_id, len(p.parts), p.notes, sorted(set(flagged)))


def _existing_item(ws: Workspace, sha: str) -> str | None:
    row = (
        ws.reader()
        .execute(
            "SELECT id FROM items WHERE blob_sha256 = ? AND parent_id IS NULL ORDER BY created_key LIMIT 1",
            (sha,),
        )
        .fetchone()
    )
    return row[0] if row else None


def _seen_at(ws: Workspace, item_id: str, source: str, path: str) -> bool:
    return (
        ws.reader()
        .execute(
            "SELECT 1 FROM item_sources WHERE item_id = ? AND source = ? AND original_path = ?",
            (item_id, source, path),
        )
        .fetchone()
        is not None
    )
