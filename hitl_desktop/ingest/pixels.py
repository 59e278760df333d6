"""Pixels of a stored image for display and models: decoded, upright (EXIF applied), RGB."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image, ImageOps

from .errors import Refused
from .images import check_size
from .options import DEFAULT_MAX_PIXELS


def decode_upright_rgb(data: bytes, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> np.ndarray:
    """An H x W x 3 uint8 array; Refused for undecodable or oversized images."""
    try:
        with Image.open(io.BytesIO(data)) as im:
            check_size(*im.size, max_pixels)
            im.load()
            return np.asarray(ImageOps.exif_transpose(im).convert("RGB"))
    except Refused:
        raise
    except Exception as exc:  # Pillow reports damaged data through many exception types
        raise Refused(f"cannot decode the image: {exc or type(exc).__name__}") from None
