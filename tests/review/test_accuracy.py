"""Per-label agreement and worker/model accuracy over a real workspace, checked against
scikit-learn and the ``krippendorff`` package, and by hand.

Six real SMS texts and a real FUNSD page. Workers ana and ben answer everything, cy two texts;
ana's answers to sms4 and sms5 take a text classifier's pre-labels (one kept, one changed).
Checker chris decides sms0-sms3 and merges the page; dan then answers two gold items.
"""

from __future__ import annotations

import json
import math
import warnings
from itertools import combinations
from pathlib import Path
from typing import Any

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import accuracy_score, cohen_kappa_score, f1_score
from typer.testing import CliRunner

from hitl_desktop.annotate.annotation import Annotation
from hitl_desktop.annotate.shapes import Box, Classification, Polygon, Span
from hitl_desktop.cli import app
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.lineage import Event, Subject
from hitl_desktop.review.decide import decide
from hitl_desktop.review.report import AgreementReport, agreement_report
from hitl_desktop.workspace import Profile, Workspace
from hitl_desktop.workspace.queries import ItemFilter, page_items
from tests.support.replica import log_events, shuffled_replica

DATA = Path(__file__).parents[2].parent / "shared" / "data"
FUNSD_PAGE = DATA / "funsd" / "images" / "0000971160.png"
SMS = DATA / "textcls" / "sms_spam_2000.tsv"

CLASSES = {
    "ana": [("ham",), ("spam",), ("ham",), ("spam",), ("ham",), ("spam", "promo")],
    "ben": [("ham",), ("spam",), ("spam",), ("spam",), ("spam",), ("spam",)],
    "cy": [("ham",), ("ham",)],  # sms0, sms1
}
QUALITY = {"ana": [3, 4, 2, 5, 1, 4], "ben": [3, 5, 2, 4, 2, 4], "cy": [2, 5]}
DAN = {1: (("spam",), 5), 3: (("ham",), 3)}  # gold answers after the decisions
SPANS = {
    "ana": [(0, 2, "word"), (3, 5, "word")],
    "ben": [(0, 2, "word"), (3, 6, "name"), (10, 12, "word")],  # one relabelled, one extra
}
A_H, A_Q, A_A = (0, 0, 100, 100), (200, 200, 300, 300), (500, 500, 600, 600)
B_H, B_X = (0, 0, 100, 80), (210, 200, 310, 300)  # IoU 0.8 with A_H, 9000/11000 with A_Q
CLS_TOP = ["ham", "ham", "spam", "spam", "ham", "spam"]  # the classifier's best label
WEIGHTS = {"tiny-cls": "a" * 64, "tiny-det": "b" * 64}


def _model(name: str) -> str:
    return f"{name}@{WEIGHTS[name][:12]}"


def _cls(labels: tuple[str, ...], quality: int, ident: str) -> Annotation:
    return Annotation(Classification(labels), attributes={"quality": quality}, id=ident)


def _box(coords: tuple[int, int, int, int], label: str, ident: str) -> Annotation:
    return Annotation(Box(*map(float, coords)), label, id=ident)


def _revise(ws: Workspace, item: str, actor: str, anns: list[Annotation], base: list[str]) -> str:
    draft = ws.draft(
        "annotation.revised", {"annotations": [a.to_json() for a in anns]},
        subject=Subject(item), base=base, actor=actor,
    )  # fmt: skip
    [event] = ws.append([draft])
    return event.hash


def _import(ws: Workspace, folder: Path) -> dict[str, str]:
    if not FUNSD_PAGE.exists() or not SMS.exists():
        pytest.skip(f"shared data not found under {DATA}")
    texts = []
    for i, line in enumerate(SMS.read_text(encoding="utf-8").splitlines()[1:7]):
        path = folder / f"sms{i}.txt"
        path.write_text(line.split("\t", 1)[-1], encoding="utf-8")
        texts.append(path)
    import_paths(ws, [FUNSD_PAGE, *texts], ImportOptions(workers=1, source="accuracy-tests"))
    return {r.name: r.id for r in page_items(ws.reader(), ItemFilter(), 0, 100)}


def _register(ws: Workspace, name: str, task: str) -> None:
    payload = {"name": name, "kind": "onnx", "task": task, "path": f"/models/{name}",
               "files": {"model.onnx": WEIGHTS[name]}, "weights_sha256": WEIGHTS[name]}  # fmt: skip
    ws.append([ws.draft("model.registered", payload)])


def _prelabel(ws: Workspace, item: str, name: str, **found: Any) -> str:
    payload = {"model_id": _model(name), **found}
    draft = ws.draft("prelabel.made", payload, subject=Subject(item), actor=f"model:{_model(name)}")
    [event] = ws.append([draft])
    return event.hash


@pytest.fixture
def decided(workspace: Workspace, tmp_path: Path) -> tuple[Workspace, dict[str, str]]:
    ids = _import(workspace, tmp_path)
    sms = [ids[f"sms{i}.txt"] for i in range(6)]
    page = ids[FUNSD_PAGE.name]
    _register(workspace, "tiny-cls", "text-classification")
    _register(workspace, "tiny-det", "object-detection")
    pre = []
    for item, top in zip(sms, CLS_TOP, strict=True):
        other = "spam" if top == "ham" else "ham"
        labels = [{"label": top, "score": 0.8}, {"label": other, "score": 0.2}]
        pre.append(_prelabel(workspace, item, "tiny-cls", labels=labels))
    boxes = [
        {"x0": 0.0, "y0": 0.0, "x1": 100.0, "y1": 90.0, "label": "header", "score": 0.9},
        {"x0": 500.0, "y0": 500.0, "x1": 600.0, "y1": 600.0, "label": "answer", "score": 0.8},
        {"x0": 700.0, "y0": 700.0, "x1": 800.0, "y1": 800.0, "label": "other", "score": 0.5},
    ]
    _prelabel(workspace, page, "tiny-det", boxes=boxes)
    for actor, classes in CLASSES.items():
        for i, labels in enumerate(classes):
            anns = [_cls(labels, QUALITY[actor][i], f"{actor}-c{i}")]
            if i == 0 and actor in SPANS:
                anns += [Annotation(Span(s, e), label, id=f"{actor}-s{n}")
                         for n, (s, e, label) in enumerate(SPANS[actor])]  # fmt: skip
            base = [pre[i]] if actor == "ana" and i >= 4 else []  # ana takes the pre-label
            _revise(workspace, sms[i], actor, anns, base)
    ana_page = [
        _box(A_H, "header", "a-h"),
        _box(A_Q, "question", "a-q"),
        _box(A_A, "answer", "a-a"),
    ]
    _revise(workspace, page, "ana", ana_page, [])
    _revise(workspace, page, "ben", [_box(B_H, "header", "b-h"), _box(B_X, "answer", "b-x")], [])
    workspace.set_profile(Profile("chris", "checker"))
    decide(workspace, sms[0], "accept", chosen=["ana"])
    decide(workspace, sms[1], "accept", chosen=["ben"])
    decide(workspace, sms[2], "adjudicate", annotations=[_cls(("spam",), 2, "chris-c2")])
    decide(workspace, sms[3], "accept", chosen=["ana"])  # no task: both agreed; a spot check
    merged = [_box(A_H, "header", "a-h"), _box(B_X, "answer", "b-x"), _box(A_A, "answer", "a-a")]
    decide(workspace, page, "merge", annotations=merged)
    workspace.set_profile(Profile("dan", "worker"))
    entries = [{"item": sms[i], "assignee": "dan", "kind": "gold"} for i in DAN]
    workspace.append(
        [workspace.draft("assignment.made", {"batch": "gold", "assignments": entries})]
    )
    for i, (labels, quality) in DAN.items():
        _revise(workspace, sms[i], "dan", [_cls(labels, quality, f"dan-c{i}")], [])
    return workspace, ids


def _class_sets() -> dict[str, dict[int, set[str]]]:
    """Each actor's latest class labels per SMS index (the reference's view of the data)."""
    out = {a: {i: set(c) for i, c in enumerate(cs)} for a, cs in CLASSES.items()}
    out["dan"] = {i: set(labels) for i, (labels, _) in DAN.items()}
    return out


def _sk_kappa(a: list[int], b: list[int]) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = cohen_kappa_score(a, b)
    return 1.0 if math.isnan(ref) else float(ref)  # unanimous: 1.0 by our convention


def test_class_labels_one_vs_rest_match_sklearn_and_krippendorff(decided: Any) -> None:
    ws, _ = decided
    report = agreement_report(ws.reader())
    sets = _class_sets()
    rows = {(x.label, x.actor_a, x.actor_b): x for x in report.labels if x.kind == "class"}
    labels = sorted({lab for per in sets.values() for s in per.values() for lab in s})
    assert labels == ["ham", "promo", "spam"]
    checked = 0
    for a, b in combinations(sorted(sets), 2):
        common = sorted(set(sets[a]) & set(sets[b]))
        for label in labels:
            ya = [int(label in sets[a][i]) for i in common]
            yb = [int(label in sets[b][i]) for i in common]
            if not any(ya) and not any(yb):
                assert (label, a, b) not in rows  # a label neither gave has no row
                continue
            row = rows[(label, a, b)]
            assert row.items == len(common)
            assert row.kappa == pytest.approx(_sk_kappa(ya, yb), abs=1e-9)
            assert (row.count_a, row.count_b) == (sum(ya), sum(yb))
            checked += 1
    assert checked >= 12
    # by hand, ana / ben on "spam": they agree on 4 of 6 texts; ana says spam 3 times, ben 5:
    # p_e = 3/6 * 5/6 + 3/6 * 1/6 = 1/2, kappa = (4/6 - 1/2) / (1 - 1/2) = 1/3
    spam = rows[("spam", "ana", "ben")]
    assert spam.kappa == pytest.approx(1 / 3, abs=1e-12)
    items = sorted({i for per in sets.values() for i in per})
    for label in labels:
        overall = rows[(label, None, None)]
        pair_kappas = [r.kappa for (lab, a, _), r in rows.items() if lab == label and a]
        assert overall.kappa == pytest.approx(sum(pair_kappas) / len(pair_kappas), abs=1e-12)
        data = [[float(label in sets[x][i]) if i in sets[x] else np.nan for i in items]
                for x in sorted(sets)]  # fmt: skip
        ref = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
        assert overall.alpha == pytest.approx(ref, abs=1e-9)


def test_regions_and_spans_per_label_f1_and_iou(decided: Any) -> None:
    ws, _ = decided
    report = agreement_report(ws.reader())
    region = {(x.label, x.actor_a): x for x in report.labels if x.kind == "region"}
    # Hungarian pairs: A_H-B_H (IoU 0.8, same label), A_Q-B_X (question vs answer); A_A alone
    y_true, y_pred = ["header", "question", "answer"], ["header", "answer", "-"]
    for label in ("header", "question", "answer"):
        ref = f1_score(y_true, y_pred, labels=[label], average=None, zero_division=0)[0]
        assert region[(label, "ana")].f1 == pytest.approx(ref, abs=1e-9)
        assert region[(label, None)].f1 == pytest.approx(ref, abs=1e-9)  # only ana/ben drew boxes
    assert region[("header", "ana")].mean_iou == pytest.approx(0.8, abs=1e-12)
    assert region[("answer", "ana")].mean_iou is None  # no same-label match
    span = {(x.label, x.actor_a, x.actor_b): x for x in report.labels if x.kind == "span"}
    # ana/ben on sms0: (0,2) word both; (3,5) word vs (3,6) name; ben's (10,12) word alone
    y_true, y_pred = ["word", "word", "-"], ["word", "name", "word"]
    for label in ("word", "name"):
        ref = f1_score(y_true, y_pred, labels=[label], average=None, zero_division=0)[0]
        assert span[(label, "ana", "ben")].f1 == pytest.approx(ref, abs=1e-9)
    # all pairs together: word a = 2 (ana/ben) + 2 (ana/cy) + 2 (ben/cy), b = 2, one hit
    assert span[("word", None, None)].f1 == pytest.approx(2 * 1 / (6 + 2), abs=1e-12)
    assert span[("word", "ana", "cy")].f1 == 0.0  # cy marked no spans
    # items: comparisons where a side has the label (sms0 for three pairs; the page once)
    assert (span[("word", None, None)].items, region[("header", None)].items) == (3, 1)
    keys = [x.sort_key() for x in report.labels]
    assert keys == sorted(keys)  # class, region, span; label; overall row first


def test_numeric_attribute_interval_alpha_matches_krippendorff(decided: Any) -> None:
    ws, _ = decided
    report = agreement_report(ws.reader())
    values = {a: dict(enumerate(q)) for a, q in QUALITY.items()}
    values["dan"] = {i: q for i, (_, q) in DAN.items()}
    data = [[float(values[a].get(i, np.nan)) for i in range(6)] for a in sorted(values)]
    ref = krippendorff.alpha(reliability_data=data, level_of_measurement="interval")
    [quality] = report.attributes
    assert quality.name == "quality" and quality.items == 6
    assert quality.alpha == pytest.approx(ref, abs=1e-9)


def _by(report: AgreementReport) -> dict[tuple[str, str], Any]:
    return {(r.who, r.against): r for r in report.workers}


def test_worker_accuracy_against_adjudicated_answers_and_gold(decided: Any) -> None:
    ws, _ = decided
    report = agreement_report(ws.reader())
    assert report.adjudicated_items == 5
    workers = _by(report)
    assert list(workers) == [("ana", "adjudicated"), ("ben", "adjudicated"),
                             ("cy", "adjudicated"), ("dan", "adjudicated"), ("dan", "gold")]  # fmt: skip
    truth = ["ham", "spam", "spam", "spam"]  # sms0-sms3 as decided
    ana, ben, cy = (
        workers[("ana", "adjudicated")],
        workers[("ben", "adjudicated")],
        workers[("cy", "adjudicated")],
    )
    assert ana.class_accuracy == pytest.approx(
        accuracy_score(truth, ["ham", "spam", "ham", "spam"])
    )
    assert ben.class_accuracy == pytest.approx(
        accuracy_score(truth, ["ham", "spam", "spam", "spam"])
    )
    assert cy.class_accuracy == pytest.approx(accuracy_score(truth[:2], ["ham", "ham"]))
    # exact: ana right on sms0, sms1 (a different quality is no difference), sms3; her page
    # has a question where the merge kept ben's answer box. ben: sms1-3; his spans on sms0
    # differ and his page lacks the answer box at 500.
    assert (ana.items, ana.exact) == (5, pytest.approx(3 / 5))
    assert (ben.items, ben.exact) == (5, pytest.approx(3 / 5))
    assert (cy.items, cy.exact) == (2, 0.0)
    # regions against the merge [A_H header, B_X answer, A_A answer]
    assert ana.region_f1 == pytest.approx(2 * 2 / (3 + 3)) and ana.region_mean_iou == 1.0
    assert ben.region_f1 == pytest.approx(2 * 2 / (3 + 2))
    assert ben.region_mean_iou == pytest.approx((0.8 + 1.0) / 2)
    assert cy.region_f1 is None and cy.regions_answer == 0
    # spans of sms0 (ana's accepted): ana all; ben 1 hit of 2 + 3; cy none
    assert (ana.span_f1, ben.span_f1, cy.span_f1) == (1.0, pytest.approx(2 / 5), 0.0)
    # dan's gold answers, given after the decisions: sms1 right, sms3 wrong
    for against in ("adjudicated", "gold"):
        dan = workers[("dan", against)]
        assert (dan.items, dan.class_items) == (2, 2)
        assert dan.class_accuracy == pytest.approx(
            accuracy_score(["spam", "spam"], ["spam", "ham"])
        )
        assert dan.exact == pytest.approx(0.5)


def test_model_accuracy_and_corrections(decided: Any) -> None:
    ws, _ = decided
    report = agreement_report(ws.reader())
    models = {m.who: m for m in report.models}
    assert list(models) == [_model("tiny-cls"), _model("tiny-det")]
    cls = models[_model("tiny-cls")]
    truth = ["ham", "spam", "spam", "spam"]
    assert (cls.items, cls.class_items) == (4, 4)  # sms4, sms5 were not adjudicated
    assert cls.class_accuracy == pytest.approx(accuracy_score(truth, CLS_TOP[:4]), abs=1e-12)
    assert cls.exact == pytest.approx(3 / 4)
    assert cls.region_f1 is None and cls.span_f1 is None  # it suggests no regions or spans
    det = models[_model("tiny-det")]
    # header IoU 0.9 and answer at 500 hit; B_X unfound; "other" at 700 wrong
    assert (det.items, det.regions_answer, det.regions_given, det.regions_matched) == (1, 3, 3, 2)
    assert det.region_f1 == pytest.approx(2 / 3) and det.region_mean_iou == pytest.approx(0.95)
    assert det.exact == 0.0 and det.class_accuracy is None
    [corr] = report.corrections
    # ana took sms4's pre-label as it was (ham) and changed sms5's (spam -> spam + promo)
    assert (corr.model, corr.accepted, corr.changed) == (_model("tiny-cls"), 2, 1)


def test_report_is_the_same_whatever_order_the_events_arrive(decided: Any) -> None:
    ws, _ = decided
    expected = agreement_report(ws.reader()).to_json()
    events: list[Event] = log_events(ws.db_path)
    for seed, batch in ((1, 1), (2, 5)):
        replica, _ = shuffled_replica(events, seed, batch=batch)
        assert agreement_report(replica).to_json() == expected


def test_cli_prints_every_section(decided: Any) -> None:
    ws, _ = decided
    runner = CliRunner()
    out = runner.invoke(app, ["--workspace", str(ws.path), "agreement", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert {"labels", "attributes", "workers", "models", "corrections"} <= set(data)
    dan_gold = next(w for w in data["workers"] if (w["who"], w["against"]) == ("dan", "gold"))
    assert dan_gold["class_accuracy"] == 0.5
    text = runner.invoke(app, ["--workspace", str(ws.path), "agreement"])
    assert text.exit_code == 0, text.output
    for heading in ("Per label", "Numeric attributes", "Worker accuracy", "Model accuracy",
                    "changed", _model("tiny-cls")):  # fmt: skip
        assert heading in text.output
    assert not any(line != line.rstrip() for line in text.output.splitlines())


def test_an_unreadable_answer_is_skipped_by_name_and_the_rest_counted(
    workspace: Workspace, tmp_path: Path
) -> None:
    ids = _import(workspace, tmp_path)
    page, text = ids[FUNSD_PAGE.name], ids["sms0.txt"]
    swapped = {"attributes": {}, "id": "bad", "kind": "box", "label": "header",
               "origin": {"kind": "human"}, "shape": {"x0": 50, "y0": 0, "x1": 10, "y1": 9}}  # fmt: skip
    workspace.append([workspace.draft("annotation.revised", {"annotations": [swapped]},
                                      subject=Subject(page), actor="eve")])  # fmt: skip
    _revise(workspace, page, "ana", [_box(A_H, "header", "h")], [])
    _revise(workspace, text, "ana", [_cls(("ham",), 1, "c")], [])
    _revise(workspace, text, "eve", [_cls(("ham",), 2, "c")], [])
    report = agreement_report(workspace.reader())
    [skipped] = report.skipped
    assert f"item {page}" in skipped and "eve" in skipped and "corners are swapped" in skipped
    assert report.items == 1 and report.pairs[0].kappa == 1.0  # the text still counts
    # the checker keeps ana's box; a detector's pre-label has one good and one broken box
    workspace.set_profile(Profile("chris", "checker"))
    decide(workspace, page, "accept", chosen=["ana"])
    _register(workspace, "tiny-det", "object-detection")
    good = {"x0": 0.0, "y0": 0.0, "x1": 100.0, "y1": 100.0, "label": "header", "score": 0.9}
    bad = {"x0": 90.0, "y0": 0.0, "x1": 10.0, "y1": 10.0, "label": "header", "score": 0.5}
    _prelabel(workspace, page, "tiny-det", boxes=[good, bad])
    report = agreement_report(workspace.reader())
    assert len(report.skipped) == 3, report.skipped
    eve_vs_truth = next(s for s in report.skipped if "against the decision" in s)
    assert "eve" in eve_vs_truth and "corners are swapped" in eve_vs_truth
    broken = next(s for s in report.skipped if _model("tiny-det") in s)
    assert broken.startswith("box 1 from") and "skipped" in broken
    [det] = report.models  # scored on the box it could read
    assert (det.items, det.region_f1, det.exact) == (1, 1.0, 1.0)
    assert [w.who for w in report.workers] == ["ana"]  # eve's answer could not be scored


def test_polygons_take_the_parsed_path_with_exact_iou(workspace: Workspace, tmp_path: Path) -> None:
    """Answers with polygons are parsed (shapely IoU), and scored like the rest."""
    page = _import(workspace, tmp_path)[FUNSD_PAGE.name]

    def square(x: float, ident: str) -> Annotation:
        pts = ((x, 0.0), (x + 100.0, 0.0), (x + 100.0, 100.0), (x, 100.0))
        return Annotation(Polygon(pts), "logo", id=ident)

    _revise(workspace, page, "ana", [square(0.0, "a")], [])
    _revise(workspace, page, "ben", [square(30.0, "b")], [])  # IoU 7000 / 13000
    workspace.set_profile(Profile("chris", "checker"))
    decide(workspace, page, "accept", chosen=["ana"])
    report = agreement_report(workspace.reader())
    workers = _by(report)
    ana, ben = workers[("ana", "adjudicated")], workers[("ben", "adjudicated")]
    assert (ana.exact, ana.region_f1, ana.region_mean_iou) == (1.0, 1.0, 1.0)
    # matched (IoU >= 0.5) with the same label, but below the queue's 0.8: not exact
    assert (ben.exact, ben.region_f1) == (0.0, 1.0)
    assert ben.region_mean_iou == pytest.approx(7000 / 13000, abs=1e-9)
    [logo] = [x for x in report.labels if x.kind == "region" and x.actor_a == "ana"]
    assert logo.mean_iou == pytest.approx(7000 / 13000, abs=1e-9) and logo.f1 == 1.0
    assert report.items_with_differences == 1
