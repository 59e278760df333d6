"""Rendering PDF pages to images with PDFium, keeping each page's embedded text."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium

from .errors import Refused
from .images import check_size

RENDERER = f"pdfium {pdfium.version.PDFIUM_INFO} (pypdfium2 {pdfium.version.PYPDFIUM_INFO})"


@dataclass
class RenderedPage:
    index: int
    bgr: np.ndarray  # PDFium's own pixel order, which is also OpenCV's: no conversion needed
    width_pt: float
    height_pt: float
    text: str  # the embedded text layer, NFC; "" for a scanned page without one
    # ``bgr`` may be a view of the bitmap's buffer: holding the bitmap keeps that memory valid
    bitmap: object = field(default=None, repr=False)


def open_pdf(source: Path | bytes, *, max_pages: int) -> pdfium.PdfDocument:
    """Open a PDF by path, or from its bytes already in memory."""
    try:
        doc = pdfium.PdfDocument(source if isinstance(source, bytes) else str(source))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise Refused(
                "the PDF is encrypted (password-protected); save a decrypted copy first"
            ) from None
        raise Refused(f"damaged or truncated PDF: {exc}") from None
    pages = len(doc)
    if pages == 0:
        doc.close()
        raise Refused("the PDF has no pages")
    if pages > max_pages:
        doc.close()
        raise Refused(
            f"the PDF has {pages:,} pages, over the limit of {max_pages:,}; raise --max-pdf-pages to import it"
        )
    return doc


def render_pages(doc: pdfium.PdfDocument, *, dpi: int, max_pixels: int) -> Iterator[RenderedPage]:
    """Render page by page (one page in memory at a time)."""
    scale = dpi / 72
    for i in range(len(doc)):
        page = doc[i]
        try:
            w, h = page.get_size()
            check_size(round(w * scale), round(h * scale), max_pixels, f"page {i + 1} at {dpi} dpi")
            bitmap = page.render(scale=scale)
            bgr = bitmap.to_numpy()  # a view, no copy; freed with the RenderedPage
            if bitmap.n_channels != 3 or bitmap.rev_byteorder:  # not PDFium's default BGR
                bgr = _to_bgr(bgr, bitmap.mode)
            textpage = page.get_textpage()
            text = unicodedata.normalize("NFC", textpage.get_text_range() or "")
            textpage.close()
        except pdfium.PdfiumError as exc:
            raise Refused(f"page {i + 1} cannot be rendered: {exc}") from None
        finally:
            page.close()
        yield RenderedPage(i, bgr, w, h, text.replace("\r\n", "\n").strip("\x00"), bitmap)


def _to_bgr(pixels: np.ndarray, mode: str) -> np.ndarray:
    code = {"BGRA": cv2.COLOR_BGRA2BGR, "BGRX": cv2.COLOR_BGRA2BGR, "RGB": cv2.COLOR_RGB2BGR,
            "RGBA": cv2.COLOR_RGBA2BGR, "RGBX": cv2.COLOR_RGBA2BGR, "L": cv2.COLOR_GRAY2BGR}[mode]  # fmt: skip
    return cv2.cvtColor(pixels, code)
