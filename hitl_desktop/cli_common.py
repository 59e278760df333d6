"""What every `hitl` command shares: the typer app, common options, opening, printing."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from .workspace import (
    Workspace,
    WorkspaceError,
    default_workspace_dir,
)  # fmt: skip

app = typer.Typer(
    name="hitl",
    help="HITL Desktop: offline-first human-in-the-loop labelling with a verifiable lineage log.\n\n"
    "Run `hitl` with no command to open the desktop app.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

WorkspaceOpt = Annotated[
    Path | None,
    typer.Option(
        "--workspace", "-w", envvar="HITL_WORKSPACE", show_envvar=True,
        help="Workspace folder (default: a folder under your user data directory).",
    ),
]  # fmt: skip
JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print JSON (one object per line for lists).")
]


class _State:
    workspace: Path | None = None


state = _State()


def _fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _path() -> Path:
    return state.workspace or default_workspace_dir()


def _open(readonly: bool) -> Workspace:
    try:
        return Workspace.open(_path(), readonly=readonly)
    except WorkspaceError as exc:
        _fail(str(exc))


def _print_json(obj: Any) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False, sort_keys=True))


def _progress(label: str) -> Any:
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int) -> None:
        pct = 100 * done // total if total else 100
        end = "\n" if done >= total else ""
        print(f"\r{label}: {done:,}/{total:,} ({pct}%)", end=end, file=sys.stderr, flush=True)

    return report
