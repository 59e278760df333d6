"""The role permission table, the profile change it relies on, and practice scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from hitl_desktop.roles import Action, can, reason, roles_allowed
from hitl_desktop.workspace import Workspace, WorkspaceError
from hitl_desktop.workspace.workspace import Profile


def test_workers_annotate_but_do_not_review_publish_or_rebuild() -> None:
    assert can("worker", Action.ANNOTATE) and can("worker", "import")
    for action in (Action.REVIEW, Action.PUBLISH_SCHEMA, Action.ADMIN):
        assert not can("worker", action)
    assert reason("worker", Action.PUBLISH_SCHEMA) == "Only experts publish schemas"
    assert reason("worker", Action.REVIEW) == "Only checkers and experts decide reviews"
    assert reason("worker", Action.ADMIN) == "Only admins use the rebuild and admin tools"
    assert reason("worker", Action.ANNOTATE) == ""


def test_each_role_adds_to_the_one_below() -> None:
    assert roles_allowed(Action.REVIEW) == ["checker", "expert", "admin"]
    assert roles_allowed(Action.PUBLISH_SCHEMA) == ["expert", "admin"]
    assert not can("checker", Action.PUBLISH_SCHEMA)
    assert can("expert", Action.PUBLISH_SCHEMA) and not can("expert", Action.ADMIN)
    assert all(can("admin", a) for a in Action)


def test_unknown_role_or_action_may_do_nothing() -> None:
    assert not can("boss", Action.ANNOTATE)
    assert "Unknown role 'boss'" in reason("boss", Action.ANNOTATE)
    assert not can("worker", "delete_everything")


def test_profile_change_is_kept_and_recorded_in_new_events(tmp_path: Path) -> None:
    path = tmp_path / "ws"
    with Workspace.create(path, name="w", profile=Profile("ana", "worker")) as ws:
        ws.set_profile(Profile("ana", "expert"))
        (event,) = ws.append([ws.draft("workspace.created", {"name": "w"})])
        assert (event.actor, event.role) == ("ana", "expert")
        with pytest.raises(WorkspaceError, match="unknown role 'boss'"):
            ws.set_profile(Profile("ana", "boss"))
        with pytest.raises(WorkspaceError, match="needs a name"):
            ws.set_profile(Profile("  ", "worker"))
    with Workspace.open(path, readonly=True) as ws:
        assert ws.profile == Profile("ana", "expert")
