"""Classification metrics for heads and pre-labellers: accuracy, macro-F1, per-label F1."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any


def classification_metrics(
    gold: Sequence[str], predicted: Sequence[str], labels: Sequence[str] | None = None
) -> dict[str, Any]:
    """Accuracy, macro-F1 over ``labels`` (default: every label seen) and F1 per label."""
    from sklearn.metrics import accuracy_score, f1_score

    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    if not gold:
        return {"accuracy": 0.0, "macro_f1": 0.0, "per_label_f1": {}, "n": 0}
    names = list(labels) if labels is not None else sorted(set(gold) | set(predicted))
    per = f1_score(gold, predicted, labels=names, average=None, zero_division=0)
    return {
        "accuracy": round(float(accuracy_score(gold, predicted)), 6),
        "macro_f1": round(float(per.mean()), 6),
        "per_label_f1": {n: round(float(f), 6) for n, f in zip(names, per, strict=True)},
        "n": len(gold),
    }


def majority_baseline(gold: Sequence[str], labels: Sequence[str] | None = None) -> dict[str, Any]:
    """The metrics of always answering the most frequent gold label."""
    most = Counter(gold).most_common(1)[0][0] if gold else ""
    return classification_metrics(gold, [most] * len(gold), labels)
