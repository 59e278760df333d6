"""What the review view shows for one item, and the answer a merge builds (no Qt).

``load_page`` gathers an item's competing answers (``decide.candidates``), the differences
between the two shown side by side (computed with the projection's fixed thresholds, so the
view flags exactly what put the item in the queue), which annotations each difference
involves, and which models made the accepted pre-labels in each answer.

A merge takes every annotation the two answers agree on from the left one, and for each
group of linked differences the side the checker picked: ``merge_plan`` turns the picks into
the ``(revision, annotation id)`` list ``decide.merge_answers`` wants. Differences that share
an annotation (a region whose label and box both differ) form one group, so one pick decides
them together and the merge never holds both versions of one region.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from ..annotate import open_document
from ..annotate.annotation import Annotation
from ..annotate.shapes import Classification, OcrLine
from ..workspace import Workspace
from .decide import Candidate, candidates
from .disagreement import Difference, differences
from .errors import ReviewError
from .projection import THRESHOLDS
from .queue import ReviewTask

Side = Literal["a", "b"]


@dataclass(frozen=True, slots=True)
class Answer:
    """One competing answer with what the view marks on it."""

    candidate: Candidate
    flagged: frozenset[str]  # ids of its annotations involved in a difference
    models: tuple[str, ...]  # models whose suggestions were accepted into it

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple(
            lb
            for a in self.candidate.annotations
            if isinstance(a.shape, Classification)
            for lb in a.shape.labels
        )


@dataclass(frozen=True, slots=True)
class Group:
    """Differences linked by a shared annotation: decided together in a merge."""

    diffs: tuple[int, ...]  # indexes into ``ReviewPage.differences``
    a_ids: frozenset[str]
    b_ids: frozenset[str]


@dataclass(frozen=True, slots=True)
class ReviewPage:
    """An item as the checker sees it: answers[0] on the left, answers[1] on the right."""

    item_id: str
    item_name: str
    kind: str
    blob_sha256: str | None
    size: tuple[int, int] | None
    text: str | None
    task: ReviewTask | None
    answers: tuple[Answer, ...]
    differences: tuple[Difference, ...]
    groups: tuple[Group, ...]

    @property
    def seen(self) -> list[str]:
        """The revisions shown: what a decision must still find when it is recorded."""
        return [a.candidate.hash for a in self.answers]

    @property
    def on_page(self) -> bool:
        """Whether the answers are drawn on a page image (else: on a text, or nothing)."""
        return self.text is None and self.blob_sha256 is not None

    def group_of(self, diff_index: int) -> int:
        return next(i for i, g in enumerate(self.groups) if diff_index in g.diffs)


def _models(annotations: Sequence[Annotation]) -> tuple[str, ...]:
    return tuple(sorted({a.origin.model for a in annotations if a.origin.model}))


def _groups(found: Sequence[Difference]) -> tuple[Group, ...]:
    """Connected components of differences over the annotation ids they involve."""
    parent = list(range(len(found)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[str, str], int] = {}
    for i, d in enumerate(found):
        for key in [("a", x) for x in d.a_ids] + [("b", x) for x in d.b_ids]:
            if key in owner:
                parent[root(i)] = root(owner[key])
            else:
                owner[key] = i
    members: dict[int, list[int]] = {}
    for i in range(len(found)):
        members.setdefault(root(i), []).append(i)
    out = []
    for idx in sorted(members.values()):
        a_ids = frozenset(x for i in idx for x in found[i].a_ids)
        b_ids = frozenset(x for i in idx for x in found[i].b_ids)
        out.append(Group(tuple(idx), a_ids, b_ids))
    return tuple(out)


def load_page(ws: Workspace, item_id: str) -> ReviewPage:
    """The item's review page; ``ReviewError`` when it has no answer to review."""
    conn = ws.reader()
    row = conn.execute("SELECT coalesce(name, ''), kind FROM items WHERE id = ?",
                       (item_id,)).fetchone()  # fmt: skip
    if row is None:
        raise ReviewError(f"item {item_id} is not in the workspace at {ws.path}")
    task, current = candidates(ws, item_id)
    if not current:
        raise ReviewError(f"item {item_id} has no annotations to review yet")
    doc = open_document(ws, item_id)  # the page or text the answers are about
    found: list[Difference] = []
    if len(current) >= 2:
        found = differences(current[0].annotations, current[1].annotations, THRESHOLDS)
    flagged_a = frozenset(x for d in found for x in d.a_ids)
    flagged_b = frozenset(x for d in found for x in d.b_ids)
    answers = tuple(
        Answer(c, flagged_a if i == 0 else flagged_b if i == 1 else frozenset(),
               _models(c.annotations))
        for i, c in enumerate(current)
    )  # fmt: skip
    return ReviewPage(item_id, str(row[0]), str(row[1]), doc.blob_sha256, doc.size, doc.text,
                      task, answers, tuple(found), _groups(found))  # fmt: skip


def merge_plan(
    page: ReviewPage, picks: Mapping[int, Side]
) -> tuple[list[tuple[str, str]], list[str]]:
    """The annotations to take (revision, id), and the revisions they come from.

    ``picks``: per group index, the side whose version to keep (missing: the left). The
    annotations outside every difference come from the left answer."""
    if len(page.answers) < 2:
        raise ReviewError("a merge needs two answers; accept or adjudicate this one instead")
    a, b = page.answers[0].candidate, page.answers[1].candidate
    in_diff = {x for g in page.groups for x in g.a_ids}
    take: list[tuple[str, str]] = [(a.hash, x.id) for x in a.annotations if x.id not in in_diff]
    for i, group in enumerate(page.groups):
        side = picks.get(i, "a")
        rev, ids = (a, group.a_ids) if side == "a" else (b, group.b_ids)
        take += [(rev.hash, x.id) for x in rev.annotations if x.id in ids]
    used = sorted({rev for rev, _ in take}) or sorted({a.hash, b.hash})
    return take, used


Segment = tuple[str, bool]  # a run of text and whether it changed


def char_changes(a: str, b: str) -> tuple[list[Segment], list[Segment]]:
    """Each text cut into runs, the runs the other text lacks marked changed."""
    left: list[Segment] = []
    right: list[Segment] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i0, i1, j0, j1 in matcher.get_opcodes():
        changed = op != "equal"
        if i1 > i0:
            left.append((a[i0:i1], changed))
        if j1 > j0:
            right.append((b[j0:j1], changed))
    return left, right


def ocr_counterparts(page: ReviewPage) -> dict[str, str]:
    """For every OCR line in a transcription difference, the id of its counterpart line."""
    out: dict[str, str] = {}
    for d in page.differences:
        if d.kind == "transcription" and d.a_ids and d.b_ids:
            out[d.a_ids[0]], out[d.b_ids[0]] = d.b_ids[0], d.a_ids[0]
    return out


def ocr_lines(annotations: Sequence[Annotation]) -> list[Annotation]:
    """An answer's OCR lines in reading order."""
    found = [a for a in annotations if isinstance(a.shape, OcrLine)]
    return sorted(found, key=lambda a: (a.shape.order, a.id))  # type: ignore[union-attr]
