"""Reading raster images: PNG, JPEG, BMP, WebP, GIF (first frame), TIFF (every page).

Sizes are checked from the header before any pixel is decoded, so a decompression bomb is
refused without allocating it. Every frame is fully decoded, so a truncated file is caught.
"""

from __future__ import annotations

import struct
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from .errors import Refused

PILLOW_VERSION = f"Pillow {Image.__version__}"


@dataclass
class Frame:
    index: int
    image: Image.Image  # upright (EXIF orientation applied), decoded
    exif_orientation: int

    def gray(self) -> np.ndarray:
        return np.asarray(self.image.convert("L"))


def check_size(width: int, height: int, max_pixels: int, what: str = "image") -> None:
    if width <= 0 or height <= 0:
        raise Refused(f"{what} has no pixels ({width} x {height})")
    if width * height > max_pixels:
        raise Refused(
            f"{what} is {width:,} x {height:,} = {width * height / 1e6:,.0f} megapixels, over the "
            f"limit of {max_pixels / 1e6:,.0f} (a decompression bomb?). Raise --max-pixels to allow it."
        )


def read_frames(path: Path, *, max_pixels: int, all_pages: bool) -> Iterator[Frame]:
    """Decode the image's frames (only the first unless ``all_pages``), upright."""
    Image.MAX_IMAGE_PIXELS = None  # we enforce our own, configurable limit (check_size)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            warnings.simplefilter(
                "ignore", UserWarning
            )  # "Corrupt EXIF data": we report what matters
            with Image.open(path) as im:
                frames = ImageSequence.Iterator(im) if all_pages else iter([im])
                for i, frame in enumerate(frames):
                    check_size(*frame.size, max_pixels, f"page {i + 1}" if all_pages else "image")
                    frame.load()
                    orientation = int(frame.getexif().get(0x0112, 1) or 1)
                    upright = ImageOps.exif_transpose(frame) if orientation != 1 else frame.copy()
                    yield Frame(i, upright, orientation)
    except Refused:
        raise
    except UnidentifiedImageError:
        raise Refused("not a readable image (unknown or damaged header)") from None
    except (OSError, SyntaxError, ValueError, EOFError, TypeError, KeyError, IndexError,
            struct.error, Image.DecompressionBombError) as exc:  # fmt: skip
        # Pillow reports damaged files through many exception types
        raise Refused(f"truncated or corrupt image: {exc or type(exc).__name__}") from None
    except MemoryError:
        raise Refused("image too large to decode with the memory available") from None


def frame_count(path: Path) -> int:
    try:
        with Image.open(path) as im:
            return int(getattr(im, "n_frames", 1))
    except (OSError, SyntaxError, ValueError, TypeError, KeyError, IndexError, struct.error) as exc:
        # a damaged page index would otherwise import the first pages and drop the rest
        raise Refused(
            f"truncated or corrupt image: cannot read its page index ({exc or type(exc).__name__})"
        ) from None
