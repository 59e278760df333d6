"""Comparing two stored answers (annotation JSON lists) quickly, for the review queue.

Most pairs of answers in a real project agree, so the common case must be cheap: two answers
whose annotations are equal once ids and origins are set aside are identical without parsing
a shape, and answers of class labels, boxes and spans that match within the thresholds are
settled from their JSON (``fast``). Only answers that differ are parsed and run through
``differences``, which names each difference.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from ..annotate.annotation import annotations_from_json
from ..annotate.errors import InvalidAnnotation
from .disagreement import Difference, Thresholds, differences
from .fast import View, fast_differences, view

_IGNORED = ("id", "origin")  # who first drew it and its id do not change the answer


def answer_key(raw: Sequence[Mapping[str, Any]]) -> tuple[bytes, ...]:
    """The content of an answer without ids or origins; equal keys mean identical answers.

    Raises ``InvalidAnnotation`` for content JSON cannot hold (an integer past 64 bits)."""
    try:
        return tuple(
            sorted(
                orjson.dumps(
                    {k: v for k, v in d.items() if k not in _IGNORED}, option=orjson.OPT_SORT_KEYS
                )
                if isinstance(d, Mapping)
                else orjson.dumps(d)
                for d in raw
            )
        )
    except orjson.JSONEncodeError as exc:
        raise InvalidAnnotation(f"the answer cannot be read as JSON: {exc}") from None


def answer_digest(raw: object) -> str | None:
    """SHA-256 of ``answer_key``: equal digests mean identical answers (None: not a list, or
    unreadable)."""
    if not isinstance(raw, list):
        return None
    try:
        return hashlib.sha256(b"\n".join(answer_key(raw))).hexdigest()
    except InvalidAnnotation:
        return None


@dataclass(frozen=True, slots=True)
class Comparison:
    """The differences between answers ``a`` and ``b`` and how much of them agrees.

    ``agreement`` is the share of the two answers' annotations that are in no difference
    (1.0 for identical answers, and for two empty ones).
    """

    differences: tuple[Difference, ...]
    agreement: float

    @property
    def identical(self) -> bool:
        return not self.differences


IDENTICAL = Comparison((), 1.0)


def compare(
    a: Sequence[Mapping[str, Any]],
    b: Sequence[Mapping[str, Any]],
    thresholds: Thresholds | None = None,
    *,
    keys_differ: bool = False,
) -> Comparison:
    """Compare two stored answers; raises ``InvalidAnnotation`` for an unreadable one.

    ``keys_differ``: the caller already knows their ``answer_digest`` values differ."""
    if not keys_differ and answer_key(a) == answer_key(b):
        return IDENTICAL
    t = thresholds or Thresholds()
    va, vb = view(a), view(b)
    if va is not None and vb is not None:  # labels, boxes, spans: no parsing needed
        return compare_views(va, vb, t)
    xa, xb = annotations_from_json(a), annotations_from_json(b)
    return _comparison(differences(xa, xb, t), len(xa) + len(xb))


def compare_views(va: View, vb: View, thresholds: Thresholds | None = None) -> Comparison:
    """``compare`` of two answers already viewed (``fast.view``)."""
    found = fast_differences(va, vb, thresholds or Thresholds())
    total = sum(len(v.class_ids) + len(v.boxes) + len(v.spans) for v in (va, vb))
    return _comparison(found, total)


def _comparison(found: Sequence[Difference], total: int) -> Comparison:
    if not found or total == 0:
        return IDENTICAL
    involved_a = {i for d in found for i in d.a_ids}
    involved_b = {i for d in found for i in d.b_ids}
    return Comparison(tuple(found), 1.0 - (len(involved_a) + len(involved_b)) / total)


def summarise(found: Sequence[Difference]) -> str:
    """E.g. ``"2 region_label, 1 transcription"``, kinds in their fixed order."""
    counts = Counter(d.kind for d in found)
    order = sorted(counts, key=lambda k: min(d.sort_key() for d in found if d.kind == k))
    return ", ".join(f"{counts[k]} {k}" for k in order)
