"""The `hitl` command: headless twins of the GUI's jobs. `hitl` alone opens the GUI.

Commands live in cli.py (workspace and log), cli_ingest.py and cli_models.py; all register on
the one typer app of cli_common.py.
"""

from __future__ import annotations

import os
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer

from . import __version__
from .cli_common import (
    JsonOpt,
    WorkspaceOpt,
    _fail,
    _open,
    _path,
    _print_json,
    _progress,
    app,
    state,
)  # fmt: skip
from .workspace import (
    ROLES,
    Cancelled,
    CancelToken,
    Profile,
    Workspace,
    WorkspaceError,
    queries,
)  # fmt: skip


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hitl {__version__}")
        raise typer.Exit()


def _self_test(value: bool) -> None:
    if value:
        from .self_test import run_self_test

        raise typer.Exit(run_self_test())


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    workspace: WorkspaceOpt = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
    self_test: Annotated[
        bool,
        typer.Option(
            "--self-test",
            callback=_self_test,
            is_eager=True,
            help="Check this installation end to end (GUI, OCR, signed log); exit 0 if ok.",
        ),
    ] = False,
) -> None:
    state.workspace = workspace
    if ctx.invoked_subcommand is None:
        ctx.invoke(gui)


@app.command()
def init(
    directory: Annotated[
        Path | None,
        typer.Argument(help="Folder to create (default: --workspace or the default folder)."),
    ] = None,
    name: Annotated[str, typer.Option(help="Workspace name shown in the app.")] = "",
    user: Annotated[
        str, typer.Option(help="Your name, recorded as the actor of your events.")
    ] = "",
    role: Annotated[str, typer.Option(help=f"Your role: {', '.join(ROLES)}.")] = "admin",
) -> None:
    """Create a workspace: its database, blob store, and this device's signed chain."""
    path = directory or _path()
    if role not in ROLES:
        _fail(f"unknown role {role!r}; choose one of {', '.join(ROLES)}", 2)
    profile = Profile(user or Profile.default().name, role)
    try:
        ws = Workspace.create(path, name=name or path.name, profile=profile)
    except WorkspaceError as exc:
        _fail(str(exc))
    with ws:
        typer.echo(f"Created workspace {ws.name!r} in {path}")
        typer.echo(f"  project  {ws.project_id}")
        typer.echo(f"  device   {ws.device_id} (key in the OS keyring)")
        typer.echo(f"  you      {profile.name} ({profile.role})")


@app.command()
def profile(
    user: Annotated[
        str, typer.Option(help="Your name, recorded as the actor of your events.")
    ] = "",
    role: Annotated[str, typer.Option(help=f"Your role: {', '.join(ROLES)}.")] = "",
) -> None:
    """Show who you are in this workspace, or change it with --user and --role."""
    if role and role not in ROLES:
        _fail(f"unknown role {role!r}; choose one of {', '.join(ROLES)}", 2)
    with _open(readonly=not (user or role)) as ws:
        if user or role:
            ws.set_profile(Profile(user or ws.profile.name, role or ws.profile.role))
        typer.echo(f"{ws.profile.name} ({ws.profile.role})")


@app.command()
def info(json_: JsonOpt = False) -> None:
    """Show the workspace: project, device, counts."""
    ws = _open(readonly=True)
    with ws:
        conn = ws.reader()
        counts = queries.status_counts(conn)
        data: dict[str, Any] = {
            "path": str(ws.path),
            "name": ws.name,
            "project_id": ws.project_id,
            "events": queries.event_count(conn),
            "items": counts,
            "profile": asdict(ws.profile),
        }
    if json_:
        _print_json(data)
        return
    typer.echo(f"{data['name']}  ({data['path']})")
    typer.echo(f"  project {data['project_id']}, {data['events']} events")
    typer.echo("  items   " + (", ".join(f"{v} {k}" for k, v in sorted(counts.items())) or "none"))


@app.command()
def items(
    status: Annotated[str | None, typer.Option(help="Only items with this status.")] = None,
    search: Annotated[
        str | None, typer.Option(help="Only names or sources containing this.")
    ] = None,
    include_retired: Annotated[bool, typer.Option(help="Also list retired items.")] = False,
    limit: Annotated[int, typer.Option(min=1)] = 100,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    json_: JsonOpt = False,
) -> None:
    """List items (the `items` projection); retired items only when asked for."""
    ws = _open(readonly=True)
    with ws:
        f = queries.ItemFilter(status, search, include_retired=include_retired)
        rows = queries.page_items(ws.reader(), f, offset, limit)
    for r in rows:
        if json_:
            _print_json(asdict(r))
        else:
            typer.echo(f"{r.id}  {r.status:<9}  {r.kind:<9}  {r.name}  [{r.source}]")


@app.command()
def log(
    item: Annotated[
        str | None,
        typer.Option(help="Only this item's history (id or unique prefix), in causal order."),
    ] = None,
    type_: Annotated[str | None, typer.Option("--type", help="Only events of this type.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    json_: JsonOpt = False,
) -> None:
    """Show the lineage log, newest first (or one item's history, oldest first)."""
    ws = _open(readonly=True)
    with ws:
        conn = ws.reader()
        if item:
            item_id = queries.find_item_id(conn, item)
            if item_id is None:
                _fail(f"no single item matches {item!r}")
            entries = queries.item_history(conn, item_id)
            if type_:
                entries = [e for e in entries if e.type == type_]
        else:
            entries = queries.log_entries(conn, type_=type_, limit=limit)
    for e in entries:
        if json_:
            _print_json(asdict(e))
        else:
            subject = f" item {e.subject_item[:13]}" if e.subject_item else ""
            seal = " signed" if e.signed else ""
            typer.echo(
                f"{e.seq:>7}  {e.wall_time}  {e.type:<20} {e.actor} ({e.role})"
                f"{subject}  {e.device_id[:9]}#{e.device_seq}  {e.hash[:12]}{seal}"
            )
            if e.agent:
                typer.echo(f"         {_agent_line(e.agent, e.schema_ref)}")


def _agent_line(agent: dict[str, Any], schema_ref: str | None) -> str:
    """How a machine output was made: "by rapidocr 3.10.0 on cpu · weights 2edd2c28f4af · …"."""
    parts = [f"by {agent.get('name', '?')} {agent.get('version', '')}".rstrip()]
    parts[0] += f" on {agent.get('device') or '?'}"
    if agent.get("weights_sha256"):
        parts.append(f"weights {str(agent['weights_sha256'])[:12]}")
    params = agent.get("parameters") or {}
    if params:
        parts.append(", ".join(f"{k}={v}" for k, v in sorted(params.items()))[:300])
    if schema_ref:
        parts.append(f"labels {schema_ref}")
    return " · ".join(parts)


@app.command()
def verify(
    json_: JsonOpt = False,
    fast: Annotated[bool, typer.Option(help="Skip the canonical-form check of each body.")] = False,
) -> None:
    """Check every event's hash, chain, signature and seal. Exit 1 naming each bad event."""
    ws = _open(readonly=True)
    cancel = CancelToken()
    try:
        with ws:
            report = ws.verify(strict=not fast, progress=_progress("verifying"), cancel=cancel)
    except KeyboardInterrupt:
        _fail("verification cancelled", 130)
    except Cancelled:
        _fail("verification cancelled", 130)
    except WorkspaceError as exc:
        _fail(str(exc))
    if json_:
        _print_json({
            "ok": report.ok, "events": report.events, "devices": report.devices,
            "signatures": report.signatures, "problems_total": report.problems_total,
            "problems": [asdict(p) | {"message": str(p)} for p in report.problems],
        })  # fmt: skip
    elif report.ok:
        typer.echo(
            f"OK: {report.events:,} events from {report.devices} device(s) verify; "
            f"{report.signatures:,} signatures checked."
        )
    else:
        typer.echo(
            f"FAILED: {report.problems_total} problem(s) in {report.events:,} events:", err=True
        )
        for p in report.problems:
            typer.echo(f"  {p}", err=True)
    if not report.ok:
        raise typer.Exit(1)


@app.command()
def rebuild(json_: JsonOpt = False) -> None:
    """Drop all projections and replay the log; report whether the result is identical."""
    ws = _open(readonly=False)
    cancel = CancelToken()
    try:
        with ws:
            result = ws.rebuild(progress=_progress("replaying"), cancel=cancel)
    except (KeyboardInterrupt, Cancelled):
        _fail("rebuild cancelled; the projections are unchanged", 130)
    except WorkspaceError as exc:
        _fail(str(exc))
    if json_:
        _print_json({"events": result.events, "identical": result.identical,
                     "before": result.before, "after": result.after})  # fmt: skip
    else:
        typer.echo(f"Replayed {result.events:,} events.")
        for table, digest in result.after.items():
            same = "identical" if result.before.get(table) == digest else "CHANGED"
            typer.echo(f"  {table:<14} {digest[:16]}  {same}")
    if not result.identical:
        typer.echo("The rebuilt projections differ from the ones kept incrementally.", err=True)
        raise typer.Exit(1)


@app.command()
def gui(
    readonly: Annotated[bool, typer.Option("--read-only", help="Open without writing.")] = False,
    screenshot: Annotated[
        Path | None, typer.Option(help="Render the main window to this PNG and exit.")
    ] = None,
    no_wizard: Annotated[
        bool,
        typer.Option(
            "--no-wizard",
            help="On first start, make the default workspace instead of asking "
            "(also HITL_NO_WIZARD=1).",
        ),
    ] = False,
) -> None:
    """Open the desktop app on the workspace (on first start, a wizard sets you up)."""
    try:
        from .gui.app import run_gui
    except ImportError as exc:
        _fail(f"the desktop app needs PySide6 ({exc}); the command line works without it")
    path = _path()
    first_run = state.workspace is None and not (path / "workspace.db").exists()
    if first_run and (no_wizard or screenshot or os.environ.get("HITL_NO_WIZARD") == "1"):
        # scripts and tests: make the default workspace rather than ask
        first_run = False
        try:
            Workspace.create(path, name="My workspace").close()
        except WorkspaceError as exc:
            _fail(str(exc))
        typer.echo(f"Created your workspace in {path}", err=True)
    raise typer.Exit(run_gui(path, readonly=readonly, screenshot=screenshot, first_run=first_run))


@app.command()
def demo(
    directory: Annotated[Path, typer.Argument(help="Folder for the demo workspace.")] = Path(
        "demo-workspace"
    ),
    no_gui: Annotated[bool, typer.Option("--no-gui", help="Only make the workspace.")] = False,
    bare: Annotated[
        bool, typer.Option("--bare", help="Skip the OCR and pre-label runs (faster).")
    ] = False,
) -> None:
    """Make a demo workspace (sample pages and texts, with OCR and pre-labels ready to correct)
    and open it in the app."""
    from .demo import create_demo_workspace, shared_data
    from .workspace.paths import DB_NAME

    if not (directory / DB_NAME).exists():

        def say(message: str) -> None:
            typer.echo(message, err=True)

        try:
            create_demo_workspace(directory, prepare=not bare, shared=shared_data(),
                                  say=say).close()  # fmt: skip
        except WorkspaceError as exc:
            _fail(str(exc))
        typer.echo(f"Created a demo workspace in {directory}")
    if no_gui:
        return
    from .launch_demo import open_or_explain

    raise typer.Exit(open_or_explain(directory.resolve()))


def main() -> None:
    app()


# importing these registers their commands on the app
from . import (  # noqa: E402, F401
    cli_assign,
    cli_exchange,
    cli_import_annotations,
    cli_ingest,
    cli_insights,
    cli_models,
    cli_prov,
    cli_report,
    cli_review,
    cli_schema,
    cli_server,
    cli_sync,
)
