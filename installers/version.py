"""Print the app's version as pyproject.toml defines it (the one source for every installer).

pyproject.toml either sets ``[project] version`` or declares it dynamic, read from an attribute
(``[tool.setuptools.dynamic] version = { attr = "pkg.__version__" }``); the attribute is read from
the source without importing the package. Usage: python installers/version.py
"""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def project_version(root: Path = ROOT) -> str:
    """The version string pyproject.toml gives, following a dynamic ``attr`` to its source."""
    meta = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    project = meta["project"]
    if "version" in project:
        return str(project["version"])
    attr = meta["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    module, _, name = attr.rpartition(".")
    base = root.joinpath(*module.split("."))
    source = base / "__init__.py" if base.is_dir() else base.with_suffix(".py")
    for node in ast.parse(source.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            if isinstance(value, str):
                return value
    raise SystemExit(f"{source}: no string assignment to {name} (named by pyproject.toml)")


if __name__ == "__main__":
    print(project_version())
    sys.exit(0)
