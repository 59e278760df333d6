"""Finding the app's resources (icons, styles, translations) in a checkout or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def resources_dir() -> Path | None:
    """The ``resources`` folder: inside a PyInstaller bundle, the package, or the checkout."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates += [_PACKAGE / "resources", _PACKAGE.parent / "resources"]
    return next((c for c in candidates if c.is_dir()), None)


def resource_path(*parts: str) -> Path | None:
    """The path of a resource file, or None when it is not shipped."""
    base = resources_dir()
    if base is None:
        return None
    path = base.joinpath(*parts)
    return path if path.exists() else None
