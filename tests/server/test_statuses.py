"""Every push status and refusal of the protocol, against a real server on SQLite
(failure cases 9, 17, 18, 19, 22; the backend-sensitive ones run on PostgreSQL too)."""

from __future__ import annotations

import base64
import shutil
from pathlib import Path

from hitl_desktop.lineage.envelope import event_hash
from hitl_desktop.workspace import Workspace

from .conftest import Server, all_events, annotate, make_workspace


def _statuses(resp_json: dict) -> list[str]:  # type: ignore[type-arg]
    return [r["status"] for r in resp_json["results"]]


def _ready(server: Server, tmp_path: Path, user: str = "alice", role: str = "worker"):  # type: ignore[no-untyped-def]
    ws = make_workspace(tmp_path, user, role)
    api = server.client(user)
    assert api.register(ws).status_code == 200
    return ws, api


def test_case_9_retry_after_lost_reply_is_duplicate_with_same_seq(
    sqlite_server: Server, tmp_path: Path
) -> None:
    ws, api = _ready(sqlite_server, tmp_path)
    events = all_events(ws) + annotate(ws, 3, batch=3)
    first = api.push(events, ws.project_id).json()
    again = api.push(events, ws.project_id).json()
    assert _statuses(again) == ["duplicate"] * len(events)
    assert [r["server_seq"] for r in again["results"]] == [
        r["server_seq"] for r in first["results"]
    ]
    assert again["acknowledged"] == len(events)
    assert len(api.pull()["events"]) == len(events)


def test_case_17_fork_same_device_seq_other_hash(sqlite_server: Server, tmp_path: Path) -> None:
    ws, api = _ready(sqlite_server, tmp_path)
    annotate(ws, 1)
    ws.close()
    twin_path = tmp_path / "twin"
    shutil.copytree(ws.path, twin_path)  # the same device key, restored from a copy
    ws = Workspace.open(ws.path)
    mine = annotate(ws, 1)
    twin = Workspace.open(twin_path)
    theirs = annotate(twin, 1)
    assert mine[0].device_seq == theirs[0].device_seq and mine[0].hash != theirs[0].hash
    assert set(_statuses(api.push(all_events(ws), ws.project_id).json())) == {"ok"}
    r = api.push(theirs, ws.project_id).json()
    assert _statuses(r) == ["fork"] and r["acknowledged"] == 0
    assert "already holds" in r["results"][0]["detail"]
    assert [e["hash"] for e in api.pull()["events"]][-1] == mine[0].hash
    ws.close()
    twin.close()


def test_chain_gap_when_earlier_events_are_not_sent(sqlite_server: Server, tmp_path: Path) -> None:
    ws, api = _ready(sqlite_server, tmp_path)
    annotate(ws, 2)
    events = all_events(ws)
    r = api.push(events[2:], ws.project_id).json()
    assert _statuses(r) == ["chain_gap"] * (len(events) - 2)
    assert "send earlier events first" in r["results"][0]["detail"]
    r = api.push(events, ws.project_id).json()  # in order: accepted
    assert _statuses(r) == ["ok"] * len(events)
    ws.close()


def test_case_17_tampered_body_is_bad_sig_and_nothing_stored(
    sqlite_server: Server, tmp_path: Path
) -> None:
    ws, api = _ready(sqlite_server, tmp_path)
    api.push(all_events(ws), ws.project_id)
    ev = annotate(ws, 1)[0]
    forged = ev.body.replace('"l0"', '"l9"')
    assert forged != ev.body
    wire = ev.to_wire()
    kept_hash = api.push([{**wire, "body": forged}], ws.project_id).json()
    assert _statuses(kept_hash) == ["bad_sig"]
    assert "hash does not match" in kept_hash["results"][0]["detail"]
    rehashed = {**wire, "body": forged, "hash": event_hash(forged.encode())}
    r = api.push([rehashed], ws.project_id).json()
    assert _statuses(r) == ["bad_sig"] and "signature" in r["results"][0]["detail"]
    assert ev.hash not in {e["hash"] for e in api.pull()["events"]}
    ws.close()


def test_case_17_run_not_ending_on_a_signed_event_is_bad_sig(
    sqlite_server: Server, tmp_path: Path
) -> None:
    ws, api = _ready(sqlite_server, tmp_path)
    api.push(all_events(ws), ws.project_id)
    batch = annotate(ws, 3, batch=3)  # one signature, on the last
    assert batch[0].sig is None and batch[2].sig is not None
    r = api.push(batch[:2], ws.project_id).json()
    assert _statuses(r) == ["bad_sig", "bad_sig"] and r["acknowledged"] == 0
    assert "not covered by a signature" in r["results"][0]["detail"]
    assert _statuses(api.push(batch, ws.project_id).json()) == ["ok"] * 3
    ws.close()


def test_case_17_actor_not_the_token_user_is_forbidden(
    sqlite_server: Server, tmp_path: Path
) -> None:
    ws = make_workspace(tmp_path, "alice", "worker")
    bob = sqlite_server.client("bob")
    assert bob.register(ws).status_code == 200  # bob holds the device, alice is the actor
    r = bob.push(all_events(ws), ws.project_id).json()
    assert set(_statuses(r)) == {"forbidden"}
    assert "not the signed-in user 'bob'" in r["results"][0]["detail"]
    alice = sqlite_server.client("alice")
    assert alice.register(ws).status_code == 403  # the device is bob's now
    ws.close()


def test_case_22_worker_publishing_a_schema_is_forbidden(
    sqlite_server: Server, tmp_path: Path
) -> None:
    ws, api = _ready(sqlite_server, tmp_path)
    events = all_events(ws)
    events += ws.append([ws.draft("schema.published", {"name": "forms", "version": 1,
                                                       "definition": {"tasks": []}})])  # fmt: skip
    r = api.push(events, ws.project_id).json()
    assert _statuses(r)[-1] == "forbidden"
    assert "Only experts publish schemas" in r["results"][-1]["detail"]
    assert r["acknowledged"] == len(events) - 1
    ws.close()


def test_case_17_revoked_device_is_refused(sqlite_server: Server, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from hitl_desktop.cli import app

    ws, api = _ready(sqlite_server, tmp_path)
    assert set(_statuses(api.push(all_events(ws), ws.project_id).json())) == {"ok"}
    data = str(sqlite_server.config.data_dir)
    result = CliRunner().invoke(
        app, ["server", "revoke-device", ws.device_id or "", "--data", data]
    )
    assert result.exit_code == 0, result.output
    r = api.push(annotate(ws, 1), ws.project_id).json()
    assert _statuses(r) == ["forbidden"] and "revoked" in r["results"][0]["detail"]
    assert api.register(ws).status_code == 403
    unknown = CliRunner().invoke(app, ["server", "revoke-device", "dnope", "--data", data])
    assert unknown.exit_code == 1 and "no device dnope" in unknown.output
    ws.close()


def test_missing_blob_until_uploaded(sqlite_server: Server, tmp_path: Path) -> None:
    from hitl_desktop.ingest import import_paths

    ws, api = _ready(sqlite_server, tmp_path)
    doc = tmp_path / "note.txt"
    doc.write_text("Invoice 42, total 13.50 EUR\n", encoding="utf-8")
    import_paths(ws, [doc])
    events = all_events(ws)
    imported = [e for e in events if e.type == "item.imported"]
    sha = imported[0].payload["blob_sha256"]
    r = api.push(events, ws.project_id).json()
    assert "missing_blob" in _statuses(r) and sha in r["results"][-1]["detail"]
    assert api.http.post("/v1/blobs/missing", json={"sha256": [sha]}).json()["missing"] == [sha]
    assert api.put_blob(sha, ws.blobs.read_bytes(sha)).status_code == 201
    assert api.put_blob(sha, ws.blobs.read_bytes(sha)).status_code == 200
    assert api.http.post("/v1/blobs/missing", json={"sha256": [sha]}).json()["missing"] == []
    r = api.push(events, ws.project_id).json()
    assert set(_statuses(r)) <= {"ok", "duplicate"} and r["acknowledged"] == len(events)
    got = api.http.get(f"/v1/blobs/{sha}")
    assert got.status_code == 200 and got.content == ws.blobs.read_bytes(sha)
    ws.close()


def test_case_19_blob_bytes_not_matching_hash_is_422_and_nothing_kept(
    sqlite_server: Server, tmp_path: Path
) -> None:
    api = sqlite_server.client("alice")
    claimed = "ab" * 32
    r = api.put_blob(claimed, b"not the bytes of that hash")
    assert r.status_code == 422 and "nothing was kept" in r.json()["detail"]
    blob_dir = sqlite_server.config.data_dir / "blobs"
    assert [p for p in blob_dir.rglob("*") if p.is_file()] == []
    assert api.http.get(f"/v1/blobs/{claimed}").status_code == 404
    assert api.http.post("/v1/blobs/missing", json={"sha256": [claimed]}).json()["missing"] == [
        claimed
    ]


def test_case_22_without_token_401_on_every_endpoint(sqlite_server: Server) -> None:
    api = sqlite_server.client()
    sha = "00" * 32
    calls = [
        api.http.post("/v1/devices", json={"public_key": base64.b64encode(b"k" * 32).decode()}),
        api.http.post("/v1/blobs/missing", json={"sha256": [sha]}),
        api.http.put(f"/v1/blobs/{sha}", content=b"x"),
        api.http.get(f"/v1/blobs/{sha}"),
        api.http.post("/v1/events/push", json={"project_id": "p", "events": []}),
        api.http.get("/v1/events", params={"after": 0}),
    ]
    assert [c.status_code for c in calls] == [401] * len(calls)
    assert all("sign in" in c.json()["detail"] for c in calls)
    api.http.headers["Authorization"] = "Bearer not-a-token"
    assert api.http.get("/v1/events").status_code == 401
    assert api.login("alice", "wrong password").status_code == 401
    assert api.login("nobody-here").status_code == 401


def test_case_20_expired_token_is_401_then_login_again_works(sqlite_server: Server) -> None:
    from hitl_desktop.server import db

    api = sqlite_server.client("alice")
    assert api.http.get("/v1/events").status_code == 200
    with db.write_tx(sqlite_server.store.engine) as conn:
        conn.execute(db.tokens.update().values(expires=0))
    r = api.http.get("/v1/events")
    assert r.status_code == 401 and "expired" in r.json()["detail"]
    api.login("alice")
    assert api.http.get("/v1/events").status_code == 200


def test_case_18_protocol_mismatch_is_426_naming_the_server_version(sqlite_server: Server) -> None:
    api = sqlite_server.client("alice")
    r = api.http.get("/v1/events", headers={"X-HITL-Protocol": "2"})
    assert r.status_code == 426
    assert r.json()["server_protocol"] == 1 and "upgrade" in r.json()["detail"]
    assert api.http.get("/v1/hello", headers={"X-HITL-Protocol": "0"}).status_code == 426


def test_case_22_too_large_is_413(sqlite_server: Server, tmp_path: Path) -> None:
    ws, api = _ready(sqlite_server, tmp_path)
    events = all_events(ws) + annotate(ws, 4, batch=4)
    sqlite_server.config.max_push_events = 3
    r = api.push(events, ws.project_id)
    assert r.status_code == 413 and "at most 3 events" in r.json()["detail"]
    sqlite_server.config.max_push_bytes = 1000
    r = api.push(events[:3], ws.project_id)
    assert r.status_code == 413 and "bytes" in r.json()["detail"]
    sqlite_server.store.blobs.max_size = 10
    data = b"x" * 11
    import hashlib

    r = api.put_blob(hashlib.sha256(data).hexdigest(), data)
    assert r.status_code == 413
    assert [p for p in (sqlite_server.config.data_dir / "blobs").rglob("*") if p.is_file()] == []
    assert api.pull()["events"] == []  # nothing from the refused pushes
    ws.close()


def test_case_17_event_replayed_into_another_project_is_409(
    sqlite_server: Server, tmp_path: Path
) -> None:
    ws, api = _ready(sqlite_server, tmp_path)
    assert api.push(all_events(ws), ws.project_id).status_code == 200
    other = make_workspace(tmp_path, "alice", "worker")
    assert api.register(other).status_code == 200
    r = api.push(all_events(other), other.project_id)
    assert r.status_code == 409 and ws.project_id in r.json()["detail"]
    replayed = api.push(all_events(other), ws.project_id).json()  # claims our project
    assert set(_statuses(replayed)) == {"invalid"}
    ws.close()
    other.close()


def test_non_canonical_body_is_invalid(sqlite_server: Server, tmp_path: Path) -> None:
    ws, api = _ready(sqlite_server, tmp_path)
    ev = all_events(ws)[0]
    spaced = ev.body.replace(",", ", ", 1)  # same JSON, not canonical bytes
    wire = {"hash": event_hash(spaced.encode()), "body": spaced, "sig": ev.to_wire()["sig"]}
    r = api.push([wire], ws.project_id).json()
    assert _statuses(r) == ["invalid"] and "canonical" in r["results"][0]["detail"]
    ws.close()


def test_envelope_with_wrong_field_types_is_invalid_not_a_crash(
    sqlite_server: Server, tmp_path: Path
) -> None:
    import orjson

    from hitl_desktop.lineage.canonical import canonical_json

    ws, api = _ready(sqlite_server, tmp_path)
    fields = orjson.loads(all_events(ws)[0].body)
    for change in ({"actor": 5}, {"device_seq": "1"}, {"device_seq": True}, {"payload": [1]},
                   {"device_id": None}):  # fmt: skip
        body = canonical_json({**fields, **change}).decode()
        wire = {"hash": event_hash(body.encode()), "body": body, "sig": None}
        r = api.push([wire], ws.project_id)
        assert r.status_code == 200, (change, r.text)
        assert (
            _statuses(r.json()) == ["invalid"] and "wrong type" in r.json()["results"][0]["detail"]
        )
    ws.close()
