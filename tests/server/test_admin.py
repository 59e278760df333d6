"""The operator's side: CLI init/add-user/verify, incidents for admins, the signed checkpoint,
the OpenAPI description and malformed requests (failure cases 16, 17, 22)."""

from __future__ import annotations

import base64
from pathlib import Path

import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.server import db
from hitl_desktop.server.keys import checkpoint_message

from .conftest import Server, all_events, annotate, make_workspace


def test_cli_init_add_user_and_refusals(tmp_path: Path) -> None:
    data = str(tmp_path / "store")
    runner = CliRunner()
    r = runner.invoke(app, ["server", "init", "--data", data, "--admin", "root",
                            "--password-stdin"], input="long enough pw\n")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert (tmp_path / "store" / "server.json").stat().st_mode & 0o077 == 0
    again = runner.invoke(app, ["server", "init", "--data", data, "--admin", "x",
                                "--password-stdin"], input="long enough pw\n")  # fmt: skip
    assert again.exit_code == 1 and "already holds a central store" in again.output
    add = ["server", "add-user", "dana", "--data", data, "--password-stdin"]
    assert runner.invoke(app, [*add, "--role", "checker"], input="pw for dana\n").exit_code == 0
    dup = runner.invoke(app, [*add, "--role", "checker"], input="pw for dana\n")
    assert dup.exit_code == 2 and "already exists" in dup.output
    bad_role = runner.invoke(app, [*add[:2], "eve", *add[3:], "--role", "boss"], input="pw eve12\n")
    assert bad_role.exit_code == 2 and "unknown role 'boss'" in bad_role.output
    short = runner.invoke(app, [*add[:2], "fay", *add[3:], "--role", "worker"], input="short\n")
    assert short.exit_code == 2 and "at least 8" in short.output
    missing = runner.invoke(app, ["server", "verify", "--data", str(tmp_path / "nothing")])
    assert missing.exit_code == 1 and "holds no central store" in missing.output


def test_verify_names_a_tampered_stored_event(sqlite_server: Server, tmp_path: Path) -> None:
    ws = make_workspace(tmp_path, "alice", "worker")
    api = sqlite_server.client("alice")
    api.register(ws)
    annotate(ws, 3)
    events = all_events(ws)
    api.push(events, ws.project_id)
    data = str(sqlite_server.config.data_dir)
    ok = CliRunner().invoke(app, ["server", "verify", "--data", data])
    assert ok.exit_code == 0 and f"{len(events)} events" in ok.output
    with db.write_tx(sqlite_server.store.engine) as conn:  # someone edits the database
        conn.execute(db.events.update().where(db.events.c.server_seq == 3)
                     .values(body=events[2].body.replace('"l0"', '"l7"')))  # fmt: skip
    bad = CliRunner().invoke(app, ["server", "verify", "--data", data])
    assert bad.exit_code == 1
    assert f"event {events[2].hash[:16]}" in bad.output and "hash does not match" in bad.output
    ws.close()


def test_case_17_refused_events_are_incidents_for_admins(
    sqlite_server: Server, tmp_path: Path
) -> None:
    ws = make_workspace(tmp_path, "alice", "worker")
    bob = sqlite_server.client("bob")
    bob.register(ws)
    events = all_events(ws)
    bob.push(events, ws.project_id)  # actor alice, token bob: forbidden
    bob.push(events, ws.project_id)  # retried: not recorded twice
    assert bob.http.get("/v1/incidents").status_code == 403
    root = sqlite_server.client("root")
    found = root.http.get("/v1/incidents").json()["incidents"]
    assert [(i["hash"], i["status"], i["user"]) for i in found] == [
        (e.hash, "forbidden", "bob") for e in events
    ]
    assert found[0]["device_id"] == ws.device_id
    ws.close()


def test_case_16_checkpoint_is_signed_by_the_server_key(server: Server, tmp_path: Path) -> None:
    api = server.client("alice")
    empty = api.http.get("/v1/hello").json()["checkpoint"]
    ws = make_workspace(tmp_path, "alice", "worker")
    api.register(ws)
    events = all_events(ws)
    api.push(events, ws.project_id)
    cp = api.http.get("/v1/hello").json()["checkpoint"]
    assert (empty["seq"], empty["head"]) == (0, None)
    assert (cp["seq"], cp["head"]) == (len(events), events[-1].hash)
    key = Ed25519PublicKey.from_public_bytes(base64.b64decode(cp["key"]))
    for c in (empty, cp):
        key.verify(base64.b64decode(c["sig"]), checkpoint_message(c["seq"], c["head"]))
    assert cp["key"] == empty["key"]
    # a restart keeps the key, so clients can compare checkpoints across restarts
    server.stop()
    server.start()
    assert api.http.get("/v1/hello").json()["checkpoint"]["key"] == cp["key"]
    ws.close()


def test_case_22_malformed_json_is_400_with_a_sentence(sqlite_server: Server) -> None:
    api = sqlite_server.client("alice")
    r = api.http.post("/v1/events/push", content=b"{not json", headers={
        "Content-Type": "application/json"})  # fmt: skip
    assert r.status_code == 400 and r.json()["detail"].startswith("malformed push")
    r = api.http.post("/v1/blobs/missing", json={"sha": []})
    assert r.status_code == 400 and "sha256" in r.json()["detail"]
    r = api.http.post("/v1/devices", json={"public_key": "c2hvcnQ="})
    assert r.status_code == 400 and "32 bytes" in r.json()["detail"]
    r = api.http.get("/v1/events", params={"after": -1})
    assert r.status_code == 400 and "after" in r.json()["detail"]


def test_openapi_describes_every_endpoint_and_bearer_auth(sqlite_server: Server) -> None:
    spec = sqlite_server.client().http.get("/openapi.json").json()
    assert set(spec["paths"]) == {
        "/v1/hello", "/v1/login", "/v1/devices", "/v1/blobs/missing", "/v1/blobs/{sha256}",
        "/v1/events/push", "/v1/events", "/v1/incidents",
    }  # fmt: skip
    push = spec["paths"]["/v1/events/push"]["post"]
    assert "application/json" in push["requestBody"]["content"]
    assert push["security"] == [{"HTTPBearer": []}]
    assert "security" not in spec["paths"]["/v1/hello"]["get"]


def test_passwords_and_tokens_are_stored_hashed(sqlite_server: Server) -> None:
    api = sqlite_server.client()
    token = api.login("alice").json()["token"]
    with db.read_tx(sqlite_server.store.engine) as conn:
        stored = conn.execute(sa.select(db.tokens.c.token_sha256)).scalars().all()
        pw = conn.execute(sa.select(db.users.c.pw_hash).where(db.users.c.name == "alice"))
        pw_hash = pw.scalar_one()
    assert token not in stored and len(stored) == 1 and len(stored[0]) == 64
    assert b"correct horse" not in pw_hash and len(pw_hash) == 32


def test_cli_on_postgresql_remembers_the_database_url(tmp_path: Path, postgres) -> None:  # type: ignore[no-untyped-def]
    url = postgres.new_database()
    data = str(tmp_path / "store")
    runner = CliRunner()
    r = runner.invoke(app, ["server", "init", "--data", data, "--db", url, "--admin", "root",
                            "--password-stdin"], input="long enough pw\n")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert not (tmp_path / "store" / "server.db").exists()  # nothing went to SQLite
    add = runner.invoke(app, ["server", "add-user", "ana", "--role", "worker", "--data", data,
                              "--password-stdin"], input="pw for ana\n")  # fmt: skip
    assert add.exit_code == 0, add.output
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        names = set(conn.execute(sa.select(db.users.c.name)).scalars())
    engine.dispose()
    assert names == {"root", "ana"}
    verified = runner.invoke(app, ["server", "verify", "--data", data, "--json"])
    assert verified.exit_code == 0 and '"problems": 0' in verified.output


def test_uploads_left_by_a_crash_are_swept_at_start(tmp_path: Path) -> None:
    import os

    from hitl_desktop.server.blobstore import BlobStore

    store = BlobStore(tmp_path / "blobs", 1000)
    old, fresh = store.tmp / "up-old", store.tmp / "up-fresh"
    old.write_bytes(b"half an upload")
    fresh.write_bytes(b"being written by another instance")
    os.utime(old, (0, 0))
    BlobStore(tmp_path / "blobs", 1000)  # the next start
    assert not old.exists() and fresh.exists()
