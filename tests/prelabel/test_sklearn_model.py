"""scikit-learn classifiers trained on real SMS: skops (safe) and trusted joblib files."""

from __future__ import annotations

import html
import json
import os
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pytest
import skops.io as sio
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline

from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.prelabel import (
    CorruptWeights,
    ModelError,
    UntrustedPickle,
    UntrustedTypes,
    WrongTask,
    add_model,
    list_models,
    load_prelabeller,
    parse_label_set,
    read_text,
    run_prelabel,
    text_items,
)  # fmt: skip
from hitl_desktop.prelabel.embed import SentenceEmbedder
from hitl_desktop.prelabel.model_files import file_sha256
from hitl_desktop.workspace import Workspace
from tests.prelabel.conftest import SMS, SMS_LABELS, sms_subset, write_json

N_ITEMS = 30


def _sms_rows(skip: int, n: int) -> tuple[list[str], list[str]]:
    """(texts, labels) of SMS rows ``skip`` to ``skip + n`` (past the pre-labelled ones)."""
    rows = [line.split("\t", 1) for line in SMS.read_text(encoding="utf-8").splitlines()[1:]]
    rows = rows[skip : skip + n]
    return [r[1] for r in rows], [r[0] for r in rows]


@pytest.fixture(scope="module")
def tfidf_lr() -> Pipeline:
    texts, labels = _sms_rows(200, 800)
    return make_pipeline(TfidfVectorizer(min_df=2), LogisticRegression(max_iter=1000)).fit(
        texts, labels
    )


@pytest.fixture
def sms_ws(workspace: Workspace, tmp_path: Path) -> Workspace:
    tsv = sms_subset(tmp_path / "sms.tsv", N_ITEMS)
    import_paths(workspace, [tsv], ImportOptions(workers=1, text_column="SMS"))
    return workspace


def _events(ws: Workspace, model_id: str) -> dict[str, dict[str, Any]]:
    rows = ws.reader().execute(
        "SELECT subject_item, body FROM events WHERE type = 'prelabel.made' "
        "AND json_extract(body, '$.payload.model_id') = ?",
        (model_id,),
    )
    return {item: json.loads(body) for item, body in rows}


def _check_matches(ws: Workspace, model_id: str, model: Pipeline) -> dict[str, Any]:
    items = text_items(ws)
    texts = [read_text(ws, it) for it in items]
    events = _events(ws, model_id)
    assert len(events) == len(items) == N_ITEMS
    expected, proba = model.predict(texts), model.predict_proba(texts)
    for item, want, p in zip(items, expected, proba, strict=True):
        labels = events[item.id]["payload"]["labels"]
        assert labels[0]["label"] == want
        got = {lb["label"]: lb["score"] for lb in labels}
        assert np.allclose([got[c] for c in model.classes_], p, atol=1e-5)
    return next(iter(events.values()))


def test_skops_and_trusted_joblib_prelabel_like_the_model_itself(
    sms_ws: Workspace, tfidf_lr: Pipeline, tmp_path: Path
) -> None:
    skops_path = tmp_path / "sms-tfidf.skops"
    sio.dump(tfidf_lr, skops_path)
    record = add_model(sms_ws, skops_path, label_set=parse_label_set(SMS_LABELS))
    assert record.kind == "skops" and record.labels == ["ham", "spam"]
    assert record.parameters["trusted_types"] == [] and record.parameters["features"] == "text"
    report = run_prelabel(sms_ws, load_prelabeller(sms_ws, record.id), text_items(sms_ws))
    assert len(report.done) == N_ITEMS and not report.failed
    event = _check_matches(sms_ws, record.id, tfidf_lr)
    agent = event["agent"]
    assert agent["weights_sha256"] == record.weights_sha256 and agent["device"] == "cpu"
    assert agent["parameters"]["format"] == "skops"
    assert agent["parameters"]["method"] == "predict_proba"
    assert agent["version"].startswith("scikit-learn ") and "skops" in agent["version"]
    assert event["schema_ref"] == "sms@1"
    # the model predicts at least one spam among the real messages, so the check has teeth
    assert {d[1] for d in report.done} == {"ham", "spam"}

    joblib_path = tmp_path / "sms-tfidf.joblib"
    joblib.dump(tfidf_lr, joblib_path)
    sha = file_sha256(joblib_path)
    with pytest.raises(UntrustedPickle, match=f"--trust {sha}"):
        add_model(sms_ws, joblib_path)
    pickled = add_model(sms_ws, joblib_path, trust=[sha])
    assert pickled.kind == "pickle" and pickled.parameters["format"] == "joblib"
    report = run_prelabel(sms_ws, load_prelabeller(sms_ws, pickled.id), text_items(sms_ws))
    assert len(report.done) == N_ITEMS
    assert _check_matches(sms_ws, pickled.id, tfidf_lr)["agent"]["parameters"]["format"] == "joblib"
    again = run_prelabel(sms_ws, load_prelabeller(sms_ws, pickled.id), text_items(sms_ws))
    assert again.done == [] and len(again.skipped) == N_ITEMS  # resumable like other models
    assert sms_ws.verify().ok


def test_skops_types_outside_the_trusted_set_need_the_files_hash(
    sms_ws: Workspace, tmp_path: Path
) -> None:
    texts, labels = _sms_rows(200, 400)
    model = make_pipeline(TfidfVectorizer(preprocessor=html.unescape),
                          LogisticRegression(max_iter=1000)).fit(texts, labels)  # fmt: skip
    path = tmp_path / "unescaping.skops"
    sio.dump(model, path)
    sha = file_sha256(path)
    with pytest.raises(UntrustedTypes, match=rf"html\.unescape\. .*--trust {sha}"):
        add_model(sms_ws, path)
    with pytest.raises(UntrustedTypes):
        add_model(sms_ws, path, trust=["0" * 64])
    assert list_models(sms_ws) == []
    record = add_model(sms_ws, path, trust=[sha])
    assert record.parameters["trusted_types"] == ["html.unescape"]
    run_prelabel(sms_ws, load_prelabeller(sms_ws, record.id), text_items(sms_ws))
    _check_matches(sms_ws, record.id, model)


def test_a_pickle_changed_after_registration_is_refused_at_load(
    sms_ws: Workspace, tfidf_lr: Pipeline, tmp_path: Path
) -> None:
    path = tmp_path / "clf.pkl"
    joblib.dump(tfidf_lr, path)
    record = add_model(sms_ws, path, trust=[file_sha256(path)])
    load_prelabeller(sms_ws, record.id)  # loads while unchanged
    # one byte changed, size and modification time kept: a hash cache keyed on them would miss it
    st = path.stat()
    data = bytearray(path.read_bytes())
    data[-2] ^= 0xFF
    path.write_bytes(bytes(data))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    with pytest.raises(ModelError, match=r"clf\.pkl changed since model .* registered"):
        load_prelabeller(sms_ws, record.id)
    path.unlink()
    with pytest.raises(ModelError, match="which is gone"):
        load_prelabeller(sms_ws, record.id)
    assert _events(sms_ws, record.id) == {}


def test_damaged_and_mismatched_skops_files_are_refused(
    sms_ws: Workspace, tfidf_lr: Pipeline, tmp_path: Path
) -> None:
    good = tmp_path / "good.skops"
    sio.dump(tfidf_lr, good)
    truncated = tmp_path / "truncated.skops"
    truncated.write_bytes(good.read_bytes()[:400])
    with pytest.raises(CorruptWeights, match=r"truncated\.skops is not a skops file"):
        add_model(sms_ws, truncated)
    with pytest.raises(WrongTask, match="lacks"):
        add_model(sms_ws, good, label_set=parse_label_set(
            {"name": "other", "version": 1, "labels": [{"name": "ham"}, {"name": "eggs"}]}))  # fmt: skip
    with pytest.raises(WrongTask, match="text-classification only"):
        add_model(sms_ws, good, task="token-classification")
    assert list_models(sms_ws) == []


def test_a_classifier_over_sentence_embeddings(
    sms_ws: Workspace, tiny_embedder: Path, tmp_path: Path
) -> None:
    emb_record = add_model(sms_ws, tiny_embedder, name="tiny-emb")
    embedder = SentenceEmbedder.from_record(emb_record, device="cpu")
    texts, labels = _sms_rows(200, 300)
    clf = LogisticRegression(max_iter=1000, class_weight="balanced")
    clf.fit(embedder.embed(texts).astype(np.float64), labels)
    path = tmp_path / "emb-lr.skops"
    sio.dump(clf, path)
    with pytest.raises(WrongTask, match=r"does not take raw texts .*sentence-embedding"):
        add_model(sms_ws, path)
    write_json(
        path.with_suffix(".json"), {"features": "sentence-embedding", "embedder": "tiny-emb"}
    )
    record = add_model(sms_ws, path)
    assert set(record.files) == {"emb-lr.skops", "emb-lr.json"}
    model = load_prelabeller(sms_ws, record.id, device="cpu")
    report = run_prelabel(sms_ws, model, text_items(sms_ws))
    assert len(report.done) == N_ITEMS
    items = text_items(sms_ws)
    x = embedder.embed([read_text(sms_ws, it) for it in items]).astype(np.float64)
    events = _events(sms_ws, record.id)
    tops = [events[it.id]["payload"]["labels"][0]["label"] for it in items]
    assert tops == list(clf.predict(x))
    assert events[items[0].id]["agent"]["parameters"]["base_model"] == emb_record.id
