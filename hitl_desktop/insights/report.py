"""The stakeholder report: one self-contained HTML file that explains a dataset and its lineage
in plain words (``hitl report``; Insights → Stakeholder report… in the app).

Every chart is an SVG embedded as a ``data:`` URI, the style sheet is inline, and nothing is
fetched from anywhere, so the file can be mailed, archived, opened offline, or printed to PDF
(browsers and Qt's printer both read it). Every figure says how many items it rests on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from .. import __version__
from .dashboard import Dashboard
from .flow import DatasetFlow
from .report_svg import bar_chart, data_uri, flow_chart, heatmap, line_chart
from .windows import day_date

__all__ = ["Report", "ReportMeta", "build_report"]

_CSS = """
body{font-family:'DejaVu Sans','Segoe UI',Arial,sans-serif;max-width:60em;margin:2em auto;
padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:1.8em;border-bottom:1px solid #ccc}
.lead{color:#555}.alarm{background:#fde8e6;border-left:4px solid #b5443c;padding:.4em .8em}
.ok{background:#e8f4ec;border-left:4px solid #3a9a5b;padding:.4em .8em}
table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #ddd;padding:.25em .6em;
text-align:start;unicode-bidi:plaintext}th{background:#f3f3f3}
td.n{text-align:end;font-variant-numeric:tabular-nums}
.figure{margin:1em 0}.caption{color:#555;font-size:.9em;margin-top:0}
dt{font-weight:bold}dd{margin:0 0 .6em 1.5em}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}.figure{break-inside:avoid}}
"""


@dataclass(frozen=True)
class ReportMeta:
    project: str
    generated_at: str  # ISO 8601, UTC
    log_check: str = ""  # a sentence on the log's verification, when it was checked


@dataclass
class Report:
    html: str
    charts: list[str] = field(default_factory=list)  # the id of every chart, in order


class _Doc:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.charts: list[str] = []

    def add(self, html: str) -> None:
        self.parts.append(html)

    def p(self, text: str, cls: str = "") -> None:
        attr = f' class="{cls}"' if cls else ""
        self.parts.append(f"<p{attr}>{escape(text)}</p>")

    def h2(self, text: str) -> None:
        self.parts.append(f"<h2>{escape(text)}</h2>")

    def chart(self, chart_id: str, svg: str, caption: str) -> None:
        self.charts.append(chart_id)
        # a div of paragraphs, not <figure>: Qt's rich text (PDF printing) knows only the former
        self.parts.append(
            f'<div class="figure" id="{chart_id}"><p><img src="{data_uri(svg)}" '
            f'alt="{escape(caption)}"/></p><p class="caption">{escape(caption)}</p></div>'
        )

    def table(self, head: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        cells = "".join(f"<th>{escape(h)}</th>" for h in head)
        body = "".join(
            "<tr>" + "".join(_cell(v) for v in row) + "</tr>" for row in rows
        )  # fmt: skip
        self.parts.append(f"<table><tr>{cells}</tr>{body}</table>")


def _cell(v: object) -> str:
    if isinstance(v, int | float) and not isinstance(v, bool):
        text = f"{v:,}" if isinstance(v, int) else f"{v:.3f}"
        return f'<td class="n">{text}</td>'
    return f"<td>{escape(str(v))}</td>"


def _pct(x: float | None) -> str:
    return "not enough data" if x is None else f"{x:.0%}"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def build_report(meta: ReportMeta, flow: DatasetFlow, d: Dashboard) -> Report:
    """The whole report for a dataset flow and a dashboard computed over the same log."""
    doc = _Doc()
    _summary(doc, meta, flow, d)
    _sources(doc, flow)
    _movement(doc, flow)
    _people(doc, flow, d)
    _models(doc, flow, d)
    _quality(doc, d)
    _drift(doc, d)
    _checks(doc, d)
    _lineage(doc, meta, flow, d)
    _glossary(doc)
    title = f"{meta.project}: dataset report"
    html = (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/>'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        + "".join(doc.parts)
        + f'<p class="lead">Made by HITL Desktop {escape(__version__)}.</p></body></html>'
    )
    return Report(html, doc.charts)


def _summary(doc: _Doc, meta: ReportMeta, flow: DatasetFlow, d: Dashboard) -> None:
    doc.add(f"<h1>{escape(meta.project)}: dataset report</h1>")
    doc.p(f"Made {meta.generated_at}. It compares the current period "
          f"({d.period.current.describe()}) with the one before "
          f"({d.period.reference.describe()}).", "lead")  # fmt: skip
    doc.p(
        "This report explains where the data came from, who and which models labelled it, how "
        "the labels were checked, and whether anything is changing. Every number comes from "
        "the project's change log, in which each change is a signed record of who did what, "
        "with which model and which label rules."
    )
    people = {p.actor for p in flow.people if not p.actor.startswith("model:")}
    doc.table(("What", "How many"), [
        ("Sources of data", len(flow.sources)),
        ("Items (files and pages)", flow.stage("items")),
        ("Items labelled by people", flow.stage("corrected")),
        ("Items checked in review", flow.stage("reviewed")),
        ("People who worked on it", len(people)),
        ("Model versions that made suggestions", len(flow.models)),
        ("Exports of the dataset", flow.exports),
        ("Recorded changes (events)", d.events),
    ])  # fmt: skip
    if d.alarms:
        doc.add('<div class="alarm"><p><strong>Needs attention:</strong></p><ul>'
                + "".join(f"<li>{escape(a)}</li>" for a in d.alarms) + "</ul></div>")  # fmt: skip
    else:
        doc.p("No drift alarm: labels and inputs of the current period look like the "
              "period before, or there are too few items to tell.", "ok")  # fmt: skip


def _sources(doc: _Doc, flow: DatasetFlow) -> None:
    doc.h2("Where the data came from")
    if not flow.sources:
        doc.p("Nothing has been imported yet.")
        return
    doc.table(("Source", "Items", "Retired", "Collected by", "Licence", "Privacy", "Imported"),
              [(s.name, s.items, s.retired_items, ", ".join(s.collectors) or "not recorded",
                ", ".join(s.licences) or "not recorded", ", ".join(s.privacy) or "none",
                f"{s.first_import[:10]} to {s.last_import[:10]}") for s in flow.sources])  # fmt: skip
    if flow.retired_items:
        doc.p(f"{_plural(flow.retired_items, 'item')} were retired (taken out of use, kept in "
              "the log)" + (f"; retired sources: {', '.join(flow.retired_sources)}."
                            if flow.retired_sources else "."))  # fmt: skip


def _movement(doc: _Doc, flow: DatasetFlow) -> None:
    doc.h2("How the data moved")
    stages = [(s.name, s.count) for s in flow.stages]
    doc.chart("chart-flow", flow_chart("From sources to exports", stages),
              "Each box counts the items that reached that step: imported, given model "
              "suggestions, labelled or corrected by a person, checked in review, exported.")  # fmt: skip
    if flow.status_counts:
        doc.table(("Status", "Items"), sorted(flow.status_counts.items()))
    if flow.schema_versions:
        doc.p("Label rules (schema versions) the answers were given under:")
        doc.table(("Schema version", "Answers"),
                  [(ref or "none (before any schema)", n)
                   for ref, n in sorted(flow.schema_versions.items())])  # fmt: skip


def _people(doc: _Doc, flow: DatasetFlow, d: Dashboard) -> None:
    doc.h2("Who did the work")
    per = {k: v for k, v in flow.per_person().items() if not k[0].startswith("model:")}
    if not per:
        doc.p("No one has recorded any work yet.")
        return
    names = [f"{who} ({role})" for who, role in per]
    doc.chart("chart-people", bar_chart("Recorded changes per person", names,
                                        [("changes", list(per.values()))]),
              "All changes each person made, over the whole project.")  # fmt: skip
    doc.table(("Person", "Role", "Changes"), [(who, role, n) for (who, role), n in per.items()])
    people = d.throughput.people
    if people:
        doc.chart("chart-throughput", bar_chart(
            f"Answers and review decisions, {d.period.current.describe()}",
            [p.person for p in people],
            [("answers", [p.answers for p in people]),
             ("decisions", [p.decisions for p in people])]),
            "Work in the current period: answers saved and review decisions made.")  # fmt: skip


def _models(doc: _Doc, flow: DatasetFlow, d: Dashboard) -> None:
    doc.h2("Which models helped, and how often people corrected them")
    if not flow.models:
        doc.p("No model or OCR engine has made suggestions yet.")
        return
    doc.table(("Task", "Model", "Version", "Items", "Suggestions"),
              [(m.task, m.name or m.model_id, m.version or "not recorded", m.items, m.events)
               for m in flow.models])  # fmt: skip
    cur = {r.model: r for r in d.corrections.by_model}
    ref = {r.model: r for r in d.corrections_reference.by_model}
    models = sorted(set(cur) | set(ref))
    if not models:
        doc.p("No suggestion has been taken up by a person yet, so no correction rate exists.")
        return
    doc.chart("chart-corrections", bar_chart(
        "Share of accepted suggestions that people changed", models,
        [("before", [ref[m].rate if m in ref else None for m in models]),
         ("now", [cur[m].rate if m in cur else None for m in models])],
        fmt="{:.0%}", max_value=1.0),
        "A high share means the model's suggestions often needed fixing.")  # fmt: skip
    doc.table(("Model", "Suggestions taken now", "Changed", "Share changed"),
              [(m, cur[m].accepted if m in cur else 0, cur[m].changed if m in cur else 0,
                _pct(cur[m].rate if m in cur else None)) for m in models])  # fmt: skip


def _quality(doc: _Doc, d: Dashboard) -> None:
    doc.h2("How good the labels are")
    points = [p for p in d.agreement if p.items]
    if points:
        doc.chart("chart-agreement", line_chart(
            "Agreement between people over time",
            [day_date(p.first_day).isoformat() for p in d.agreement],
            [("share agreeing", [p.share for p in d.agreement]),
             ("Krippendorff's alpha", [p.alpha for p in d.agreement])], y_max=1.0),
            "When two people label the same item, how often they agree. Gaps: no item was "
            f"double-labelled then. Items compared: {sum(p.items for p in points):,}.")  # fmt: skip
    else:
        doc.p("No item has been labelled by two people yet, so agreement cannot be measured.")
    for c in d.confusion[:3]:
        if not c.labels:
            continue
        doc.chart(f"chart-confusion-{len(doc.charts)}", heatmap(
            f"{c.model} against the reviewed answer", c.labels, c.matrix),
            f"Rows: the answer agreed in review; columns: the model's suggestion. "
            f"{_plural(c.items, 'item')}, accuracy {_pct(c.accuracy)}.")  # fmt: skip
        doc.table(
            ("Label", "Items", "Precision", "Recall"),
            [(s.label, s.support, _pct(s.precision), _pct(s.recall)) for s in c.scores],
        )


def _drift(doc: _Doc, d: Dashboard) -> None:
    doc.h2("Is anything changing?")
    doc.p("Drift means the data or its labels no longer look like before: new kinds of "
          "documents, a label that became rare, longer texts. A model trained on the old data "
          "may then do worse. No alarm is raised on small samples.")  # fmt: skip
    for ld in d.label_drift:
        doc.chart(f"chart-labels-{ld.kind}", bar_chart(
            f"Share of {ld.kind} labels, before and now", list(ld.labels),
            [("before", _shares(ld.reference)), ("now", _shares(ld.current))], fmt="{:.0%}"),
            f"{ld.n_reference:,} item(s) before, {ld.n_current:,} now. {ld.note}")  # fmt: skip
    if d.input_drift:
        doc.table(("Input measure", "Items before", "Items now", "Typical before",
                   "Typical now", "Verdict"),
                  [(i.stat, i.n_reference, i.n_current, _num(i.median_reference),
                    _num(i.median_current), ("ALARM: " if i.alarm else "") + i.note)
                   for i in d.input_drift])  # fmt: skip
    v = d.vocabulary
    if v is not None and v.current_words:
        doc.p(
            f"Vocabulary: {_pct(v.unseen_share)} of the words in the current period's texts "
            f"were never seen before ({v.unseen_words:,} of {v.current_words:,}). {v.note}"
        )


def _shares(counts: Sequence[int]) -> list[float | None]:
    """Each count's share of the total; "n/a" (None) for a window with no label at all."""
    total = sum(counts)
    return [c / total if total else None for c in counts]


def _num(x: float | None) -> str:
    return "n/a" if x is None else f"{x:,.1f}"


def _checks(doc: _Doc, d: Dashboard) -> None:
    doc.h2("Data checks")
    for b in d.validation.balance:
        doc.chart(f"chart-balance-{b.kind}", bar_chart(
            f"How often each {b.kind} label is used", list(b.labels[:20]),
            [("uses", list(b.counts[:20]))]),
            f"{_plural(b.items, 'item')}; the most common label is {b.majority_share:.0%} of "
            f"all; most common / least common = {b.imbalance:.1f}.")  # fmt: skip
    nd = d.validation.near_duplicates
    doc.p(f"Near-duplicates: {nd.flagged_at_import:,} of {nd.items:,} items were flagged at "
          f"import as looking like an earlier one; {nd.same_text_items:,} texts are the same "
          "as another up to case and spacing.")  # fmt: skip
    rows = [(o.stat, o.n, o.count, _num(o.median)) for o in d.validation.outliers if o.n]
    if rows:
        doc.p("Unusual inputs (far from the typical value of their measure):")
        doc.table(("Measure", "Items", "Unusual", "Typical value"), rows)


def _lineage(doc: _Doc, meta: ReportMeta, flow: DatasetFlow, d: Dashboard) -> None:
    doc.h2("The record behind these numbers")
    t = d.timeline
    doc.p(f"The change log holds {d.events:,} events; {t.events:,} fall in the current period. "
          "Each event is signed by the device that made it and chained to the one before, so "
          "a changed or removed record is detected.")  # fmt: skip
    if meta.log_check:
        doc.p(meta.log_check, "ok" if meta.log_check.startswith("OK") else "alarm")
    if t.by_type:
        doc.table(("What happened (current period)", "Times"), list(t.by_type))
    if t.devices:
        doc.table(("Device", "Events (current period)"), list(t.devices))
    if t.last_syncs:
        doc.table(("Central store", "Last synchronised"), list(t.last_syncs))
    if t.incidents:
        doc.p("Synchronisation incidents (refused or suspicious records):", "alarm")
        doc.table(("When", "Store", "Kind", "Detail"),
                  [(i.at, i.server, i.kind, i.detail) for i in t.incidents])  # fmt: skip
    if flow.published_schemas:
        doc.p("Label rule versions published: " + ", ".join(flow.published_schemas) + ".")


def _glossary(doc: _Doc) -> None:
    doc.h2("Words used here")
    terms = (
        ("Suggestion", "A label proposed by a model or OCR engine for a person to accept or fix."),
        ("Review", "A checker compares answers (two people's, or a person's and a model's) "
         "and decides which is right."),
        ("Agreement", "The share of double-labelled items on which both people gave the same "
         "answer. Krippendorff's alpha corrects it for agreement by chance: 1 is perfect, 0 is "
         "no better than chance."),
        ("PSI", "Population stability index: how far two distributions differ. Below 0.1 is "
         "stable, 0.1 to 0.2 a moderate change, above 0.2 a large one."),
        ("Chi-square test", "Whether label counts differ between two periods by more than "
         "chance would explain (a small p-value says they do)."),
        ("Precision and recall", "Of the items a model gave a label, the share that truly "
         "have it (precision); of the items that truly have it, the share the model found "
         "(recall)."),
    )  # fmt: skip
    doc.add("<dl>" + "".join(f"<dt>{escape(t)}</dt><dd>{escape(x)}</dd>" for t, x in terms)
            + "</dl>")  # fmt: skip
