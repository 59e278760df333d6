"""Draw resources/samples/sample-page.png: the page `hitl --self-test` recognises.

The page is made here, not taken from ../shared/data: FUNSD and SROIE may not be redistributed
in installers (see that folder's README). Text is drawn in DejaVu Sans (free licence), slightly
rotated and with specks of dust so the OCR models see something like a scan. Run once; the PNG is
committed. Usage: python installers/make_sample_page.py [FONT.ttf]
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parents[1] / "resources" / "samples" / "sample-page.png"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
LINES = [
    ("DELIVERY RECEIPT", 40),
    ("Invoice number: 2026-0117", 28),
    ("Date: 29 November 2026", 28),
    ("Received from: Field Office North", 28),
    ("Item: 12 water filters", 28),
    ("Total amount: 1,234.50", 28),
    ("Signature: J. Moreau", 28),
]


def main() -> None:
    font_path = sys.argv[1] if len(sys.argv) > 1 else FONT
    page = Image.new("L", (760, 620), 250)
    draw = ImageDraw.Draw(page)
    y = 50
    for text, size in LINES:
        draw.text((60, y), text, fill=20, font=ImageFont.truetype(font_path, size))
        y += int(size * 2.2)
    page = page.rotate(0.6, fillcolor=250, resample=Image.Resampling.BICUBIC)
    rng = np.random.default_rng(11)
    pixels = np.asarray(page).copy()
    specks = rng.random(pixels.shape) < 0.004  # dust: sparse, so the PNG stays small
    pixels[specks] = rng.integers(60, 200, int(specks.sum()), dtype=np.uint8)
    Image.fromarray(pixels).save(OUT, optimize=True)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
