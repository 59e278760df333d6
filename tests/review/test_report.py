"""The agreement report over a real workspace: two workers' saved revisions, compared."""

from __future__ import annotations

import json
from pathlib import Path

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score
from typer.testing import CliRunner

from hitl_desktop.annotate import Annotation, Box, commands, open_document, save
from hitl_desktop.annotate.shapes import Classification, Span
from hitl_desktop.cli import app
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.review.report import agreement_report
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.queries import ItemFilter, page_items

DATA = Path(__file__).parents[2].parent / "shared" / "data"
FUNSD_PAGE = DATA / "funsd" / "images" / "0000971160.png"
SMS = DATA / "textcls" / "sms_spam_2000.tsv"

# The class each worker gives the five SMS texts; ben differs on sms2 and sms4.
ANA = ["ham", "spam", "ham", "spam", "ham"]
BEN = ["ham", "spam", "spam", "spam", "spam"]


def _import(ws: Workspace, folder: Path) -> dict[str, str]:
    """The FUNSD page and five real SMS messages as text items; ids by file name."""
    if not FUNSD_PAGE.exists() or not SMS.exists():
        pytest.skip(f"shared data not found under {DATA}")
    texts = []
    for i, line in enumerate(SMS.read_text(encoding="utf-8").splitlines()[1:6]):
        path = folder / f"sms{i}.txt"
        path.write_text(line.split("\t", 1)[-1], encoding="utf-8")
        texts.append(path)
    import_paths(ws, [FUNSD_PAGE, *texts], ImportOptions(workers=1, source="report-tests"))
    return {r.name: r.id for r in page_items(ws.reader(), ItemFilter(), 0, 100)}


def _answer(ws: Workspace, item: str, actor: str, *anns: Annotation) -> None:
    doc = open_document(ws, item)
    doc.base = ()  # each worker answers on their own, not on top of the other's revision
    if doc.annotations:  # the document opens on the latest revision, maybe another's
        doc.push(commands.delete([a.id for a in doc.annotations]))
    for ann in anns:
        doc.push(commands.add(doc, ann))
    assert save(ws, doc, actor=actor, role="worker") is not None


@pytest.fixture
def labelled(workspace: Workspace, tmp_path: Path) -> Workspace:
    ids = _import(workspace, tmp_path)
    page = ids[FUNSD_PAGE.name]
    # ana's first answer to sms2 is spam; her later revision (ham) is the one that counts.
    _answer(workspace, ids["sms2.txt"], "ana", Annotation(Classification(("spam",))))
    for i, (a, b) in enumerate(zip(ANA, BEN, strict=True)):
        item = ids[f"sms{i}.txt"]
        spans_a = [Annotation(Span(0, 2), "word")] if i == 0 else []
        spans_b = [Annotation(Span(0, 2), "word"), Annotation(Span(3, 5), "word")] if i == 0 else []
        _answer(workspace, item, "ana", Annotation(Classification((a,))), *spans_a)
        _answer(workspace, item, "ben", Annotation(Classification((b,))), *spans_b)
    _answer(
        workspace, page, "ana",
        Annotation(Box(0, 0, 100, 100), "header"),
        Annotation(Box(200, 200, 300, 300), "question"),
        Annotation(Box(500, 500, 600, 600), "answer"),  # ben has no box here
    )  # fmt: skip
    _answer(
        workspace, page, "ben",
        Annotation(Box(0, 0, 100, 80), "header"),  # IoU 8000 / 10000 = 0.8
        Annotation(Box(210, 200, 310, 300), "question"),  # IoU 9000 / 11000
    )  # fmt: skip
    # a third actor who answered only one item alone: no item shared, no pair
    _answer(workspace, page, "cy", Annotation(Box(0, 0, 10, 10), "header"))
    return workspace


def test_report_matches_reference_implementations(labelled: Workspace) -> None:
    report = agreement_report(labelled.reader())
    assert report.actors == ("ana", "ben", "cy") and report.items == 6
    pairs = {(p.actor_a, p.actor_b): p for p in report.pairs}
    ab = pairs[("ana", "ben")]
    assert ab.items == 6 and ab.class_items == 5
    assert ab.kappa == pytest.approx(cohen_kappa_score(ANA, BEN), abs=1e-9)
    assert ab.kappa == pytest.approx(2 / 7, abs=1e-9)  # p_o 3/5, p_e 11/25
    assert ab.mean_iou == pytest.approx((0.8 + 9000 / 11000) / 2, abs=1e-9)
    assert (ab.regions_a, ab.regions_b, ab.matched_regions) == (3, 2, 2)
    assert ab.matched_share == pytest.approx(4 / 5)
    # one span item: ana (reference) has 1 span, ben 2 with that one among them: P 1/2, R 1
    assert ab.span_items == 1 and ab.span_f1 == pytest.approx(2 / 3)
    assert ab.mean_cer is None and ab.matched_lines == 0
    # cy's tiny box matches neither (IoU 0.01); cy gave no class labels
    assert pairs[("ana", "cy")].items == 1 and pairs[("ana", "cy")].kappa is None
    assert pairs[("ana", "cy")].matched_regions == 0

    codes = {"ham": 0.0, "spam": 1.0}
    rows = [[codes[x] for x in ANA] + [np.nan], [codes[x] for x in BEN] + [np.nan]]
    rows.append([np.nan] * 6)
    expected = krippendorff.alpha(reliability_data=rows, level_of_measurement="nominal")
    assert report.alpha == pytest.approx(expected, abs=1e-9)
    # sms2, sms4 (labels), sms0 (an extra span) and the page (unmatched box) differ
    assert report.items_with_differences == 4
    text = report.to_text()
    assert (
        "ana / ben" in text and f"{2 / 7:.3f}" in text and "with at least one difference: 4" in text
    )


def test_cli_prints_the_report(labelled: Workspace) -> None:
    runner = CliRunner()
    out = runner.invoke(app, ["--workspace", str(labelled.path), "agreement", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    [ab] = [p for p in data["pairs"] if (p["actor_a"], p["actor_b"]) == ("ana", "ben")]
    assert ab["kappa"] == pytest.approx(cohen_kappa_score(ANA, BEN), abs=1e-9)
    assert ab["mean_iou"] == pytest.approx((0.8 + 9000 / 11000) / 2, abs=1e-9)
    table = runner.invoke(app, ["--workspace", str(labelled.path), "agreement"])
    assert table.exit_code == 0 and "ana / ben" in table.output and "0.286" in table.output


def test_cli_says_when_no_item_has_two_actors(workspace: Workspace, tmp_path: Path) -> None:
    ids = _import(workspace, tmp_path)
    _answer(workspace, ids["sms0.txt"], "ana", Annotation(Classification(("ham",))))
    _answer(workspace, ids["sms1.txt"], "ben", Annotation(Classification(("spam",))))
    runner = CliRunner()
    out = runner.invoke(app, ["--workspace", str(workspace.path), "agreement"])
    assert out.exit_code == 0 and "no item was annotated by two or more actors" in out.output
    data = json.loads(
        runner.invoke(app, ["--workspace", str(workspace.path), "agreement", "--json"]).output
    )
    assert data["items"] == 0 and data["pairs"] == [] and data["alpha"] is None
