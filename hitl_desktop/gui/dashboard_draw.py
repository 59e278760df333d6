"""Drawing a computed ``Dashboard`` into the window's plot panels, with captions that give
every figure's sample size, and alarm badges where drift passed its threshold."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt

from ..insights.dashboard import Dashboard
from ..insights.drift import LabelDrift
from ..insights.windows import day_date, day_number
from .dashboard_plots import CURRENT, REFERENCE, grouped_bars, heatmap, lines

if TYPE_CHECKING:
    from .dashboard_window import DashboardWindow


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x:.1%}"


def _num(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def _shares(values: tuple[int, ...]) -> list[float]:
    total = sum(values)
    return [v / total if total else 0.0 for v in values]


class Painter(QObject):
    """Fills each panel of a dashboard window from one ``Dashboard``."""

    def __init__(self, window: DashboardWindow) -> None:
        super().__init__(window)
        self.window = window

    def draw(self, d: Dashboard) -> None:
        w = self.window
        for p in w.panels.values():
            p.clear()
        alarms = d.alarms
        w.status.setText(
            self.tr("Current window {current}, reference {reference}; {events} events in the "
                    "log. {alarms}").format(
                current=d.period.current.describe(), reference=d.period.reference.describe(),
                events=f"{d.events:,}",
                alarms=self.tr("Alarms: {list}").format(list="; ".join(alarms)) if alarms
                else self.tr("No drift alarm."),
            )
        )  # fmt: skip
        self._corrections(d)
        self._labels(d)
        self._inputs(d)
        self._vocabulary(d)
        self._confusion(d)
        self._agreement(d)
        self._throughput(d)
        self._activity(d)

    def _corrections(self, d: Dashboard) -> None:
        p = self.window.panels["Corrections"]
        before = {r.model: r for r in d.corrections_reference.by_model}
        models = sorted({r.model for r in d.corrections.by_model} | set(before))
        now = {r.model: r for r in d.corrections.by_model}
        if not models:
            p.caption.setText(self.tr("No revision started from a model's suggestion yet."))
            return
        rate = {m: (now[m].rate or 0.0) if m in now else 0.0 for m in models}
        was = {m: (before[m].rate or 0.0) if m in before else 0.0 for m in models}
        grouped_bars(p.item, [m.split("@")[0] for m in models], [
            (self.tr("reference"), [was[m] for m in models], REFERENCE),
            (self.tr("current"), [rate[m] for m in models], CURRENT),
        ])  # fmt: skip
        p.item.setLabel("left", self.tr("share of suggestions changed"))
        p.caption.setText("\n".join(
            self.tr("{model}: {changed} of {n} changed ({rate}); before: {was_n} ({was})").format(
                model=m, changed=now[m].changed if m in now else 0,
                n=now[m].accepted if m in now else 0, rate=_pct(now[m].rate) if m in now else "–",
                was_n=before[m].accepted if m in before else 0,
                was=_pct(before[m].rate) if m in before else "–")
            for m in models
        ))  # fmt: skip

    def _pick(self, drifts: tuple[LabelDrift, ...]) -> LabelDrift | None:
        for d in drifts:
            if d.kind == "class":
                return d
        return drifts[0] if drifts else None

    def _labels(self, d: Dashboard) -> None:
        p = self.window.panels["Labels"]
        shown = self._pick(d.label_drift)
        if shown is None:
            p.caption.setText(self.tr("No answer in either window."))
            return
        grouped_bars(p.item, list(shown.labels), [
            (self.tr("reference"), _shares(shown.reference), REFERENCE),
            (self.tr("current"), _shares(shown.current), CURRENT),
        ])  # fmt: skip
        p.item.setLabel("left", self.tr("share of labels"))
        alarmed = [x for x in d.label_drift if x.alarm]
        p.set_alarm(
            self.tr("ALARM PSI {psi}").format(psi=_num(alarmed[0].psi)) if alarmed else None
        )
        p.caption.setText("\n".join(
            self.tr("{kind}: {n_ref} items before, {n_cur} now; PSI {psi}, chi-square {chi2} "
                    "(p {p}). {note}").format(
                kind=x.kind, n_ref=x.n_reference, n_cur=x.n_current, psi=_num(x.psi),
                chi2=_num(x.chi2), p=_num(x.p_value), note=x.note)
            for x in d.label_drift
        ))  # fmt: skip

    def _inputs(self, d: Dashboard) -> None:
        p = self.window.panels["Inputs"]
        stats = [x for x in d.input_drift if x.psi is not None]
        if not d.input_drift:
            p.caption.setText(self.tr("No item imported in either window."))
            return
        grouped_bars(p.item, [x.stat for x in stats],
                     [(self.tr("PSI"), [x.psi or 0.0 for x in stats], CURRENT)])  # fmt: skip
        threshold = pg.InfiniteLine(
            pos=0.2, angle=0, pen=pg.mkPen((192, 57, 43), style=Qt.PenStyle.DashLine)
        )
        p.item.addItem(threshold)
        alarmed = [x.stat for x in d.input_drift if x.alarm]
        p.set_alarm(self.tr("ALARM {stats}").format(stats=", ".join(alarmed)) if alarmed else None)
        p.caption.setText("\n".join(
            self.tr("{stat}: {n_ref} items before, {n_cur} now; mean {mean_ref} -> {mean_cur}. "
                    "{note}").format(
                stat=x.stat, n_ref=x.n_reference, n_cur=x.n_current,
                mean_ref=_num(x.mean_reference), mean_cur=_num(x.mean_current), note=x.note)
            for x in d.input_drift
        ))  # fmt: skip

    def _vocabulary(self, d: Dashboard) -> None:
        p = self.window.panels["Vocabulary"]
        v = d.vocabulary
        if v is None or not (v.reference_items or v.current_items):
            p.caption.setText(self.tr("No text in either window."))
            return
        terms = list(v.new_terms[:10])
        grouped_bars(p.item, [t for t, _ in terms],
                     [(self.tr("new words"), [n for _, n in terms], CURRENT)])  # fmt: skip
        p.item.setLabel("left", self.tr("times used in the current window"))
        p.caption.setText(self.tr(
            "{unseen} of {words} words in the current window ({share}) were never seen in the "
            "reference window; texts read: {n_ref} before, {n_cur} now. {note}").format(
            unseen=v.unseen_words, words=v.current_words, share=_pct(v.unseen_share),
            n_ref=v.reference_items, n_cur=v.current_items, note=v.note))  # fmt: skip

    def _confusion(self, d: Dashboard) -> None:
        p = self.window.panels["Confusion"]
        if not d.confusion:
            p.caption.setText(self.tr("No adjudicated item with a model's class pre-label in the "
                                      "current window."))  # fmt: skip
            return
        c = d.confusion[0]
        heatmap(p.item, c.labels, c.matrix)
        p.item.setLabel("left", self.tr("adjudicated"))
        p.item.setLabel("bottom", self.tr("model: {model}").format(model=c.model))
        scores = "; ".join(
            self.tr("{label} P {p} R {r} F1 {f1}").format(
                label=s.label, p=_num(s.precision), r=_num(s.recall), f1=_num(s.f1))
            for s in c.scores
        )  # fmt: skip
        p.caption.setText(self.tr("{items} items, accuracy {acc}. {scores}").format(
            items=c.items, acc=_pct(c.accuracy), scores=scores))  # fmt: skip

    def _agreement(self, d: Dashboard) -> None:
        p = self.window.panels["Agreement"]
        points = d.agreement
        if not points:
            p.caption.setText(self.tr("No item answered by two or more people."))
            return
        xs = list(range(len(points)))
        lines(p.item, xs, [
            (self.tr("share agreeing"), [x.share or 0.0 for x in points]),
            (self.tr("Krippendorff's alpha"), [x.alpha if x.alpha is not None else float("nan")
                                               for x in points]),
        ])  # fmt: skip
        p.item.getAxis("bottom").setTicks(
            [[(i, day_date(x.last_day).strftime("%m-%d")) for i, x in enumerate(points)]]
        )
        p.caption.setText(self.tr("Items compared per week: {counts}").format(
            counts=", ".join(str(x.items) for x in points)))  # fmt: skip

    def _throughput(self, d: Dashboard) -> None:
        p = self.window.panels["Throughput"]
        t = d.throughput
        if not t.days:
            p.caption.setText(self.tr("Nobody worked in the current window."))
            return
        first = t.window.first
        days = list(range(t.window.days))
        people = sorted({x.person for x in t.days})
        per = {(x.person, x.day - first): x.answers for x in t.days}
        lines(p.item, days, [(who, [per.get((who, k), 0) for k in days]) for who in people])
        p.item.getAxis("bottom").setTicks(
            [[(k, day_date(first + k).strftime("%m-%d")) for k in days[:: max(len(days) // 7, 1)]]]
        )
        p.caption.setText("; ".join(
            self.tr("{who}: {answers} answers, {decisions} decisions").format(
                who=x.person, answers=x.answers, decisions=x.decisions) for x in t.people
        ))  # fmt: skip

    def _activity(self, d: Dashboard) -> None:
        p = self.window.panels["Activity"]
        t = d.timeline
        if not t.entries:
            p.caption.setText(self.tr("No event in the current window."))
            return
        actors = sorted({e.actor for e in t.entries})
        start = t.window.first
        xs = [(_day_of(e.when) - start) + _hour_of(e.when) / 24 for e in t.entries]
        ys = [actors.index(e.actor) for e in t.entries]
        scatter = pg.ScatterPlotItem(xs, ys, size=7, brush=pg.mkBrush(*CURRENT, 160), pen=None)
        p.item.addItem(scatter)
        p.item.getAxis("left").setTicks([[(i, a) for i, a in enumerate(actors)]])
        p.item.setLabel("bottom", self.tr("days since {first}").format(first=day_date(start)))
        p.caption.setText(self.tr("{n} events in the current window ({shown} latest shown); by "
                                  "type: {types}").format(
            n=t.events, shown=len(t.entries),
            types=", ".join(f"{k} {v}" for k, v in t.by_type)))  # fmt: skip


def _day_of(iso: str) -> int:
    return day_number(date.fromisoformat(iso[:10]))


def _hour_of(iso: str) -> float:
    return int(iso[11:13]) + int(iso[14:16]) / 60
