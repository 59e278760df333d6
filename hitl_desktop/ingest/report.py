"""The per-file import report: what was imported, what was already there, what was refused."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

IMPORTED, DUPLICATE, SIGHTING, REFUSED, SKIPPED = (
    "imported",
    "duplicate",
    "sighting",
    "refused",
    "not processed",
)


@dataclass
class FileResult:
    path: str
    status: str
    reason: str = ""
    item_id: str | None = None
    parts: int = 0  # derived items (pages, rows)
    notes: list[str] = field(default_factory=list)
    near_duplicates: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    files: list[FileResult] = field(default_factory=list)
    cancelled: bool = False

    def add(self, result: FileResult) -> None:
        self.files.append(result)

    def counts(self) -> dict[str, int]:
        return dict(Counter(f.status for f in self.files))

    @property
    def items_created(self) -> int:
        return sum(1 + f.parts for f in self.files if f.status == IMPORTED)

    def summary(self) -> str:
        c = self.counts()
        parts = [f"{c.get(IMPORTED, 0)} imported ({self.items_created} items)"]
        for status in (DUPLICATE, SIGHTING, REFUSED, SKIPPED):
            if c.get(status):
                parts.append(f"{c[status]} {status if status != SIGHTING else 'new sightings'}")
        near = sum(1 for f in self.files if f.near_duplicates)
        if near:
            parts.append(f"{near} flagged as near-duplicates")
        return ("Cancelled: " if self.cancelled else "") + ", ".join(parts)

    def to_json(self) -> dict[str, object]:
        return {"cancelled": self.cancelled, "counts": self.counts(), "items_created": self.items_created,
                "files": [asdict(f) for f in self.files]}  # fmt: skip
