"""Verification of a lineage log: hashes, chain continuity, signatures, seals.

Works on stored rows (the hash, the canonical body, the signature and the columns a store
copies out of the body for indexing), so a row edited anywhere is caught. Every problem
names the exact event and the reason.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import orjson

from .canonical import is_canonical
from .envelope_constants import DOMAIN
from .signing import device_id_for, genesis_hash, public_key_from_b64, verify_signature

__all__ = ["ChainVerifier", "Problem", "StoredRow", "VerifyReport", "verify_rows"]


class StoredRow(NamedTuple):
    """An event as a store keeps it; ``seq`` is the local arrival order."""

    seq: int
    hash: str
    body: str
    sig: bytes | None
    device_id: str
    device_seq: int
    type: str
    subject_item: str | None
    hlc: str


@dataclass(frozen=True)
class Problem:
    seq: int | None
    hash: str | None
    device_id: str | None
    device_seq: int | None
    reason: str

    def __str__(self) -> str:
        where = []
        if self.seq is not None:
            where.append(f"row {self.seq}")
        if self.hash:
            where.append(f"event {self.hash[:16]}")
        if self.device_id:
            where.append(f"device {self.device_id[:12]} #{self.device_seq}")
        return f"{', '.join(where)}: {self.reason}"


@dataclass
class VerifyReport:
    events: int = 0
    signatures: int = 0
    devices: int = 0
    problems: list[Problem] = field(default_factory=list)
    problems_total: int = 0

    @property
    def ok(self) -> bool:
        return self.problems_total == 0


@dataclass
class _DeviceState:
    public_key: bytes | None
    last_seq: int
    last_hash: str
    last_signed_seq: int = 0


class ChainVerifier:
    """Feed rows in local order; call ``finish`` for the report."""

    MAX_KEPT = 200  # keep the first problems; count the rest

    def __init__(self, project_id: str | None, *, strict: bool = True) -> None:
        self.project_id = project_id
        self.strict = strict
        self.devices: dict[str, _DeviceState] = {}
        self.report = VerifyReport()
        self._pending: dict[tuple[str, int], int] = {}  # events missing from a chain, by row

    def _problem(self, row: StoredRow, reason: str, device_seq: int | None = None) -> None:
        self.report.problems_total += 1
        if len(self.report.problems) < self.MAX_KEPT:
            self.report.problems.append(
                Problem(row.seq, row.hash, row.device_id, device_seq or row.device_seq, reason)
            )

    def feed(self, row: StoredRow) -> None:
        self.report.events += 1
        body_bytes = row.body.encode("utf-8") if isinstance(row.body, str) else row.body
        if hashlib.sha256(DOMAIN + body_bytes).hexdigest() != row.hash:
            self._problem(row, "hash does not match the body (body or hash column altered)")
            return
        try:
            f = orjson.loads(body_bytes)
            subject = f["subject"]
            copied = (f["device_id"], f["device_seq"], f["type"],
                      subject["item"] if subject else None, f["hlc"])  # fmt: skip
        except (ValueError, KeyError, TypeError) as exc:
            self._problem(row, f"body is not a valid envelope ({exc})")
            return
        if copied != (row.device_id, row.device_seq, row.type, row.subject_item, row.hlc):
            self._problem(row, "indexed columns differ from the signed body (row edited)")
            return
        if self.strict and not is_canonical(body_bytes, f):
            self._problem(row, "body is not in canonical form")
            return
        if self.project_id is not None and f["project_id"] != self.project_id:
            self._problem(row, f"event belongs to project {f['project_id']}, not this one")
            return
        self._check_chain(row, f)

    def _check_chain(self, row: StoredRow, f: dict[str, Any]) -> None:
        state = self.devices.get(row.device_id)
        if state is None:
            if row.device_seq != 1 or row.type != "device.enrolled":
                self._problem(row, "device chain does not start with its device.enrolled event")
                self.devices[row.device_id] = _DeviceState(None, row.device_seq, row.hash)
                return
            try:
                pub = public_key_from_b64(f["payload"]["public_key"])
            except (KeyError, TypeError, ValueError):
                self._problem(row, "device.enrolled has no valid public key")
                return
            if device_id_for(pub) != row.device_id:
                self._problem(row, "device id does not match the enrolled public key")
                return
            state = _DeviceState(pub, 0, genesis_hash(row.device_id, pub))
            self.devices[row.device_id] = state
            self.report.devices += 1
        expected = state.last_seq + 1
        if row.device_seq > expected:
            self._problem(row, f"events #{expected}..#{row.device_seq - 1} of this device are "
                               "missing (deleted) or stored later (reordered)")  # fmt: skip
            self._pending.update(
                {(row.device_id, s): row.seq for s in range(expected, row.device_seq)}
            )
        elif row.device_seq < expected:
            after = self._pending.pop((row.device_id, row.device_seq), None)
            where = f" after row {after}" if after is not None else ""
            self._problem(
                row, f"stored out of order: appears{where} behind a later event of its chain"
            )
            return
        elif f["prev_hash"] != state.last_hash:
            self._problem(row, "prev_hash does not match the previous event of this device "
                               "(chain broken)")  # fmt: skip
        state.last_seq, state.last_hash = row.device_seq, row.hash
        if row.sig is not None:
            if state.public_key is None or not verify_signature(
                state.public_key, row.hash, row.sig
            ):
                self._problem(row, "signature is invalid")
            else:
                self.report.signatures += 1
                state.last_signed_seq = row.device_seq

    def finish(self) -> VerifyReport:
        for device_id, state in self.devices.items():
            if state.last_signed_seq < state.last_seq:
                self.report.problems_total += 1
                self.report.problems.append(Problem(
                    None, state.last_hash, device_id, state.last_seq,
                    f"unsealed: events #{state.last_signed_seq + 1}..#{state.last_seq} are not "
                    "covered by a signature (signature removed or tail of a batch deleted)",
                ))  # fmt: skip
        return self.report


def verify_rows(
    rows: Iterable[StoredRow], project_id: str | None, *, strict: bool = True
) -> VerifyReport:
    v = ChainVerifier(project_id, strict=strict)
    for row in rows:
        v.feed(row)
    return v.finish()
