"""An imported answer keeps the name of the person who made it in the other tool: the server
accepts an actor other than the signed-in user only for such imports, only from the importer
named in the event's agent, and only for roles that may credit others."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from hitl_desktop.lineage import Agent
from hitl_desktop.workspace import Workspace

from .conftest import Server, all_events, make_workspace, second_device


def _credited(ws: Workspace, actor: str, imported_by: str, agent: str = "import:coco") -> None:
    draft = ws.draft("annotation.revised", {"annotations": [{"label": "cat"}]})
    ws.append([dataclasses.replace(draft, actor=actor, agent=Agent(
        agent, "1", parameters={"file": "instances.json", "imported_by": imported_by}))])  # fmt: skip


def _push_last(server: Server, ws: Workspace, user: str) -> dict:  # type: ignore[type-arg]
    api = server.client(user)
    assert api.register(ws).status_code == 200
    result: dict = api.push(all_events(ws), ws.project_id).json()  # type: ignore[type-arg]
    return result["results"][-1]


def test_a_checkers_import_credits_the_annotator(server: Server, tmp_path: Path) -> None:
    ws = make_workspace(tmp_path, "carol", "checker")
    _credited(ws, "dana", imported_by="carol")
    last = _push_last(server, ws, "carol")
    assert last["status"] == "ok", last
    stored = server.client("carol").pull()["events"][-1]
    assert '"actor":"dana"' in stored["body"]
    ws.close()


def test_a_worker_may_not_credit_others(sqlite_server: Server, tmp_path: Path) -> None:
    ws = make_workspace(tmp_path, "alice", "worker")
    _credited(ws, "dana", imported_by="alice")
    last = _push_last(sqlite_server, ws, "alice")
    assert last["status"] == "forbidden"
    assert last["detail"] == "Only checkers and experts import answers credited to other people"
    ws.close()


def test_someone_elses_work_is_not_an_import_by_saying_so(
    sqlite_server: Server, tmp_path: Path
) -> None:
    """The importer named in the agent must be the signed-in user, and the agent an importer."""
    first = make_workspace(tmp_path, "carol", "checker")
    second = second_device(first, tmp_path, "carol", "checker")
    for ws, imported_by, agent in ((first, "erin", "import:coco"), (second, "carol", "hitl")):
        _credited(ws, "dana", imported_by=imported_by, agent=agent)
        last = _push_last(sqlite_server, ws, "carol")
        assert last["status"] == "forbidden"
        assert "is not the signed-in user" in last["detail"]
    first.close()
    second.close()
