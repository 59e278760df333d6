"""Plain-text tables for the agreement report: per pair, per label, attributes, accuracy."""

from __future__ import annotations

from collections.abc import Sequence

from .accuracy import Accuracy, ModelCorrections
from .pairs import PairAgreement
from .per_label import AttributeAgreement, LabelAgreement


def fmt(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value + 0.0:.3f}" if abs(value) >= 0.0005 else "0.000"  # never "-0.000"


def table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Left-aligned columns two spaces apart, no trailing spaces."""
    every = [tuple(head), *map(tuple, rows)]
    widths = [max(len(r[i]) for r in every) for i in range(len(head))]
    return ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in every]


def pair_table(pairs: Sequence[PairAgreement]) -> list[str]:
    head = ("pair", "items", "kappa", "mean IoU", "matched", "span F1", "mean CER")
    return table(head, [
        (f"{p.actor_a} / {p.actor_b}", str(p.items), fmt(p.kappa), fmt(p.mean_iou),
         fmt(p.matched_share), fmt(p.span_f1), fmt(p.mean_cer))
        for p in pairs
    ])  # fmt: skip


def label_table(labels: Sequence[LabelAgreement]) -> list[str]:
    if not labels:
        return []
    head = ("kind", "label", "pair", "items", "kappa", "alpha", "F1", "mean IoU", "a", "b", "both")
    rows = [
        (x.kind, x.label, "all" if x.actor_a is None else f"{x.actor_a} / {x.actor_b}",
         str(x.items), fmt(x.kappa), fmt(x.alpha), fmt(x.f1), fmt(x.mean_iou),
         str(x.count_a), str(x.count_b), str(x.matched))
        for x in labels
    ]  # fmt: skip
    return [
        "",
        "Per label (class: one-vs-rest; regions and spans: same-label matches)",
        *table(head, rows),
    ]


def attribute_table(attributes: Sequence[AttributeAgreement]) -> list[str]:
    if not attributes:
        return []
    rows = [(a.name, str(a.items), fmt(a.alpha)) for a in attributes]
    head = ("attribute", "items", "alpha (interval)")
    return ["", "Numeric attributes", *table(head, rows)]


def accuracy_table(title: str, rows: Sequence[Accuracy]) -> list[str]:
    if not rows:
        return []
    head = ("who", "against", "items", "exact", "class acc", "region F1", "mean IoU", "span F1")
    body = [
        (r.who, r.against, str(r.items), fmt(r.exact), fmt(r.class_accuracy), fmt(r.region_f1),
         fmt(r.region_mean_iou), fmt(r.span_f1))
        for r in rows
    ]  # fmt: skip
    return ["", title, *table(head, body)]


def corrections_table(rows: Sequence[ModelCorrections]) -> list[str]:
    if not rows:
        return []
    body = [(r.model, str(r.accepted), str(r.changed), fmt(r.changed_share)) for r in rows]
    head = ("model", "accepted", "changed", "share changed")
    return ["", "Accepted model suggestions that people changed", *table(head, body)]
