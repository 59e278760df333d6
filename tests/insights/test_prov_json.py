"""`hitl prov` writes W3C PROV-JSON that the `prov` reference library reads, with exactly the
nodes and relations of a known item history."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
from prov.model import (
    ProvActivity,
    ProvAgent,
    ProvAssociation,
    ProvAttribution,
    ProvDelegation,
    ProvDerivation,
    ProvDocument,
    ProvEntity,
    ProvGeneration,
    ProvUsage,
)
from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.insights.prov_json import prov_document
from hitl_desktop.workspace import Workspace
from tests.insights.prov_history import CHECKER, MODEL_ID, WORKER, History, build_history

PROV_PERSON = "prov:Person"


@pytest.fixture
def exported(workspace: Workspace, tmp_path: Path) -> tuple[History, dict[str, str], Path]:
    importer = workspace.profile.name
    h = build_history(workspace, tmp_path)
    conn = workspace.reader()
    blobs = dict(conn.execute("SELECT id, blob_sha256 FROM items").fetchall())
    names = {
        "importer": f"person:{quote(importer, safe='-_.@')}",
        "ana": f"person:{quote(WORKER.name, safe='-_.@')}",
        "checker": f"person:{quote(CHECKER.name, safe='-_.@')}",
        "dev": f"dev:{workspace.device_id}",
        "ocr": "model:rapidocr@3.10.0",
        "pre": f"model:{MODEL_ID}",
        "T": f"item:{h.tiff}", "P": f"item:{h.page}",
        "bT": f"blob:{blobs[h.tiff]}", "bP": f"blob:{blobs[h.page]}",
    }  # fmt: skip
    for key in ("imported", "derived", "ocr", "prelabel", "revision", "decision"):
        names["ev." + key] = f"ev:{getattr(h, key)}"
        names["out." + key] = f"out:{getattr(h, key)}"
    path = workspace.path
    workspace.close()
    out = tmp_path / "page.prov.json"
    result = CliRunner().invoke(app, ["-w", str(path), "prov", "--out", str(out),
                                      "--item", h.page[:18]])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Wrote 6 activities, 8 entities and 6 agents" in result.output
    return h, names, out


def _ids(doc: ProvDocument, cls: type) -> set[str]:
    return {str(r.identifier) for r in doc.get_records(cls)}


def _pairs(doc: ProvDocument, cls: type, n: int = 2) -> set[tuple[str, ...]]:
    return {tuple(str(a) for a in r.args[:n]) for r in doc.get_records(cls)}


def test_the_prov_package_reads_the_graph_of_a_known_history(
    exported: tuple[History, dict[str, str], Path],
) -> None:
    _h, n, out = exported
    doc = ProvDocument.deserialize(source=str(out), format="json")
    acts = [n[f"ev.{k}"] for k in ("imported", "derived", "ocr", "prelabel", "revision",
                                   "decision")]  # fmt: skip
    imp, der, ocr, pre, rev, dec = acts
    oO, oL, oR, oC = (n[f"out.{k}"] for k in ("ocr", "prelabel", "revision", "decision"))
    assert _ids(doc, ProvActivity) == set(acts)
    assert _ids(doc, ProvEntity) == {n["T"], n["P"], n["bT"], n["bP"], oO, oL, oR, oC}
    assert _ids(doc, ProvAgent) == {n[k] for k in ("importer", "ana", "checker", "dev", "ocr",
                                                   "pre")}  # fmt: skip
    people = {str(r.identifier) for r in doc.get_records(ProvAgent)
              if PROV_PERSON in {str(t) for t in r.get_asserted_types()}}  # fmt: skip
    assert people == {n["importer"], n["ana"], n["checker"]}
    assert _pairs(doc, ProvUsage) == {
        (der, n["T"]), (ocr, n["P"]), (pre, n["P"]), (rev, n["P"]), (rev, oO), (rev, oL),
        (dec, n["P"]),
        (dec, oR),
    }  # fmt: skip
    assert _pairs(doc, ProvGeneration) == {
        (n["T"], imp), (n["bT"], imp), (n["P"], der), (n["bP"], der), (oO, ocr), (oL, pre),
        (oR, rev),
        (oC, dec),
    }  # fmt: skip
    assert _pairs(doc, ProvDerivation) == {
        (n["P"], n["T"]), (oO, n["P"]), (oL, n["P"]), (oR, oO), (oR, oL), (oC, oR),
    }  # fmt: skip
    assert _pairs(doc, ProvAttribution) == {
        (n["T"], n["importer"]), (n["P"], n["importer"]), (oO, n["ocr"]), (oL, n["pre"]),
        (oR, n["ana"]), (oC, n["checker"]),
    }  # fmt: skip
    actor = {imp: "importer", der: "importer", ocr: "ocr", pre: "pre", rev: "ana", dec: "checker"}
    assert _pairs(doc, ProvAssociation) == (
        {(a, n[who]) for a, who in actor.items()} | {(a, n["dev"]) for a in acts}
    )
    assert _pairs(doc, ProvDelegation, 3) == {
        (n["dev"], n["importer"], imp), (n["dev"], n["importer"], der), (n["ocr"], n["dev"], ocr),
        (n["pre"], n["dev"], pre), (n["dev"], n["ana"], rev), (n["dev"], n["checker"], dec),
    }  # fmt: skip
    times = {str(r.identifier): r.get_startTime() for r in doc.get_records(ProvActivity)}
    assert all(t is not None for t in times.values())
    assert times[imp] <= times[ocr] <= times[rev] <= times[dec]


def test_the_streamed_file_equals_the_document_built_in_memory(
    exported: tuple[History, dict[str, str], Path],
) -> None:
    h, _n, out = exported
    with Workspace.open(out.parent / "ws", readonly=True) as ws:
        assert json.loads(out.read_bytes()) == prov_document(ws.reader(), h.page)


def test_the_whole_log_exports_every_event_and_twice_gives_the_same_file(
    workspace: Workspace, tmp_path: Path
) -> None:
    build_history(workspace, tmp_path)
    events = workspace.reader().execute("SELECT count(*) FROM events").fetchone()[0]
    path = workspace.path
    workspace.close()
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for out in (first, second):
        result = CliRunner().invoke(app, ["-w", str(path), "prov", "--out", str(out)])
        assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes()
    doc = ProvDocument.deserialize(source=str(first), format="json")
    assert len(list(doc.get_records(ProvActivity))) == events
    assert len(json.loads(first.read_text("utf-8"))["activity"]) == events


def test_an_unknown_item_or_an_unwritable_file_is_a_clear_error(
    workspace: Workspace, tmp_path: Path
) -> None:
    path = workspace.path
    workspace.close()
    runner = CliRunner()
    missing = runner.invoke(app, ["-w", str(path), "prov", "--out", str(tmp_path / "x.json"),
                                  "--item", "nope"])  # fmt: skip
    assert missing.exit_code == 2 and "no single item matches 'nope'" in missing.output
    bad = tmp_path / "no-such-folder" / "x.json"
    failed = runner.invoke(app, ["-w", str(path), "prov", "--out", str(bad)])
    assert failed.exit_code == 1 and f"cannot write {bad}" in failed.output
    assert not bad.parent.exists()
