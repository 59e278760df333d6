"""`hitl server verify`: re-hash every stored event and check every device chain."""

from __future__ import annotations

from collections.abc import Iterator

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from ..lineage.verify import ChainVerifier, StoredRow, VerifyReport
from . import db

__all__ = ["verify_store"]


def _rows(engine: Engine, chunk: int = 5000) -> Iterator[StoredRow]:
    after = 0
    while True:
        with db.read_tx(engine) as conn:
            rows = conn.execute(
                sa.select(db.events).where(db.events.c.server_seq > after)
                .order_by(db.events.c.server_seq).limit(chunk)
            ).all()  # fmt: skip
        if not rows:
            return
        for r in rows:
            try:
                f = orjson.loads(r.body)
                subject = f.get("subject") if isinstance(f, dict) else None
                item = subject.get("item") if isinstance(subject, dict) else None
                hlc = f.get("hlc", "") if isinstance(f, dict) else ""
            except orjson.JSONDecodeError:
                item, hlc = None, ""
            yield StoredRow(r.server_seq, r.hash, r.body, r.sig, r.device_id, r.device_seq,
                            r.type, item, hlc)  # fmt: skip
        after = rows[-1].server_seq


def verify_store(engine: Engine) -> VerifyReport:
    """Every problem names the event (server_seq, hash, device and its sequence)."""
    with db.read_tx(engine) as conn:
        project = db.get_meta(conn, "project_id")
    verifier = ChainVerifier(project)
    for row in _rows(engine):
        verifier.feed(row)
    return verifier.finish()
