"""Retiring stale data: items leave work queues and exports; their history stays."""

from __future__ import annotations

from ..lineage import Subject
from ..lineage.payloads import ItemRestored, ItemRetired, SourceRestored, SourceRetired
from ..workspace import Workspace


class UnknownSource(ValueError):
    pass


def source_names(ws: Workspace) -> list[str]:
    return [
        r[0]
        for r in ws.reader().execute(
            "SELECT DISTINCT source FROM items WHERE kind IS NOT NULL ORDER BY source"
        )
    ]


def retire_source(ws: Workspace, source: str, reason: str = "", *, restore: bool = False) -> int:
    """Retire (or restore) every item of ``source``; returns how many items it covers."""
    count = (
        ws.reader()
        .execute("SELECT count(*) FROM items WHERE source = ? AND kind IS NOT NULL", (source,))
        .fetchone()[0]
    )
    if count == 0:
        known = ", ".join(repr(s) for s in source_names(ws)) or "none"
        raise UnknownSource(f"no items come from source {source!r}; the sources are: {known}")
    if restore:
        ws.append([ws.draft("source.restored", SourceRestored(source=source, reason=reason))])
    else:
        ws.append([ws.draft("source.retired", SourceRetired(source=source, reason=reason))])
    return int(count)


def retire_item(ws: Workspace, item_id: str, reason: str = "", *, restore: bool = False) -> None:
    if restore:
        ws.append(
            [ws.draft("item.restored", ItemRestored(reason=reason), subject=Subject(item_id))]
        )
    else:
        ws.append([ws.draft("item.retired", ItemRetired(reason=reason), subject=Subject(item_id))])
