"""Read-side queries over the projections and the log, for the CLI and the GUI."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

import orjson

ITEM_STATUSES = ("new", "annotated", "reviewed", "rejected", "retired")


@dataclass(frozen=True)
class ItemFilter:
    status: str | None = None
    search: str | None = None  # substring of the name or source, case-insensitive
    kind: str | None = None
    include_retired: bool = False  # retired items leave work queues unless asked for
    # only items whose latest suggestion (any model) scored below this
    doubtful_below: float | None = None
    tag: str | None = None  # given at import (pages of a tagged PDF have its tags)
    source: str | None = None  # exactly this source
    assigned_to: str | None = None  # only items given to this person (any batch or kind)

    def where(self) -> tuple[str, list[object]]:
        clauses: list[str] = ["kind IS NOT NULL"]
        args: list[object] = []
        if self.status:
            clauses.append("status = ?")
            args.append(self.status)
        elif not self.include_retired:
            clauses.append("status != 'retired'")
        if self.kind:
            clauses.append("kind = ?")
            args.append(self.kind)
        if self.search:
            clauses.append("(name LIKE ? ESCAPE '\\' OR source LIKE ? ESCAPE '\\')")
            pattern = (
                "%"
                + self.search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                + "%"
            )
            args += [pattern, pattern]
        if self.tag:
            clauses.append(
                """(id IN (SELECT item_id FROM item_tags WHERE tag = ?)
                    OR parent_id IN (SELECT item_id FROM item_tags WHERE tag = ?))"""
            )
            args += [self.tag, self.tag]
        if self.source:
            clauses.append("source = ?")
            args.append(self.source)
        if self.assigned_to:
            clauses.append("id IN (SELECT item_id FROM assignments WHERE assignee = ?)")
            args.append(self.assigned_to)
        if self.doubtful_below is not None:
            clauses.append(
                """id IN (SELECT l.item_id FROM prelabel_latest AS l
                          JOIN prelabels AS p ON p.hash = l.hash WHERE p.top_score < ?)"""
            )
            args.append(self.doubtful_below)
        return " AND ".join(clauses), args


@dataclass(frozen=True)
class ItemRow:
    id: str
    kind: str
    name: str
    source: str
    status: str
    media_type: str
    size_bytes: int
    blob_sha256: str
    parent_id: str | None
    created_by: str


_ITEM_COLUMNS = (
    "id, kind, name, source, status, media_type, size_bytes, blob_sha256, parent_id, created_by"
)


def count_items(conn: sqlite3.Connection, f: ItemFilter = ItemFilter()) -> int:
    where, args = f.where()
    return int(conn.execute(f"SELECT count(*) FROM items WHERE {where}", args).fetchone()[0])


def page_items(conn: sqlite3.Connection, f: ItemFilter, offset: int, limit: int) -> list[ItemRow]:
    """One page of items in import order (creation HLC, then id)."""
    where, args = f.where()
    rows = conn.execute(
        f"SELECT {_ITEM_COLUMNS} FROM items WHERE {where} ORDER BY created_key, id LIMIT ? OFFSET ?",
        [*args, limit, offset],
    ).fetchall()
    return [ItemRow(*r) for r in rows]


def status_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return dict(
        conn.execute("SELECT status, count(*) FROM items WHERE kind IS NOT NULL GROUP BY status")
    )


@dataclass(frozen=True)
class LogEntry:
    seq: int
    hash: str
    type: str
    actor: str
    role: str
    device_id: str
    device_seq: int
    subject_item: str | None
    wall_time: str
    hlc: str
    signed: bool
    payload: dict[str, object]
    # what produced a machine output: engine or model, version, weights, parameters, device
    agent: dict[str, object] | None = None
    inputs: list[dict[str, object]] = field(default_factory=list)
    schema_ref: str | None = None


def _entry(seq: int, hash_: str, body: str, sig: bytes | None) -> LogEntry:
    f = orjson.loads(body)
    subject = f["subject"]
    return LogEntry(
        seq, hash_, f["type"], f["actor"], f["role"], f["device_id"], f["device_seq"],
        subject["item"] if subject else None, f["wall_time"], f["hlc"], sig is not None, f["payload"],
        f.get("agent"), f.get("inputs") or [], f.get("schema_ref"),
    )  # fmt: skip


def log_entries(
    conn: sqlite3.Connection,
    *,
    type_: str | None = None,
    limit: int = 100,
    newest_first: bool = True,
) -> list[LogEntry]:
    sql = "SELECT seq, hash, body, sig FROM events"
    args: list[object] = []
    if type_:
        sql += " WHERE type = ?"
        args.append(type_)
    sql += f" ORDER BY seq {'DESC' if newest_first else 'ASC'} LIMIT ?"
    args.append(limit)
    return [_entry(*r) for r in conn.execute(sql, args)]


def item_history(conn: sqlite3.Connection, item_id: str) -> list[LogEntry]:
    """Events about an item in causal order (hybrid logical clock, then hash)."""
    rows = conn.execute(
        """SELECT e.seq, e.hash, e.body, e.sig FROM item_history h JOIN events e ON e.hash = h.hash
           WHERE h.item_id = ? ORDER BY h.hlc, h.hash""",
        (item_id,),
    )
    return [_entry(*r) for r in rows]


def find_item_id(conn: sqlite3.Connection, prefix: str) -> str | None:
    """Resolve an item id from a unique prefix (as printed by ``hitl items``)."""
    rows = conn.execute(
        "SELECT id FROM items WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "\uffff")
    ).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def event_count(conn: sqlite3.Connection) -> int:
    """Events in the log: the last ``seq`` (rows are never deleted), so no scan is needed."""
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0])


@dataclass(frozen=True)
class Suggestion:
    """An item's most recent pre-label (from any model): its best label and what else it holds."""

    model_id: str
    label: str | None
    score: float | None
    spans: int
    boxes: int


def latest_suggestions(conn: sqlite3.Connection, item_ids: list[str]) -> dict[str, Suggestion]:
    """Item id -> its most recent pre-label, for the items among ``item_ids`` that have one."""
    found: dict[str, tuple[str, Suggestion]] = {}
    for start in range(0, len(item_ids), 500):  # SQLite limits the number of parameters
        chunk = item_ids[start : start + 500]
        rows = conn.execute(
            f"""SELECT p.item_id, p.model_id, p.top_label, p.top_score, p.span_count,
                       p.box_count, p.made_key
                FROM prelabel_latest AS l JOIN prelabels AS p ON p.hash = l.hash
                WHERE l.item_id IN ({",".join("?" * len(chunk))})""",
            chunk,
        )
        for item, model, label, score, spans, boxes, key in rows:
            if item not in found or key > found[item][0]:
                found[item] = (key, Suggestion(model, label, score, spans, boxes))
    return {item: s for item, (_key, s) in found.items()}


def row_of(conn: sqlite3.Connection, f: ItemFilter, item_id: str) -> int | None:
    """The row ``item_id`` has in ``page_items`` order under ``f`` (None when it is filtered
    out): one indexed count, so a million items cost nothing."""
    where, args = f.where()
    found = conn.execute(
        f"SELECT created_key FROM items WHERE {where} AND id = ?", [*args, item_id]
    ).fetchone()
    if found is None:
        return None
    before = conn.execute(
        f"SELECT count(*) FROM items WHERE {where} AND (created_key, id) < (?, ?)",
        [*args, found[0], item_id],
    ).fetchone()
    return int(before[0])


def next_new_item(conn: sqlite3.Connection, f: ItemFilter, after_item: str | None) -> str | None:
    """The first item still "new" after ``after_item`` in list order (from the top for None)."""
    where, args = f.where()
    sql = f"SELECT id FROM items WHERE {where} AND status = 'new'"
    if after_item is not None:
        key = conn.execute("SELECT created_key FROM items WHERE id = ?", (after_item,)).fetchone()
        if key is not None:
            sql += " AND (created_key, id) > (?, ?)"
            args = [*args, key[0], after_item]
    row = conn.execute(sql + " ORDER BY created_key, id LIMIT 1", args).fetchone()
    return str(row[0]) if row else None


def saved_since(conn: sqlite3.Connection, actor: str, since_ms: int) -> int:
    """Revisions ``actor`` saved since ``since_ms`` (Unix ms, e.g. local midnight): an indexed
    range of the revisions table (its key starts with the 13-digit HLC milliseconds)."""
    row = conn.execute(
        "SELECT count(*) FROM annotation_revisions WHERE actor = ? AND rev_key >= ?",
        (actor, f"{since_ms:013d}"),
    ).fetchone()
    return int(row[0])
