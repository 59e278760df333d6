"""How often people changed what a model suggested, per model version and per label.

Built on the review projection's ``model_corrections`` (one row per revision that accepted a
pre-label or OCR run, with how many differences the person made; copied per item with its day
into ``insights_corrections``): a suggestion is
*changed* when the accepting revision differs from it at all. Per label: the suggestions that
carried the label (a pre-label's best class, or one of its boxes or spans; a label used by
two kinds has a row per kind), so a label the model gets wrong stands out. A window holds the revisions saved in it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from .query import equals
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
    source, s_params = equals("src.source", filters.source)
    join = "JOIN insights_items src ON src.item_id = c.item_id" if filters.source else ""
    person, p_params = equals("c.actor", filters.person)
    model, m_params = equals("c.model", filters.model)
    label, l_params = equals("c.label", filters.label)
    where = f"c.day BETWEEN ? AND ? {source} {person} {model}"
    args = [window.first, window.last, *s_params, *p_params, *m_params]
    if filters.label:  # suggestions carrying the label, each counted once
        by_model_rows = conn.execute(
            f"""SELECT c.model, count(DISTINCT c.revision || c.source), 0 FROM
                insights_correction_labels c {join} WHERE {where} {label}
                GROUP BY c.model ORDER BY c.model""",
            [*args, *l_params],
        ).fetchall()
        changed = dict(conn.execute(
            f"""SELECT c.model, count(DISTINCT c.revision || c.source) FROM
                insights_correction_labels c {join} WHERE {where} {label}
                AND c.changed GROUP BY c.model""",
            [*args, *l_params],
        ).fetchall())  # fmt: skip
        by_model_rows = [(m, n, changed.get(m, 0)) for m, n, _ in by_model_rows]
    else:
        by_model_rows = conn.execute(
            f"""SELECT c.model, count(*), sum(c.changed) FROM insights_corrections c {join}
                WHERE {where} GROUP BY c.model ORDER BY c.model""",
            args,
        ).fetchall()
    by_label_rows = conn.execute(
        f"""SELECT c.model, c.label, count(*), sum(c.changed)
            FROM insights_correction_labels c {join}
            WHERE {where} {label} GROUP BY c.model, c.kind, c.label
            ORDER BY c.model, c.label, c.kind""",
        [*args, *l_params],
    ).fetchall()
    return Corrections(
        window,
        tuple(_rate(m, None, n, int(c)) for m, n, c in by_model_rows),
        tuple(_rate(m, lab, n, int(c)) for m, lab, n, c in by_label_rows),
    )
