"""Saving items as revisions: parents, heads, pre-label provenance, order independence."""

from __future__ import annotations

from pathlib import Path

import pytest

from hitl_desktop.annotate import (
    Annotation,
    Box,
    Point,
    commands,
    open_document,
    revisions,
    save,
)
from hitl_desktop.lineage import Subject
from hitl_desktop.ocr import make_engine, page_items, run_ocr
from hitl_desktop.workspace import Profile, Workspace, queries
from hitl_desktop.workspace.projector import projection_digest
from tests.annotate.conftest import funsd_strip, import_items
from tests.support.replica import log_events, shuffled_replica

ANNOTATION_TABLES = ("annotation_revisions", "annotation_parents", "annotation_heads")


def labels(ws: Workspace, hash_: str) -> list[str]:
    return [a["label"] for a in revisions.revision_payload(ws.reader(), hash_)["annotations"]]


def test_save_undo_save_makes_a_chain_of_three_revisions(
    workspace: Workspace, page_item: str
) -> None:
    doc = open_document(workspace, page_item)
    assert doc.size == (762, 1000) and doc.base == () and doc.annotations == []
    doc.push(commands.add(doc, Annotation(Box(40, 60, 300, 90), "header")))
    r1 = save(workspace, doc, note="first pass")
    assert r1 is not None and r1.base == () and r1.role == workspace.profile.role
    assert r1.inputs[0].id == page_item and r1.inputs[0].sha256 == doc.blob_sha256
    doc.push(commands.add(doc, Annotation(Point(500, 500), "stamp")))
    r2 = save(workspace, doc)
    assert r2 is not None and r2.base == (r1.hash,)
    assert save(workspace, doc) is None  # nothing unsaved
    doc.undo()  # take the stamp back after saving: a new revision, not a rewrite
    assert doc.dirty
    r3 = save(workspace, doc, actor="checker-amy", role="checker")
    assert (
        r3 is not None
        and r3.base == (r2.hash,)
        and (r3.actor, r3.role) == ("checker-amy", "checker")
    )
    assert labels(workspace, r1.hash) == labels(workspace, r3.hash) == ["header"]
    assert labels(workspace, r2.hash) == ["header", "stamp"]

    conn = workspace.reader()
    chain = revisions.revision_chain(conn, r3.hash)
    assert [r.hash for r in chain] == [r3.hash, r2.hash, r1.hash]
    assert [r.parents for r in chain] == [(r2.hash,), (r1.hash,), ()]
    assert [r.hash for r in revisions.heads(conn, page_item)] == [r3.hash]
    assert [r.note for r in chain] == ["", "", "first pass"]
    assert queries.status_counts(conn) == {"annotated": 1}
    path = workspace.path
    workspace.close()
    with Workspace.open(path) as ws:  # the saved state survives reopening
        again = open_document(ws, page_item)
        assert again.base == (r3.hash,) and [a.label for a in again.annotations] == ["header"]
        assert again.annotations[0].shape == Box(40, 60, 300, 90) and not again.dirty
        assert ws.verify().ok and ws.rebuild().identical


@pytest.mark.slow  # a real OCR run: engine start-up and one page strip
def test_accepted_ocr_lines_name_the_run_and_are_not_suggested_again(
    workspace: Workspace, tmp_path: Path
) -> None:
    strip = funsd_strip(tmp_path)
    item = import_items(workspace, [strip])[strip.name]
    run_ocr(workspace, make_engine("rapidocr", device="cpu"), page_items(workspace))
    (run_hash,) = [r[0] for r in workspace.reader().execute("SELECT hash FROM ocr_runs")]
    doc = open_document(workspace, item)
    assert len(doc.suggestions) >= 2 and doc.annotations == []
    first, second = doc.suggestions[:2]
    assert first.origin.event == run_hash and first.origin.model.startswith("rapidocr@")  # type: ignore[union-attr]
    doc.push(commands.accept_suggestions(doc, [first.id]))
    doc.push(commands.edit_transcription(doc, first.id, "CORRECTED", gesture="typing"))
    saved = save(workspace, doc)
    assert saved is not None and saved.base == (run_hash,)
    rev = revisions.revision(workspace.reader(), saved.hash)
    assert rev is not None and rev.parents == () and rev.replaces == (run_hash,)

    again = open_document(workspace, item)
    assert again.suggestions == [], "a run already accepted from is not offered again"
    (line,) = again.ocr_lines()
    assert line.shape.text == "CORRECTED"  # type: ignore[union-attr]
    assert (line.origin.kind, line.origin.event, line.origin.edited) == ("ocr", run_hash, True)
    assert line.origin.score == first.origin.score and line.id == first.id
    assert second.id not in {a.id for a in again.annotations}


@pytest.mark.slow  # loads torch and a tiny tagger
def test_accepted_prelabel_spans_keep_model_and_event(
    workspace: Workspace, tmp_path: Path, tiny_ner: Path
) -> None:
    from hitl_desktop.prelabel import (
        add_model,
        load_prelabeller,
        parse_label_set,
        run_prelabel,
        text_items,
    )

    src = tmp_path / "zoe.txt"
    src.write_text("Zoë wohnt in Zürich", encoding="utf-8")
    item = import_items(workspace, [src])["zoe.txt"]
    ner = {"name": "ner", "version": 1, "labels": [{"name": "PLACE"}, {"name": "PERSON"}]}
    record = add_model(workspace, tiny_ner, label_set=parse_label_set(ner))
    run_prelabel(
        workspace, load_prelabeller(workspace, record.id, device="cpu"), text_items(workspace)
    )
    (pre_hash,) = [r[0] for r in workspace.reader().execute("SELECT hash FROM prelabels")]
    doc = open_document(workspace, item)
    words = {doc.text[s.shape.start : s.shape.end]: s for s in doc.suggestions}  # type: ignore[union-attr,index]
    assert set(words) == {"Zoë", "wohnt", "in", "Zürich"}
    doc.push(commands.accept_suggestions(doc, [words["Zürich"].id]))
    saved = save(workspace, doc)
    assert saved is not None and saved.base == (pre_hash,) and saved.schema_ref == "ner@1"
    (span,) = open_document(workspace, item).annotations
    assert (span.label, span.origin.kind, span.origin.model, span.origin.event) == (
        "PLACE", "prelabel", record.id, pre_hash)  # fmt: skip


def test_concurrent_edits_keep_two_heads_whatever_order_events_arrive_in(
    workspace: Workspace, page_item: str
) -> None:
    doc = open_document(workspace, page_item)
    doc.push(commands.add(doc, Annotation(Box(1, 1, 50, 50), "a")))
    root = save(workspace, doc)
    assert root is not None
    # two people open the same revision and save different edits (as two devices would)
    mine, theirs = open_document(workspace, page_item), open_document(workspace, page_item)
    mine.push(commands.relabel(mine, [mine.annotations[0].id], "mine"))
    theirs.push(commands.delete([theirs.annotations[0].id]))
    m = save(workspace, mine, actor="ann")
    t = save(workspace, theirs, actor="bob")
    assert m is not None and t is not None and m.base == t.base == (root.hash,)
    heads = revisions.heads(workspace.reader(), page_item)
    assert {h.hash for h in heads} == {m.hash, t.hash}
    later = open_document(workspace, page_item)
    assert later.base == (heads[0].hash,) and "2 concurrent revisions" in later.problems[0]
    # a follow-up on one branch replaces that head only
    later.push(commands.add(later, Annotation(Point(3, 3), "p")))
    follow = save(workspace, later)
    assert follow is not None
    assert {h.hash for h in revisions.heads(workspace.reader(), page_item)} == (
        {m.hash, t.hash} - {heads[0].hash} | {follow.hash}
    )
    # a revision of another item naming this one's head as parent does not hide that head
    workspace.append([workspace.draft("annotation.revised", {"annotations": []},
                                      subject=Subject("other-item"), base=[follow.hash])])  # fmt: skip
    # an old-style revision whose annotations this editor cannot read does not break the tables
    workspace.append([workspace.draft("annotation.revised", {"annotations": [{"score": 1}]},
                                      subject=Subject(page_item), base=[root.hash])])  # fmt: skip

    events = log_events(workspace.db_path)
    digests = []
    for seed in (1, 2, 3):  # tiny batches: children often arrive first
        replica, projections = shuffled_replica(events, seed, batch=2)
        digests.append({k: v for k, v in projection_digest(replica, projections).items()
                        if k in ANNOTATION_TABLES})  # fmt: skip
    ours = {k: v for k, v in workspace.projection_digest().items() if k in ANNOTATION_TABLES}
    assert digests[0] == digests[1] == digests[2] == ours
    assert workspace.rebuild().identical
    assert len(revisions.heads(workspace.reader(), page_item)) == 3


def test_role_and_missing_item_errors_are_clear(workspace: Workspace, page_item: str) -> None:
    from hitl_desktop.annotate import AnnotateError

    with pytest.raises(
        AnnotateError, match=f"item nope is not in the workspace at {workspace.path}"
    ):
        open_document(workspace, "nope")
    doc = open_document(workspace, page_item)
    doc.push(commands.add(doc, Annotation(Point(1, 1), "p")))
    with pytest.raises(AnnotateError, match="role 'boss' is not one of"):
        save(workspace, doc, role="boss")
    assert doc.dirty and Profile("x", "worker").role == "worker"
