"""The architecture's import rules, checked on the source (AST), not by convention."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "hitl_desktop"
QT = {"PySide6", "shiboken6", "pyqtgraph"}


def _imports(path: Path) -> list[tuple[str, int]]:
    """Absolute module names imported by a file (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module_parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if module_parts[-1] == "__init__":
        module_parts.pop()
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module_parts[
                    : len(module_parts) - node.level + (1 if path.name == "__init__.py" else 0)
                ]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            out.append((name, node.lineno))
    return out


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_only_the_gui_package_imports_qt() -> None:
    offenders = [
        f"{p.relative_to(PACKAGE.parent)}:{line} imports {name}"
        for p in _modules()
        if "gui" not in p.relative_to(PACKAGE).parts
        for name, line in _imports(p)
        if name.split(".")[0] in QT
    ]
    assert offenders == []


def test_lineage_imports_nothing_else_of_ours() -> None:
    offenders = [
        f"{p.relative_to(PACKAGE.parent)}:{line} imports {name}"
        for p in (PACKAGE / "lineage").rglob("*.py")
        for name, line in _imports(p)
        if name.startswith("hitl_desktop") and not name.startswith("hitl_desktop.lineage")
    ]
    assert offenders == []


# The upward imports: the list of projections every workspace keeps includes the review
# queue, which compares answers with the review package's matching code, and the insights
# tables (both imported lazily, in the function that builds the list). See
# docs/architecture.md, "Review" and "Insights".
ASSEMBLY = (
    ("workspace/projections/__init__.py", "hitl_desktop.review.projection"),
    ("workspace/projections/__init__.py", "hitl_desktop.insights.projection"),
)


def test_workspace_does_not_reach_up_the_layers() -> None:
    allowed = ("hitl_desktop.lineage", "hitl_desktop.workspace")
    offenders = [
        f"{p.relative_to(PACKAGE.parent)}:{line} imports {name}"
        for p in (PACKAGE / "workspace").rglob("*.py")
        for name, line in _imports(p)
        if name.startswith("hitl_desktop.") and not name.startswith(allowed)
        and name != "hitl_desktop"  # the package root holds only __version__
        and (p.relative_to(PACKAGE).as_posix(), name) not in ASSEMBLY
    ]  # fmt: skip
    assert offenders == []
    for path, module in ASSEMBLY:
        assembled = [n for n, _ in _imports(PACKAGE / path)]
        assert module in assembled, f"the exception for {module} is stale: remove it"


def test_the_import_check_sees_relative_imports() -> None:
    """Guard the guard: a relative import of the GUI from workspace/ would be caught."""
    names = [n for n, _ in _imports(PACKAGE / "workspace" / "writer.py")]
    assert "hitl_desktop.lineage" in names


def test_every_module_outside_the_gui_imports(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """In the Qt-free run (HITL_BLOCK_QT=1) this proves the core needs no Qt at import time."""
    import importlib
    import os

    if os.environ.get("HITL_BLOCK_QT") == "1":
        import pytest

        with pytest.raises(ImportError, match="blocked"):
            importlib.import_module("PySide6")
    for p in _modules():
        rel = p.relative_to(PACKAGE.parent).with_suffix("")
        if "gui" in rel.parts or rel.name == "__main__":
            continue
        name = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        importlib.import_module(name)
