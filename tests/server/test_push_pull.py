"""Push and pull through a real server, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from .conftest import Server, all_events, annotate, make_workspace


def test_push_then_pull_returns_every_event_in_order(server: Server, tmp_path: Path) -> None:
    ws = make_workspace(tmp_path, "alice", "worker")
    annotate(ws, 5, batch=2)
    events = all_events(ws)
    api = server.client("alice")
    assert api.register(ws).status_code == 200
    r = api.push(events, ws.project_id)
    assert r.status_code == 200, r.text
    body = r.json()
    assert [x["status"] for x in body["results"]] == ["ok"] * len(events)
    assert [x["server_seq"] for x in body["results"]] == list(range(1, len(events) + 1))
    assert body["acknowledged"] == len(events)
    pulled = api.pull()
    assert [e["hash"] for e in pulled["events"]] == [e.hash for e in events]
    assert pulled["next"] == len(events) and pulled["up_to_date"]
    hello = api.http.get("/v1/hello").json()
    assert hello["project_id"] == ws.project_id
    assert hello["checkpoint"]["seq"] == len(events)
    assert hello["checkpoint"]["head"] == events[-1].hash
    ws.close()
