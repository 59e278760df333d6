"""Generated files for the ingest benchmark: document-like page images and a text PDF.

Deterministic per index (a seed each), so a ``--data`` folder can be reused across runs.
"""

from __future__ import annotations

import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import cv2
import numpy as np

WIDTH, HEIGHT = 1000, 800
GENERATOR_VERSION = 1  # bump when the generated files change (invalidates --data caches)


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def _spawn():  # type: ignore[no-untyped-def]
    import multiprocessing

    return multiprocessing.get_context("spawn")


def page_pixels(seed: int) -> np.ndarray:
    """A grey 1000 x 800 page: off-white paper with a slight shading, lines of dark glyph-like
    strokes grouped into words, paragraph gaps, and sensor noise. Distinct for every seed."""
    rng = np.random.default_rng(seed)
    img = np.full((HEIGHT, WIDTH), 246, np.float32)
    img += np.linspace(-4, 4, WIDTH, dtype=np.float32)[None, :] * np.float32(rng.uniform(-1, 1))
    y = int(rng.integers(40, 80))
    while y < HEIGHT - 60:
        lh = int(rng.integers(11, 15))
        cols = np.zeros(WIDTH, bool)
        x, end = int(rng.integers(50, 90)), WIDTH - int(rng.integers(50, 260))
        while x < end:
            wl = min(int(rng.integers(15, 90)), end - x)
            cols[x : x + wl] = rng.random(wl) < 0.5
            x += wl + int(rng.integers(6, 14))
        rows = rng.random(lh) < 0.35
        ink = cols[None, :] & (rows[:, None] | (rng.random((lh, WIDTH)) < 0.55))
        img[y : y + lh][ink] = rng.uniform(20, 70)
        y += (
            lh + int(rng.integers(8, 16)) + (int(rng.integers(20, 60)) if rng.random() < 0.1 else 0)
        )
    img += rng.standard_normal(img.shape, dtype=np.float32) * np.float32(3.0)
    return np.clip(img, 0, 255).astype(np.uint8)


def image_name(i: int) -> str:
    return f"doc-{i:06d}.{'png' if i % 2 == 0 else 'jpg'}"


def _write_images(folder: str, start: int, stop: int) -> int:
    cv2.setNumThreads(1)
    written = 0
    for i in range(start, stop):
        gray = page_pixels(i)
        path = os.path.join(folder, image_name(i))
        if i % 2 == 0:  # a grey scan saved as PNG
            ok = cv2.imwrite(path, gray, [cv2.IMWRITE_PNG_COMPRESSION, 3])
        else:  # a colour scan saved as JPEG: slightly warm paper
            bgr = cv2.merge([gray - np.minimum(gray, 6), gray - np.minimum(gray, 2), gray])
            ok = cv2.imwrite(path, bgr, [cv2.IMWRITE_JPEG_QUALITY, 85])
        if not ok:
            raise RuntimeError(f"could not write {path}")
        written += os.path.getsize(path)
    return written


_VOCABULARY = (
    "invoice total amount due date customer account number payment received balance tax order "
    "shipped delivery address reference quantity unit price discount subtotal signature "
    "contract clause party agreement terms schedule annex section page report summary notes "
    "Rechnung Betrag Datum März Straße Grüße façade naïve résumé coöperate 2026 42.00 EUR"
)
WORDS = _VOCABULARY.split()


def text_pdf(pages: int, seed: int = 0) -> bytes:
    """A PDF of ``pages`` A4-ish pages, each with ~45 lines of Helvetica text (a text layer),
    a heading and a ruled box, like a typed business document."""
    rng = np.random.default_rng(seed)
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    font_ref = 3 + 2 * pages
    kids = []
    for p in range(pages):
        lines = [f"Document {seed}-{p + 1:04d}"] + [
            " ".join(rng.choice(WORDS, int(rng.integers(6, 14)))) for _ in range(44)
        ]
        body = "".join(
            "(" + ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '\n"
            for ln in lines[1:]
        )
        stream = (
            f"BT /F1 18 Tf 72 740 Td ({lines[0]}) Tj ET\n"
            f"0.5 w 66 60 480 660 re S\n"
            f"BT /F1 10 Tf 13.5 TL 76 706 Td\n{body}ET"
        ).encode("cp1252")
        kids.append(f"{len(objects) + 1} 0 R")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {len(objects) + 2} 0 R "
            f"/Resources << /Font << /F1 {font_ref} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {pages} >>".encode()
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def prepare_data(data: Path, n: int, pdf_pages: int) -> dict[str, Any]:
    """Generate (or reuse) the images and the PDF; returns paths and generation figures."""
    folder = data / "images"
    folder.mkdir(parents=True, exist_ok=True)
    manifest = data / "manifest.json"
    have = json.loads(manifest.read_text()) if manifest.exists() else {}
    if have.get("version") != GENERATOR_VERSION:
        have = {"version": GENERATOR_VERSION, "images": 0}
    t = time.perf_counter()
    if have["images"] < n:
        start = have["images"]
        log(f"generating images {start:,}..{n:,} into {folder} (not timed)")
        step = 250
        jobs = os.cpu_count() or 1
        with ProcessPoolExecutor(jobs, mp_context=_spawn()) as pool:
            futures = [
                pool.submit(_write_images, str(folder), a, min(a + step, n))
                for a in range(start, n, step)
            ]
            for k, fut in enumerate(futures, 1):
                fut.result()
                if k % 8 == 0:
                    log(f"  {min(start + k * step, n):,} / {n:,}")
        have["images"] = n
        have["seconds_per_image"] = (time.perf_counter() - t) / (n - start)
        manifest.write_text(json.dumps(have))
    gen_s = have.get("seconds_per_image", 0.0) * n  # for reused files: what they took
    pdf_path = data / f"document-{pdf_pages}p.pdf"
    if not pdf_path.exists():
        pdf_path.write_bytes(text_pdf(pdf_pages))
    files = [folder / image_name(i) for i in range(n)]
    return {
        "files": files,
        "bytes": sum(f.stat().st_size for f in files),
        "pdf": pdf_path,
        "pdf_bytes": pdf_path.stat().st_size,
        "generation_s": gen_s,
    }
