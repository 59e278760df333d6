"""Hybrid logical clock and UUIDv7 ids."""

from __future__ import annotations

import time
import uuid

import pytest

from hitl_desktop.lineage import HLC, HybridClock, parse_hlc, uuid7
from hitl_desktop.lineage.ids import uuid7_time_ms


class FakeWall:
    def __init__(self, ms: int) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


def test_clock_never_goes_back_when_the_wall_clock_does() -> None:
    wall = FakeWall(1_700_000_000_000)
    clock = HybridClock(wall)
    a = clock.now()
    wall.ms -= 86_400_000  # set back a day
    b, c = clock.now(), clock.now()
    assert a < b < c
    assert b.ms == a.ms  # stays at the highest time seen, counting up
    wall.ms += 2 * 86_400_000
    assert clock.now() == HLC(wall.ms, 0)


def test_observing_a_remote_event_moves_past_it() -> None:
    wall = FakeWall(1_000)
    clock = HybridClock(wall)
    remote = HLC(5_000, 7)  # another device whose clock runs ahead
    clock.observe(remote)
    assert clock.now() > remote


def test_counter_overflow_borrows_a_millisecond() -> None:
    clock = HybridClock(FakeWall(1_000), last=HLC(1_000, 99_999))
    assert clock.now() == HLC(1_001, 0)


def test_text_form_sorts_like_the_clock() -> None:
    stamps = [HLC(999, 5), HLC(1_000, 0), HLC(1_000, 12), HLC(12_345_678, 3)]
    texts = [str(s) for s in stamps]
    assert sorted(texts) == texts
    assert [parse_hlc(t) for t in texts] == stamps
    with pytest.raises(ValueError, match="hybrid logical clock"):
        parse_hlc("2026-01-01")


def test_uuid7_is_time_ordered_and_valid() -> None:
    ids = [uuid7() for _ in range(5_000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    u = uuid.UUID(ids[0])
    assert u.version == 7 and u.variant == uuid.RFC_4122
    assert abs(uuid7_time_ms(ids[0]) - time.time() * 1000) < 5_000
