"""The image and scan-page editor (boxes, polygons, points on a tiled page view)."""

from .editor import IMAGE_KINDS, ImageEditor

__all__ = ["IMAGE_KINDS", "ImageEditor"]
