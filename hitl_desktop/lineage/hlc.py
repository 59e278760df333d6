"""Hybrid logical clock (Kulkarni et al. 2014).

Timestamps are strings ``"<13-digit ms>-<5-digit counter>"`` so that plain string comparison
(in Python and in SQL) orders them. The clock never goes backwards, even when the wall clock
does, and ``observe`` moves it past any timestamp received from another device, so an event
always sorts after every event its author had seen.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["HLC", "HybridClock", "format_hlc", "parse_hlc"]

_MAX_COUNTER = 99_999


@dataclass(frozen=True, order=True, slots=True)
class HLC:
    ms: int
    counter: int

    def __str__(self) -> str:
        return format_hlc(self)


def format_hlc(h: HLC) -> str:
    return f"{h.ms:013d}-{h.counter:05d}"


def parse_hlc(text: str) -> HLC:
    ms, sep, counter = text.partition("-")
    if not sep or len(ms) != 13 or len(counter) != 5 or not (ms + counter).isdigit():
        raise ValueError(f"not a hybrid logical clock timestamp: {text!r}")
    return HLC(int(ms), int(counter))


class HybridClock:
    """Thread-safe HLC; ``wall_ms`` is injectable so tests can set the clock back a day."""

    def __init__(self, wall_ms: Callable[[], int] | None = None, last: HLC | None = None) -> None:
        self._wall_ms = wall_ms or (lambda: time.time_ns() // 1_000_000)
        self._last = last or HLC(0, 0)
        self._lock = threading.Lock()

    @property
    def last(self) -> HLC:
        return self._last

    def now(self) -> HLC:
        with self._lock:
            self._last = self._advance(self._last, None)
            return self._last

    def observe(self, remote: HLC) -> None:
        """Move the clock past a timestamp seen in another device's event."""
        with self._lock:
            self._last = self._advance(self._last, remote)

    def _advance(self, last: HLC, remote: HLC | None) -> HLC:
        pt = self._wall_ms()
        top = max(last, remote) if remote is not None else last
        if pt > top.ms:
            return HLC(pt, 0)
        if remote is not None and remote.ms == last.ms:
            counter = max(last.counter, remote.counter) + 1
        else:
            counter = top.counter + 1
        if counter > _MAX_COUNTER:  # keep monotonic: borrow a millisecond from the future
            return HLC(top.ms + 1, 0)
        return HLC(top.ms, counter)
