"""A checker's decision on an item, as one ``review.decided`` event (no Qt).

The event's ``base`` is every competing revision the checker saw. Accept, merge and
adjudicate carry the resulting answer, so the decision is the item's new single head; a
reject carries a reason and leaves the rejected revisions in the log for rework. If the
item changed after the checker looked (a revision synced in), the decision is refused:
deciding on answers nobody saw would silently drop one.

A checker may also decide an item with no open task: approve its current answer or reject
it (a spot check).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..annotate import revisions
from ..annotate.annotation import Annotation, annotations_from_json, annotations_to_json
from ..annotate.errors import InvalidAnnotation
from ..lineage import Event, EventDraft, Subject, uuid7
from ..roles import Action, can, reason
from ..workspace import Workspace
from .errors import ReviewError
from .queue import ReviewTask, task_for

Decision = Literal["accept", "reject", "merge", "adjudicate"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One competing answer as a checker sees it."""

    hash: str
    actor: str
    role: str
    decision: str | None  # set when this answer is itself an earlier review decision
    schema_ref: str | None
    annotations: tuple[Annotation, ...]
    problem: str = ""  # why the answer could not be read (it can be rejected, not accepted)


def candidates(ws: Workspace, item_id: str) -> tuple[ReviewTask | None, list[Candidate]]:
    """The item's open task (None if it has none) and its current answers, sorted by hash."""
    conn = ws.reader()
    task = task_for(conn, item_id)
    heads = sorted(revisions.heads(conn, item_id), key=lambda r: r.hash)
    if task is not None:
        wanted = set(task.heads)
        heads = [h for h in heads if h.hash in wanted]
    out = []
    for h in heads:
        payload = revisions.revision_payload(conn, h.hash)
        anns: tuple[Annotation, ...] = ()
        problem = ""
        try:
            anns = tuple(annotations_from_json(payload.get("annotations") or []))
        except (InvalidAnnotation, TypeError) as exc:
            problem = f"revision {h.hash[:12]} cannot be read: {exc}"
        out.append(Candidate(h.hash, h.actor, h.role, h.decision, h.schema_ref, anns, problem))
    return task, out


def merge_answers(
    answers: Mapping[str, Sequence[Annotation]], take: Sequence[tuple[str, str]]
) -> list[Annotation]:
    """The annotations named by ``take`` ((revision, annotation id) pairs), in that order.

    Ids stay as they were (provenance), except that a second annotation with an id already
    taken gets a new one: two answers forked from one revision share ids.
    """
    out: list[Annotation] = []
    seen: set[str] = set()
    for rev, ann_id in take:
        found = next((a for a in answers.get(rev, ()) if a.id == ann_id), None)
        if found is None:
            raise ReviewError(f"revision {rev[:12]} has no annotation {ann_id}")
        if found.id in seen:
            found = Annotation(found.shape, found.label, found.attributes, found.origin, uuid7())
        seen.add(found.id)
        out.append(found)
    return out


def _check_role(ws: Workspace) -> None:
    if not can(ws.profile.role, Action.REVIEW):
        raise ReviewError(reason(ws.profile.role, Action.REVIEW))


def decision_draft(
    ws: Workspace,
    item_id: str,
    decision: Decision,
    *,
    chosen: Sequence[str] = (),
    annotations: Sequence[Annotation] | None = None,
    reason_: str = "",
    seen: Sequence[str] | None = None,
) -> EventDraft:
    """The ``review.decided`` draft for a decision on ``item_id``.

    ``seen``: the revisions the checker was shown; if the item's competing answers are no
    longer exactly those, the decision is refused. ``accept`` takes ``chosen[0]``'s answer
    (a hash or unique hash prefix); ``merge``/``adjudicate`` need ``annotations``.
    """
    _check_role(ws)
    task, current = candidates(ws, item_id)
    if not current:
        raise ReviewError(f"item {item_id} has no annotations to review yet")
    base = [c.hash for c in current]
    if seen is not None and sorted(seen) != base:
        raise ReviewError(
            f"item {item_id} changed while you reviewed it (now {len(base)} competing "
            "answer(s)); reload it and decide again"
        )
    by_hash = {c.hash: c for c in current}
    picked = [_resolve(item_id, c, by_hash) for c in chosen]
    answer: list[dict[str, Any]] | None
    if decision == "accept":
        if len(picked) != 1:
            raise ReviewError("accept needs exactly one revision: the answer to keep")
        if by_hash[picked[0]].problem:
            raise ReviewError(by_hash[picked[0]].problem + "; reject it or adjudicate instead")
        answer = annotations_to_json(by_hash[picked[0]].annotations)
    elif decision == "reject":
        if not reason_.strip():
            raise ReviewError("a rejection needs a reason, so the worker knows what to fix")
        if annotations is not None:
            raise ReviewError("a rejection keeps no answer; do not pass annotations")
        answer = None
    else:
        if annotations is None:
            raise ReviewError(f"{decision} needs the resulting annotations")
        answer = annotations_to_json(annotations)
    schema_ref = next((by_hash[h].schema_ref for h in picked if by_hash[h].schema_ref), None)
    schema_ref = schema_ref or next((c.schema_ref for c in current if c.schema_ref), None)
    payload: dict[str, Any] = {"decision": decision, "chosen": picked, "reason": reason_,
                               "annotations": answer,
                               "task": task.kind if task is not None else "spot_check"}  # fmt: skip
    return ws.draft(
        "review.decided", payload, subject=Subject(item_id), base=base, schema_ref=schema_ref
    )


def _resolve(item_id: str, ref: str, by_hash: Mapping[str, Candidate]) -> str:
    """A full head hash from a hash, a unique prefix of one (6+ characters) or an actor."""
    hits = [h for h in by_hash if h == ref or (len(ref) >= 6 and h.startswith(ref))]
    if not hits:
        hits = [h for h, c in by_hash.items() if c.actor == ref]
    if len(hits) != 1:
        names = ", ".join(f"{h[:12]} ({c.actor})" for h, c in by_hash.items())
        what = "matches none" if not hits else "matches more than one"
        raise ReviewError(f"{ref!r} {what} of item {item_id}'s answers: {names}")
    return hits[0]


def decide(
    ws: Workspace,
    item_id: str,
    decision: Decision,
    *,
    chosen: Sequence[str] = (),
    annotations: Sequence[Annotation] | None = None,
    reason_: str = "",
    seen: Sequence[str] | None = None,
) -> Event:
    """Record the decision and wait for it (see ``decision_draft``)."""
    draft = decision_draft(ws, item_id, decision, chosen=chosen, annotations=annotations,
                           reason_=reason_, seen=seen)  # fmt: skip
    [event] = ws.append([draft])
    return event
