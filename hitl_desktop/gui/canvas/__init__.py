"""The image and scan-page editor (boxes, polygons, points on a tiled page view).

Imported lazily, so the Qt-free child that cuts full-resolution tiles (``fullres``) does not
load Qt.
"""

from __future__ import annotations

from typing import Any

__all__ = ["IMAGE_KINDS", "ImageEditor"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import editor

        return getattr(editor, name)
    raise AttributeError(name)
