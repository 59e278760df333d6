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

from ..review.agreement import krippendorff_alpha_units
from ..review.errors import ReviewError
from ..review.fast import Matched, unpack
from ..review.projection import THRESHOLDS
from .query import equals, key_bounds, source_join
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


def _agree(views: list[bytes | None], digests: list[str | None]) -> bool:
    if None not in digests and len(set(digests)) == 1:
        return True
    if any(v is None for v in views):
        return False
    unpacked = [unpack(v) for v in views if v is not None]
    first = unpacked[0]
    return not any(Matched.of(first, other).differ(THRESHOLDS) for other in unpacked[1:])


def agreement_trend(
    conn: sqlite3.Connection, window: Window, filters: Filters = NO_FILTER, *, bucket_days: int = 7
) -> tuple[AgreementPoint, ...]:
    """Agreement per bucket of ``bucket_days`` days, the last bucket ending with the window."""
    join, params = source_join(filters, "a.item_id")
    rows = conn.execute(
        f"""WITH latest AS (
                SELECT a.item_id, a.actor, a.hash, a.day, max(a.key) FROM insights_answers a
                {join} WHERE a.decision IS NULL GROUP BY a.item_id, a.actor),
            shared AS (SELECT item_id FROM latest GROUP BY item_id
                       HAVING count(*) >= 2 AND max(day) BETWEEN ? AND ?)
            SELECT l.item_id, l.actor, l.day, r.digest, r.view,
                   (SELECT CASE WHEN sum(n) = 1 THEN min(label) END FROM insights_labels c
                    WHERE c.hash = l.hash AND c.kind = 'class')
            FROM latest l JOIN shared USING (item_id)
            LEFT JOIN review_answers r ON r.hash = l.hash ORDER BY l.item_id, l.actor""",
        [*params, window.first, window.last],
    )
    items: dict[str, list[tuple[str, int, str | None, bytes | None, str | None]]] = {}
    for item, actor, day, digest, view, single in rows:
        items.setdefault(item, []).append((actor, day, digest, view, single))
    if filters.person:
        items = {k: v for k, v in items.items() if any(a == filters.person for a, *_ in v)}
    buckets: dict[int, tuple[list[int], Counter[tuple[str, ...]]]] = {}
    for answers in items.values():
        day = max(x[1] for x in answers)
        start = window.last - ((window.last - day) // bucket_days + 1) * bucket_days + 1
        counts, units = buckets.setdefault(start, ([0, 0, 0], Counter()))
        counts[0] += 1
        counts[1] += _agree([x[3] for x in answers], [x[2] for x in answers])
        singles = tuple(sorted(x[4] for x in answers if x[4] is not None))
        if len(singles) >= 2:
            units[singles] += 1
            counts[2] += 1
    out = []
    for start in sorted(buckets):
        (n, agreeing, class_items), units = buckets[start]
        try:
            alpha: float | None = krippendorff_alpha_units(units) if units else None
        except ReviewError:
            alpha = None
        out.append(AgreementPoint(
            max(start, window.first), start + bucket_days - 1, n, agreeing,
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
