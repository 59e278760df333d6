"""Reading text files: encoding detection, NFC, and the rows of CSV, TSV and JSONL files."""

from __future__ import annotations

import codecs
import csv
import io
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

from .errors import Refused

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]  # fmt: skip
TEXT_COLUMN_NAMES = ("text", "sms", "message", "content", "body", "sentence", "review", "comment")


@dataclass(frozen=True)
class DecodedText:
    text: str  # NFC
    encoding: str
    normalized: bool  # True when NFC changed the text


def decode_text(data: bytes) -> DecodedText:
    """Decode bytes with the encoding they declare (BOM) or that fits them best."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    if encoding is None:
        if b"\x00" in data[:65536]:
            raise Refused(
                "binary content (NUL bytes) in a text file, and no UTF-16/32 byte-order mark"
            )
        try:
            data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            best = from_bytes(data[: 1 << 20]).best()
            if best is None:
                raise Refused("cannot tell the text encoding; save the file as UTF-8") from None
            encoding = best.encoding
    try:
        raw = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise Refused(f"text does not decode as {encoding}: {exc}") from None
    nfc = unicodedata.normalize("NFC", raw)
    return DecodedText(nfc, encoding, nfc != raw)


@dataclass
class Row:
    number: int  # 1-based data row (header not counted) or JSONL line
    text: str
    fields: dict[str, str] = field(default_factory=dict)


def table_rows(text: str, *, delimiter: str, column: str | None) -> tuple[str, Iterator[Row]]:
    """The chosen text column's name and the rows; other columns travel as ``fields``.

    TSV is read without quote handling (real TSV exports contain bare quotes); CSV follows
    RFC 4180 quoting.
    """
    buffer = io.StringIO(text, newline="")
    if delimiter == "\t":
        reader = csv.reader(buffer, delimiter=delimiter, quoting=csv.QUOTE_NONE)
    else:
        reader = csv.reader(buffer, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL)
    try:
        header = next(reader)
    except StopIteration:
        raise Refused("the table is empty") from None
    header = [h.strip() for h in header]
    index = _choose_column(header, column)
    name = header[index]

    def rows() -> Iterator[Row]:
        for n, values in enumerate(reader, 1):
            if not values or all(not v.strip() for v in values):
                continue
            if index >= len(values):
                continue
            fields = {header[i] if i < len(header) else f"column{i + 1}": v
                      for i, v in enumerate(values) if i != index}  # fmt: skip
            yield Row(n, values[index], fields)

    return name, rows()


def _choose_column(header: list[str], column: str | None) -> int:
    if column is not None:
        if column in header:
            return header.index(column)
        if column.isdigit() and int(column) < len(header):
            return int(column)
        raise Refused(f"no column {column!r}; the columns are {', '.join(header)}")
    lowered = [h.lower() for h in header]
    for candidate in TEXT_COLUMN_NAMES:
        if candidate in lowered:
            return lowered.index(candidate)
    return len(header) - 1  # exports usually put the free text last


def jsonl_rows(text: str, *, field_name: str | None, problems: list[str]) -> Iterator[Row]:
    """Rows of a JSON Lines file; malformed lines are reported in ``problems`` and skipped."""
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as exc:
            problems.append(f"line {n}: not JSON ({exc.args[0] if exc.args else exc})")
            continue
        if not isinstance(obj, dict):
            problems.append(f"line {n}: not a JSON object")
            continue
        key = field_name or (
            "text"
            if "text" in obj
            else next((k for k, v in obj.items() if isinstance(v, str)), None)
        )
        value = obj.get(key) if key else None
        if not isinstance(value, str):
            problems.append(f"line {n}: no text field {field_name or 'text'!r}")
            continue
        fields = {
            k: v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
            for k, v in obj.items()
            if k != key
        }
        yield Row(n, value, fields)
