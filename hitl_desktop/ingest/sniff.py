"""Recognising a file by its content, not its name."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


class Format(StrEnum):
    PNG = "png"
    JPEG = "jpeg"
    GIF = "gif"
    BMP = "bmp"
    WEBP = "webp"
    TIFF = "tiff"
    PDF = "pdf"
    TEXT = "text"
    CSV = "csv"
    TSV = "tsv"
    JSONL = "jsonl"
    MARKDOWN = "markdown"


IMAGE_FORMATS = {Format.PNG, Format.JPEG, Format.GIF, Format.BMP, Format.WEBP, Format.TIFF}
TEXT_FORMATS = {Format.TEXT, Format.CSV, Format.TSV, Format.JSONL, Format.MARKDOWN}

MEDIA_TYPES = {
    Format.PNG: "image/png", Format.JPEG: "image/jpeg", Format.GIF: "image/gif",
    Format.BMP: "image/bmp", Format.WEBP: "image/webp", Format.TIFF: "image/tiff",
    Format.PDF: "application/pdf", Format.TEXT: "text/plain", Format.CSV: "text/csv",
    Format.TSV: "text/tab-separated-values", Format.JSONL: "application/jsonl",
    Format.MARKDOWN: "text/markdown",
}  # fmt: skip

_BY_EXTENSION = {
    ".png": Format.PNG, ".jpg": Format.JPEG, ".jpeg": Format.JPEG, ".jpe": Format.JPEG,
    ".gif": Format.GIF, ".bmp": Format.BMP, ".dib": Format.BMP, ".webp": Format.WEBP,
    ".tif": Format.TIFF, ".tiff": Format.TIFF, ".pdf": Format.PDF, ".txt": Format.TEXT,
    ".text": Format.TEXT, ".md": Format.MARKDOWN, ".markdown": Format.MARKDOWN,
    ".csv": Format.CSV, ".tsv": Format.TSV, ".tab": Format.TSV, ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
}  # fmt: skip


class UnsupportedFile(ValueError):
    pass


def by_extension(path: Path) -> Format | None:
    return _BY_EXTENSION.get(path.suffix.lower())


def sniff(head: bytes, path: Path) -> tuple[Format, str | None]:
    """The file's format from its first bytes, and a note when the extension disagrees.

    Binary formats are recognised by their signatures. Anything else is treated as text when
    the name says so (csv, tsv, jsonl, md or txt) or when it has no NUL bytes outside UTF-16.
    """
    named = by_extension(path)
    found = _magic(head)
    if found is None:
        if named in TEXT_FORMATS:
            return named, None
        if named is not None:  # an image or PDF name on content that is none of them
            kind = "text" if _looks_like_text(head) else "unrecognised binary data"
            raise UnsupportedFile(
                f"named {path.suffix} but the content is not {named.value.upper()} (it is {kind}; "
                "a download error page saved under this name?)"
            )
        if _looks_like_text(head):
            return Format.TEXT, None
        raise UnsupportedFile(
            "not a supported file: the content is not an image (PNG, JPEG, GIF, BMP, WebP, "
            "TIFF), a PDF, or text"
        )
    note = None
    if named is not None and named != found:
        note = f"extension {path.suffix} but content is {found.value.upper()}; read as {found.value.upper()}"
    return found, note


def _magic(head: bytes) -> Format | None:
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Format.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return Format.JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return Format.GIF
    if head.startswith(b"BM") and len(head) >= 26:
        return Format.BMP
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return Format.WEBP
    if head.startswith((b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")):
        return Format.TIFF
    if b"%PDF-" in head[:1024]:
        return Format.PDF
    return None


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return True
    return bool(head) and b"\x00" not in head
