"""Worker and model accuracy against adjudicated answers (and workers against gold).

An item's adjudicated answer is its latest review decision that carries one (accept, merge,
adjudicate). A worker's answer to it is their latest revision (not a decision) among those the
decision chose between, or, if the decision named none of theirs, their latest revision of
the item (a gold task is answered after its truth was decided). A model's answer is its
latest pre-label of the item, compared with the adjudicated annotations of the kinds that
model suggests (a text classifier is not blamed for missing boxes).

Per worker or model: the share of items with no difference at all (``differences`` with the
review queue's thresholds), class accuracy (workers: the same label set; models: the top label
among the adjudicated ones) and region/span F1 of same-label matches (see ``tally``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from ..annotate.annotation import Annotation
from ..annotate.errors import AnnotateError, InvalidAnnotation
from ..annotate.shapes import Classification
from ..annotate.suggestions import from_event
from ..lineage import EnvelopeError, Event
from .answers import Answer, class_set, labels_of
from .disagreement import Thresholds, differences
from .fast import Matched, View
from .tally import Tally

THRESHOLDS = Thresholds()  # the review queue's: an "exact" answer would raise no task
Against = Literal["adjudicated", "gold"]


@dataclass(frozen=True, slots=True)
class Accuracy:
    """How a worker's or a model's answers compare with the adjudicated ones."""

    who: str  # the worker's name or the model's id
    against: Against
    items: int
    exact: float | None  # share of items with no difference from the adjudicated answer
    class_items: int  # items whose adjudicated answer has class labels (and, models: scored)
    class_accuracy: float | None
    regions_answer: int  # boxes/polygons in the adjudicated answers
    regions_given: int
    regions_matched: int  # same-label matches (IoU >= 0.5)
    region_f1: float | None
    region_mean_iou: float | None
    spans_answer: int
    spans_given: int
    spans_matched: int  # same-label overlapping spans
    span_f1: float | None


@dataclass(frozen=True, slots=True)
class ModelCorrections:
    """Of the revisions that accepted a model's suggestions, how many changed them."""

    model: str
    accepted: int
    changed: int
    changed_share: float


@dataclass(slots=True)
class _Work:
    items: int = 0
    exact: int = 0
    class_items: int = 0
    class_right: int = 0
    regions: Tally = field(default_factory=Tally)  # a: the adjudicated answer, b: the given one
    spans: Tally = field(default_factory=Tally)

    def result(self, who: str, against: Against) -> Accuracy:
        r, s = self.regions, self.spans
        return Accuracy(
            who, against, self.items, self.exact / self.items if self.items else None,
            self.class_items, self.class_right / self.class_items if self.class_items else None,
            r.total_a(), r.total_b(), r.matched(), r.f1(), r.mean_iou(),
            s.total_a(), s.total_b(), s.matched(), s.f1(),
        )  # fmt: skip


def adjudicated(answers: Mapping[str, Sequence[Answer]]) -> dict[str, Answer]:
    """Each item's latest decision revision (``answers`` oldest first per item)."""
    out: dict[str, Answer] = {}
    for item, revs in answers.items():
        decided = [a for a in revs if a.decision is not None]
        if decided:
            out[item] = decided[-1]
    return out


def _worker_answers(revs: Sequence[Answer], base: set[str]) -> dict[str, Answer]:
    """Each worker's answer to compare: latest in the decision's base, else their latest."""
    latest: dict[str, Answer] = {}
    decided: dict[str, Answer] = {}
    for a in revs:
        if a.decision is None:
            latest[a.actor] = a
            if a.hash in base:
                decided[a.actor] = a
    return {**latest, **decided}


def _score_views(work: _Work, truth: View, given: View) -> None:
    """``_score`` for answers of class labels, boxes and spans, from their raw JSON."""
    work.items += 1
    if truth.classes:
        work.class_items += 1
        work.class_right += given.classes == truth.classes
    if truth.content() == given.content():  # the answer taken as it was: no matching needed
        work.exact += 1
        work.regions.add_identical([b[1] for b in truth.boxes])
        work.spans.add_identical([s[1] for s in truth.spans])
        return
    matched = Matched.of(truth, given)
    work.exact += not matched.differ(THRESHOLDS)
    work.regions.add_fast_boxes(matched)
    work.spans.add_fast_spans(matched)


def _score(work: _Work, truth: Answer, given: Answer) -> None:
    """Add one worker answer's comparison with the adjudicated one (nothing if unreadable)."""
    vt, vg = truth.view(), given.view()
    if vt is not None and vg is not None:
        _score_views(work, vt, vg)
        return
    identical = truth.key() == given.key()
    if not identical:
        xt, xg = truth.annotations(), given.annotations()  # may raise: count nothing then
    work.items += 1
    truth_classes = class_set(truth.raw)
    if truth_classes:
        work.class_items += 1
        work.class_right += class_set(given.raw) == truth_classes
    if identical:
        work.exact += 1
        work.regions.add_identical(labels_of(truth.raw, ("box", "polygon")))
        work.spans.add_identical(labels_of(truth.raw, ("span",)))
        return
    work.exact += not differences(xt, xg, THRESHOLDS)
    work.regions.add_regions(xt, xg)
    work.spans.add_spans(xt, xg)


def worker_accuracy(
    answers: Mapping[str, Sequence[Answer]],
    truth: Mapping[str, Answer],
    bases: Mapping[str, set[str]],
    gold: Mapping[str, set[str]],
    skipped: list[str],
) -> tuple[Accuracy, ...]:
    """Per worker, against every adjudicated answer and against their gold items' answers.

    ``gold``: per worker, the items given to them as gold tasks. Unreadable answers are left
    out with a line in ``skipped``.
    """
    works: dict[tuple[str, Against], _Work] = {}
    for item in sorted(truth):
        decision = truth[item]
        base = bases.get(decision.hash, set())
        for worker, given in sorted(_worker_answers(answers[item], base).items()):
            targets: list[Against] = ["adjudicated"]
            if item in gold.get(worker, ()):
                targets.append("gold")
            for against in targets:
                work = works.setdefault((worker, against), _Work())
                try:
                    _score(work, decision, given)
                except InvalidAnnotation as exc:
                    skipped.append(f"{given.describe()} against the decision: {exc}")
    return tuple(works[k].result(*k) for k in sorted(works) if works[k].items)


def gold_items(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """Per worker, the items they were given as gold tasks."""
    out: dict[str, set[str]] = {}
    for item, who in conn.execute("SELECT item_id, assignee FROM assignments WHERE kind = 'gold'"):
        out.setdefault(who, set()).add(item)
    return out


def _model_score(
    work: _Work, truth: Answer, suggested: Sequence[Annotation], kinds: set[str]
) -> None:
    expected = [x for x in truth.annotations() if x.kind in kinds]  # may raise: count nothing
    work.items += 1
    work.exact += not differences(expected, suggested, THRESHOLDS)
    top = [x.shape.labels[0] for x in suggested if isinstance(x.shape, Classification)]
    truth_classes = class_set(truth.raw)
    if top and truth_classes:
        work.class_items += 1
        work.class_right += top[0] in truth_classes
    if "box" in kinds:
        work.regions.add_regions(expected, suggested)
    if "span" in kinds:
        work.spans.add_spans(expected, suggested)


def model_accuracy(
    conn: sqlite3.Connection, truth: Mapping[str, Answer], skipped: list[str]
) -> tuple[Accuracy, ...]:
    """Per model, its latest pre-label of each adjudicated item against the decision."""
    rows = conn.execute(
        """SELECT l.model_id, l.item_id, e.hash, e.body, e.sig FROM prelabel_latest l
           JOIN events e ON e.hash = l.hash ORDER BY l.model_id, l.item_id"""
    )
    made: dict[str, list[tuple[Answer, list[Annotation]]]] = {}
    kinds: dict[str, set[str]] = {}
    for model, item, hash_, body, sig in rows:
        if item not in truth:
            continue
        try:
            found = from_event(Event.from_body(hash_, body, sig))
        except (EnvelopeError, AnnotateError, KeyError, TypeError) as exc:
            skipped.append(f"item {item}, pre-label {hash_[:12]} of {model}: {exc}")
            continue
        skipped.extend(found.problems)
        made.setdefault(model, []).append((truth[item], found.annotations))
        kinds.setdefault(model, set()).update(x.kind for x in found.annotations)
    out = []
    for model in sorted(made):
        work = _Work()
        for decision, suggested in made[model]:
            try:
                _model_score(work, decision, suggested, kinds[model])
            except InvalidAnnotation as exc:
                skipped.append(f"{decision.describe()}: {exc}")
        out.append(work.result(model, "adjudicated"))
    return tuple(out)


def model_corrections(conn: sqlite3.Connection) -> tuple[ModelCorrections, ...]:
    """Per model, accepted suggestions (revisions that took them) and how many were changed."""
    rows = conn.execute(
        """SELECT model, count(*), sum(differences > 0) FROM model_corrections
           GROUP BY model ORDER BY model"""
    )
    return tuple(ModelCorrections(m, n, int(c), int(c) / n) for m, n, c in rows if n)
