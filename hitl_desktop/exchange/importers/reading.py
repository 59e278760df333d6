"""Reading annotation files: text in UTF-8 (a BOM allowed), JSON with the place of a mistake."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import AnnotationImportError


def read_text(path: Path) -> str:
    """The file's text; a clear error for a missing file or one not in UTF-8."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise AnnotationImportError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise AnnotationImportError(f"{path} is a folder; give the annotation file") from None
    except OSError as exc:
        raise AnnotationImportError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise AnnotationImportError(
            f"{path}: not UTF-8 text (byte {exc.start}, line {line}: "
            f"{raw[exc.start : exc.start + 1]!r}); save it as UTF-8 and import again"
        ) from None


def read_json(path: Path) -> Any:
    """The file's JSON value; a clear error naming the line and column of a mistake."""
    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise AnnotationImportError(
            f"{path}: not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None


def number(value: object) -> float | None:
    """``value`` as a float when it is a real number (not a bool), else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)
