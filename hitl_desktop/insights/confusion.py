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

from .query import equals, source_join
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
    join, params = source_join(filters, "d.item_id")
    model, m_params = equals("s.model", filters.model)
    when = "AND d.day BETWEEN ? AND ?" if window else ""
    w_params = [window.first, window.last] if window else []
    rows = conn.execute(
        f"""WITH decided AS (
                SELECT d.item_id, d.hash, max(d.key) FROM insights_answers d {join}
                WHERE d.decision IS NOT NULL {when} GROUP BY d.item_id),
            truth AS (
                SELECT decided.item_id, min(l.label) AS label FROM decided
                JOIN insights_labels l ON l.hash = decided.hash AND l.kind = 'class'
                GROUP BY decided.item_id HAVING sum(l.n) = 1),
            predicted AS (
                SELECT s.item_id, s.model, s.hash, max(s.key) FROM insights_suggestions s
                WHERE s.item_id IN (SELECT item_id FROM truth) {model}
                GROUP BY s.item_id, s.model)
            SELECT p.model, t.label, l.label FROM predicted p
            JOIN truth t ON t.item_id = p.item_id
            JOIN insights_labels l ON l.hash = p.hash AND l.kind = 'class'""",
        [*params, *w_params, *m_params],
    )
    pairs: dict[str, Counter[tuple[str, str]]] = {}
    for model_id, truth, guess in rows:
        pairs.setdefault(model_id, Counter())[(truth, guess)] += 1
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
