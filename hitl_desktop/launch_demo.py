"""`make run`: open the app on a demo workspace, or say how to work without a display."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .demo import create_demo_workspace, shared_data
from .workspace import WorkspaceError
from .workspace.paths import DB_NAME


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    path = Path(args[0] if args else "demo-workspace").resolve()
    if not (path / DB_NAME).exists():
        print(f"Making a demo workspace in {path} (once; OCR and pre-labels take a minute)")
        try:
            create_demo_workspace(path, prepare=True, shared=shared_data(),
                                  say=lambda m: print(f"  {m}", flush=True)).close()  # fmt: skip
        except WorkspaceError as exc:
            print(f"Could not create the demo workspace: {exc}", file=sys.stderr)
            return 1
        print(f"Created a demo workspace in {path}")
    return open_or_explain(path)


def open_or_explain(path: Path) -> int:
    """Open the app on ``path``, or say how to work without a display."""
    if not has_display():
        print(
            "No display found, so the window cannot open here. Either:\n"
            "  - render the window offscreen to a picture:\n"
            f"      QT_QPA_PLATFORM=offscreen .venv/bin/hitl --workspace {path} gui --screenshot main.png\n"
            f"  - or use the command line on the demo workspace:\n"
            f"      .venv/bin/hitl --workspace {path} items\n"
            f"      .venv/bin/hitl --workspace {path} log\n"
            f"      .venv/bin/hitl --workspace {path} verify\n"
            f"  (`.venv/bin/hitl --help` lists every command.)"
        )
        return 0
    from .gui.app import run_gui

    return run_gui(path)


if __name__ == "__main__":
    raise SystemExit(main())
