"""An item's provenance graph over a real workspace: what each node says, how events link, and
signature status that catches an edited event."""

from __future__ import annotations

import platform
import sqlite3
from pathlib import Path

import pytest

from hitl_desktop.insights.prov_json import prov_document
from hitl_desktop.insights.provenance import item_provenance
from hitl_desktop.workspace import Workspace
from tests.insights.prov_history import (
    CHECKER,
    MODEL_ID,
    WORKER,
    History,
    build_history,
    export_reviewed,
)


@pytest.fixture
def history(workspace: Workspace, tmp_path: Path) -> History:
    return build_history(workspace, tmp_path)


def test_a_page_through_ocr_correction_and_review(workspace: Workspace, history: History) -> None:
    g = item_provenance(workspace.reader(), history.page)
    h = history
    assert [n.hash for n in g.nodes] == [h.imported, h.derived, h.ocr, h.prelabel, h.revision,
                                         h.decision]  # fmt: skip
    assert [n.kind for n in g.nodes] == ["import", "page", "ocr", "prelabel", "correction",
                                         "review"]  # fmt: skip
    assert {(e.earlier, e.relation, e.later) for e in g.edges} == {
        (h.imported, "derived-from", h.derived),
        (h.derived, "used", h.ocr),
        (h.derived, "used", h.prelabel),
        (h.ocr, "used", h.revision),  # the worker accepted the OCR lines…
        (h.prelabel, "used", h.revision),  # …and the suggested box
        (h.revision, "decided", h.decision),
    }
    assert len(g.edges) == 6
    assert [n.depth for n in g.nodes] == [0, 1, 2, 2, 3, 4]
    ocr, pre, rev, dec = (g.node(x) for x in (h.ocr, h.prelabel, h.revision, h.decision))
    assert ocr.agent == "rapidocr 3.10.0 on cpu" and ocr.is_machine
    assert ocr.parameters["lines"] == 3 and ocr.parameters["use_cls"] is False
    assert pre.actor == f"model:{MODEL_ID}" and pre.parameters["score"] == 0.83
    assert (rev.actor, rev.role) == (WORKER.name, WORKER.role)
    assert rev.device_label == platform.node() and rev.agent.startswith("HITL Desktop ")
    assert (dec.actor, dec.role, dec.parameters["decision"]) == (CHECKER.name, "checker", "accept")
    assert dec.parameters["chosen"] == [h.revision] and dec.base == (h.revision,)
    page = g.node(h.derived)
    assert page.parameters["transformation"] == "tiff.page" and len(page.blobs) == 1
    assert g.name.endswith("p1")


def test_signature_status_of_batch_events_and_an_edited_event(
    workspace: Workspace, history: History
) -> None:
    g = item_provenance(workspace.reader(), history.page)
    # the import's three events were one signed batch: only its last event carries the signature
    assert g.node(history.imported).verification == "sealed"
    assert "covered by the signature" in g.node(history.imported).verification_detail
    assert {g.node(x).verification for x in (history.ocr, history.revision, history.decision)} == {
        "signed"
    }
    db = workspace.db_path
    workspace.close()
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            'UPDATE events SET body = replace(body, ?, \'"actor":"eve"\') WHERE hash = ?',
            (f'"actor":"{WORKER.name}"', history.revision),
        )
    conn.close()
    with Workspace.open(db.parent, readonly=True) as ws:
        g = item_provenance(ws.reader(), history.page)
    forged = g.node(history.revision)
    assert forged.actor == "eve" and forged.verification == "bad"
    assert "does not match" in forged.verification_detail
    assert g.node(history.decision).verification == "signed"


def test_the_file_shows_every_page_derived_from_it(workspace: Workspace, history: History) -> None:
    g = item_provenance(workspace.reader(), history.tiff)
    assert [n.kind for n in g.nodes] == ["import", "page", "page"]
    assert {n.item for n in g.by_kind("page")} == {history.page, history.other_page}
    assert {(e.earlier, e.relation) for e in g.edges} == {(history.imported, "derived-from")}


def test_an_export_uses_the_revision_its_manifest_lists(
    workspace: Workspace, history: History, tmp_path: Path
) -> None:
    export = export_reviewed(workspace, tmp_path / "coco")
    g = item_provenance(workspace.reader(), history.page)
    node = g.node(export)
    assert node.kind == "export" and node.depth == 5 and node.actor == "lee"
    assert node.parameters["format"] == "coco" and node.parameters["items"] == 1
    assert node.parameters["manifest"].endswith("MANIFEST.json matches")
    assert [(e.earlier, e.relation) for e in g.edges if e.later == export] == [
        (history.decision, "used")
    ]
    doc = prov_document(workspace.reader(), history.page)
    assert {"prov:generatedEntity": f"out:{export}", "prov:usedEntity": f"out:{history.decision}",
            "prov:activity": f"ev:{export}"} in doc["wasDerivedFrom"].values()  # fmt: skip
    # the other page was not reviewed, so the export does not hold it
    assert export not in [
        n.hash for n in item_provenance(workspace.reader(), history.other_page).nodes
    ]
    (tmp_path / "coco").rename(tmp_path / "moved")  # its contents can no longer be vouched for
    assert export not in [n.hash for n in item_provenance(workspace.reader(), history.page).nodes]


def test_an_unknown_item_has_an_empty_graph(workspace: Workspace) -> None:
    g = item_provenance(workspace.reader(), "no-such-item")
    assert g.nodes == () and g.edges == ()
