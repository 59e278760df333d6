"""`hitl login`, `hitl logout`, `hitl sync` and `hitl sync status`: the central store client.

Exit codes of `hitl sync`: 0 everything pushed and pulled, 1 an error (nothing is lost: the
next sync resumes), 3 the server refused some events (each printed with its status and why).
"""

from __future__ import annotations

import sys
from datetime import datetime
from typing import Annotated, Any

import typer

from .cli_common import JsonOpt, _fail, _open, _print_json, _progress, app
from .workspace import WorkspaceError

sync_app = typer.Typer(
    help="Push this workspace's events to its server and pull everyone else's.",
    invoke_without_command=True,
    rich_markup_mode=None,
)
app.add_typer(sync_app, name="sync")


@app.command("login")
def login_cmd(
    url: Annotated[str, typer.Argument(help="The server, e.g. http://127.0.0.1:8765")],
    user: Annotated[str, typer.Option("--user", "-u", help="Your user name on the server.")],
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    json_: JsonOpt = False,
) -> None:
    """Sign in to a server: the token goes to the OS keyring and this device is registered."""
    from .sync import login

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True)
    if not password:
        _fail("no password given", 2)
    with _open(readonly=False) as ws:
        try:
            info = login(ws, url, user, password)
        except WorkspaceError as exc:
            _fail(str(exc))
    if json_:
        _print_json(info)
    else:
        typer.echo(f"Logged in to {info['server']} as {info['user']} ({info['role']}); "
                   f"device {info['device_id']} registered")  # fmt: skip
    if info["profile"] != info["user"]:
        typer.echo(f"note: this workspace records your work as {info['profile']!r}, and the "
                   f"server takes only events by {info['user']!r}; change it with "
                   f"`hitl profile --user {info['user']}`", err=True)  # fmt: skip


@app.command("logout")
def logout_cmd() -> None:
    """Forget the sign-in token of this workspace's server (kept in the OS keyring)."""
    from .sync import logout

    with _open(readonly=False) as ws:
        try:
            url = logout(ws)
        except WorkspaceError as exc:
            _fail(str(exc))
    typer.echo(f"Logged out of {url}")


def _refusal_line(r: dict[str, Any]) -> str:
    return f"refused {str(r.get('hash', ''))[:16]}: {r.get('status')}: {r.get('detail', '')}"


@sync_app.callback()
def sync_cmd(
    ctx: typer.Context,
    push_only: Annotated[bool, typer.Option("--push-only", help="Only send.")] = False,
    pull_only: Annotated[bool, typer.Option("--pull-only", help="Only receive.")] = False,
    json_: JsonOpt = False,
) -> None:
    """Push local events (blobs first), then pull; exit 3 when the server refused events."""
    if ctx.invoked_subcommand is not None:
        return
    from .sync import sync

    if push_only and pull_only:
        _fail("choose --push-only or --pull-only, not both", 2)
    with _open(readonly=False) as ws:
        try:
            result = sync(ws, push=not pull_only, pull=not push_only, progress=_progress("sync"))
        except WorkspaceError as exc:
            if json_:
                _print_json({"error": str(exc)})
            _fail(str(exc))
    if json_:
        _print_json(result.to_json())
    else:
        typer.echo(
            f"{result.server}: pushed {result.pushed}, pulled {result.pulled} events; "
            f"blobs uploaded {result.blobs_uploaded}, downloaded {result.blobs_downloaded}"
            + (f", kept local {result.blobs_kept_local}" if result.blobs_kept_local else "")
        )
        if result.server_restored:
            typer.echo("the server had lost events (restored from an older backup): "
                       "everything here was sent again")  # fmt: skip
        for r in result.refused:
            typer.echo(_refusal_line(r))
        for p in result.blob_problems:
            typer.echo(f"blob: {p}")
    if result.refused:
        raise typer.Exit(3)


@sync_app.command("status")
def status_cmd(json_: JsonOpt = False) -> None:
    """The server, the last sync and how many events wait to be pushed."""
    from .sync import sync_status

    with _open(readonly=True) as ws:
        try:
            st = sync_status(ws)
        except WorkspaceError as exc:
            _fail(str(exc))
    if json_:
        _print_json(st)
        return
    if st["server"] is None:
        typer.echo(f"not connected to a server; {st['waiting']} events would be pushed")
        return
    typer.echo(f"server: {st['server']} ({'logged in' if st['logged_in'] else 'logged out'})")
    typer.echo(f"last sync: {_seconds(st['last_sync']) if st['last_sync'] else 'never'}")
    typer.echo(f"events waiting to push: {st['waiting']}")
    for inc in st["incidents"]:
        typer.echo(f"incident {_seconds(inc['at'])}: {inc['kind']}: {inc['detail']}")


def _seconds(iso: str) -> str:
    """A stored time (kept to the microsecond, to order syncs and refusals) as people read it."""
    try:
        return datetime.fromisoformat(iso).isoformat(timespec="seconds")
    except ValueError:
        return iso
