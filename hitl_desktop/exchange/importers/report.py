"""What an annotation import did, per record, and the labels it met."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from .model import RecordError

IMPORTED, UNCHANGED, REFUSED, NOT_PROCESSED = (
    "imported", "already imported", "refused", "not processed",
)  # fmt: skip


@dataclass
class RecordResult:
    record: str
    status: str
    item_id: str | None = None
    revisions: int = 0  # annotation.revised events appended
    prelabels: int = 0  # prelabel.made / ocr.ran events appended
    annotations: int = 0


@dataclass
class AnnotationImportReport:
    format: str
    file: str
    records: list[RecordResult] = field(default_factory=list)
    errors: list[RecordError] = field(default_factory=list)
    labels: dict[str, int] = field(default_factory=dict)  # after --map
    unknown_labels: dict[str, int] = field(default_factory=dict)  # not in the current schema
    schema_ref: str | None = None
    stopped_for_labels: bool = False  # nothing written: unknown labels and no --keep-unknown
    cancelled: bool = False

    def counts(self) -> dict[str, int]:
        return dict(Counter(r.status for r in self.records))

    @property
    def ok(self) -> bool:
        return not self.errors and not self.stopped_for_labels and not self.cancelled

    def summary(self) -> str:
        c = self.counts()
        revs = sum(r.revisions for r in self.records)
        pre = sum(r.prelabels for r in self.records)
        anns = sum(r.annotations for r in self.records if r.status == IMPORTED)
        head = "Cancelled: " if self.cancelled else ""
        if self.stopped_for_labels:
            listed = ", ".join(f"{k} ({v})" for k, v in sorted(self.unknown_labels.items()))
            return (f"Nothing imported: labels not in schema {self.schema_ref}: {listed}. "
                    "Map them with --map old=new, or import them anyway with --keep-unknown-labels.")  # fmt: skip
        parts = [f"{plural(c.get(IMPORTED, 0), 'record')} imported ({plural(anns, 'annotation')}, "
                 f"{plural(revs, 'revision')}, {plural(pre, 'pre-label')})"]  # fmt: skip
        for status in (UNCHANGED, REFUSED, NOT_PROCESSED):
            if c.get(status):
                parts.append(f"{c[status]} {status}")
        if self.errors:
            parts.append(plural(len(self.errors), "problem"))
        if self.unknown_labels:
            parts.append(f"{len(self.unknown_labels)} labels not in schema {self.schema_ref}")
        return head + ", ".join(parts)

    def to_json(self) -> dict[str, object]:
        return {
            "format": self.format, "file": self.file, "counts": self.counts(),
            "records": [asdict(r) for r in self.records],
            "errors": [e.to_json() for e in self.errors], "labels": self.labels,
            "unknown_labels": self.unknown_labels, "schema_ref": self.schema_ref,
            "stopped_for_labels": self.stopped_for_labels, "cancelled": self.cancelled,
        }  # fmt: skip


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
