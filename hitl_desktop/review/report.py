"""Agreement and accuracy report over a workspace, from each worker's latest revision.

Agreement counts items answered by two or more actors (review decisions are not answers: a
checker's accept copies a worker's). Per annotator pair: Cohen's kappa over the items' single
class labels, mean IoU and share of matched boxes/polygons, span F1 (the first actor of the
pair as reference), mean CER of matched OCR lines. Per label (``per_label``): one-vs-rest
kappa for classes, same-label F1 and mean IoU for regions and spans, per pair and overall;
Krippendorff's alpha (interval) for numeric attributes of the items' classification. Overall:
Krippendorff's alpha (nominal) over the single class labels, and how many items differ.
Accuracy (``accuracy``): workers against adjudicated answers and gold, models against
adjudicated answers, and how often people changed accepted model suggestions.

All payloads are read in one query and parsed only where two answers differ. Output order is
fixed (actors, labels and items sorted), so the same log always gives the same report.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from itertools import combinations
from typing import Any

from ..annotate.errors import InvalidAnnotation
from ..workspace.projector import gc_paused
from .accuracy import (
    Accuracy,
    ModelCorrections,
    adjudicated,
    gold_items,
    model_accuracy,
    model_corrections,
    worker_accuracy,
)
from .agreement import krippendorff_alpha_units
from .answers import (
    Answer,
    class_set,
    decision_bases,
    latest_by_worker,
    load_answers,
    numeric_attributes,
    single_label,
)
from .disagreement import Thresholds, differences
from .errors import ReviewError
from .fast import Matched, View
from .pairs import PairAgreement, PairWork
from .per_label import (
    AttributeAgreement,
    ClassUnits,
    LabelAgreement,
    attribute_agreement,
    label_agreement,
)
from .report_text import (
    accuracy_table,
    attribute_table,
    corrections_table,
    fmt,
    label_table,
    pair_table,
)

__all__ = ["AgreementReport", "PairAgreement", "agreement_report", "latest_by_actor"]
THRESHOLDS = Thresholds()  # the review queue's: an item "differs" when it would be a task


@dataclass(frozen=True, slots=True)
class AgreementReport:
    actors: tuple[str, ...]
    items: int  # items annotated by two or more actors
    items_with_differences: int
    alpha: float | None  # Krippendorff's alpha (nominal) over single class labels
    pairs: tuple[PairAgreement, ...]
    skipped: tuple[str, ...]  # revisions that could not be read, with the reason
    labels: tuple[LabelAgreement, ...] = ()
    attributes: tuple[AttributeAgreement, ...] = ()
    adjudicated_items: int = 0  # items with a review decision that carries an answer
    workers: tuple[Accuracy, ...] = ()  # against adjudicated answers, then gold
    models: tuple[Accuracy, ...] = ()
    corrections: tuple[ModelCorrections, ...] = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = _lists(asdict(self))
        return out

    def to_text(self) -> str:
        """Readable tables: annotator pairs, labels, attributes, then accuracy."""
        lines: list[str] = []
        if self.items == 0:
            lines.append("no item was annotated by two or more actors: nothing to compare yet")
        else:
            lines += pair_table(self.pairs)
            lines.append("")
            lines.append(f"items annotated by 2+ actors: {self.items}")
            lines.append(f"items with at least one difference: {self.items_with_differences}")
            lines.append(f"Krippendorff's alpha (nominal, class labels): {fmt(self.alpha)}")
            lines += label_table(self.labels)
            lines += attribute_table(self.attributes)
        if self.adjudicated_items:
            lines.append("")
            lines.append(f"items with an adjudicated answer: {self.adjudicated_items}")
        lines += accuracy_table("Worker accuracy", self.workers)
        lines += accuracy_table("Model accuracy against adjudicated answers", self.models)
        lines += corrections_table(self.corrections)
        lines.extend(f"skipped: {s}" for s in self.skipped)
        return "\n".join(lines)


def _lists(value: Any) -> Any:
    """Tuples as lists, all the way down (the JSON shape)."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_lists(v) for v in value]
    return value


def latest_by_actor(conn: sqlite3.Connection) -> dict[str, dict[str, str]]:
    """For each item, each actor's latest revision hash (by ``rev_key``), decisions aside."""
    out: dict[str, dict[str, str]] = {}
    rows = conn.execute(
        """SELECT item_id, actor, hash FROM annotation_revisions WHERE decision IS NULL
           ORDER BY item_id, actor, rev_key"""
    )
    for item_id, actor, hash_ in rows:
        out.setdefault(item_id, {})[actor] = hash_  # later rev_key overwrites earlier
    return out


def _readable(item: str, latest: Mapping[str, Answer], skipped: list[str]) -> dict[str, Answer]:
    """The answers that can be compared; parsed only when they are not all identical."""
    out = {}
    for actor, a in sorted(latest.items()):
        if a.raw is None:
            skipped.append(f"item {item}, {actor}: revision {a.hash[:12]} holds no annotations")
        else:
            out[actor] = a
    if len({a.key() for a in out.values()}) <= 1:
        return out
    for actor, a in list(out.items()):
        try:
            a.annotations()
        except InvalidAnnotation as exc:
            skipped.append(f"item {item}, {actor}: {exc}")
            del out[actor]
    return out


Values = tuple[frozenset[str], str | None, Sequence[tuple[str, float]]]  # classes, single, numbers


def _values(a: Answer) -> Values:
    v = a.view()
    if v is not None:
        return v.classes, v.single, v.numbers
    return class_set(a.raw), single_label(a.raw), list(numeric_attributes(a.raw).items())


@dataclass
class _Units:
    """Per-item values of all annotators, counted by their sorted value lists."""

    single: Counter[tuple[str, ...]]
    classes: ClassUnits
    attributes: dict[str, Counter[tuple[float, ...]]]

    def add(self, answers: Iterable[Values]) -> None:
        singles: list[str] = []
        sets: list[frozenset[str]] = []
        numbers: dict[str, list[float]] = {}
        for classes, single, values in answers:
            if single is not None:
                singles.append(single)
            if classes:
                sets.append(classes)
            for name, v in dict(reversed(values)).items():  # the first value of a name
                numbers.setdefault(name, []).append(v)
        if len(singles) >= 2:
            self.single[tuple(sorted(singles))] += 1
        if len(sets) >= 2:
            self.classes[tuple(sorted(sets, key=sorted))] += 1
        for name, vs in numbers.items():
            if len(vs) >= 2:
                self.attributes.setdefault(name, Counter())[tuple(sorted(vs))] += 1


def _compare_views(views: Mapping[str, View], works: dict[tuple[str, str], PairWork]) -> bool:
    """Add every pair of one item's raw views; whether any pair differs."""
    contents = {actor: v.content() for actor, v in views.items()}
    differs = False
    for a, b in combinations(sorted(views), 2):
        work = works.get((a, b)) or works.setdefault((a, b), PairWork())
        if contents[a] == contents[b]:
            work.add_same_view(views[a])
            continue
        matched = Matched.of(views[a], views[b])
        work.add_fast(matched)
        differs = differs or matched.differ(THRESHOLDS)
    return differs


def _compare_parsed(shared: Mapping[str, Answer], works: dict[tuple[str, str], PairWork]) -> bool:
    """Add every pair of one item's answers (some not viewable); whether any pair differs."""
    differs = False
    for a, b in combinations(sorted(shared), 2):
        work = works.get((a, b)) or works.setdefault((a, b), PairWork())
        xa, xb = shared[a], shared[b]
        if xa.key() == xb.key():
            work.add_identical(xa)
            continue
        work.add_different(xa, xb)
        differs = differs or bool(differences(xa.annotations(), xb.annotations(), THRESHOLDS))
    return differs


def agreement_report(conn: sqlite3.Connection) -> AgreementReport:
    """Agreement of every item annotated by two or more actors, and accuracy figures."""
    with gc_paused():
        return _report(conn)


def _report(conn: sqlite3.Connection) -> AgreementReport:
    skipped: list[str] = []
    answers = load_answers(conn)
    works: dict[tuple[str, str], PairWork] = {}
    units = _Units(Counter(), Counter(), {})
    actors: set[str] = set()
    items = with_diff = 0
    for item in sorted(answers):
        latest = latest_by_worker(answers[item])
        if len(latest) < 2:
            continue
        views = {actor: a.view() for actor, a in latest.items()}
        if all(v is not None for v in views.values()):
            with_diff += _compare_views(views, works)  # type: ignore[arg-type]
            shared = latest
        else:
            shared = _readable(item, latest, skipped)
            if len(shared) < 2:
                continue
            with_diff += _compare_parsed(shared, works)
        items += 1
        actors.update(shared)
        units.add(_values(a) for a in shared.values())
    try:
        alpha: float | None = krippendorff_alpha_units(units.single)
    except ReviewError:  # no item with two class labels
        alpha = None
    truth = adjudicated(answers)
    workers = worker_accuracy(answers, truth, decision_bases(conn), gold_items(conn), skipped)
    models = model_accuracy(conn, truth, skipped)  # before ``skipped`` is frozen below
    return AgreementReport(
        actors=tuple(sorted(actors)), items=items, items_with_differences=with_diff,
        alpha=alpha, pairs=tuple(w.agreement(a, b) for (a, b), w in sorted(works.items())),
        skipped=tuple(skipped), labels=label_agreement(works, units.classes),
        attributes=attribute_agreement(units.attributes), adjudicated_items=len(truth),
        workers=workers, models=models,
        corrections=model_corrections(conn),
    )  # fmt: skip
