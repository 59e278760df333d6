"""Reading the review queue: the open tasks in the order a checker should take them.

Gold failures always come first (a worker who disagrees with an adjudicated answer needs
attention before anything else); then the policy's order: ``oldest`` conflict first, or
``agreement`` (lowest first, then oldest). Worker-vs-worker disagreements whose agreement is
at or above the schema's review threshold are minor: they stay out of the queue unless asked
for. Forks, decision conflicts and gold failures are never minor: nothing is lost silently.
Retired items leave the queue.
"""

from __future__ import annotations

import sqlite3
from dataclasses import asdict, dataclass
from typing import Any, Literal

import orjson

from .errors import ReviewError

Order = Literal["oldest", "agreement"]
ORDERS: tuple[Order, ...] = ("oldest", "agreement")
TASK_KINDS = ("gold", "decision_conflict", "fork", "disagreement")


@dataclass(frozen=True, slots=True)
class ReviewTask:
    item_id: str
    item_name: str
    kind: str
    heads: tuple[str, ...]  # the competing revisions, sorted by hash
    actors: tuple[str, ...]  # who made each, in the same order
    opened_key: str  # "hlc|hash" of the latest competing revision
    agreement: float
    differences: int
    summary: str

    @property
    def opened_at(self) -> str:
        """The HLC (wall time first) at which the conflict arose."""
        return self.opened_key.split("|", 1)[0]

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["heads"], out["actors"] = list(self.heads), list(self.actors)
        out["opened_at"] = self.opened_at
        return out


_SELECT = """SELECT t.item_id, coalesce(i.name, ''), t.kind, t.heads, t.actors, t.opened_key,
                    t.agreement, t.differences, t.summary
             FROM review_tasks t LEFT JOIN items i ON i.id = t.item_id"""
_LIVE = "coalesce(i.retired, 0) = 0 AND coalesce(i.src_retired, 0) = 0"


def _task(row: tuple[Any, ...]) -> ReviewTask:
    item, name, kind, heads, actors, key, agreement, count, summary = row
    return ReviewTask(item, name, kind, tuple(orjson.loads(heads)), tuple(orjson.loads(actors)),
                      key, agreement, count, summary)  # fmt: skip


def open_tasks(
    conn: sqlite3.Connection,
    *,
    order: Order = "oldest",
    threshold: float | None = None,
    include_minor: bool = False,
    kinds: tuple[str, ...] | None = None,
    limit: int | None = None,
) -> list[ReviewTask]:
    """The queue. ``threshold``: the schema's review agreement (disagreements at or above it
    are minor and left out unless ``include_minor``); None counts every disagreement."""
    if order not in ORDERS:
        raise ReviewError(f"queue order must be one of {', '.join(ORDERS)}, got {order!r}")
    where: list[str] = [_LIVE]
    args: list[object] = []
    if threshold is not None and not include_minor:
        where.append("(t.kind != 'disagreement' OR t.agreement < ?)")
        args.append(threshold)
    if kinds:
        unknown = set(kinds) - set(TASK_KINDS)
        if unknown:
            raise ReviewError(
                f"unknown task kind {sorted(unknown)[0]!r}; kinds are {', '.join(TASK_KINDS)}"
            )
        where.append(f"t.kind IN ({', '.join('?' for _ in kinds)})")
        args.extend(kinds)
    rank = "CASE t.kind WHEN 'gold' THEN 0 ELSE 1 END"
    by = "t.opened_key" if order == "oldest" else "t.agreement, t.opened_key"
    sql = f"{_SELECT} WHERE {' AND '.join(where)} ORDER BY {rank}, {by}, t.item_id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return [_task(r) for r in conn.execute(sql, args)]


def task_for(conn: sqlite3.Connection, item_id: str) -> ReviewTask | None:
    """The item's open review task, if it has one (minor or not, retired or not)."""
    row = conn.execute(f"{_SELECT} WHERE t.item_id = ?", (item_id,)).fetchone()
    return _task(row) if row else None


def queue_counts(conn: sqlite3.Connection, *, threshold: float | None = None) -> dict[str, int]:
    """Open tasks per kind (minor disagreements counted apart as ``minor``)."""
    counts = dict.fromkeys((*TASK_KINDS, "minor"), 0)
    rows = conn.execute(
        f"""SELECT t.kind, t.agreement FROM review_tasks t LEFT JOIN items i ON i.id = t.item_id
            WHERE {_LIVE}"""
    )
    for kind, agreement in rows:
        minor = kind == "disagreement" and threshold is not None and agreement >= threshold
        counts["minor" if minor else kind] += 1
    return counts
