"""How often people changed what a model suggested, per model version and per label.

Built on the review projection's ``model_corrections`` (one row per revision that accepted a
pre-label or OCR run, with how many differences the person made): a suggestion is
*changed* when the accepting revision differs from it at all. Per label: the suggestions that
carried the label (a pre-label's best class, or one of its boxes or spans; a label used by
two kinds has a row per kind), so a label the model gets wrong stands out. A window holds the revisions saved in it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from .query import equals, key_bounds, source_join
from .windows import NO_FILTER, Filters, Window


@dataclass(frozen=True, slots=True)
class CorrectionRate:
    model: str  # the model version (``name@weights``, or ``engine@version`` for OCR)
    label: str | None  # None: all the model's suggestions
    accepted: int  # suggestions a person took as the start of their answer
    changed: int  # of those, how many the person changed
    rate: float | None  # changed / accepted; None without any


@dataclass(frozen=True, slots=True)
class Corrections:
    window: Window
    by_model: tuple[CorrectionRate, ...]
    by_label: tuple[CorrectionRate, ...]  # per (model, label)

    @property
    def accepted(self) -> int:
        return sum(r.accepted for r in self.by_model)


def _rate(model: str, label: str | None, n: int, changed: int) -> CorrectionRate:
    return CorrectionRate(model, label, n, changed, changed / n if n else None)


def correction_rates(
    conn: sqlite3.Connection, window: Window, filters: Filters = NO_FILTER
) -> Corrections:
    """Correction rates of the revisions saved in ``window`` (filtered by source, person,
    model; the label filter keeps suggestions carrying that label)."""
    lo, hi = key_bounds(window)
    join, params = source_join(filters, "m.item_id")
    person, p_params = equals("m.actor", filters.person)
    model, m_params = equals("m.model", filters.model)
    label, l_params = equals("l.label", filters.label)
    where = f"m.rev_key >= ? AND m.rev_key < ? {person} {model}"
    args = [*params, lo, hi, *p_params, *m_params]
    if filters.label:
        by_model_rows = conn.execute(
            f"""SELECT m.model, count(*), sum(m.differences > 0) FROM model_corrections m {join}
                WHERE {where} AND EXISTS (SELECT 1 FROM insights_labels l
                                          WHERE l.hash = m.source {label})
                GROUP BY m.model ORDER BY m.model""",
            [*args, *l_params],
        ).fetchall()
    else:
        by_model_rows = conn.execute(
            f"""SELECT m.model, count(*), sum(m.differences > 0) FROM model_corrections m {join}
                WHERE {where} GROUP BY m.model ORDER BY m.model""",
            args,
        ).fetchall()
    by_label_rows = conn.execute(
        f"""SELECT m.model, l.label, count(*), sum(m.differences > 0)
            FROM model_corrections m {join} JOIN insights_labels l ON l.hash = m.source
            WHERE {where} {label} GROUP BY m.model, l.kind, l.label
            ORDER BY m.model, l.label, l.kind""",
        [*args, *l_params],
    ).fetchall()
    return Corrections(
        window,
        tuple(_rate(m, None, n, int(c)) for m, n, c in by_model_rows),
        tuple(_rate(m, lab, n, int(c)) for m, lab, n, c in by_label_rows),
    )
