"""Importing an annotation file: check everything, bring the images in, append the answers.

Nothing is written until every record has been checked. Records with problems are refused
whole (their images are not imported either) and the rest go on. Labels the current schema
lacks stop the whole import unless the user maps them or keeps them knowingly. Each record's
events are appended together, so a record is never half imported; a cancelled or interrupted
import is resumed by running it again (what is already there is recognised and skipped).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ... import __version__
from ...annotate import annotations_to_json, revisions
from ...ingest import ImportOptions, import_paths
from ...lineage import Agent, EventDraft, Ref, Subject
from ...roles import Action, can, reason
from ...schema import schema_for
from ...workspace import CancelToken, Workspace
from . import coco, labelstudio, paddle, yolo
from .check import Checked, CheckedGroup, check_labels, check_record, fit_to_schema
from .model import FORMAT_NAMES, FORMATS, AnnotationImportError, Parsed, RecordError
from .prelabels import prelabel_drafts, prelabel_problems
from .report import (
    IMPORTED,
    NOT_PROCESSED,
    REFUSED,
    UNCHANGED,
    AnnotationImportReport,
    RecordResult,
)  # fmt: skip

ProgressFn = Callable[[int, int, str], None]  # (done, total, what is being done)
PARSERS: dict[str, Callable[[Path, Path | None], Parsed]] = {
    "coco": coco.parse, "labelstudio": labelstudio.parse, "yolo": yolo.parse,
    "paddle": paddle.parse,
}  # fmt: skip


@dataclass(frozen=True)
class AnnotationImportOptions:
    format: str
    annotator: str | None = None  # default: the workspace profile (Label Studio: completed_by)
    as_prelabels: bool = False  # suggestions to accept, instead of people's answers
    images: Path | None = None  # where the images are, when not beside the file
    label_map: dict[str, str] = field(default_factory=dict)  # --map old=new
    keep_unknown_labels: bool = False  # import labels the schema lacks (they are reported)
    source: str = ""  # default: "imported from <format>, <file name>"
    workers: int = 1  # image decoding processes (0: one per core)
    batch_size: int = 100  # records per committed batch


def parse_label_map(entries: list[str]) -> dict[str, str]:
    """``["old=new", …]`` as a dict; a clear error for an entry without ``=``."""
    out: dict[str, str] = {}
    for e in entries:
        old, sep, new = e.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise AnnotationImportError(f"--map {e!r}: write it as old=new (both non-empty)")
        out[old.strip()] = new.strip()
    return out


def parse_file(path: Path, options: AnnotationImportOptions) -> Parsed:
    if options.format not in PARSERS:
        raise AnnotationImportError(
            f"unknown format {options.format!r}; choose one of {', '.join(FORMATS)}"
        )
    if not path.exists():
        raise AnnotationImportError(f"{path}: not found")
    return PARSERS[options.format](path, options.images)


def import_annotations(
    ws: Workspace, path: Path, options: AnnotationImportOptions, *,
    progress: ProgressFn | None = None, cancel: CancelToken | None = None,
) -> AnnotationImportReport:  # fmt: skip
    """Import ``path`` (a file, or a YOLO dataset folder) into ``ws``; see the module doc."""
    path = Path(path)
    parsed = parse_file(path, options)
    file = str(parsed.file)
    report = AnnotationImportReport(options.format, file, errors=list(parsed.errors))
    for key in dict.fromkeys(e.record for e in parsed.errors if e.record):
        report.records.append(RecordResult(key, REFUSED))
    checked: list[Checked] = []
    for n, rec in enumerate(parsed.records, 1):
        result = check_record(rec, file, options.format, options.label_map)
        if not isinstance(result, list):
            problems = prelabel_problems(result, options.as_prelabels)
            result = [RecordError(file, rec.key, p) for p in problems] or result
        if isinstance(result, list):
            report.errors += result
            report.records.append(RecordResult(rec.key, REFUSED))
        else:
            checked.append(result)
        if progress is not None:
            progress(n, len(parsed.records), "checking")
    schema = schema_for(ws.reader(), None)
    report.schema_ref = schema.ref if schema else None
    fit_to_schema(checked, schema)
    labels = check_labels(checked, schema)
    report.labels, report.unknown_labels = dict(labels.counts), dict(labels.unknown)
    if labels.unknown and not options.keep_unknown_labels:
        report.stopped_for_labels = True
        return report
    _check_credit(ws, checked, options)
    if cancel is not None and cancel.cancelled:
        report.cancelled = True
        report.records += [RecordResult(c.record.key, NOT_PROCESSED) for c in checked]
        return report
    items = _bring_images(ws, checked, options, parsed, report, progress, cancel)
    _append(ws, checked, items, options, parsed, report, progress, cancel)
    report.cancelled = report.cancelled or any(r.status == NOT_PROCESSED for r in report.records)
    return report


def _check_credit(ws: Workspace, checked: list[Checked], options: AnnotationImportOptions) -> None:
    """Answers credited to other people need a role that may do that (the server checks it
    too): refuse before anything is written, saying how to import instead."""
    if options.as_prelabels or can(ws.profile.role, Action.CREDIT_IMPORTED):
        return
    others = {
        name
        for c in checked
        for g in c.groups
        if not g.group.prediction
        and (name := g.group.annotator or options.annotator or ws.profile.name) != ws.profile.name
    }
    if others:
        raise AnnotationImportError(
            f"{reason(ws.profile.role, Action.CREDIT_IMPORTED)}: this file credits "
            f"{', '.join(sorted(others))}. Import it with --annotator {ws.profile.name} to take "
            "the answers as your own, or with --as-prelabels to check them as suggestions."
        )


def _bring_images(
    ws: Workspace, checked: list[Checked], options: AnnotationImportOptions, parsed: Parsed,
    report: AnnotationImportReport, progress: ProgressFn | None, cancel: CancelToken | None,
) -> dict[Path, str]:  # fmt: skip
    """The images through the normal ingest path: item id per image path (refused: absent)."""
    paths = list(dict.fromkeys(c.image for c in checked))
    source = options.source or f"imported from {FORMAT_NAMES[options.format]}, {parsed.file.name}"
    ingest = import_paths(
        ws, paths, ImportOptions(source=source, workers=options.workers),
        progress=(lambda d, t, _: progress(d, t, "images")) if progress else None, cancel=cancel,
    )  # fmt: skip
    out: dict[Path, str] = {}
    for p, result in zip(paths, ingest.files, strict=True):
        if result.item_id is not None:
            out[p] = result.item_id
        elif result.status == "refused":
            report.errors.append(parsed_error(parsed, p, f"image refused: {result.reason}"))
    return out


def parsed_error(parsed: Parsed, image: Path, message: str) -> RecordError:
    return RecordError(str(parsed.file), f"image {image}", message)


def _append(
    ws: Workspace, checked: list[Checked], items: dict[Path, str],
    options: AnnotationImportOptions, parsed: Parsed, report: AnnotationImportReport,
    progress: ProgressFn | None, cancel: CancelToken | None,
) -> None:  # fmt: skip
    conn = ws.reader()
    schema_ref = report.schema_ref
    batch: list[EventDraft] = []
    pending: list[RecordResult] = []
    for n, c in enumerate(checked, 1):
        item_id = items.get(c.image)
        if item_id is None:
            report.records.append(RecordResult(c.record.key, REFUSED if not (
                cancel and cancel.cancelled) else NOT_PROCESSED))  # fmt: skip
            continue
        if cancel is not None and cancel.cancelled:
            report.cancelled = True
            report.records.append(RecordResult(c.record.key, NOT_PROCESSED, item_id))
            continue
        result = RecordResult(c.record.key, UNCHANGED, item_id)
        blob = conn.execute("SELECT blob_sha256 FROM items WHERE id = ?", (item_id,)).fetchone()[0]
        for g in c.groups:
            drafts = _group_drafts(ws, conn, c, g, item_id, blob, options, parsed, schema_ref)
            if drafts:
                batch += drafts
                result.annotations += len(g.annotations)
                for d in drafts:
                    if d.type == "annotation.revised":
                        result.revisions += 1
                    else:
                        result.prelabels += 1
        if result.revisions or result.prelabels:
            result.status = IMPORTED
        pending.append(result)
        if len(pending) >= options.batch_size:
            ws.append(batch)
            report.records += pending
            batch, pending = [], []
        if progress is not None:
            progress(n, len(checked), "annotations")
    if batch:
        ws.append(batch)
    report.records += pending


def _group_drafts(
    ws: Workspace, conn: sqlite3.Connection, c: Checked, g: CheckedGroup, item_id: str,
    blob: str, options: AnnotationImportOptions, parsed: Parsed, schema_ref: str | None,
) -> list[EventDraft]:  # fmt: skip
    agent = Agent(f"import:{options.format}", __version__, parameters={
        "file": parsed.file.name, "record": c.record.key, "imported_by": ws.profile.name})  # fmt: skip
    if g.group.prediction or options.as_prelabels:
        return prelabel_drafts(ws, conn, c, g, item_id, blob, options.format, parsed.file.name,
                               agent, schema_ref)  # fmt: skip
    actor = g.group.annotator or options.annotator or ws.profile.name
    heads = [
        r[0]
        for r in conn.execute(
            """SELECT h.hash FROM annotation_heads h JOIN annotation_revisions r ON r.hash = h.hash
               WHERE h.item_id = ? AND r.actor = ? ORDER BY h.rev_key""",
            (item_id, actor),
        )
    ]
    new = annotations_to_json(g.annotations)
    if any(revisions.revision_payload(conn, h).get("annotations") == new for h in heads):
        return []  # this answer is already there (an import run again)
    return [EventDraft(
        type="annotation.revised",
        payload={"annotations": new, "note": _note(options, parsed, c)},
        actor=actor, role=ws.profile.role, subject=Subject(item_id), agent=agent,
        base=tuple(heads), schema_ref=schema_ref, inputs=(Ref("item", item_id, blob),),
    )]  # fmt: skip


def _note(options: AnnotationImportOptions, parsed: Parsed, c: Checked) -> str:
    return f"imported from {FORMAT_NAMES[options.format]}, {parsed.file.name}: {c.record.key}"
