"""RFC 8785 canonical JSON: the bytes every event hash covers."""

from __future__ import annotations

import contextlib
import json
import math
import struct

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hitl_desktop.lineage.canonical import (
    CanonicalError,
    canonical_json,
    canonical_json_reference,
    es_number,
    is_canonical,
)

# RFC 8785 Appendix B: IEEE 754 bit patterns and their ECMAScript serialisation.
NUMBER_VECTORS = [
    ("0000000000000000", "0"),
    ("8000000000000000", "0"),
    ("0000000000000001", "5e-324"),
    ("8000000000000001", "-5e-324"),
    ("7fefffffffffffff", "1.7976931348623157e+308"),
    ("ffefffffffffffff", "-1.7976931348623157e+308"),
    ("4340000000000000", "9007199254740992"),
    ("c340000000000000", "-9007199254740992"),
    ("4430000000000000", "295147905179352830000"),
    ("44b52d02c7e14af5", "9.999999999999997e+22"),
    ("44b52d02c7e14af6", "1e+23"),
    ("44b52d02c7e14af7", "1.0000000000000001e+23"),
    ("444b1ae4d6e2ef4e", "999999999999999700000"),
    ("444b1ae4d6e2ef4f", "999999999999999900000"),
    ("444b1ae4d6e2ef50", "1e+21"),
    ("3eb0c6f7a0b5ed8c", "9.999999999999997e-7"),
    ("3eb0c6f7a0b5ed8d", "0.000001"),
    ("41b3de4355555553", "333333333.3333332"),
    ("41b3de4355555554", "333333333.33333325"),
    ("41b3de4355555555", "333333333.3333333"),
    ("41b3de4355555556", "333333333.3333334"),
    ("41b3de4355555557", "333333333.33333343"),
    ("becbf647612f3696", "-0.0000033333333333333333"),
    ("43143ff3c1cb0959", "1424953923781206.2"),
]


def _double(bits: str) -> float:
    return float(struct.unpack(">d", bytes.fromhex(bits))[0])


@pytest.mark.parametrize(("bits", "expected"), NUMBER_VECTORS)
def test_numbers_follow_ecmascript(bits: str, expected: str) -> None:
    x = _double(bits)
    assert canonical_json(x) == expected.encode()
    assert canonical_json([x]) == f"[{expected}]".encode()
    if x != 0:
        assert es_number(x) == expected


def test_rfc_8785_example_object() -> None:
    value = {
        "numbers": [333333333.33333329, 1e30, 4.50, 2e-3, 0.000000000000000000000000001],
        "string": "\u20ac$\u000f\u000aA'\u0042\u0022\u005c\\\"/",
        "literals": [None, True, False],
    }
    expected = (
        '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}'
    )
    assert canonical_json(value).decode() == expected


def test_keys_sort_by_utf16_code_units() -> None:
    value = {
        "\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet",
        "1": "One", "\U0001f600": "Emoji", "\u0080": "Control", "\u00f6": "o umlaut",
    }  # fmt: skip
    out = canonical_json(value).decode()
    order = [
        out.index(f'"{k}"')
        for k in ["\\r", "1", "\u0080", "\u00f6", "\u20ac", "\U0001f600", "\ufb33"]
    ]
    assert order == sorted(order)


@pytest.mark.parametrize(
    "bad",
    [math.nan, math.inf, {1: "int key"}, {"a": b"bytes"}, 2**60, {"s": "\ud800"}, {"x": object()}],
)
def test_values_without_canonical_form_are_refused(bad: object) -> None:
    with pytest.raises(CanonicalError):
        canonical_json(bad)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children, max_size=4),
    max_leaves=20,
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(json_values)
def test_fast_path_equals_reference_encoder(value: object) -> None:
    try:
        reference = canonical_json_reference(value)
    except CanonicalError:  # lone surrogates in generated text
        with pytest.raises(CanonicalError):
            canonical_json(value)
        return
    assert canonical_json(value) == reference


@settings(max_examples=200, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_numbers_round_trip(x: float) -> None:
    assert float(canonical_json(x)) == x


def _other_encodings(value: object) -> list[bytes]:
    """Ways a client might encode ``value`` that are not (always) canonical."""
    out = [json.dumps(value, ensure_ascii=False).encode(), json.dumps(value).encode()]
    try:
        out.append(orjson.dumps(value))
        out.append(orjson.dumps(value, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2))
    except TypeError:
        pass
    return out


@settings(max_examples=400, deadline=None)
@given(json_values)
def test_is_canonical_agrees_with_the_encoder(value: object) -> None:
    """The quick check accepts exactly the canonical bytes, whatever the value holds (floats,
    unicode keys, big integers), and refuses every other encoding of it."""
    try:
        canonical = canonical_json(value)
    except CanonicalError:
        return
    for body in [canonical, *_other_encodings(value)]:
        try:
            parsed = orjson.loads(body)
        except orjson.JSONDecodeError:  # lone surrogates
            continue
        try:
            expected = canonical_json(parsed) == body
        except CanonicalError:  # 2.0**53 is canonical "9007199254740992": an unsafe integer
            expected = False
        assert is_canonical(body, parsed) == expected


@pytest.mark.parametrize("body", [
    b'{"a":1.0}', b'{"a":1e16}', b'{"a":10000000000000000}', b'{"a":9007199254740993}',
    b'{"b":1,"a":2}', b'{"a": 1}', b'{"a":"\\u00e9"}', b'{"a":[1.5e-07]}', b'{"a":[2.0]}',
    b'{"t":"07:53:44.034Z","x":-3.0}', b"-0.0",
])  # fmt: skip
def test_is_canonical_refuses_the_usual_suspects(body: bytes) -> None:
    value = orjson.loads(body)
    assert not is_canonical(body, value)
    with contextlib.suppress(CanonicalError):  # 2**53 + 1 has no canonical form at all
        assert canonical_json(value) != body


def test_is_canonical_accepts_floats_and_unicode_in_their_canonical_form() -> None:
    for value in ({"a": 1.5, "é": "ü"}, {"x": [1e-7, 0.1]}, {"😀": 1, "z": 2},
                  {"t": "07:53:44.034Z", "x": 1}, {"v": "1.5,", "w": [0.5]}, 2.5):  # fmt: skip
        body = canonical_json(value)
        assert is_canonical(body, orjson.loads(body))
