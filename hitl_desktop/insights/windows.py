"""Time windows (a reference window and a current one) and the dashboard's filters.

Days are whole UTC days counted from 1970-01-01, the unit every ``insights_*`` table keys its
rows by, so a window is two day numbers and every window query is a range scan.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

DAY_MS = 86_400_000
_EPOCH = date(1970, 1, 1)


class WindowError(ValueError):
    """A window that cannot be used (empty, reversed, or a date that does not parse)."""


def day_of_ms(ms: int) -> int:
    return ms // DAY_MS


def day_of_key(key: str) -> int:
    """The day of an ``order_key`` or HLC string (its first 13 digits are milliseconds)."""
    return int(key[:13]) // DAY_MS


def day_number(d: date) -> int:
    return (d - _EPOCH).days


def day_date(day: int) -> date:
    return _EPOCH + timedelta(days=day)


def parse_day(text: str) -> int:
    """``YYYY-MM-DD`` as a day number; ``WindowError`` naming the text otherwise."""
    try:
        return day_number(date.fromisoformat(text.strip()))
    except ValueError:
        raise WindowError(f"{text!r} is not a date: write it as YYYY-MM-DD") from None


@dataclass(frozen=True, slots=True)
class Window:
    """The days ``first`` to ``last``, both included."""

    first: int
    last: int

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise WindowError(
                f"a window cannot end ({day_date(self.last)}) before it starts "
                f"({day_date(self.first)})"
            )

    @property
    def days(self) -> int:
        return self.last - self.first + 1

    def contains(self, day: int) -> bool:
        return self.first <= day <= self.last

    def describe(self) -> str:
        return f"{day_date(self.first).isoformat()} to {day_date(self.last).isoformat()}"


@dataclass(frozen=True, slots=True)
class Period:
    """What is compared: the reference window (before) and the current one."""

    reference: Window
    current: Window

    @property
    def span(self) -> Window:
        return Window(min(self.reference.first, self.current.first), self.current.last)


def last_days(end_day: int, current_days: int = 14, reference_days: int | None = None) -> Period:
    """The last ``current_days`` up to ``end_day`` against the ``reference_days`` before them
    (as many as the current window when not given)."""
    ref_days = current_days if reference_days is None else reference_days
    if current_days < 1 or ref_days < 1:
        raise WindowError("each window needs at least one day")
    current = Window(end_day - current_days + 1, end_day)
    return Period(Window(current.first - ref_days, current.first - 1), current)


def between(reference: tuple[str, str], current: tuple[str, str]) -> Period:
    """Explicit windows from ``YYYY-MM-DD`` dates (first and last day, both included)."""
    return Period(
        Window(parse_day(reference[0]), parse_day(reference[1])),
        Window(parse_day(current[0]), parse_day(current[1])),
    )


def latest_day(conn: sqlite3.Connection) -> int:
    """The day of the newest event in the log (today for an empty log): windows end there by
    default, so a workspace last used a month ago still shows its last weeks."""
    row = conn.execute("SELECT max(hlc) FROM events").fetchone()
    if row is None or row[0] is None:
        return day_of_ms(time.time_ns() // 1_000_000)
    return day_of_key(str(row[0]))


def today() -> int:
    return day_number(datetime.now(UTC).date())


@dataclass(frozen=True, slots=True)
class Filters:
    """Narrow the figures to one source, label, person (actor) or model; None: all."""

    source: str | None = None
    label: str | None = None
    person: str | None = None
    model: str | None = None

    def describe(self) -> str:
        parts = [
            f"{name} {value!r}"
            for name, value in (
                ("source", self.source),
                ("label", self.label),
                ("person", self.person),
                ("model", self.model),
            )
            if value
        ]
        return ", ".join(parts) if parts else "no filter"


NO_FILTER = Filters()
