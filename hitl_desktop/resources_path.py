"""Finding shipped files (``resources/``) from the source tree or a PyInstaller bundle, Qt-free.

In a frozen one-folder bundle PyInstaller unpacks data next to the executable and sets
``sys._MEIPASS`` to that folder; the spec (installers/hitl.spec) puts ``resources/`` there.
From a checkout the folder sits beside the package.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def resources_root() -> Path | None:
    """The ``resources`` folder: the bundle's, the package's, or the checkout's; None if absent."""
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / "resources")
    candidates += [_PACKAGE / "resources", _PACKAGE.parent / "resources"]
    return next((c for c in candidates if c.is_dir()), None)


def shipped_file(*parts: str) -> Path:
    """The path of a shipped resource file; FileNotFoundError naming where it was looked for."""
    root = resources_root()
    if root is None:
        raise FileNotFoundError(
            f"no resources folder next to {_PACKAGE} (a broken install: reinstall the app)"
        )
    path = root.joinpath(*parts)
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing (a broken install: reinstall the app)")
    return path
