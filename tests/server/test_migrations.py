"""Schema migrations (alembic, shipped in hitl_desktop/server/migrations) on SQLite and on a
real PostgreSQL: new stores are at head and match the tables the code uses; stores made before
alembic are stamped and keep their events; a newer store is refused; a PostgreSQL store behind
head is refused until `hitl server migrate`, while the embedded SQLite one upgrades itself
after a backup."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.server import ServerConfig, Store, create_app, db
from hitl_desktop.server.migrations import SchemaError, alembic_config, head, inspect_schema
from hitl_desktop.server.verify import verify_store
from tests.sync.conftest import serve

from .conftest import HEADERS, Postgres, Server, all_events, annotate, make_workspace


def _revision(store: Store) -> str | None:
    with store.engine.connect() as conn:
        return inspect_schema(conn).current


def _differences(store: Store) -> list[object]:
    with store.engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn), db.metadata))


def _event_rows(store: Store) -> list[tuple[int, str]]:
    with db.read_tx(store.engine) as conn:
        query = sa.select(db.events.c.server_seq, db.events.c.hash).order_by("server_seq")
        return [(r.server_seq, r.hash) for r in conn.execute(query)]


def _at_0001(config: ServerConfig) -> None:
    """A store as the release with only revision 0001 left it: tables, counter and meta rows."""
    config.data_dir.mkdir(parents=True)
    engine = db.make_engine(config.resolved_db_url())
    try:
        with db.write_tx(engine) as conn:
            command.upgrade(alembic_config(conn), "0001")
        db.fill_defaults(engine)
    finally:
        engine.dispose()
    config.save()


def _make_legacy(store: Store) -> None:
    """Turn ``store`` into what `metadata.create_all` made before alembic: no alembic_version,
    none of the later revisions' changes, and on SQLite no item_privacy table (older still)."""
    with db.write_tx(store.engine) as conn:
        conn.execute(sa.text("DROP TABLE alembic_version"))
        conn.execute(sa.text("DROP INDEX ix_tokens_expires"))
        if conn.dialect.name == "sqlite":
            conn.execute(sa.text("DROP TABLE item_privacy"))
        assert db.get_meta(conn, "schema_version") == "1"


def test_a_new_store_is_at_head_and_its_schema_is_the_code_s(
    tmp_path: Path, backend: str | None
) -> None:
    store = Store(ServerConfig(tmp_path / "store", db_url=backend), create=True)
    try:
        assert store.migration is not None and store.migration.before == "none"
        assert _revision(store) == head() == store.migration.after
        assert _differences(store) == []  # every table, column, index and constraint
    finally:
        store.close()
    again = Store(ServerConfig(tmp_path / "store", db_url=backend))  # reopened: nothing to do
    assert again.migration is None
    again.close()


def test_a_store_from_before_alembic_is_stamped_and_keeps_its_events(
    server: Server, tmp_path: Path
) -> None:
    ws = make_workspace(tmp_path, "alice", "worker")
    api = server.client("alice")
    api.register(ws)
    annotate(ws, 5)
    events = all_events(ws)
    assert api.push(events, ws.project_id).json()["acknowledged"] == len(events)
    before = _event_rows(server.store)
    server.stop()
    _make_legacy(server.store)
    server.store.close()
    postgres = server.config.db_url is not None

    if postgres:  # shared by instances: it waits for the deploy step
        with pytest.raises(SchemaError, match="hitl server migrate"):
            Store(server.config)
    store = Store(server.config, migrate=True if postgres else None)
    try:
        assert store.migration is not None
        assert (store.migration.before, store.migration.after) == ("0001 (unversioned)", head())
        assert _revision(store) == head() and _differences(store) == []
        assert _event_rows(store) == before  # not recreated: the same rows, the same seqs
        assert verify_store(store.engine).ok
        if not postgres:  # the backup is the store as it was, events included
            assert store.migration.backup is not None
            with sqlite3.connect(store.migration.backup) as old:
                assert old.execute("SELECT count(*) FROM events").fetchone() == (len(events),)
                tables = {r[0] for r in old.execute("SELECT name FROM sqlite_master")}
                assert "alembic_version" not in tables
        server.store = store  # serve the migrated store: the events are still pulled
        server.start()
        page = server.client("alice").pull()
        assert [(e["server_seq"], e["hash"]) for e in page["events"]] == before
    finally:
        ws.close()


def test_a_store_newer_than_the_code_is_refused(tmp_path: Path, backend: str | None) -> None:
    config = ServerConfig(tmp_path / "store", db_url=backend)
    store = Store(config, create=True)
    with db.write_tx(store.engine) as conn:  # as a later release would leave it
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0042'"))
    store.close()
    for migrate in (None, True):  # not even `hitl server migrate` touches it
        with pytest.raises(SchemaError) as refused:
            Store(config, migrate=migrate)
        assert "revision 0042" in str(refused.value)
        assert "Upgrade HITL Desktop on every instance" in str(refused.value)
    r = CliRunner().invoke(app, ["server", "migrate", "--data", str(config.data_dir)])
    assert r.exit_code == 1 and "revision 0042" in r.output


def test_sqlite_store_behind_head_upgrades_itself_after_a_backup(tmp_path: Path) -> None:
    config = ServerConfig(tmp_path / "store")
    _at_0001(config)
    store = Store(config)  # the embedded default: no deploy step to wait for
    try:
        assert store.migration is not None and store.migration.before == "0001"
        assert _revision(store) == head() and _differences(store) == []
        backup = store.migration.backup
        assert backup == tmp_path / "store" / "server.db.0001.bak"
        with sqlite3.connect(backup) as old:
            assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    finally:
        store.close()
    r = CliRunner().invoke(app, ["server", "migrate", "--data", str(config.data_dir)])
    assert r.exit_code == 0 and f"Schema already at {head()}" in r.output


def test_postgres_store_behind_head_is_refused_until_hitl_server_migrate(
    tmp_path: Path, postgres: Postgres
) -> None:
    backend = postgres.new_database()
    config = ServerConfig(tmp_path / "store", db_url=backend)
    _at_0001(config)
    data = ["--data", str(config.data_dir)]
    runner = CliRunner()
    refused = runner.invoke(app, ["server", "verify", *data])
    assert refused.exit_code == 1
    assert "revision 0001" in refused.output and f"needs {head()}" in refused.output
    assert f"run `hitl server migrate --data {config.data_dir}`" in refused.output
    by_url = runner.invoke(app, ["server", "verify", *data, "--db", backend])
    assert by_url.exit_code == 1 and f"run `hitl server migrate --db {backend}`" in by_url.output
    with pytest.raises(SchemaError, match="hitl server migrate"):
        Store(config)  # what `hitl serve` without --migrate opens

    migrated = runner.invoke(app, ["server", "migrate", *data])
    assert migrated.exit_code == 0, migrated.output
    assert f"Schema migrated from 0001 to {head()}" in migrated.output
    again = runner.invoke(app, ["server", "migrate", *data, "--json"])
    assert again.exit_code == 0 and '"migrated": false' in again.output

    store = Store(config)
    server, thread, url = serve(create_app(store))
    try:
        hello = httpx.get(url + "/v1/hello", headers=HEADERS, timeout=10)
        assert hello.status_code == 200 and hello.json()["checkpoint"]["seq"] == 0
        assert _differences(store) == []
    finally:
        server.should_exit = True
        thread.join(10)
        store.close()


def test_two_postgres_instances_migrating_at_once_do_not_race(
    tmp_path: Path, postgres: Postgres
) -> None:
    backend = postgres.new_database()
    config = ServerConfig(tmp_path / "store", db_url=backend)
    _at_0001(config)
    outcomes: list[object] = []

    def start() -> None:
        try:
            store = Store(ServerConfig(config.data_dir, db_url=backend), migrate=True)
            outcomes.append(store.migration)
            store.close()
        except Exception as exc:  # collected: the test fails naming it
            outcomes.append(exc)

    threads = [threading.Thread(target=start) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    done = [o for o in outcomes if o is not None]
    assert len(outcomes) == 3 and len(done) == 1, outcomes  # one migrated, two found head
    assert not any(isinstance(o, Exception) for o in outcomes)
