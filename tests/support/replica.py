"""Replicas that receive a log's events in a shuffled order, as sync delivers them."""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from hitl_desktop.lineage import Event
from hitl_desktop.workspace import Profile, Workspace
from hitl_desktop.workspace.paths import DB_NAME
from hitl_desktop.workspace.projections import Projection, default_projections
from hitl_desktop.workspace.projector import apply_all
from hitl_desktop.workspace.store import create_schema, insert_events, iter_events


def log_events(db_path: Path) -> list[Event]:
    conn = sqlite3.connect(db_path)
    try:
        return [e for chunk in iter_events(conn) for e in chunk]
    finally:
        conn.close()


def shuffled_replica(
    events: Sequence[Event], seed: int, *, batch: int
) -> tuple[sqlite3.Connection, list[Projection]]:
    """An in-memory store that got ``events`` in a random order, ``batch`` at a time; each
    batch is stored and projected together, as a sync pull does."""
    order = list(events)
    random.Random(seed).shuffle(order)
    conn = sqlite3.connect(":memory:")
    create_schema(conn)
    projections = default_projections()
    for p in projections:
        p.create(conn)
    for i in range(0, len(order), batch):
        chunk = order[i : i + batch]
        insert_events(conn, chunk)
        apply_all(conn, projections, chunk)
    return conn, projections


def copy_as_device(source: Path, path: Path, *, profile: Profile | None = None) -> Workspace:
    """Copy the workspace folder ``source`` to ``path`` and open the copy as another device of
    the same project: with its device id forgotten, it enrols a key of its own."""
    shutil.copytree(source, path)
    conn = sqlite3.connect(path / DB_NAME)
    conn.execute("DELETE FROM meta WHERE key = 'device_id'")
    conn.commit()
    conn.close()
    return Workspace.open(path, profile=profile)
