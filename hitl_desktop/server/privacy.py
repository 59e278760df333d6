"""The server side of per-source privacy (docs/sync-protocol.md, "Privacy"): which stored items
are local-only or restricted, filled from accepted item.imported/item.derived events."""

from __future__ import annotations

from collections.abc import Iterable

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..lineage.envelope import Event
from ..privacy import Policy, enforced, policy
from . import db

__all__ = ["PushPrivacy", "backfill", "blob_policy", "event_shas"]

_ITEM_TYPES = ("item.imported", "item.derived")


def event_shas(ev: Event) -> list[str]:
    """The blobs an item event names (its content, and its text where it has one)."""
    p = ev.payload if isinstance(ev.payload, dict) else {}
    keys = ("blob_sha256", "text_sha256", "text_layer_sha256")
    return [s for s in dict.fromkeys(p.get(k) for k in keys) if isinstance(s, str)]


def _own_markers(ev: Event) -> list[str]:
    prov = ev.payload.get("provenance") if isinstance(ev.payload, dict) else None
    raw = prov.get("privacy") if isinstance(prov, dict) else None
    return enforced(m for m in raw if isinstance(m, str)) if isinstance(raw, list) else []


class PushPrivacy:
    """Markers of the items of one push: from the events themselves, inherited by derived items
    from a parent earlier in the push or already stored."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.markers: dict[str, list[str]] = {}  # item id -> markers, this push
        self.rows: list[tuple[str, dict[str, str]]] = []  # (event hash, row)

    def _stored(self, item: str) -> list[str]:
        row = self.conn.execute(
            sa.select(db.item_privacy.c.markers).where(db.item_privacy.c.item_id == item).limit(1)
        ).first()
        return list(orjson.loads(row.markers)) if row else []

    def markers_of(self, ev: Event) -> list[str]:
        if ev.type == "item.imported":
            return _own_markers(ev)
        if ev.type == "item.derived" and isinstance(ev.payload, dict):
            parent = ev.payload.get("parent")
            if isinstance(parent, str):
                got = self.markers.get(parent)
                return got if got is not None else self._stored(parent)
        return []

    def local_only(self, ev: Event) -> bool:
        return ev.type in _ITEM_TYPES and policy(self.markers_of(ev)).local_only

    def accepted(self, ev: Event) -> None:
        """Remember an accepted item event's markers (stored by ``save``)."""
        if ev.type not in _ITEM_TYPES or ev.subject_item is None:
            return
        markers = self.markers_of(ev)
        self.markers[ev.subject_item] = markers
        if markers:
            text = orjson.dumps(markers).decode()
            self.rows += [(ev.hash, {"item_id": ev.subject_item, "sha256": s, "markers": text})
                          for s in event_shas(ev)]  # fmt: skip

    def save(self, stored: set[str]) -> None:
        """Store the rows of the events in ``stored`` (the hashes accepted after sealing)."""
        kept = [row for h, row in self.rows if h in stored]
        if not kept:
            return
        have = {(r.item_id, r.sha256) for r in self.conn.execute(
            sa.select(db.item_privacy.c.item_id, db.item_privacy.c.sha256).where(
                db.item_privacy.c.item_id.in_({r["item_id"] for r in kept})))}  # fmt: skip
        new = {(r["item_id"], r["sha256"]): r for r in kept}
        rows = [r for k, r in new.items() if k not in have]
        if rows:
            self.conn.execute(db.item_privacy.insert(), rows)


def blob_policy(conn: Connection, sha256: str) -> Policy:
    """The strictest policy of the stored items naming this blob (none: unrestricted)."""
    rows: Iterable[str] = conn.execute(
        sa.select(db.item_privacy.c.markers).where(db.item_privacy.c.sha256 == sha256)
    ).scalars()
    return policy(m for text in rows for m in orjson.loads(text))


BACKFILL_KEY = "item_privacy_filled"


def backfill(conn: Connection, page: int = 5000) -> int:
    """Fill ``item_privacy`` from the item events already stored, once (a store created before
    the table existed). Returns how many stored item events were read."""
    if db.get_meta(conn, BACKFILL_KEY) is not None:
        return 0
    privacy = PushPrivacy(conn)
    after, seen = 0, 0
    while True:
        rows = conn.execute(
            sa.select(db.events.c.server_seq, db.events.c.hash, db.events.c.body)
            .where(db.events.c.type.in_(_ITEM_TYPES), db.events.c.server_seq > after)
            .order_by(db.events.c.server_seq)
            .limit(page)
        ).all()
        if not rows:
            break
        for r in rows:
            privacy.accepted(Event.from_body(r.hash, r.body, None))
        privacy.save({r.hash for r in rows})
        privacy.rows.clear()
        after, seen = rows[-1].server_seq, seen + len(rows)
    db.set_meta(conn, BACKFILL_KEY, "1")
    return seen
