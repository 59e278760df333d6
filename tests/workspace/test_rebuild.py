"""Projections are functions of the log: replaying gives identical tables."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import keyring
import pytest

from hitl_desktop.workspace import Cancelled, CancelToken, Workspace, queries
from hitl_desktop.workspace.projector import projection_digest
from tests.conftest import MemoryKeyring
from tests.support.events import random_drafts
from tests.support.replica import log_events, shuffled_replica


@pytest.fixture(scope="module")
def busy_keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def busy_workspace(busy_workspace_path: Path, busy_keyring: MemoryKeyring) -> Path:
    keyring.set_keyring(busy_keyring)  # same device on every open: no re-enrolment
    return busy_workspace_path


@pytest.fixture(scope="module")
def busy_workspace_path(
    tmp_path_factory: pytest.TempPathFactory, busy_keyring: MemoryKeyring
) -> Path:
    """10,000 random events in random batch sizes, applied incrementally."""
    keyring.set_keyring(busy_keyring)
    path = tmp_path_factory.mktemp("busy") / "ws"
    rng = random.Random(20261128)
    items: list[str] = []
    with Workspace.create(path, name="busy") as ws:
        remaining = 10_000
        while remaining:
            n = min(remaining, rng.choice([1, 7, 50, 400, 1500]))
            ws.append(random_drafts(ws, rng, n, items))
            remaining -= n
    return path


def test_rebuild_after_10000_random_events_is_identical(busy_workspace: Path) -> None:
    with Workspace.open(busy_workspace) as ws:
        counts = queries.status_counts(ws.reader())
        assert {"new", "annotated", "reviewed", "rejected", "retired"} <= set(counts)
        incremental = ws.projection_digest()
        result = ws.rebuild()
        assert result.events == 10_002
        assert result.identical
        assert result.before == incremental == ws.projection_digest()


def test_projections_do_not_depend_on_arrival_order(busy_workspace: Path, tmp_path: Path) -> None:
    """Replicas receive events in different orders; their tables must still match."""
    events = log_events(busy_workspace / "workspace.db")
    digests = []
    for seed in (1, 2):
        replica, projections = shuffled_replica(events, seed, batch=999)
        digests.append(projection_digest(replica, projections))
    with Workspace.open(busy_workspace, readonly=True) as ws:
        assert digests[0] == digests[1] == ws.projection_digest()


def test_rebuild_reports_progress_and_cancel_changes_nothing(busy_workspace: Path) -> None:
    with Workspace.open(busy_workspace) as ws:
        before = ws.projection_digest()
        seen: list[tuple[int, int]] = []
        ws.rebuild(progress=lambda done, total: seen.append((done, total)))
        assert seen[-1] == (10_002, 10_002) and len(seen) >= 2
        token = CancelToken()

        def cancel_midway(done: int, total: int) -> None:
            token.cancel()

        with pytest.raises(Cancelled):
            ws.rebuild(progress=cancel_midway, cancel=token)
        assert ws.projection_digest() == before
        assert queries.count_items(ws.reader()) > 0


def test_changed_projection_version_is_replayed_on_open(busy_workspace: Path) -> None:
    conn = sqlite3.connect(busy_workspace / "workspace.db")
    with conn:
        conn.execute("UPDATE projection_state SET version = 0 WHERE name = 'items'")
        conn.execute("DELETE FROM items")
    conn.close()
    with Workspace.open(busy_workspace) as ws:
        assert queries.count_items(ws.reader()) > 0
        assert ws.rebuild().identical
