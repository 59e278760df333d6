"""`hitl serve` and `hitl server ...`: run and administer the central store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .cli_common import JsonOpt, _fail, _print_json, app

server_app = typer.Typer(
    help="The central store: create it, add users, revoke devices, verify the stored log.",
    no_args_is_help=True, rich_markup_mode=None,
)  # fmt: skip
app.add_typer(server_app, name="server")

DataOpt = Annotated[
    Path | None,
    typer.Option("--data", envvar="HITL_SERVER_DATA", show_envvar=True,
                 help="Server data folder (database config, SQLite file, blobs)."),
]  # fmt: skip
DbOpt = Annotated[
    str | None,
    typer.Option("--db", help="Database URL, e.g. postgresql+psycopg://user@host/db "
                 "(default: the one given at init, else SQLite in the data folder)."),
]  # fmt: skip
PasswordStdin = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from standard input.")
]


def _password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    if len(password) < 8:
        _fail("the password needs at least 8 characters", 2)
    return password


def _store(data: Path | None, db_url: str | None, *, create: bool = False,  # type: ignore[no-untyped-def]
           migrate: bool | None = None):  # fmt: skip
    from .server import ServerConfig, Store, default_data_dir
    from .server.migrations import SchemaError

    cfg = ServerConfig(data_dir=(data or default_data_dir()).resolve(), db_url=db_url)
    try:
        store = Store(cfg, create=create, migrate=migrate)
    except (FileNotFoundError, ValueError, OSError, SchemaError) as exc:
        _fail(str(exc))
    except Exception as exc:  # the database refused: name the URL's host, not its password
        _fail(f"cannot open the database for {cfg.data_dir}: {type(exc).__name__}: {exc}")
    return store


@server_app.command("init")
def server_init(
    admin: Annotated[str, typer.Option("--admin", help="Name of the first admin user.")],
    data: DataOpt = None,
    db: DbOpt = None,
    password_stdin: PasswordStdin = False,
) -> None:
    """Create a central store (tables, checkpoint key) and its first admin."""
    from .server import auth
    from .server.db import write_tx

    password = _password(password_stdin)
    store = _store(data, db, create=True)
    try:
        with write_tx(store.engine) as conn:
            auth.add_user(conn, admin, "admin", password)
    except ValueError as exc:
        _fail(str(exc))
    finally:
        store.close()
    typer.echo(f"Central store ready in {store.config.data_dir}; admin {admin!r} added. "
               f"Start it with `hitl serve --data {store.config.data_dir}`")  # fmt: skip


@server_app.command("add-user")
def server_add_user(
    name: Annotated[str, typer.Argument(help="User name (the actor of their events).")],
    role: Annotated[str, typer.Option("--role", help="worker, checker, expert or admin.")],
    data: DataOpt = None,
    db: DbOpt = None,
    password_stdin: PasswordStdin = False,
) -> None:
    """Add a user with a role."""
    from .server import auth
    from .server.db import write_tx

    password = _password(password_stdin)
    store = _store(data, db)
    try:
        with write_tx(store.engine) as conn:
            auth.add_user(conn, name, role, password)
    except ValueError as exc:
        _fail(str(exc), 2)
    finally:
        store.close()
    typer.echo(f"Added {name} ({role})")


@server_app.command("revoke-device")
def server_revoke_device(
    device_id: Annotated[str, typer.Argument(help="The device id to revoke.")],
    data: DataOpt = None,
    db: DbOpt = None,
) -> None:
    """Revoke a device key: the server refuses its new events from now on."""
    from .server import auth
    from .server.db import write_tx

    store = _store(data, db)
    try:
        with write_tx(store.engine) as conn:
            known = auth.revoke_device(conn, device_id)
    finally:
        store.close()
    if not known:
        _fail(f"no device {device_id} is registered on this server")
    typer.echo(f"Revoked device {device_id}")


@server_app.command("verify")
def server_verify(data: DataOpt = None, db: DbOpt = None, json_: JsonOpt = False) -> None:
    """Re-hash every stored event and check every device chain; exit 1 naming bad ones."""
    from .server.verify import verify_store

    store = _store(data, db)
    try:
        report = verify_store(store.engine)
    finally:
        store.close()
    if json_:
        _print_json({"events": report.events, "devices": report.devices,
                     "signatures": report.signatures, "problems": report.problems_total,
                     "details": [str(p) for p in report.problems]})  # fmt: skip
    else:
        for p in report.problems:
            typer.echo(str(p), err=True)
        typer.echo(f"{report.events:,} events, {report.devices} devices, "
                   f"{report.problems_total} problem(s)")  # fmt: skip
    if not report.ok:
        raise typer.Exit(1)


@server_app.command("migrate")
def server_migrate(data: DataOpt = None, db: DbOpt = None, json_: JsonOpt = False) -> None:
    """Upgrade the store's schema to this version's (once per deploy, before instances serve)."""
    from .server.migrations import head

    store = _store(data, db, migrate=True)
    store.close()
    done = store.migration
    before, after = (done.before, done.after) if done else (head(), head())
    if json_:
        _print_json({"from": before, "to": after, "migrated": done is not None,
                     "backup": str(done.backup) if done and done.backup else None})  # fmt: skip
        return
    if done is None:
        typer.echo(f"Schema already at {after}; nothing to do")
        return
    typer.echo(f"Schema migrated from {before} to {after}")
    if done.backup:
        typer.echo(f"The database before migrating is kept in {done.backup}")


@app.command("serve")
def serve(
    data: DataOpt = None,
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
    token_hours: Annotated[float, typer.Option(help="How long a login token lasts.")] = 12.0,
    migrate: Annotated[
        bool,
        typer.Option(
            "--migrate",
            help="Upgrade a PostgreSQL store's schema first (SQLite always is); "
            "with several instances prefer one `hitl server migrate` step.",
        ),
    ] = False,
) -> None:
    """Run the central store (HTTP, sync protocol 1) until interrupted."""
    import uvicorn

    from .server import create_app

    store = _store(data, db, migrate=True if migrate else None)
    if store.migration:
        typer.echo(f"Schema migrated from {store.migration.before} to {store.migration.after}",
                   err=True)  # fmt: skip
    store.config.token_ttl_s = int(token_hours * 3600)
    typer.echo(f"Serving {store.config.data_dir} on http://{host}:{port}", err=True)
    try:
        uvicorn.run(create_app(store), host=host, port=port, log_level="warning")
    finally:
        store.close()
