"""Model against adjudicated answers: a confusion matrix of class labels, and per-label
precision, recall and F1.

Truth: an item's latest review decision carrying an answer (accept, merge, adjudicate) with
exactly one class label. Prediction: the model's latest pre-label of that item, its best
class. Items where either is missing are not counted. Rows are the truth, columns the
prediction. A window keeps the items decided in it.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass

from .query import equals
from .windows import NO_FILTER, Filters, Window


@dataclass(frozen=True, slots=True)
class LabelScore:
    label: str
    support: int  # items whose adjudicated label it is
    predicted: int  # items the model gave it
    precision: float | None  # None when the model never predicted it
    recall: float | None  # None when no item had it as truth
    f1: float | None


@dataclass(frozen=True, slots=True)
class Confusion:
    model: str
    labels: tuple[str, ...]
    matrix: tuple[tuple[int, ...], ...]  # matrix[truth][prediction], ``labels`` order
    items: int
    accuracy: float | None
    scores: tuple[LabelScore, ...]


def scores_of(labels: tuple[str, ...], matrix: tuple[tuple[int, ...], ...]) -> list[LabelScore]:
    """Per-label precision, recall and F1 from a confusion matrix (rows: truth)."""
    out = []
    for k, label in enumerate(labels):
        hit = matrix[k][k]
        support = sum(matrix[k])
        predicted = sum(row[k] for row in matrix)
        precision = hit / predicted if predicted else None
        recall = hit / support if support else None
        f1 = 2 * hit / (support + predicted) if support + predicted else None
        out.append(LabelScore(label, support, predicted, precision, recall, f1))
    return out


def confusion(
    conn: sqlite3.Connection, window: Window | None = None, filters: Filters = NO_FILTER
) -> tuple[Confusion, ...]:
    """One confusion matrix per model that pre-labelled adjudicated items with classes."""
    source, s_params = equals("t.source", filters.source)
    model, m_params = equals("p.model", filters.model)
    when = "AND t.day BETWEEN ? AND ?" if window else ""
    w_params = [window.first, window.last] if window else []
    rows = conn.execute(
        f"""SELECT p.model, t.label, p.label, count(*) FROM insights_truth t
            JOIN insights_predictions p ON p.item_id = t.item_id
            WHERE t.label IS NOT NULL {when} {source} {model}
            GROUP BY p.model, t.label, p.label""",
        [*w_params, *s_params, *m_params],
    )
    pairs: dict[str, Counter[tuple[str, str]]] = {}
    for model_id, truth, guess, n in rows:
        pairs.setdefault(model_id, Counter())[(truth, guess)] += n
    out = []
    for model_id in sorted(pairs):
        counts = pairs[model_id]
        labels = tuple(sorted({x for pair in counts for x in pair}))
        matrix = tuple(tuple(counts[(t, g)] for g in labels) for t in labels)
        n = sum(counts.values())
        right = sum(matrix[k][k] for k in range(len(labels)))
        out.append(Confusion(
            model_id, labels, matrix, n, right / n if n else None,
            tuple(scores_of(labels, matrix)),
        ))  # fmt: skip
    return tuple(out)
