"""Rendering PDF pages to images with PDFium, keeping each page's embedded text."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium

from .errors import Refused
from .images import check_size

RENDERER = f"pdfium {pdfium.version.PDFIUM_INFO} (pypdfium2 {pdfium.version.PYPDFIUM_INFO})"


@dataclass
class RenderedPage:
    index: int
    rgb: np.ndarray
    width_pt: float
    height_pt: float
    text: str  # the embedded text layer, NFC; "" for a scanned page without one


def open_pdf(path: Path, *, max_pages: int) -> pdfium.PdfDocument:
    try:
        doc = pdfium.PdfDocument(str(path))
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
            rgb = np.asarray(bitmap.to_pil().convert("RGB"))
            bitmap.close()
            textpage = page.get_textpage()
            text = unicodedata.normalize("NFC", textpage.get_text_range() or "")
            textpage.close()
        except pdfium.PdfiumError as exc:
            raise Refused(f"page {i + 1} cannot be rendered: {exc}") from None
        finally:
            page.close()
        yield RenderedPage(i, rgb, w, h, text.replace("\r\n", "\n").strip("\x00"))
