"""The raw-JSON comparison (``review.fast``) gives what the parsed path gives, on random answers."""

from __future__ import annotations

import random
from typing import Any

import pytest

from hitl_desktop.annotate.annotation import annotations_from_json
from hitl_desktop.review.answers import Answer
from hitl_desktop.review.disagreement import Thresholds, differences
from hitl_desktop.review.fast import Matched, fast_differences, view
from hitl_desktop.review.matching import span_f1
from hitl_desktop.review.pairs import PairWork
from hitl_desktop.review.report import _compare_parsed

LABELS = ("question", "answer", "header")


def _ann(i: int, kind: str, label: str, shape: dict[str, Any]) -> dict[str, Any]:
    return {"attributes": {}, "id": f"{kind}{i}", "kind": kind, "label": label,
            "origin": {"kind": "human"}, "shape": shape}  # fmt: skip


def _answer(rng: random.Random, base: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """A random answer, or a perturbed copy of ``base`` (moved, relabelled, dropped, added)."""
    if base is None:
        out = [_ann(0, "classification", "", {"labels": [rng.choice(["ham", "spam"])]})]
        for i in range(rng.randint(0, 6)):
            x, y = rng.randint(0, 5) * 90.0, rng.randint(0, 3) * 70.0
            w, h = rng.uniform(30, 80), rng.uniform(20, 60)
            box = {"x0": x, "y0": y, "x1": x + w, "y1": y + h}
            out.append(_ann(i, "box", rng.choice(LABELS), box))
        for i in range(rng.randint(0, 5)):
            start = rng.randint(0, 40)
            span = {"start": start, "end": start + rng.randint(1, 8)}
            out.append(_ann(i, "span", rng.choice(LABELS), span))
        return out
    out = []
    for d in base:
        d = {**d, "id": "b-" + d["id"], "shape": dict(d["shape"])}
        r = rng.random()
        if r < 0.1:
            continue
        if r < 0.3 and d["kind"] == "box":
            d["shape"]["x0"] = max(0.0, d["shape"]["x0"] + rng.uniform(-25, 25))
        elif r < 0.3 and d["kind"] == "span":
            d["shape"]["end"] = d["shape"]["start"] + rng.randint(1, 9)
        elif r < 0.45 and d["kind"] != "classification":
            d["label"] = rng.choice(LABELS)
        elif r < 0.5 and d["kind"] == "classification":
            d["shape"]["labels"] = ["spam", "promo"]
        out.append(d)
    if rng.random() < 0.3:
        out.append(_ann(99, "box", "header", {"x0": 20.0, "y0": 20.0, "x1": 95.0, "y1": 80.0}))
    return out


@pytest.mark.parametrize("seed", range(40))
def test_fast_comparison_equals_the_parsed_one(seed: int) -> None:
    rng = random.Random(seed)
    raw_a = _answer(rng, None)
    raw_b = _answer(rng, raw_a)
    va, vb = view(raw_a), view(raw_b)
    assert va is not None and vb is not None
    xa, xb = annotations_from_json(raw_a), annotations_from_json(raw_b)
    matched = Matched.of(va, vb)
    assert matched.differ(Thresholds()) == bool(differences(xa, xb, Thresholds()))
    for t in (Thresholds(), Thresholds(match_iou=0.3, min_iou=0.9)):
        assert fast_differences(va, vb, t) == differences(xa, xb, t)

    fast, parsed = PairWork(), PairWork()
    fast.add_fast(matched)
    parsed.add_different(
        Answer("a", "item", "ana", "1", None, raw_a), Answer("b", "item", "ben", "2", None, raw_b)
    )
    assert fast.single == parsed.single and fast.class_sets == parsed.class_sets
    assert fast.ious == pytest.approx(parsed.ious, abs=1e-12)
    for mine, ref in ((fast.regions, parsed.regions), (fast.spans, parsed.spans)):
        assert (mine.a, mine.b, mine.hits, mine.items) == (ref.a, ref.b, ref.hits, ref.items)
        assert dict(mine.iou) == pytest.approx(dict(ref.iou), abs=1e-12)
    if any(x.kind == "span" for x in xa + xb):
        sa = [x for x in xa if x.kind == "span"]
        sb = [x for x in xb if x.kind == "span"]
        assert fast.span_f1s == pytest.approx([span_f1(sa, sb).f1], abs=1e-12)


def test_answers_the_fast_path_cannot_read_go_the_parsed_way() -> None:
    box = _ann(0, "box", "header", {"x0": 10.0, "y0": 0.0, "x1": 5.0, "y1": 8.0})  # swapped
    assert view([box]) is None
    poly = _ann(1, "polygon", "header", {"points": [[0, 0], [10, 0], [5, 9]]})
    assert view([poly]) is None  # polygons are compared by shapely, parsed
    assert view([_ann(2, "classification", "", {"labels": ["a", "a"]})]) is None
    twice = _ann(3, "span", "x", {"start": 0, "end": 2})
    assert view([twice, twice]) is None  # the same id twice: the parser says which
    # the parsed path of the report takes such answers: polygon against polygon agrees
    works: dict[tuple[str, str], PairWork] = {}
    a = Answer("h1", "item", "ana", "1", None, [poly])
    b = Answer("h2", "item", "ben", "2", None, [{**poly, "id": "p2"}])
    assert _compare_parsed({"ana": a, "ben": b}, works) is False
    assert works[("ana", "ben")].regions.f1() == 1.0
