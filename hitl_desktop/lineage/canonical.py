"""RFC 8785 (JSON Canonicalization Scheme) encoding.

The hash of every event is taken over these bytes, so two implementations (this one, the
server, a future client in another language) must agree byte for byte.

Fast path: orjson with sorted keys already produces RFC 8785 output for strings, integers,
booleans, null, arrays, objects whose keys are in the Basic Multilingual Plane, and
non-integral floats in [1e-4, 1e16) (tests hold it to the reference encoder below). Only floats differ (ECMAScript number formatting) and keys with
characters outside the BMP (RFC 8785 sorts by UTF-16 code units, Python by code points). One
walk over the value detects both; the rare cases go through a slow pure-Python encoder.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal
from typing import Any

import orjson

__all__ = [
    "CanonicalError", "canonical_form", "canonical_json", "canonical_json_reference",
    "is_canonical", "MAX_SAFE_INTEGER",
]  # fmt: skip

# Integers outside this range lose precision in IEEE 754 doubles, which RFC 8785 assumes.
MAX_SAFE_INTEGER = 2**53 - 1

_encode_str = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class CanonicalError(ValueError):
    """The value cannot be represented in canonical JSON (NaN, a non-string key, …)."""


def canonical_json(value: Any) -> bytes:
    """Encode ``value`` (dicts, lists, str, int, float, bool, None) as RFC 8785 bytes."""
    value, slow = _prepare(value)
    try:
        if slow:
            return _encode_slow(value).encode("utf-8")
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except (UnicodeEncodeError, orjson.JSONEncodeError) as exc:  # lone surrogates
        raise CanonicalError(f"not encodable as UTF-8 JSON: {exc}") from None


def canonical_form(value: Any) -> tuple[Any, bytes]:
    """The value as any reader of the bytes will parse it (integral floats become ints), and
    the bytes. Events built in memory must hold this form, or a projection fed the fresh event
    could differ from one replayed from the stored body."""
    value, slow = _prepare(value)
    try:
        if slow:
            return value, _encode_slow(value).encode("utf-8")
        return value, orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except (UnicodeEncodeError, orjson.JSONEncodeError) as exc:
        raise CanonicalError(f"not encodable as UTF-8 JSON: {exc}") from None


def is_canonical(body: bytes, value: Any) -> bool:
    """Whether ``body`` is exactly the RFC 8785 form of ``value``, its parse (callers parse
    once and use the parse for the event too)."""
    try:
        return canonical_json(value) == body
    except CanonicalError:
        return False


def canonical_json_reference(value: Any) -> bytes:
    """The pure-Python encoder for every value; slower, kept as the reference for tests."""
    value, _ = _prepare(value)
    return _encode_slow(value).encode("utf-8")


def _prepare(value: Any) -> tuple[Any, bool]:
    """Check types; turn integral floats into ints; say whether the slow encoder is needed.

    Returns the value itself when nothing changes (the common case), so no copy is made.
    Scalars, ordinary floats and empty containers are checked inline, so Python calls are
    made only for non-empty containers and floats that need a closer look.
    """
    t = type(value)
    if t is dict:
        slow = False
        changed: dict[str, Any] | None = None
        for k, v in value.items():
            if type(k) is not str:
                raise CanonicalError(f"object key {k!r} is not a string")
            if not k.isascii() and max(map(ord, k)) > 0xFFFF:
                slow = True
            tv = type(v)
            if tv is str or tv is bool or v is None:
                continue
            if tv is int:
                if not -MAX_SAFE_INTEGER <= v <= MAX_SAFE_INTEGER:
                    raise CanonicalError(f"integer {v} is outside the IEEE 754 safe range")
                continue
            if tv is float:  # the usual float needs no change: skip the call
                if 1e-4 <= abs(v) < 1e16 and not v.is_integer():
                    continue
            elif (tv is dict or tv is list) and not v:
                continue
            v2, s = _prepare(v)
            slow = slow or s
            if v2 is not v:
                if changed is None:
                    changed = dict(value)
                changed[k] = v2
        return (value if changed is None else changed), slow
    if t is list or t is tuple:
        slow = False
        items: list[Any] | None = None if t is list else list(value)
        for i, v in enumerate(value):
            tv = type(v)
            if tv is str or tv is bool or v is None:
                continue
            if tv is int:
                if not -MAX_SAFE_INTEGER <= v <= MAX_SAFE_INTEGER:
                    raise CanonicalError(f"integer {v} is outside the IEEE 754 safe range")
                continue
            if tv is float:
                if 1e-4 <= abs(v) < 1e16 and not v.is_integer():
                    continue
            elif (tv is dict or tv is list) and not v:
                continue
            v2, s = _prepare(v)
            slow = slow or s
            if v2 is not v:
                if items is None:
                    items = list(value)
                items[i] = v2
        return (value if items is None else items), slow
    if t is str or t is bool or value is None:
        return value, False
    if t is int:
        if -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
            return value, False
        raise CanonicalError(f"integer {value} is outside the IEEE 754 safe range")
    if t is float:
        if not math.isfinite(value):
            raise CanonicalError(f"{value} has no JSON representation")
        if value.is_integer():  # ECMAScript prints no ".0"; big ones need its digit rules
            return (int(value), False) if abs(value) <= MAX_SAFE_INTEGER else (value, True)
        # repr matches ECMAScript for 1e-4 <= |x| < 1e16 (non-integral here)
        return value, not (1e-4 <= abs(value) < 1e16)
    raise CanonicalError(f"type {t.__name__} is not JSON")


def _encode_slow(value: Any) -> str:
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: k.encode("utf-16-be"))
        inner = ",".join(_encode_str(k) + ":" + _encode_slow(value[k]) for k in keys)
        return "{" + inner + "}"
    if isinstance(value, list):
        return "[" + ",".join(_encode_slow(v) for v in value) + "]"
    if type(value) is float:
        return es_number(value)
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if type(value) is int:
        return str(value)
    return _encode_str(value)


def es_number(x: float) -> str:
    """Format a finite double as ECMAScript's Number.prototype.toString does (RFC 8785 §3.2.2.3)."""
    if x == 0:
        return "0"
    if x < 0:
        return "-" + es_number(-x)
    # repr gives the shortest digits that round-trip, as ECMAScript requires
    _, digit_tuple, exponent = Decimal(repr(x)).as_tuple()
    digits = "".join(map(str, digit_tuple)).rstrip("0")
    assert isinstance(exponent, int)
    k = len(digits)
    n = len(digit_tuple) + exponent  # value = 0.<digits> × 10^n
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + digits
    e = n - 1
    head = digits[0] + ("." + digits[1:] if k > 1 else "")
    return f"{head}e{'+' if e >= 0 else '-'}{abs(e)}"
