"""Per-item statistics recorded at import, for drift checks and near-duplicate flags."""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from functools import lru_cache

import cv2
import numpy as np


def image_stats(gray: np.ndarray) -> dict[str, float | int | str]:
    """Width, height, mean brightness (0-255), contrast, and a 64-bit difference hash."""
    h, w = gray.shape[:2]
    n, total, squares = _moments(gray)
    return {
        "width": int(w),
        "height": int(h),
        # the same float as numpy's gray.mean(); the deviation agrees with gray.std() to an ulp
        "brightness": round(total / n, 2),
        "contrast": round(math.sqrt((n * squares - total * total) / (n * n)), 2),
        "dhash": f"{dhash(gray):016x}",
    }


_EXACT_COUNTS = 1 << 24  # calcHist counts in float32: exact up to this many pixels per call
_LEVELS = np.arange(256, dtype=np.int64)


def _moments(gray: np.ndarray) -> tuple[int, int, int]:
    """Pixel count, sum and sum of squares, exactly, from a histogram: no per-pixel copies
    (numpy's std makes float64 ones, 4.8 GB for a 600-megapixel scan) and one fast pass."""
    h, w = gray.shape[:2]
    if w > _EXACT_COUNTS:  # a single row too long for exact float32 counts
        counts = np.bincount(gray.ravel(), minlength=256).astype(np.int64)
    else:
        counts = np.zeros(256, np.int64)
        rows = _EXACT_COUNTS // w
        for y in range(0, h, rows):
            hist = cv2.calcHist([gray[y : y + rows]], [0], None, [256], [0, 256])
            counts += hist.ravel().astype(np.int64)
    return int(counts.sum()), int(counts @ _LEVELS), int(counts @ (_LEVELS * _LEVELS))


def dhash(gray: np.ndarray) -> int:
    """Difference hash: robust to scale and re-encoding; near-duplicates differ in few bits."""
    small = cv2.resize(gray, (9, 8), interpolation=cv2.INTER_AREA).astype(np.int16)
    bits = (small[:, 1:] > small[:, :-1]).flatten()
    return int(np.packbits(bits).view(">u8")[0])


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


@lru_cache(maxsize=8192)  # text repeats its letters: look each one up once
def script_of(ch: str) -> str | None:
    """A coarse script name for a letter (LATIN, CYRILLIC, ARABIC, CJK, …), None otherwise."""
    if not ch.isalpha():
        return None
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return None
    first = name.split(" ", 1)[0]
    if first in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "IDEOGRAPHIC"):
        return {"HIRAGANA": "KANA", "KATAKANA": "KANA"}.get(first, first)
    return first


def text_stats(text: str) -> dict[str, object]:
    """Length, lines, and the share of letters in each script (rounded, largest first)."""
    scripts = Counter(s for s in map(script_of, text) if s)
    letters = sum(scripts.values())
    mix = {k: round(v / letters, 3) for k, v in scripts.most_common(6)} if letters else {}
    return {
        "characters": len(text),
        "lines": text.count("\n") + (1 if text and not text.endswith("\n") else 0),
        "words": len(text.split()),
        "scripts": mix,
        "fingerprint": text_fingerprint(text),
    }


_PUNCT_SPACE = re.compile(r"[\W_]+", re.UNICODE)


def text_fingerprint(text: str) -> str:
    """Equal for texts that differ only in case, punctuation or spacing (near-identical)."""
    norm = _PUNCT_SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()
    return hashlib.sha256(norm.encode()).hexdigest()[:16]
