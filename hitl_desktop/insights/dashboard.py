"""Every figure of the dashboard at once, as plain dataclasses (for the GUI, the CLI, the
report): corrections, drift, validation, confusion, agreement, throughput and timeline."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from ..workspace.progress import CancelToken, ProgressFn
from ..workspace.projector import gc_paused
from .activity import AgreementPoint, Throughput, Timeline, agreement_trend, throughput, timeline
from .confusion import Confusion, confusion
from .corrections import Corrections, correction_rates
from .drift import (
    DriftThresholds,
    InputDrift,
    LabelDrift,
    input_drift,
    label_drift,
)
from .validation import Validation, validation_summary
from .vocabulary import ReadText, VocabularyDrift, vocabulary_drift
from .windows import NO_FILTER, Filters, Period

DEFAULT_THRESHOLDS = DriftThresholds()


@dataclass(frozen=True, slots=True)
class Dashboard:
    period: Period
    filters: Filters
    events: int  # events in the log
    corrections: Corrections  # the current window
    corrections_reference: Corrections
    label_drift: tuple[LabelDrift, ...]
    input_drift: tuple[InputDrift, ...]
    vocabulary: VocabularyDrift | None  # None when no text reader was given
    validation: Validation
    confusion: tuple[Confusion, ...]  # items decided in the current window
    agreement: tuple[AgreementPoint, ...]  # over both windows, weekly
    throughput: Throughput  # the current window
    timeline: Timeline  # the current window

    @property
    def alarms(self) -> list[str]:
        """One line per alarm raised (label or input drift)."""
        out = [f"labels ({d.kind}): {d.note}" for d in self.label_drift if d.alarm]
        out += [f"input {d.stat}: {d.note}" for d in self.input_drift if d.alarm]
        return out

    def to_json(self) -> dict[str, Any]:
        return _lists(asdict(self))


def _lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_lists(v) for v in value]
    return value


def compute_dashboard(
    conn: sqlite3.Connection,
    period: Period,
    filters: Filters = NO_FILTER,
    *,
    read_text: ReadText | None = None,
    thresholds: DriftThresholds = DEFAULT_THRESHOLDS,
    bucket_days: int = 7,
    progress: ProgressFn | None = None,
    cancel: CancelToken | None = None,
) -> Dashboard:
    """All figures for ``period`` from the ``insights_*`` and review tables (read-only);
    ``progress(done, 10)`` after each figure, ``cancel`` checked between them."""
    cur = period.current
    steps: list[Callable[[], Any]] = [
        # events are never deleted, so the local sequence counts them without a scan
        lambda: int(conn.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0]),
        lambda: correction_rates(conn, cur, filters),
        lambda: correction_rates(conn, period.reference, filters),
        lambda: label_drift(conn, period, filters, thresholds),
        lambda: input_drift(conn, period, filters, thresholds),
        lambda: vocabulary_drift(
            conn, period, read_text, filters, min_samples=thresholds.min_samples
        ) if read_text is not None else None,
        lambda: validation_summary(conn, filters),
        lambda: confusion(conn, cur, filters),
        lambda: agreement_trend(conn, period.span, filters, bucket_days=bucket_days),
        lambda: throughput(conn, cur, filters),
        lambda: timeline(conn, cur, filters),
    ]  # fmt: skip
    found = []
    with gc_paused():
        for done, step in enumerate(steps):
            if cancel is not None:
                cancel.check()
            found.append(step())
            if progress is not None:
                progress(done + 1, len(steps))
    return Dashboard(period, filters, *found)


@dataclass(frozen=True, slots=True)
class FilterChoices:
    """What the dashboard's filter lists offer."""

    sources: tuple[str, ...]
    labels: tuple[str, ...]
    people: tuple[str, ...]
    models: tuple[str, ...]


def filter_choices(conn: sqlite3.Connection) -> FilterChoices:
    def column(sql: str) -> tuple[str, ...]:
        return tuple(str(r[0]) for r in conn.execute(sql) if r[0])

    return FilterChoices(
        column("SELECT DISTINCT source FROM insights_items ORDER BY 1"),
        column("SELECT DISTINCT label FROM insights_item_labels ORDER BY 1"),
        column(
            "SELECT DISTINCT actor FROM insights_activity WHERE actor NOT LIKE 'model:%' ORDER BY 1"
        ),
        column(
            "SELECT id FROM models UNION SELECT DISTINCT model FROM model_corrections ORDER BY 1"
        ),
    )
