"""Converting between code-point offsets (what spans store) and UTF-16 offsets (what Qt's
text widgets report), so a selection made on screen becomes an exact span of the NFC text."""

from __future__ import annotations


def index_to_utf16(text: str, index: int) -> int:
    """The UTF-16 offset of code point ``index`` of ``text``."""
    if not 0 <= index <= len(text):
        raise ValueError(f"offset {index} is outside a text of {len(text)} characters")
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def utf16_to_index(text: str, offset: int) -> int:
    """The code-point offset of UTF-16 offset ``offset``; one inside a surrogate pair rounds
    down to the start of its character."""
    if offset < 0:
        raise ValueError(f"UTF-16 offset {offset} is negative")
    units = 0
    for i, ch in enumerate(text):
        width = 2 if ord(ch) > 0xFFFF else 1
        if units + width > offset:
            return i
        units += width
    if units < offset:
        raise ValueError(f"UTF-16 offset {offset} is past the end of the text ({units} units)")
    return len(text)
