"""What changed between two versions of a schema: labels and attributes, as data and text.

Tasks are matched by name. A label in the newer version is a rename of an older one when it
says so (``renamed_from``), or failing that when a vanished label had the same description
and colour; the explicit field wins.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Label, Schema, Task

__all__ = ["LabelChange", "SchemaDiff", "diff_schemas"]


@dataclass(frozen=True, slots=True)
class LabelChange:
    task: str
    label: str  # the name in the newer version (in the older one for removals)
    change: str  # "added", "removed", "renamed", "changed"
    old_name: str | None = None  # for renames
    details: tuple[str, ...] = ()  # attribute and property changes, readable


@dataclass(frozen=True)
class SchemaDiff:
    name: str
    old: int
    new: int
    labels: list[LabelChange] = field(default_factory=list)
    tasks_added: list[str] = field(default_factory=list)
    tasks_removed: list[str] = field(default_factory=list)
    other: list[str] = field(default_factory=list)  # instructions, review policy

    def renames(self, task: str) -> dict[str, str]:
        """Old label name -> new name in ``task``."""
        return {c.old_name: c.label for c in self.labels
                if c.task == task and c.change == "renamed" and c.old_name}  # fmt: skip

    def removed(self, task: str) -> set[str]:
        return {c.label for c in self.labels if c.task == task and c.change == "removed"}

    @property
    def empty(self) -> bool:
        return not (self.labels or self.tasks_added or self.tasks_removed or self.other)

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name, "old": self.old, "new": self.new,
            "tasks_added": self.tasks_added, "tasks_removed": self.tasks_removed,
            "labels": [{"task": c.task, "label": c.label, "change": c.change,
                        "old_name": c.old_name, "details": list(c.details)} for c in self.labels],
            "other": self.other,
        }  # fmt: skip

    def text(self) -> str:
        lines = [f"{self.name} v{self.old} -> v{self.new}"]
        lines += [f"+ task {t}" for t in self.tasks_added]
        lines += [f"- task {t}" for t in self.tasks_removed]
        marks = {"added": "+", "removed": "-", "renamed": "~", "changed": "*"}
        for c in self.labels:
            what = (f"{c.task}: {c.old_name} -> {c.label}" if c.change == "renamed"
                    else f"{c.task}: {c.label}")  # fmt: skip
            lines.append(f"{marks[c.change]} {c.change} label {what}")
            lines += [f"    {d}" for d in c.details]
        lines += [f"* {o}" for o in self.other]
        if self.empty:
            lines.append("(no changes)")
        return "\n".join(lines)


def _attr_details(old: Label, new: Label) -> list[str]:
    out = []
    before = {a.name: a for a in old.attributes}
    after = {a.name: a for a in new.attributes}
    out += [f"+ attribute {n} ({after[n].type})" for n in after if n not in before]
    out += [f"- attribute {n}" for n in before if n not in after]
    for n in after:
        if n in before and before[n] != after[n]:
            a, b = before[n], after[n]
            parts = [f"{f} {getattr(a, f)!r} -> {getattr(b, f)!r}"
                     for f in ("type", "required", "choices", "description")
                     if getattr(a, f) != getattr(b, f)]  # fmt: skip
            out.append(f"* attribute {n}: " + ", ".join(parts))
    return out


def _label_details(old: Label, new: Label) -> list[str]:
    out = [f"{f}: {getattr(old, f)!r} -> {getattr(new, f)!r}"
           for f in ("description", "colour", "hotkey") if getattr(old, f) != getattr(new, f)]  # fmt: skip
    return out + _attr_details(old, new)


def _task_changes(old: Task, new: Task) -> list[LabelChange]:
    before = {lb.name: lb for lb in old.labels}
    changes: list[LabelChange] = []
    matched: dict[str, str] = {}  # new name -> old name
    for lb in new.labels:
        if lb.name in before:
            matched[lb.name] = lb.name
        elif lb.renamed_from and lb.renamed_from in before:
            matched[lb.name] = lb.renamed_from
    gone = [n for n in before if n not in matched.values() and new.label(n) is None]
    for lb in new.labels:  # implicit renames: same description and colour under a new name
        if lb.name in matched or not lb.description:
            continue
        twin = next((n for n in gone if (before[n].description, before[n].colour)
                     == (lb.description, lb.colour)), None)  # fmt: skip
        if twin is not None:
            matched[lb.name] = twin
            gone.remove(twin)
    for lb in new.labels:
        old_name = matched.get(lb.name)
        if old_name is None:
            changes.append(LabelChange(new.name, lb.name, "added"))
            continue
        details = tuple(_label_details(before[old_name], lb))
        if old_name != lb.name:
            changes.append(LabelChange(new.name, lb.name, "renamed", old_name, details))
        elif details:
            changes.append(LabelChange(new.name, lb.name, "changed", None, details))
    changes += [LabelChange(new.name, n, "removed") for n in before if n not in matched.values()]
    return changes


def diff_schemas(old: Schema, new: Schema) -> SchemaDiff:
    """The changes from ``old`` to ``new`` (two versions of one schema, any order of numbers)."""
    d = SchemaDiff(new.name, old.version, new.version)
    for t in new.tasks:
        prior = old.task(t.name)
        if prior is None:
            d.tasks_added.append(t.name)
        else:
            if prior.kind != t.kind:
                d.other.append(f"task {t.name}: kind {prior.kind} -> {t.kind}")
            d.labels.extend(_task_changes(prior, t))
    d.tasks_removed.extend(t.name for t in old.tasks if new.task(t.name) is None)
    if old.instructions != new.instructions:
        d.other.append("instructions changed")
    if old.review != new.review:
        d.other.append(f"review policy: overlap {old.review.overlap} -> {new.review.overlap}, "
                       f"agreement {old.review.agreement} -> {new.review.agreement}")  # fmt: skip
    return d
