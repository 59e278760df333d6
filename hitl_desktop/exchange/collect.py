"""Choosing what an export holds: items, the revision of each, their text and image size.

``adjudicated``: each item's latest review decision that carries an answer (accept, merge,
adjudicate). ``latest``: the latest current revision (when concurrent edits left several
heads, the latest one, reported as a problem). ``annotator:NAME``: that person's latest
revision. Items with no such revision are left out and counted.
"""

from __future__ import annotations

import hashlib
import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

import orjson

from ..schema.current import schema_for
from ..schema.errors import SchemaError
from ..schema.model import Schema
from ..schema.store import get_schema, parse_ref
from ..workspace import Workspace
from ..workspace.progress import CancelToken
from .model import SPLITS, ExportError, ExportItem, ExportOptions, Prediction

_REVISIONS = {
    "adjudicated": "SELECT r.item_id, r.hash, max(r.rev_key) FROM annotation_revisions r "
    "WHERE r.decision IS NOT NULL GROUP BY r.item_id",
    "latest": "SELECT h.item_id, h.hash, max(h.rev_key) FROM annotation_heads h GROUP BY h.item_id",
    "annotator": "SELECT r.item_id, r.hash, max(r.rev_key) FROM annotation_revisions r "
    "WHERE r.actor = ? GROUP BY r.item_id",
}


@dataclass
class Selection:
    items: list[ExportItem]
    schema: Schema | None
    schema_event: str | None
    skipped: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def split_of(item_id: str, split: tuple[int, int, int] | None) -> str:
    """The item's split, from a hash of its id: the same item lands in the same split in every
    export with the same percentages, whatever else the export holds."""
    if split is None:
        return ""
    bucket = int.from_bytes(hashlib.sha256(item_id.encode()).digest()[:8], "big") % 100
    edge = 0
    for name, share in zip(SPLITS, split, strict=True):
        edge += share
        if bucket < edge:
            return name
    return SPLITS[-1]


def choose_schema(conn: sqlite3.Connection, ref: str | None) -> tuple[Schema | None, str | None]:
    """The schema whose labels name the categories, and its ``schema.published`` event."""
    try:
        if ref:
            name, version = parse_ref(ref)
            published = get_schema(conn, name, version)
            return published.schema, published.hash
        found = schema_for(conn, None)
        if found is None:
            return None, None
        return found, get_schema(conn, found.name, found.version).hash
    except SchemaError as exc:
        raise ExportError(f"--schema: {exc}") from None
    except sqlite3.OperationalError:
        return None, None


def _predictions(conn: sqlite3.Connection, item_id: str) -> list[Prediction]:
    rows = conn.execute(
        """SELECT e.hash, e.body FROM prelabel_latest l JOIN events e ON e.hash = l.hash
           WHERE l.item_id = ? ORDER BY l.model_id""",
        (item_id,),
    ).fetchall()
    out = []
    for h, body in rows:
        p = orjson.loads(body)["payload"]
        out.append(Prediction(h, p["model_id"], p.get("labels") or [], p.get("spans") or [],
                              p.get("boxes") or []))  # fmt: skip
    return out


def select(
    ws: Workspace,
    options: ExportOptions,
    *,
    predictions: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancel: CancelToken | None = None,
) -> Selection:
    """The items to export with their chosen revision, in import order."""
    conn = ws.reader()
    schema, schema_event = choose_schema(conn, options.schema)
    mode, _, who = options.revisions.partition(":")
    sql = _REVISIONS["annotator" if mode == "annotator" else mode]
    # one pass over the chosen revisions' events (a query per item costs seconds at 100,000)
    chosen = {
        item: (h, body)
        for item, h, body in conn.execute(
            f"WITH c(item_id, hash, k) AS ({sql}) "
            "SELECT c.item_id, c.hash, e.body FROM c JOIN events e ON e.hash = c.hash",
            (who,) if who else (),
        )
    }
    if mode == "annotator" and not chosen:
        actors = [r[0] for r in conn.execute("SELECT DISTINCT actor FROM annotation_revisions")]
        raise ExportError(f"{who!r} saved no revision here; annotators: "
                          f"{', '.join(sorted(actors)) or 'none'}")  # fmt: skip
    forks = {r[0] for r in conn.execute(
        "SELECT item_id FROM annotation_heads GROUP BY item_id HAVING count(*) > 1")}  # fmt: skip
    status = "" if options.include_retired else "AND i.status != 'retired'"
    # the creating event's hash ends the item's created_key ("hlc|hash"): its image size is
    # read through the hash index, not by scanning every event of the log
    rows = conn.execute(
        f"""SELECT i.id, i.kind, i.name, i.media_type, i.blob_sha256, i.text_sha256, e.hash,
                   json_extract(e.body, '$.payload.stats.width', '$.payload.stats.height')
            FROM items i LEFT JOIN events e
              ON e.hash = substr(i.created_key, instr(i.created_key, '|') + 1)
            WHERE i.kind IS NOT NULL {status} ORDER BY i.created_key, i.id"""
    ).fetchall()
    sel = Selection([], schema, schema_event)
    retired = conn.execute("SELECT count(*) FROM items WHERE status = 'retired'").fetchone()[0]
    if retired and not options.include_retired:
        sel.skipped["retired"] = int(retired)
    for n, (item_id, kind, name, media, blob, text_sha, created, size) in enumerate(rows):
        if cancel is not None and n % 256 == 0:
            cancel.check()
        if progress is not None and n % 1000 == 0:
            progress(n, len(rows))
        found = chosen.get(item_id)
        if found is None:
            sel.skipped["no_revision"] = sel.skipped.get("no_revision", 0) + 1
            continue
        rev, raw = found
        if mode == "latest" and item_id in forks:
            sel.problems.append(f"item {item_id} ({name}) has concurrent revisions not yet "
                                f"reviewed; exported the latest, {rev[:12]}")  # fmt: skip
        body = orjson.loads(raw)
        w, h = orjson.loads(size) if size else (None, None)  # "[width,height]" (one JSON parse)
        anns = body["payload"].get("annotations") or []
        models: tuple[str, ...] = ()
        if '"model":"' in raw:  # human origins name no model: skip the scan for most answers
            found_models = {(a.get("origin") or {}).get("model") for a in anns}
            models = tuple(sorted(str(m) for m in found_models if m))
        text = None
        if text_sha:
            try:
                text = unicodedata.normalize("NFC", ws.blobs.read_bytes(text_sha).decode("utf-8"))
            except Exception as exc:  # a missing or damaged blob: name it, go on with the rest
                sel.problems.append(f"item {item_id} ({name}): its text (blob {text_sha[:12]}) "
                                    f"is unreadable ({exc}); left out")  # fmt: skip
                continue
        item = ExportItem(
            id=item_id, name=name, kind=kind, media_type=media, blob_sha256=blob,
            annotations=anns, revision=rev, models=models,
            actor=body["actor"], decision=body["payload"].get("decision"),
            schema_ref=body.get("schema_ref"), width=w if isinstance(w, int) else 0,
            height=h if isinstance(h, int) else 0, text=text, text_sha256=text_sha,
            created_event=created or "", split=split_of(item_id, options.split),
        )  # fmt: skip
        if predictions:
            item.predictions = _predictions(conn, item_id)
        sel.items.append(item)
    if progress is not None:
        progress(len(rows), len(rows))
    return sel
