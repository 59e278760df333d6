"""Files generated for ingest tests: real encoders, deliberately broken or hostile where named."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import numpy as np
from PIL import Image


def page_image(seed: int, size: tuple[int, int] = (400, 300)) -> Image.Image:
    """A scan-like grey page with a few dark 'lines of text' (distinct per seed)."""
    rng = np.random.default_rng(seed)
    w, h = size
    img = np.full((h, w), 235, np.uint8) + rng.integers(0, 10, (h, w), dtype=np.uint8)
    for _ in range(int(rng.integers(3, 8))):
        y = int(rng.integers(10, h - 20))
        x0, x1 = sorted(rng.integers(5, w - 5, 2))
        img[y : y + 8, x0:x1] = int(rng.integers(10, 80))
    return Image.fromarray(img)


def write_png(path: Path, seed: int, size: tuple[int, int] = (400, 300)) -> Path:
    page_image(seed, size).save(path, "PNG")
    return path


def write_jpeg(
    path: Path, seed: int, *, orientation: int = 1, size: tuple[int, int] = (400, 300)
) -> Path:
    img = page_image(seed, size).convert("RGB")
    exif = Image.Exif()
    if orientation != 1:
        exif[0x0112] = orientation
    img.save(path, "JPEG", quality=90, exif=exif.tobytes())
    return path


def write_tiff(path: Path, pages: int) -> Path:
    frames = [page_image(100 + i) for i in range(pages)]
    frames[0].save(
        path, "TIFF", save_all=True, append_images=frames[1:], compression="tiff_deflate"
    )
    return path


def png_bomb(path: Path, width: int = 50_000, height: int = 50_000) -> Path:
    """A valid PNG header claiming width x height pixels, with almost no data: a few KB."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 65536, 9)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )
    return path


def text_pdf(pages: list[str]) -> bytes:
    """A PDF whose pages carry real text (Helvetica), so they have an embedded text layer."""
    objects: list[bytes] = []
    n = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    font_ref = 3 + 2 * n
    for i, text in enumerate(pages):
        safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream = f"BT /F1 20 Tf 72 700 Td ({safe}) Tj ET".encode("latin-1")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font_ref} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def blank_pdf(pages: int) -> bytes:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    for _ in range(pages):
        doc.new_page(200, 200)
    buf = io.BytesIO()
    doc.save(buf)
    doc.close()
    return buf.getvalue()


def encrypted_pdf(password: str = "secret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(text_pdf(["Confidential"]))).pages:
        writer.add_page(page)
    writer.encrypt(password, algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()
