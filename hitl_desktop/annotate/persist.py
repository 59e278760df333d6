"""Opening an item for editing, saving it as a revision, autosave and crash recovery.

Saving appends one ``annotation.revised`` event whose ``base`` names the revision the
editing started from and the pre-label/OCR events it accepted. Undo after a save, then
saving again, appends a new revision on top of the saved one: history is never rewritten.
"""

from __future__ import annotations

import sqlite3
import unicodedata
import weakref
from dataclasses import dataclass
from typing import Any

import orjson

from ..lineage import Event, EventDraft, Ref, Subject
from ..workspace import ROLES, Workspace
from . import assigned, revisions, suggestions
from .annotation import annotations_from_json, annotations_to_json
from .commands import restore
from .document import Document
from .drafts import Draft, DraftJournal
from .errors import AnnotateError, InvalidAnnotation
from .undo import StackMark

_journals: weakref.WeakKeyDictionary[Workspace, DraftJournal] = weakref.WeakKeyDictionary()


def journal(ws: Workspace) -> DraftJournal:
    """The workspace's draft journal (``drafts.db`` beside ``workspace.db``)."""
    found = _journals.get(ws)
    if found is None:
        found = _journals[ws] = DraftJournal.in_folder(ws.path)
    return found


def close_journal(ws: Workspace) -> None:
    """Close the workspace's draft journal (call before closing the workspace)."""
    found = _journals.pop(ws, None)
    if found is not None:
        found.close()


def _item_row(conn: sqlite3.Connection, ws: Workspace, item_id: str) -> tuple[Any, ...]:
    row = conn.execute(
        "SELECT kind, blob_sha256, text_sha256 FROM items WHERE id = ? AND kind IS NOT NULL",
        (item_id,),
    ).fetchone()
    if row is None:
        raise AnnotateError(f"item {item_id} is not in the workspace at {ws.path}")
    return tuple(row)


def _image_size(conn: sqlite3.Connection, item_id: str) -> tuple[int, int] | None:
    row = conn.execute(
        """SELECT body FROM events WHERE subject_item = ?
           AND type IN ('item.imported', 'item.derived') ORDER BY hlc, hash LIMIT 1""",
        (item_id,),
    ).fetchone()
    stats = orjson.loads(row[0])["payload"].get("stats") or {} if row else {}
    w, h = stats.get("width"), stats.get("height")
    return (int(w), int(h)) if isinstance(w, int) and isinstance(h, int) else None


def _item_text(ws: Workspace, item_id: str, text_sha: str | None) -> str | None:
    if text_sha is None:
        return None
    try:
        raw = ws.blobs.read_bytes(text_sha)
    except Exception as exc:  # a missing or damaged blob: say which
        raise AnnotateError(f"the text of item {item_id} (blob {text_sha[:12]}) is unreadable: "
                            f"{exc}") from None  # fmt: skip
    return unicodedata.normalize("NFC", raw.decode("utf-8"))


def open_document(ws: Workspace, item_id: str, *, undo_limit: int = 1000) -> Document:
    """The item's latest revision (or nothing yet) ready to edit, with pending suggestions.

    Blind double annotation: when the item was given to the profile's person (``ws.profile``)
    and to someone else too, or to them as a gold task, the document opens on their own latest
    revision of it, or empty (base ``()``), never on another person's answer. When a reject
    decision covers every current revision, the base is all of them, so the rework replaces
    every rejected answer, and ``problems`` says "Rejected by <checker>: <reason>".
    """
    conn = ws.reader()
    kind, blob_sha, text_sha = _item_row(conn, ws, item_id)
    text = _item_text(ws, item_id, text_sha)
    length = len(text) if text is not None else None
    start = assigned.starting_point(conn, item_id, ws.profile.name)
    annotations = []
    if start.shown is not None:
        try:
            payload = revisions.revision_payload(conn, start.shown.hash)
            annotations = annotations_from_json(payload["annotations"], text_length=length)
        except InvalidAnnotation as exc:
            raise AnnotateError(
                f"revision {start.shown.hash[:12]} of item {item_id} cannot be edited here: {exc}"
            ) from None
    found = suggestions.pending(
        conn, item_id, revisions.ancestry(conn, list(start.dealt_with)), text_length=length
    )
    size = _image_size(conn, item_id) if kind != "text" else None
    # the label set: the latest revision's, else the one the pending pre-labels agree on
    schema_ref = start.schema_ref
    if schema_ref is None and len(found.schema_refs) == 1:
        (schema_ref,) = found.schema_refs
    doc = Document(
        item_id, annotations, base=list(start.base),
        suggestions=found.annotations, text=text, size=size or found.size,
        blob_sha256=blob_sha, schema_ref=schema_ref,
        undo_limit=undo_limit,
    )  # fmt: skip
    doc.problems += found.problems
    doc.problems += start.problems
    doc.journal = journal(ws)
    return doc


@dataclass(frozen=True, slots=True)
class PendingSave:
    """A save prepared on the editing thread: the event to append and where the stack was."""

    draft: EventDraft
    mark: StackMark
    replaces: frozenset[str]


def prepare_save(
    ws: Workspace, doc: Document, *, note: str = "", actor: str | None = None,
    role: str | None = None, force: bool = False,
) -> PendingSave | None:  # fmt: skip
    """The revision to append for ``doc`` as it is now; None when there is nothing unsaved.

    Cheap enough for the GUI thread; ``ws.submit([pending.draft])`` then appends it in the
    background (validation, hashing, signing, SQLite) and ``finish_save`` records the result.
    ``base`` = the revision the editing was based on plus the pre-label/OCR events accepted.
    """
    if not doc.dirty and not force:
        return None
    role = role or ws.profile.role
    if role not in ROLES:
        raise AnnotateError(f"role {role!r} is not one of {', '.join(ROLES)}")
    replaces = frozenset(doc.replaces - set(doc.base))
    draft = EventDraft(
        type="annotation.revised",
        payload={"annotations": annotations_to_json(doc.annotations), "note": note},
        actor=actor or ws.profile.name, role=role, subject=Subject(doc.item_id),
        base=(*doc.base, *sorted(replaces)), schema_ref=doc.schema_ref,
        inputs=(Ref("item", doc.item_id, doc.blob_sha256),) if doc.blob_sha256 else (),
    )  # fmt: skip
    return PendingSave(draft, doc.stack.mark(), replaces)


def finish_save(doc: Document, pending: PendingSave, event: Event) -> None:
    """Record a committed save: the new revision is the base, the saved state is clean.

    Edits made while the save ran stay unsaved (and go to the draft journal).
    """
    doc.base = (event.hash,)
    doc.replaces -= pending.replaces
    doc.stack.set_clean(pending.mark)
    if doc.journal is not None:
        if doc.dirty:
            doc.journal.write(doc)
        else:
            doc.journal.clear(doc.item_id)


def save(
    ws: Workspace, doc: Document, *, note: str = "", actor: str | None = None,
    role: str | None = None, force: bool = False,
) -> Event | None:  # fmt: skip
    """Append the document as a new revision and wait for it; None when nothing is unsaved."""
    pending = prepare_save(ws, doc, note=note, actor=actor, role=role, force=force)
    if pending is None:
        return None
    [event] = ws.append([pending.draft])
    finish_save(doc, pending, event)
    return event


def autosave(doc: Document) -> bool:
    """Write the unsaved state to the draft journal (clears it when nothing is unsaved).

    The caller decides when: after a short idle, and on item change before ``save``. To
    write off the GUI thread, pass ``doc.snapshot()`` to ``doc.journal.write_snapshot``.
    """
    if doc.journal is None:
        raise AnnotateError(f"item {doc.item_id} was not opened from a workspace; no journal")
    if doc.dirty:
        doc.journal.write(doc)
        return True
    doc.journal.clear(doc.item_id)
    return False


def recover(ws: Workspace, item_id: str) -> Draft | None:
    """The item's unsaved draft from a previous session, if it holds anything unsaved.

    A draft equal to the latest saved revision (a save that finished just before a crash,
    while its draft was still on disk) is dropped.
    """
    conn = ws.reader()
    _, _, text_sha = _item_row(conn, ws, item_id)
    text = _item_text(ws, item_id, text_sha)
    jr = journal(ws)
    draft = jr.read(item_id, text_length=len(text) if text is not None else None)
    if draft is None:
        return None
    start = assigned.starting_point(conn, item_id, ws.profile.name)  # what open_document shows
    shown = start.shown
    saved = revisions.revision_payload(conn, shown.hash)["annotations"] if shown else []
    dealt_with = revisions.ancestry(conn, list(start.base))
    if annotations_to_json(draft.annotations) == saved and draft.snapshot.replaces <= dealt_with:
        jr.clear(item_id)
        return None
    return draft


def restore_draft(doc: Document, draft: Draft) -> None:
    """Bring a recovered draft into ``doc`` as one undoable step (undo returns to the save)."""
    if draft.item_id != doc.item_id:
        raise AnnotateError(f"draft of item {draft.item_id} cannot restore item {doc.item_id}")
    doc.push(restore(draft.snapshot))
