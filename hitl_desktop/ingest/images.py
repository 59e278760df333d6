"""Reading raster images: PNG, JPEG, BMP, WebP, GIF (first frame), TIFF (every page).

Sizes are checked from the header before any pixel is decoded, so a decompression bomb is
refused without allocating it. Every frame is fully decoded, so a truncated file is caught.
A file can be given by path or as its bytes already in memory (read once by the importer).
"""

from __future__ import annotations

import io
import struct
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

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
        """8-bit grey pixels (a read-only array; no copy of the image when it is grey already)."""
        im = self.image
        return np.asarray(im if im.mode == "L" else im.convert("L"))

    def display(self) -> np.ndarray:
        """Pixels for a thumbnail: grey images stay grey (1 channel), anything else is RGB."""
        im = self.image
        return np.asarray(im if im.mode in ("L", "RGB") else im.convert("RGB"))


def check_size(width: int, height: int, max_pixels: int, what: str = "image") -> None:
    if width <= 0 or height <= 0:
        raise Refused(f"{what} has no pixels ({width} x {height})")
    if width * height > max_pixels:
        raise Refused(
            f"{what} is {width:,} x {height:,} = {width * height / 1e6:,.0f} megapixels, over the "
            f"limit of {max_pixels / 1e6:,.0f} (a decompression bomb?). Raise --max-pixels to allow it."
        )


def _open(source: Path | bytes) -> BinaryIO:
    return io.BytesIO(source) if isinstance(source, bytes | bytearray) else open(source, "rb")


@contextmanager
def _reading() -> Iterator[None]:
    """Pillow's many ways of saying a file is damaged, turned into one clear refusal."""
    Image.MAX_IMAGE_PIXELS = None  # we enforce our own, configurable limit (check_size)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            warnings.simplefilter(
                "ignore", UserWarning
            )  # "Corrupt EXIF data": we report what matters
            yield
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


def read_image(source: Path | bytes, *, max_pixels: int) -> Frame:
    """Decode the first frame, upright. The frame owns its pixels, without a copy of them
    (a 600-megapixel scan is held once), and the file is closed on return."""
    with _reading(), _open(source) as f:
        im = Image.open(f)  # not closed: that would free the pixels; the file is closed instead
        check_size(*im.size, max_pixels, "image")
        im.load()  # every pixel: a truncated file fails here
        orientation = int(im.getexif().get(0x0112, 1) or 1)
        if orientation != 1:
            upright = ImageOps.exif_transpose(im)
            im.close()
            return Frame(0, upright, orientation)
        return Frame(0, im, orientation)


def read_frames(source: Path | bytes, *, max_pixels: int, all_pages: bool) -> Iterator[Frame]:
    """Decode the image's frames (only the first unless ``all_pages``), upright."""
    if not all_pages:
        yield read_image(source, max_pixels=max_pixels)
        return
    with _reading(), _open(source) as f, Image.open(f) as im:
        for i, frame in enumerate(ImageSequence.Iterator(im)):
            check_size(*frame.size, max_pixels, f"page {i + 1}")
            frame.load()
            orientation = int(frame.getexif().get(0x0112, 1) or 1)
            upright = ImageOps.exif_transpose(frame) if orientation != 1 else frame.copy()
            yield Frame(i, upright, orientation)


def frame_count(source: Path | bytes) -> int:
    try:
        with _open(source) as f, Image.open(f) as im:
            return int(getattr(im, "n_frames", 1))
    except (OSError, SyntaxError, ValueError, TypeError, KeyError, IndexError, struct.error) as exc:
        # a damaged page index would otherwise import the first pages and drop the rest
        raise Refused(
            f"truncated or corrupt image: cannot read its page index ({exc or type(exc).__name__})"
        ) from None
