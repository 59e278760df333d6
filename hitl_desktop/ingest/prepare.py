"""The per-file work of an import, run in worker processes: hash, validate, decode, store.

A worker reads the file, refuses it with a reason, or stores its blobs (the original bytes,
rendered pages, normalised text) and thumbnails, and returns only metadata. The parent
decides what becomes events, so everything the log records is decided in one place.

A file up to ``READ_ONCE_BYTES`` is read once: hashed, recognised, decoded and stored from
the same bytes, so what is stored is by construction what was checked. A bigger file is
streamed (hashed, decoded from the path, copied and hashed again, and refused if the two
hashes differ) so that memory does not grow with the file.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from ..workspace.blobs import BlobStore
from ..workspace.paths import BLOBS_DIR, DB_NAME
from . import images, pdf, text
from .errors import Refused
from .options import ImportOptions
from .sniff import IMAGE_FORMATS, MEDIA_TYPES, Format, UnsupportedFile, sniff
from .stats import image_stats, text_stats
from .thumbnails import PNG_FAST, make_thumbnail, store_thumbnail

READ_ONCE_BYTES = 64 << 20
# Rendered pages: deflate level 1 without PNG row filters. On rendered text pages this is
# faster than OpenCV's default (RLE) and the files are a third of the size; pixels are the same.
PAGE_PNG = PNG_FAST


@dataclass
class Part:
    """An item derived from the file: a PDF or TIFF page, a table row."""

    kind: str
    name: str
    media_type: str
    blob_sha256: str
    size_bytes: int
    transformation: str
    parameters: dict[str, Any]
    stats: dict[str, Any]
    text_layer_sha256: str | None = None


@dataclass
class Prepared:
    path: str
    status: str  # "ready", "known" (content already in the workspace), "refused"
    sha256: str = ""
    size_bytes: int = 0
    modified_time: str = ""
    reason: str = ""
    format: str = ""
    media_type: str = ""
    kind: str = ""
    stats: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    text_sha256: str | None = None
    parts: list[Part] = field(default_factory=list)


class _Context:
    """Per-process state: the blob store and a read-only view of known content."""

    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace
        self.blobs = BlobStore(workspace / BLOBS_DIR)
        self._conn: sqlite3.Connection | None = None

    def is_known(self, sha: str) -> bool:
        if self._conn is None:
            self._conn = sqlite3.connect(f"file:{self.workspace / DB_NAME}?mode=ro", uri=True)
        return (
            self._conn.execute(
                "SELECT 1 FROM items WHERE blob_sha256 = ? AND parent_id IS NULL LIMIT 1", (sha,)
            ).fetchone()
            is not None
        )


_context: _Context | None = None


def init_worker(workspace: str, parent_pid: int | None = None) -> None:
    global _context
    _context = _Context(Path(workspace))
    cv2.setNumThreads(1)  # parallelism comes from processes
    if parent_pid is not None:
        threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()


def _exit_with_parent(parent_pid: int) -> None:
    """A worker whose importing process was killed would otherwise wait for work forever."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent_pid:  # re-parented: the importer is gone
            os._exit(1)


def prepare_in_worker(path: str, options: ImportOptions) -> Prepared:
    assert _context is not None, "init_worker was not called"
    return prepare_file(_context, Path(path), options)


def prepare_file(ctx: _Context, path: Path, options: ImportOptions) -> Prepared:
    out = Prepared(str(path), "refused")
    try:
        st = path.stat()
        out.size_bytes = st.st_size
        out.modified_time = (
            datetime.fromtimestamp(st.st_mtime, UTC)
            .isoformat(timespec="seconds")
            .replace("+00:00", "Z")
        )
        if st.st_size == 0:
            raise Refused("empty file (0 bytes)")
        if st.st_size > options.max_file_bytes:
            raise Refused(
                f"file is {st.st_size / 2**30:.1f} GiB, over the limit of {options.max_file_bytes / 2**30:.1f} GiB"
            )
        data: bytes | None = None
        if st.st_size <= READ_ONCE_BYTES:
            out.sha256, data = _read_and_hash(path)
            head = data[:4096]
        else:
            out.sha256, head = _hash_file(path)
        fmt, note = sniff(head, path)
        if note:
            out.notes.append(note)
        out.format, out.media_type = fmt.value, MEDIA_TYPES[fmt]
        if ctx.is_known(out.sha256):
            out.status = "known"
            return out
        _decode(ctx, path, data, fmt, out, options)
        if data is not None:
            ctx.blobs.put_bytes(data)  # the very bytes that were hashed and decoded
        elif ctx.blobs.put_file(path) != out.sha256:
            raise Refused("the file changed while it was being imported; import it again")
        out.status = "ready"
    except (Refused, UnsupportedFile) as exc:
        out.status, out.reason = "refused", str(exc)
    except PermissionError:
        out.status, out.reason = "refused", "permission denied: the file cannot be read"
    except FileNotFoundError:
        out.status, out.reason = "refused", "the file disappeared before it could be read"
    except OSError as exc:
        out.status, out.reason = "refused", f"cannot read the file: {exc.strerror or exc}"
    except MemoryError:
        out.status, out.reason = "refused", "not enough memory to decode this file"
    except Exception as exc:
        out.status, out.reason = "refused", f"could not read the file ({type(exc).__name__}: {exc})"
    return out


def _read_and_hash(path: Path) -> tuple[str, bytes]:
    with open(path, "rb") as f:
        data = f.read()
    return hashlib.sha256(data).hexdigest(), data


def _hash_file(path: Path) -> tuple[str, bytes]:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        head = f.read(4096)
        h.update(head)
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest(), head


def _decode(
    ctx: _Context, path: Path, data: bytes | None, fmt: Format, out: Prepared,
    options: ImportOptions,
) -> None:  # fmt: skip
    """Decode from ``data`` (the file's bytes) when the file was read whole, else from ``path``."""
    if fmt in IMAGE_FORMATS:
        _decode_image(ctx, path, data, fmt, out, options)
    elif fmt is Format.PDF:
        _decode_pdf(ctx, path, data, out, options)
    else:
        _decode_text(ctx, path, data, fmt, out, options)


def _thumbnail(
    ctx: _Context, pixels: np.ndarray, sha: str, options: ImportOptions, *, bgr: bool = False
) -> None:
    if options.thumbnails:
        store_thumbnail(ctx.workspace, sha, make_thumbnail(pixels, bgr=bgr))


def _decode_image(
    ctx: _Context, path: Path, data: bytes | None, fmt: Format, out: Prepared,
    options: ImportOptions,
) -> None:  # fmt: skip
    source = path if data is None else data
    multi = fmt is Format.TIFF and images.frame_count(source) > 1
    if not multi:
        frame = images.read_image(source, max_pixels=options.max_pixels)
        gray = frame.gray()
        out.kind = "image"
        out.stats = image_stats(gray) | {"mode": frame.image.mode}
        if frame.exif_orientation != 1:
            out.stats["exif_orientation"] = frame.exif_orientation
            out.notes.append(
                f"EXIF orientation {frame.exif_orientation} applied for display; original kept"
            )
        if fmt is Format.GIF and (count := images.frame_count(source)) > 1:
            out.notes.append(f"animated GIF: the first of {count} frames is used")
        # grey stays grey (the same array as for the statistics): no RGB copy of the image
        _thumbnail(ctx, gray if frame.image.mode == "L" else frame.display(), out.sha256, options)
        return
    out.kind = "document"
    for frame in images.read_frames(source, max_pixels=options.max_pixels, all_pages=True):
        rgb = np.asarray(frame.image.convert("RGB"))
        ok, png = cv2.imencode(".png", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
        if not ok:
            raise Refused(f"page {frame.index + 1} could not be converted")
        sha = ctx.blobs.put_bytes(png.tobytes())
        _thumbnail(ctx, rgb, sha, options)
        out.parts.append(Part(
            "image", f"{path.name} p{frame.index + 1}", "image/png", sha, len(png),
            "tiff.page", {"page": frame.index + 1, "converter": images.PILLOW_VERSION},
            image_stats(frame.gray()) | {"mode": frame.image.mode},
        ))  # fmt: skip
    out.stats = {"pages": len(out.parts)}


def _decode_pdf(
    ctx: _Context, path: Path, data: bytes | None, out: Prepared, options: ImportOptions
) -> None:
    doc = pdf.open_pdf(path if data is None else data, max_pages=options.max_pdf_pages)
    try:
        for page in pdf.render_pages(doc, dpi=options.dpi, max_pixels=options.max_pixels):
            ok, png = cv2.imencode(".png", page.bgr, PAGE_PNG)
            if not ok:
                raise Refused(f"page {page.index + 1} could not be encoded")
            sha = ctx.blobs.put_bytes(png.tobytes())
            _thumbnail(ctx, page.bgr, sha, options, bgr=True)
            text_sha = ctx.blobs.put_bytes(page.text.encode()) if page.text.strip() else None
            stats: dict[str, Any] = dict(image_stats(cv2.cvtColor(page.bgr, cv2.COLOR_BGR2GRAY)))
            if page.text.strip():
                stats["text_layer"] = text_stats(page.text)
            out.parts.append(Part(
                "scan_page", f"{path.name} p{page.index + 1}", "image/png", sha, len(png),
                "pdf.render",
                {"page": page.index + 1, "dpi": options.dpi, "renderer": pdf.RENDERER,
                 "page_size_pt": [round(page.width_pt, 2), round(page.height_pt, 2)]},
                stats, text_sha,
            ))  # fmt: skip
    finally:
        doc.close()
    out.kind = "document"
    out.stats = {
        "pages": len(out.parts),
        "text_layer_pages": sum(1 for p in out.parts if p.text_layer_sha256),
    }


def _decode_text(
    ctx: _Context, path: Path, data: bytes | None, fmt: Format, out: Prepared,
    options: ImportOptions,
) -> None:  # fmt: skip
    decoded = text.decode_text(path.read_bytes() if data is None else data)
    if decoded.normalized:
        out.notes.append("text normalised to Unicode NFC")
    out.stats = {"encoding": decoded.encoding}
    if fmt in (Format.CSV, Format.TSV, Format.JSONL):
        out.kind = "document"
        problems: list[str] = []
        if fmt is Format.JSONL:
            column, rows = (
                (options.jsonl_field or "text"),
                text.jsonl_rows(decoded.text, field_name=options.jsonl_field, problems=problems),
            )
        else:
            column, rows = text.table_rows(
                decoded.text,
                delimiter="\t" if fmt is Format.TSV else ",",
                column=options.text_column,
            )
        transformation = f"{fmt.value}.row"
        for row in rows:
            data = row.text.encode()
            sha = ctx.blobs.put_bytes(data)
            out.parts.append(Part(
                "text", f"{path.name} row {row.number}", "text/plain; charset=utf-8", sha, len(data),
                transformation, {"row": row.number, "column": column, "fields": row.fields},
                text_stats(row.text),
            ))  # fmt: skip
        out.notes += problems[:20] + (
            [f"… and {len(problems) - 20} more lines skipped"] if len(problems) > 20 else []
        )
        if not out.parts:
            raise Refused(
                f"no text rows found (column {column!r})" + (f"; {problems[0]}" if problems else "")
            )
        out.stats |= {"rows": len(out.parts), "column": column}
        return
    out.kind = "text"
    out.stats |= text_stats(decoded.text)
    out.text_sha256 = ctx.blobs.put_bytes(decoded.text.encode())
