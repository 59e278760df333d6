"""Who did what, when: throughput per person and day, the agreement trend, the timeline.

- Throughput: events per person (model actors aside) and UTC day, from the running counts of
  ``insights_activity``: answers saved (revisions), review decisions, and all events.
- Agreement trend: items answered by two or more people, bucketed by the day the last of
  their latest answers was saved. Per bucket: the share of items whose answers agree (the
  review queue's own test: identical, or no difference beyond its thresholds) and
  Krippendorff's alpha over single class labels (``review.agreement``).
- Timeline: the log's events in the window, newest first (who, what, when, which device,
  whether it came in by sync), with this device's sync incidents and last syncs.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

import orjson

from ..review.agreement import krippendorff_alpha_units
from ..review.errors import ReviewError
from .query import equals, key_bounds
from .windows import NO_FILTER, Filters, Window


@dataclass(frozen=True, slots=True)
class PersonDay:
    day: int
    person: str
    answers: int  # annotation revisions saved
    decisions: int  # review decisions
    events: int  # everything this person's events did that day


@dataclass(frozen=True, slots=True)
class Throughput:
    window: Window
    days: tuple[PersonDay, ...]  # by day, then person
    people: tuple[PersonDay, ...]  # per person over the window (``day`` = window.first)

    @property
    def answers(self) -> int:
        return sum(p.answers for p in self.people)


def throughput(
    conn: sqlite3.Connection, window: Window, filters: Filters = NO_FILTER
) -> Throughput:
    person, params = equals("actor", filters.person)
    rows = conn.execute(
        f"""SELECT day, actor, sum(n * (type = 'annotation.revised')),
                   sum(n * (type = 'review.decided')), sum(n)
            FROM insights_activity WHERE day BETWEEN ? AND ? AND actor NOT LIKE 'model:%'
            {person} GROUP BY day, actor ORDER BY day, actor""",
        [window.first, window.last, *params],
    ).fetchall()
    days = tuple(PersonDay(d, a, int(x), int(y), int(z)) for d, a, x, y, z in rows)
    totals: dict[str, list[int]] = {}
    for p in days:
        t = totals.setdefault(p.person, [0, 0, 0])
        t[0], t[1], t[2] = t[0] + p.answers, t[1] + p.decisions, t[2] + p.events
    people = tuple(PersonDay(window.first, who, *totals[who]) for who in sorted(totals))
    return Throughput(window, days, people)


@dataclass(frozen=True, slots=True)
class AgreementPoint:
    first_day: int
    last_day: int
    items: int  # items answered by two or more people, compared in this bucket
    agreeing: int
    share: float | None  # agreeing / items
    alpha: float | None  # Krippendorff's alpha over single class labels; None: none to rate
    class_items: int  # items where two or more people gave a single class label


def agreement_trend(
    conn: sqlite3.Connection, window: Window, filters: Filters = NO_FILTER, *, bucket_days: int = 7
) -> tuple[AgreementPoint, ...]:
    """Agreement per bucket of ``bucket_days`` days, the last bucket ending with the window."""
    where = "day BETWEEN ? AND ?"
    params: list[object] = [window.first, window.last]
    if filters.source:
        where += " AND source = ?"
        params.append(filters.source)
    if filters.person:
        where += " AND EXISTS (SELECT 1 FROM json_each(people) WHERE value = ?)"
        params.append(filters.person)
    rows = conn.execute(
        f"""SELECT (? - day) / ?, count(*), sum(agree), singles FROM insights_agreement
            WHERE {where} GROUP BY 1, singles""",
        [window.last, bucket_days, *params],
    )
    buckets: dict[int, tuple[list[int], Counter[tuple[str, ...]]]] = {}
    for back, n, agreeing, singles in rows:
        counts, units = buckets.setdefault(int(back), ([0, 0, 0], Counter()))
        counts[0] += n
        counts[1] += agreeing
        if singles is not None:
            units[tuple(orjson.loads(singles))] += n
            counts[2] += n
    out = []
    for back in sorted(buckets, reverse=True):
        (n, agreeing, class_items), units = buckets[back]
        try:
            alpha: float | None = krippendorff_alpha_units(units) if units else None
        except ReviewError:
            alpha = None
        last = window.last - back * bucket_days
        out.append(AgreementPoint(
            max(last - bucket_days + 1, window.first), last, n, agreeing,
            agreeing / n if n else None, alpha, class_items,
        ))  # fmt: skip
    return tuple(out)


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    seq: int
    when: str  # ISO 8601, UTC, from the event's hybrid logical clock
    actor: str
    role: str
    type: str
    device: str
    item: str | None
    synced: bool  # came from the central store rather than made here


@dataclass(frozen=True, slots=True)
class SyncIncident:
    at: str
    server: str
    kind: str
    detail: str


@dataclass(frozen=True, slots=True)
class Timeline:
    window: Window
    events: int  # events in the window (the filters applied)
    entries: tuple[TimelineEntry, ...]  # newest first, at most ``limit``
    by_type: tuple[tuple[str, int], ...]
    devices: tuple[tuple[str, int], ...]
    last_syncs: tuple[tuple[str, str], ...]  # (server, when)
    incidents: tuple[SyncIncident, ...]


def _table(conn: sqlite3.Connection, name: str) -> bool:
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return found is not None


def _iso(hlc: str) -> str:
    return datetime.fromtimestamp(int(hlc[:13]) / 1000, UTC).isoformat(timespec="seconds")


def timeline(
    conn: sqlite3.Connection, window: Window, filters: Filters = NO_FILTER, *, limit: int = 500
) -> Timeline:
    person, p_params = equals("actor", filters.person)
    counts = conn.execute(
        f"""SELECT type, device_id, sum(n) FROM insights_activity
            WHERE day BETWEEN ? AND ? {person} GROUP BY type, device_id""",
        [window.first, window.last, *p_params],
    ).fetchall()
    by_type: Counter[str] = Counter()
    devices: Counter[str] = Counter()
    for t, device, n in counts:
        by_type[t] += int(n)
        devices[device] += int(n)
    lo, hi = key_bounds(window)
    who, w_params = equals("json_extract(body, '$.actor')", filters.person)
    pulled = (
        "EXISTS (SELECT 1 FROM sync_pulled p WHERE e.seq BETWEEN p.first_seq AND p.last_seq)"
        if _table(conn, "sync_pulled")
        else "0"
    )
    rows = conn.execute(
        f"""SELECT seq, hlc, json_extract(body, '$.actor'), json_extract(body, '$.role'), type,
                   device_id, subject_item, {pulled} FROM events e
            WHERE hlc >= ? AND hlc < ? {who} ORDER BY seq DESC LIMIT ?""",
        [lo, hi, *w_params, limit],
    ).fetchall()
    entries = tuple(
        TimelineEntry(s, _iso(h), str(a), str(r), t, d, i, bool(p))
        for s, h, a, r, t, d, i, p in rows
    )
    syncs: tuple[tuple[str, str], ...] = ()
    if _table(conn, "sync_state"):
        syncs = tuple(
            (str(s), str(w))
            for s, w in conn.execute(
                "SELECT server, last_sync FROM sync_state WHERE last_sync IS NOT NULL"
            )
        )
    incidents: tuple[SyncIncident, ...] = ()
    if _table(conn, "sync_incidents"):
        incidents = tuple(
            SyncIncident(*map(str, r))
            for r in conn.execute(
                "SELECT at, server, kind, detail FROM sync_incidents ORDER BY id DESC LIMIT 100"
            )
        )
    return Timeline(
        window, sum(by_type.values()), entries, tuple(sorted(by_type.items())),
        tuple(sorted(devices.items())), syncs, incidents,
    )  # fmt: skip
