"""Agreement report over a workspace: each actor's latest revision of each item, compared.

Only items annotated by two or more actors count. Per annotator pair: Cohen's kappa over the
items' single class labels, mean IoU and share of matched boxes/polygons, span F1 (the first
actor of the pair as reference), mean CER of matched OCR lines. Overall: Krippendorff's alpha
(nominal) over the class labels of all actors, and how many items show any difference.
Output order is fixed (actors and items sorted), so the same log always gives the same report.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from itertools import combinations
from typing import Any

from ..annotate.annotation import Annotation, annotations_from_json
from ..annotate.errors import InvalidAnnotation
from ..annotate.revisions import revision_payload
from ..annotate.shapes import Classification
from .agreement import cohen_kappa, krippendorff_alpha
from .disagreement import differences
from .errors import ReviewError
from .matching import match_regions, span_f1


@dataclass(frozen=True, slots=True)
class PairAgreement:
    """Agreement of two actors over the items both annotated; None where nothing to compare."""

    actor_a: str
    actor_b: str
    items: int  # items both annotated
    class_items: int  # of those, items both gave a single class label
    kappa: float | None
    regions_a: int
    regions_b: int
    matched_regions: int
    mean_iou: float | None  # over matched boxes/polygons
    matched_share: float | None  # 2 * matched / (regions_a + regions_b)
    span_items: int  # items where either actor marked spans
    span_f1: float | None  # mean over those items, actor_a as reference
    matched_lines: int
    mean_cer: float | None  # over matched OCR lines, actor_a as reference


@dataclass(frozen=True, slots=True)
class AgreementReport:
    actors: tuple[str, ...]
    items: int  # items annotated by two or more actors
    items_with_differences: int
    alpha: float | None  # Krippendorff's alpha (nominal) over single class labels
    pairs: tuple[PairAgreement, ...]
    skipped: tuple[str, ...]  # revisions that could not be read, with the reason

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["actors"] = list(self.actors)
        out["skipped"] = list(self.skipped)
        return out

    def to_text(self) -> str:
        """A readable table: one row per annotator pair, then the overall figures."""
        if self.items == 0:
            return "no item was annotated by two or more actors: nothing to compare yet"
        head = ("pair", "items", "kappa", "mean IoU", "matched", "span F1", "mean CER")
        rows = [head]
        for p in self.pairs:
            rows.append(
                (
                    f"{p.actor_a} / {p.actor_b}", str(p.items), _fmt(p.kappa), _fmt(p.mean_iou),
                    _fmt(p.matched_share), _fmt(p.span_f1), _fmt(p.mean_cer),
                )
            )  # fmt: skip
        widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
        lines = [
            "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
        ]
        lines.append("")
        lines.append(f"items annotated by 2+ actors: {self.items}")
        lines.append(f"items with at least one difference: {self.items_with_differences}")
        lines.append(f"Krippendorff's alpha (nominal, class labels): {_fmt(self.alpha)}")
        lines.extend(f"skipped: {s}" for s in self.skipped)
        return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def latest_by_actor(conn: sqlite3.Connection) -> dict[str, dict[str, str]]:
    """For each item, each actor's latest revision hash (by ``rev_key``)."""
    out: dict[str, dict[str, str]] = {}
    rows = conn.execute(
        "SELECT item_id, actor, hash FROM annotation_revisions ORDER BY item_id, actor, rev_key"
    )
    for item_id, actor, hash_ in rows:
        out.setdefault(item_id, {})[actor] = hash_  # later rev_key overwrites earlier
    return out


def _class_label(annotations: Sequence[Annotation]) -> str | None:
    """The item's single class label; None for no label or a multi-label answer."""
    labels = [
        label
        for x in annotations
        if isinstance(x.shape, Classification)
        for label in x.shape.labels
    ]
    return labels[0] if len(labels) == 1 else None


def _of_kind(annotations: Sequence[Annotation], kinds: tuple[str, ...]) -> list[Annotation]:
    return [x for x in annotations if x.kind in kinds]


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _pair(
    a: str, b: str, answers: list[tuple[list[Annotation], list[Annotation]]]
) -> PairAgreement:
    labels_a: list[str] = []
    labels_b: list[str] = []
    ious: list[float] = []
    cers: list[float] = []
    f1s: list[float] = []
    regions_a = regions_b = 0
    for xa, xb in answers:
        la, lb = _class_label(xa), _class_label(xb)
        if la is not None and lb is not None:
            labels_a.append(la)
            labels_b.append(lb)
        ra, rb = _of_kind(xa, ("box", "polygon")), _of_kind(xb, ("box", "polygon"))
        regions_a += len(ra)
        regions_b += len(rb)
        ious.extend(m.iou for m in match_regions(ra, rb).matches)
        lines = match_regions(_of_kind(xa, ("ocr_line",)), _of_kind(xb, ("ocr_line",)))
        cers.extend(m.cer for m in lines.matches if m.cer is not None)
        sa, sb = _of_kind(xa, ("span",)), _of_kind(xb, ("span",))
        if sa or sb:
            f1s.append(span_f1(sa, sb).f1)
    total = regions_a + regions_b
    return PairAgreement(
        actor_a=a, actor_b=b, items=len(answers), class_items=len(labels_a),
        kappa=cohen_kappa(labels_a, labels_b) if labels_a else None,
        regions_a=regions_a, regions_b=regions_b, matched_regions=len(ious),
        mean_iou=_mean(ious), matched_share=2 * len(ious) / total if total else None,
        span_items=len(f1s), span_f1=_mean(f1s), matched_lines=len(cers), mean_cer=_mean(cers),
    )  # fmt: skip


def _load(
    conn: sqlite3.Connection, latest: dict[str, dict[str, str]], skipped: list[str]
) -> dict[str, dict[str, list[Annotation]]]:
    """Annotations of each actor's latest revision, for items with two or more actors."""
    out: dict[str, dict[str, list[Annotation]]] = {}
    for item_id in sorted(latest):
        if len(latest[item_id]) < 2:
            continue
        answers: dict[str, list[Annotation]] = {}
        for actor in sorted(latest[item_id]):
            hash_ = latest[item_id][actor]
            try:
                answers[actor] = annotations_from_json(revision_payload(conn, hash_)["annotations"])
            except (InvalidAnnotation, LookupError, KeyError, TypeError) as exc:
                skipped.append(f"item {item_id}, {actor}'s revision {hash_[:12]}: {exc}")
        if len(answers) >= 2:
            out[item_id] = answers
    return out


def agreement_report(conn: sqlite3.Connection) -> AgreementReport:
    """The agreement figures of every item annotated by two or more actors."""
    skipped: list[str] = []
    shared = _load(conn, latest_by_actor(conn), skipped)
    actors = tuple(sorted({actor for answers in shared.values() for actor in answers}))
    pairs = []
    for a, b in combinations(actors, 2):
        both = [(ans[a], ans[b]) for _, ans in sorted(shared.items()) if a in ans and b in ans]
        if both:
            pairs.append(_pair(a, b, both))
    with_diff = sum(
        1
        for ans in shared.values()
        if any(differences(ans[a], ans[b]) for a, b in combinations(sorted(ans), 2))
    )
    items = sorted(shared)
    rows = [[_class_label(shared[i][x]) if x in shared[i] else None for i in items] for x in actors]
    try:
        alpha: float | None = krippendorff_alpha(rows) if actors else None
    except ReviewError:  # no item with two class labels
        alpha = None
    return AgreementReport(actors, len(shared), with_diff, alpha, tuple(pairs), tuple(skipped))
