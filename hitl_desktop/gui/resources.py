"""Finding the app's resources (icons, styles, translations) in a checkout or a bundle."""

from __future__ import annotations

from pathlib import Path

from ..resources_path import resources_root


def resource_path(*parts: str) -> Path | None:
    """The path of a resource file, or None when it is not shipped."""
    base = resources_root()
    if base is None:
        return None
    path = base.joinpath(*parts)
    return path if path.exists() else None
