"""Helpers shared by the benchmarks: an in-memory keyring, realistic drafts, statistics."""

from __future__ import annotations

import hashlib
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import keyring
from keyring.backend import KeyringBackend

from hitl_desktop.lineage import EventDraft, Subject, uuid7


class MemoryKeyring(KeyringBackend):
    """Keyring backend holding secrets in a dict (benchmarks must not touch the OS keyring)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


def install_memory_keyring() -> MemoryKeyring:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend


def imported_drafts(start: int, count: int, *, actor: str, role: str) -> list[EventDraft]:
    """``count`` item.imported drafts (one new item each), shaped like a folder import of scans:
    provenance of the file and the image statistics ingest records (floats included)."""
    drafts = []
    for i in range(start, start + count):
        name = f"scan-{i:08d}.png"
        payload = {
            "kind": "image", "name": name, "media_type": "image/png",
            "blob_sha256": hashlib.sha256(name.encode()).hexdigest(),
            "size_bytes": 100_000 + i % 50_000, "source": "bench/folder",
            "provenance": {
                "source": "bench/folder", "original_path": f"batch-{i // 1000:05d}/{name}",
                "modified_time": "2026-01-01T00:00:00Z",
            },
            "stats": {
                "width": 2480, "height": 3508, "brightness": 200.25 + i % 50,
                "contrast": 41.5 + i % 7, "dhash": f"{(i * 2654435761) % 2**64:016x}",
                "mode": "L",
            },
        }  # fmt: skip
        drafts.append(
            EventDraft(
                type="item.imported",
                payload=payload,
                actor=actor,
                role=role,
                subject=Subject(uuid7()),
            )
        )
    return drafts


@dataclass(frozen=True)
class Stats:
    """Median, min and max of repeated measurements (all in the same unit)."""

    median: float
    min: float
    max: float
    runs: int

    @classmethod
    def of(cls, values: Sequence[float]) -> Stats:
        return cls(statistics.median(values), min(values), max(values), len(values))

    def as_dict(self) -> dict[str, float]:
        return {"median": self.median, "min": self.min, "max": self.max, "runs": self.runs}
