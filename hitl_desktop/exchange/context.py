"""What every format writer is given: where to write, the options, the schema, and where to
report problems, counts and progress."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..schema.model import Schema
from ..workspace.progress import CancelToken
from .model import ExportItem, ExportOptions


@dataclass
class Context:
    root: Path
    options: ExportOptions
    schema: Schema | None = None
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    progress: Callable[[int, int], None] | None = None
    cancel: CancelToken | None = None

    def count(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def tick(self, done: int, total: int) -> None:
        """Report progress and honour cancel, cheaply (call it once per item)."""
        if done % 256 == 0 or done == total:
            if self.cancel is not None:
                self.cancel.check()
            if self.progress is not None:
                self.progress(done, total)

    def schema_labels(self, kinds: Iterable[str]) -> list[str]:
        """The schema's labels for annotations of ``kinds``, in its order."""
        wanted = frozenset(kinds)
        known: list[str] = []
        if self.schema is not None:
            for task in self.schema.tasks:
                if task.annotation_kind in wanted:
                    known += [lb.name for lb in task.labels if lb.name not in known]
        return known

    def report_extra(self, extra: Iterable[str]) -> None:
        names = sorted(extra)
        if names and self.schema is not None:
            self.problems.append(
                f"label(s) not in schema {self.schema.ref}: {', '.join(names)}; exported as "
                "extra categories after the schema's"
            )

    def labels(self, items: Sequence[ExportItem], kinds: Iterable[str]) -> list[str]:
        """Category names: the schema's labels for ``kinds`` (in its order), then any other
        label the annotations use (sorted), reported once as not in the schema."""
        wanted = frozenset(kinds)
        known = self.schema_labels(wanted)
        used = {a.get("label", "") for it in items for a in it.annotations
                if a.get("kind") in wanted}  # fmt: skip
        extra = sorted(x for x in used - set(known) if x)
        self.report_extra(extra)
        return known + extra

    def folder(self, base: str, item: ExportItem) -> str:
        return f"{base}/{item.split}" if item.split else base
