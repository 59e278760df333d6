"""The dashboard's figures in plain words, with their sample sizes (``hitl insights``)."""

from __future__ import annotations

from .activity import AgreementPoint
from .dashboard import Dashboard
from .drift import InputDrift, LabelDrift
from .windows import day_date


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.1%}"


def _num(x: float | None, digits: int = 3) -> str:
    return "n/a" if x is None else f"{x:.{digits}f}"


def _label_drift(d: LabelDrift) -> list[str]:
    head = (
        f"  {d.kind} labels: {d.n_reference} item(s) before, {d.n_current} now; "
        f"PSI {_num(d.psi)}, chi-square {_num(d.chi2, 2)} (p {_num(d.p_value, 4)}, "
        f"{d.dof} dof). {'ALARM: ' if d.alarm else ''}{d.note}"
    )
    lines = [head]
    for label, r, c in zip(d.labels, d.reference, d.current, strict=True):
        rs = r / sum(d.reference) if sum(d.reference) else None
        cs = c / sum(d.current) if sum(d.current) else None
        lines.append(f"    {label:<20} {r:>7} ({_pct(rs):>6}) -> {c:>7} ({_pct(cs):>6})")
    return lines


def _input_drift(d: InputDrift) -> str:
    if d.mean_reference is None and d.mean_current is None and d.stat == "script":
        mix = ", ".join(
            f"{b} {r}->{c}" for b, r, c in zip(d.bins, d.reference, d.current, strict=True)
        )
        values = f"main script of texts: {mix}"
    else:
        values = (
            f"mean {_num(d.mean_reference, 1)} -> {_num(d.mean_current, 1)}, "
            f"median {_num(d.median_reference, 1)} -> {_num(d.median_current, 1)}"
        )
    alarm = "ALARM: " if d.alarm else ""
    return (
        f"  {d.stat}: {d.n_reference} item(s) before, {d.n_current} now; {values}; "
        f"PSI {_num(d.psi)}. {alarm}{d.note}"
    )


def _agreement(p: AgreementPoint) -> str:
    return (
        f"  {day_date(p.first_day)} to {day_date(p.last_day)}: {p.agreeing} of {p.items} "
        f"item(s) agree ({_pct(p.share)}); Krippendorff's alpha {_num(p.alpha)} over "
        f"{p.class_items} item(s) with class labels"
    )


def dashboard_text(d: Dashboard) -> str:
    """Every figure as readable lines; each says how many items or events it rests on."""
    period = d.period
    out = [
        f"Current window: {period.current.describe()}; reference window: "
        f"{period.reference.describe()}; {d.filters.describe()}; {d.events:,} events in the log.",
    ]
    out += [f"ALARM {a}" for a in d.alarms] or ["No drift alarm."]
    out.append("")
    out.append("Corrections of model suggestions (revisions that started from them):")
    ref = {r.model: r for r in d.corrections_reference.by_model}
    if not d.corrections.by_model:
        out.append("  none in the current window")
    for r in d.corrections.by_model:
        before = ref.get(r.model)
        was = f" (before: {_pct(before.rate)} of {before.accepted})" if before else ""
        out.append(f"  {r.model}: people changed {r.changed} of {r.accepted} ({_pct(r.rate)}){was}")
    for r in d.corrections.by_label:
        out.append(
            f"    {r.model} / {r.label}: {r.changed} of {r.accepted} changed ({_pct(r.rate)})"
        )
    out.append("")
    out.append("Label distribution, reference -> current:")
    out += [line for x in d.label_drift for line in _label_drift(x)] or ["  no answers"]
    out.append("")
    out.append("Input statistics recorded at import, reference -> current:")
    out += [_input_drift(x) for x in d.input_drift] or ["  no items imported in these windows"]
    v = d.vocabulary
    if v is not None and (v.reference_items or v.current_items):
        out.append("")
        out.append(
            f"Vocabulary: {v.unseen_words} of {v.current_words} word(s) in the current window "
            f"({_pct(v.unseen_share)}) were never seen in the reference window "
            f"({v.reference_items} text(s) read before, {v.current_items} now). {v.note}"
        )
        if v.new_terms:
            out.append("  new words: " + ", ".join(f"{w} ({n})" for w, n in v.new_terms))
        if v.missing:
            out.append(f"  {v.missing} text(s) could not be read: their blobs are missing")
    out.append("")
    out.append("Data validation (all items):")
    for b in d.validation.balance:
        top = ", ".join(f"{lab} {n}" for lab, n in zip(b.labels[:6], b.counts[:6], strict=True))
        out.append(
            f"  {b.kind} balance over {b.items} item(s): {top}; the most frequent label is "
            f"{b.imbalance:.1f}x the rarest ({_pct(b.majority_share)} of all)"
        )
    nd = d.validation.near_duplicates
    out.append(
        f"  near-duplicates: {nd.flagged_at_import} of {nd.items} item(s) flagged at import; "
        f"{nd.same_text_groups} group(s) of equal texts ({nd.same_text_items} item(s))"
    )
    for o in d.validation.outliers:
        if o.count:
            ex = ", ".join(f"{x.item_id[:12]}={x.value:g}" for x in o.examples[:3])
            out.append(
                f"  {o.stat}: {o.count} outlier(s) of {o.n} (median {o.median:g}); e.g. {ex}"
            )
    out.append("")
    out.append("Model against adjudicated answers (items decided in the current window):")
    if not d.confusion:
        out.append("  no adjudicated item with a model's class pre-label")
    for c in d.confusion:
        out.append(f"  {c.model}: {c.items} item(s), accuracy {_pct(c.accuracy)}")
        for s in c.scores:
            out.append(
                f"    {s.label:<20} precision {_num(s.precision)} recall {_num(s.recall)} "
                f"F1 {_num(s.f1)} (support {s.support})"
            )
    out.append("")
    out.append("Agreement between annotators, per week:")
    out += [_agreement(p) for p in d.agreement] or ["  no item answered by two or more people"]
    out.append("")
    out.append("Throughput in the current window (answers / decisions / all events):")
    out += [
        f"  {p.person}: {p.answers} / {p.decisions} / {p.events}" for p in d.throughput.people
    ] or ["  nobody worked in the current window"]
    t = d.timeline
    out.append("")
    out.append(f"Timeline: {t.events} event(s) in the current window; latest:")
    for e in t.entries[:10]:
        via = " (synced)" if e.synced else ""
        item = f" {e.item[:12]}" if e.item else ""
        out.append(f"  {e.when} {e.actor} ({e.role}) {e.type}{item} on {e.device[:12]}{via}")
    for server, when in t.last_syncs:
        out.append(f"  last sync with {server}: {when}")
    for inc in t.incidents[:5]:
        out.append(f"  sync incident {inc.at} {inc.server}: {inc.kind} {inc.detail}")
    return "\n".join(out)
