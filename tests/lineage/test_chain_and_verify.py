"""Chains of events, seals, and what verification catches (without any store)."""

from __future__ import annotations

import base64
import itertools
from dataclasses import replace

import pytest

from hitl_desktop.lineage import (
    Agent,
    ChainHead,
    DeviceKey,
    Event,
    EventDraft,
    HybridClock,
    PayloadError,
    StoredRow,
    Subject,
    build_batch,
    genesis_hash,
    verify_rows,
)  # fmt: skip
from hitl_desktop.lineage.envelope import EnvelopeError

PROJECT = "01900000-0000-7000-8000-000000000000"


def enrol(key: DeviceKey) -> EventDraft:
    return EventDraft("device.enrolled", {"public_key": key.public_key_b64}, "ana", "admin")


def note(i: int) -> EventDraft:
    return EventDraft(
        "annotation.revised", {"annotations": [{"label": "total", "text": f"{i}.00"}]},
        "ana", "worker", subject=Subject("item-1"),
    )  # fmt: skip


def chain(key: DeviceKey, batches: list[int]) -> list[Event]:
    clock, head, out = HybridClock(), ChainHead.genesis(key), []
    sizes = [1, *batches]
    for b, size in enumerate(sizes):
        drafts = [enrol(key)] if b == 0 else [note(i) for i in range(size)]
        events = build_batch(drafts, head=head, project_id=PROJECT, key=key, clock=clock)
        head = ChainHead(key.device_id, events[-1].device_seq, events[-1].hash)
        out += events
    return out


def rows(events: list[Event]) -> list[StoredRow]:
    return [
        StoredRow(
            i, e.hash, e.body, e.sig, e.device_id, e.device_seq, e.type, e.subject_item, e.hlc
        )
        for i, e in enumerate(events, 1)
    ]


def reasons(rs: list[StoredRow]) -> list[str]:
    return [p.reason for p in verify_rows(rs, PROJECT).problems]


def test_a_batch_is_chained_and_only_its_last_event_signed() -> None:
    key = DeviceKey.generate()
    events = chain(key, [3, 2])
    assert [e.device_seq for e in events] == [1, 2, 3, 4, 5, 6]
    assert events[0].prev_hash == genesis_hash(key.device_id, key.public_key)
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(events))
    assert [e.sig is not None for e in events] == [True, False, False, True, False, True]
    report = verify_rows(rows(events), PROJECT)
    assert report.ok and report.events == 6 and report.signatures == 3


def test_stored_event_parses_back_to_the_same_envelope() -> None:
    events = chain(DeviceKey.generate(), [2])
    again = Event.from_body(events[1].hash, events[1].body, events[1].sig)
    assert again == events[1]


def test_altered_body_is_named() -> None:
    rs = rows(chain(DeviceKey.generate(), [3]))
    rs[2] = rs[2]._replace(body=rs[2].body.replace("1.00", "9.00"))
    report = verify_rows(rs, PROJECT)
    assert not report.ok
    assert report.problems[0].seq == 3 and "hash does not match" in report.problems[0].reason


def test_consistent_rewrite_breaks_the_chain_or_the_seal() -> None:
    """An attacker who rewrites a body and recomputes its hash still breaks the chain."""
    events = chain(DeviceKey.generate(), [3])
    forged = Event.create({**events[2].fields(), "actor": "mallory"})
    rs = rows(events)
    rs[2] = rows([forged])[0]._replace(seq=3)
    assert any("chain broken" in r for r in reasons(rs))


def test_forged_signature_and_stripped_seal() -> None:
    rs = rows(chain(DeviceKey.generate(), [3]))  # enrolment + a batch of 3, last one signed
    out = reasons([*rs[:3], rs[3]._replace(sig=bytes(64))])
    assert out[0] == "signature is invalid"
    assert "unsealed: events #2..#4" in out[1]  # a bad signature seals nothing
    stripped = reasons([*rs[:3], rs[3]._replace(sig=None)])
    assert len(stripped) == 1 and "unsealed: events #2..#4" in stripped[0]


def test_signature_by_another_device_key_is_refused() -> None:
    events = chain(DeviceKey.generate(), [2])
    other = DeviceKey.generate()
    forged = replace(events[-1], sig=other.sign(events[-1].hash))
    assert "signature is invalid" in reasons(rows([*events[:-1], forged]))


def test_deleted_and_reordered_events_are_detected() -> None:
    rs = rows(chain(DeviceKey.generate(), [4]))
    gap = reasons([*rs[:2], *rs[3:]])
    assert any("#3..#3 of this device are missing" in r for r in gap)
    swapped = [rs[0], rs[1], rs[3], rs[2], rs[4]]
    out = reasons(swapped)
    assert any("stored out of order" in r for r in out)


def test_event_replayed_into_another_project_is_refused() -> None:
    rs = rows(chain(DeviceKey.generate(), [1]))
    report = verify_rows(rs, "01900000-0000-7000-8000-00000000ffff")
    assert "belongs to project" in report.problems[0].reason


def test_chain_must_start_with_its_enrolment_and_match_the_key() -> None:
    key = DeviceKey.generate()
    rs = rows(chain(key, [2]))
    assert "does not start with its device.enrolled" in reasons(rs[1:])[0]
    impostor = DeviceKey.generate()
    fields = {**Event.from_body(rs[0].hash, rs[0].body, None).fields(),
              "payload": {"public_key": impostor.public_key_b64, "label": "", "platform": "", "app_version": ""}}  # fmt: skip
    ev = Event.create(fields, sig=impostor.sign(Event.create(fields).hash))
    assert "device id does not match" in reasons(rows([ev]))[0]


def test_non_canonical_body_with_matching_hash_is_caught() -> None:
    from hitl_desktop.lineage import event_hash

    events = chain(DeviceKey.generate(), [])
    loose = events[0].body.replace('{"actor"', '{ "actor"', 1)
    forged = StoredRow(1, event_hash(loose.encode()), loose, None, events[0].device_id, 1,
                       "device.enrolled", None, events[0].hlc)  # fmt: skip
    assert "not in canonical form" in reasons([forged])[0]


def test_payloads_are_validated_and_normalised_to_nfc() -> None:
    key = DeviceKey.generate()
    head, clock = ChainHead.genesis(key), HybridClock()
    decomposed = "Vie\u0323\u0302t"  # "Việt" typed with combining marks
    ev = build_batch([EventDraft("workspace.created", {"name": decomposed}, "ana", "admin")],
                     head=head, project_id=PROJECT, key=key, clock=clock)[0]  # fmt: skip
    assert ev.payload["name"] == "Vi\u1ec7t"
    with pytest.raises(PayloadError, match="blob_sha256"):
        build_batch([EventDraft("item.imported", {"kind": "image", "name": "x", "media_type": "image/png",
                                                  "blob_sha256": "nothex", "size_bytes": 1}, "ana", "worker")],
                    head=head, project_id=PROJECT, key=key, clock=clock)  # fmt: skip
    with pytest.raises(PayloadError, match="unknown event type"):
        build_batch(
            [EventDraft("made.up", {}, "ana", "worker")],
            head=head,
            project_id=PROJECT,
            key=key,
            clock=clock,
        )


def test_malformed_bodies_raise_envelope_errors() -> None:
    with pytest.raises(EnvelopeError):
        Event.from_body("ab" * 32, "[1, 2]", None)
    with pytest.raises(EnvelopeError):
        Event.from_body("ab" * 32, "{not json", None)


def test_device_key_never_prints_its_secret() -> None:
    key = DeviceKey.generate()
    assert base64.b64encode(key.seed()).decode() not in repr(key)
    assert key.device_id in repr(key)


def test_a_fresh_event_equals_the_same_event_read_back() -> None:
    """Projections fed at append time and at replay must see identical values (1.0 is 1)."""
    key = DeviceKey.generate()
    draft = EventDraft(
        "annotation.revised", {"annotations": [{"box": [318.0, 100.5, 2.0e3], "score": 1.0}]}, "ana", "worker",
        subject=Subject("item-1"), agent=Agent("m", "1", None, {"threshold": 0.5, "size": 640.0}),
    )  # fmt: skip
    (fresh,) = build_batch(
        [draft], head=ChainHead.genesis(key), project_id=PROJECT, key=key, clock=HybridClock()
    )
    again = Event.from_body(fresh.hash, fresh.body, fresh.sig)
    assert fresh == again
    assert type(fresh.payload["annotations"][0]["box"][0]) is int
