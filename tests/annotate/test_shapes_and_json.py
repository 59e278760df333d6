"""Shapes and annotations: checked when made, and stored JSON that reads back identically."""

from __future__ import annotations

import math
import unicodedata

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hitl_desktop.annotate import (
    Annotation,
    Box,
    Classification,
    InvalidAnnotation,
    InvalidShape,
    OcrLine,
    Origin,
    Point,
    Polygon,
    Span,
    annotations_from_json,
    annotations_to_json,
)
from hitl_desktop.lineage import canonical_json
from hitl_desktop.lineage.payloads import AnnotationRevised

EVENT = "ab" * 32


def test_bad_shapes_are_refused_with_a_reason() -> None:
    with pytest.raises(InvalidShape, match="swapped"):
        Box(10, 10, 5, 20)
    with pytest.raises(InvalidShape, match="finite"):
        Box(0, 0, math.nan, 3)
    with pytest.raises(InvalidShape, match="at least 3 points"):
        Polygon(((0, 0), (1, 1)))
    with pytest.raises(InvalidShape, match="4 points"):
        OcrLine(((0, 0), (1, 0), (1, 1)), "x", 0)  # type: ignore[arg-type]
    with pytest.raises(InvalidShape, match="empty"):
        Span(5, 5)
    with pytest.raises(InvalidShape, match="runs past the end"):
        Span(2, 9).check_text(8)
    with pytest.raises(InvalidShape, match="repeats"):
        Classification(("spam", "spam"))
    with pytest.raises(InvalidShape, match="number"):
        Point("3", 4)  # type: ignore[arg-type]
    with pytest.raises(InvalidAnnotation, match="needs a label"):
        Annotation(Box(0, 0, 1, 1), "")
    with pytest.raises(InvalidAnnotation, match="must name its event"):
        Origin("prelabel")
    with pytest.raises(InvalidAnnotation, match="attribute 'x'"):
        Annotation(Point(1, 2), "eye", {"x": [1, 2]})  # type: ignore[dict-item]


def test_text_is_stored_nfc_and_ids_are_uuid7() -> None:
    nfd = unicodedata.normalize("NFD", "Zürich crème")
    a = Annotation(OcrLine(((0, 0), (9, 0), (9, 3), (0, 3)), nfd, 0), nfd, {nfd: nfd})
    assert a.label == a.shape.text == "Zürich crème" and list(a.attributes) == ["Zürich crème"]  # type: ignore[union-attr]
    assert a.id[14] == "7" and Annotation(Point(0, 0), "p").id != a.id


def test_stored_form_has_canonical_keys_and_validates_as_a_payload() -> None:
    origin = Origin("ocr", EVENT, "rapidocr@3.10.0", 0.93)
    anns = [
        Annotation(Box(1, 2, 30.5, 40), "total", {"checked": True, "digits": 4}),
        Annotation(
            OcrLine(((0, 0), (9, 0), (9, 3), (0, 3)), "TOTAL 9.00", 2), "line", origin=origin
        ),
        Annotation(Classification(("invoice", "receipt"))),
    ]
    stored = annotations_to_json(anns)
    for d in stored:
        assert list(d) == sorted(d) and list(d["shape"]) == sorted(d["shape"])
    payload = AnnotationRevised(annotations=stored)
    assert annotations_from_json(payload.model_dump(mode="json")["annotations"]) == anns
    assert stored[1]["origin"] == {"edited": False, "event": EVENT, "kind": "ocr",
                                   "model": "rapidocr@3.10.0", "score": 0.93}  # fmt: skip


def test_damaged_stored_annotations_name_the_annotation() -> None:
    good = Annotation(Box(0, 0, 1, 1), "a").to_json()
    with pytest.raises(InvalidAnnotation, match=good["id"] + ".*lacks field 'x1'"):
        annotations_from_json([{**good, "shape": {"x0": 0, "y0": 0, "y1": 1}}])
    with pytest.raises(InvalidAnnotation, match="unknown shape kind 'ellipse'"):
        annotations_from_json([{**good, "kind": "ellipse"}])
    with pytest.raises(InvalidAnnotation, match="appears twice"):
        annotations_from_json([good, good])
    span = Annotation(Span(0, 12), "x").to_json()
    with pytest.raises(InvalidAnnotation, match="runs past the end of the text"):
        annotations_from_json([span], text_length=10)


# ---------------------------------------------------------------- round trip (hypothesis)
coord = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=20)
label = text.filter(lambda s: unicodedata.normalize("NFC", s) != "")
xy = st.tuples(coord, coord)


@st.composite
def boxes(draw: st.DrawFn) -> Box:
    x0, x1 = sorted((draw(coord), draw(coord)))
    y0, y1 = sorted((draw(coord), draw(coord)))
    return Box(x0, y0, x1, y1)


@st.composite
def spans(draw: st.DrawFn) -> Span:
    start = draw(st.integers(0, 10_000))
    return Span(start, start + draw(st.integers(1, 500)))


shapes = st.one_of(
    boxes(),
    st.lists(xy, min_size=3, max_size=12).map(lambda p: Polygon(tuple(p))),
    st.builds(Point, coord, coord),
    spans(),
    st.lists(label, min_size=1, max_size=4, unique_by=lambda s: unicodedata.normalize("NFC", s))
    .map(lambda ls: Classification(tuple(ls))),
    st.builds(lambda q, t, o: OcrLine(tuple(q), t, o),  # type: ignore[arg-type]
              st.lists(xy, min_size=4, max_size=4), text, st.integers(0, 5000)),
)  # fmt: skip
attr_values = st.one_of(
    text,
    st.booleans(),
    st.integers(-(2**53), 2**53),
    st.floats(allow_nan=False, allow_infinity=False),
)
origins = st.one_of(
    st.just(Origin()),
    st.builds(
        Origin,
        st.sampled_from(["prelabel", "ocr"]),
        st.just(EVENT),
        label,
        st.one_of(st.none(), st.floats(0, 1)),
        st.booleans(),
    ),
)
annotations = st.builds(
    Annotation, shapes, label, st.dictionaries(label, attr_values, max_size=4), origins
)


@settings(max_examples=200, deadline=None)
@given(st.lists(annotations, max_size=6))
def test_annotations_round_trip_through_the_stored_json(anns: list[Annotation]) -> None:
    stored = annotations_to_json(anns)
    # through the bytes the log keeps (RFC 8785 canonical JSON) and back
    again = annotations_from_json(orjson.loads(canonical_json(stored)))
    assert again == anns
    assert annotations_to_json(again) == stored
