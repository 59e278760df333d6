"""Hugging Face pipelines from a local folder: events, NFC offsets, resume."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.prelabel import (
    LabelSetError,
    add_model,
    load_prelabeller,
    parse_label_set,
    read_text,
    run_prelabel,
    text_items,
)
from hitl_desktop.workspace import CancelToken, Workspace, queries
from tests.prelabel.conftest import NER_LABELS, SMS_LABELS

# Decomposed (NFD) on disk; the workspace keeps the NFC form, whose indices the spans use.
NFD = unicodedata.normalize("NFD", "Zoë wohnt in Zürich und isst crème brûlée mit François.")


def _events(ws: Workspace, type_: str) -> list[dict]:  # type: ignore[type-arg]
    rows = ws.reader().execute("SELECT body FROM events WHERE type = ? ORDER BY seq", (type_,))
    return [json.loads(b) for (b,) in rows]


def test_token_classification_spans_index_the_nfc_text(
    workspace: Workspace, tiny_ner: Path, tmp_path: Path
) -> None:
    src = tmp_path / "zoe.txt"
    src.write_text(NFD, encoding="utf-8")
    too_long = tmp_path / "long.txt"  # more tokens than the tiny model has positions
    too_long.write_text("hello world " * 200, encoding="utf-8")
    import_paths(workspace, [src, too_long], ImportOptions(workers=1))
    record = add_model(workspace, tiny_ner, label_set=parse_label_set(NER_LABELS))
    assert record.task == "token-classification"
    model = load_prelabeller(workspace, record.id, device="cpu")
    items = sorted(text_items(workspace), key=lambda it: it.name != "zoe.txt")
    report = run_prelabel(workspace, model, items)
    # the batch fails on the long text; item by item, only that one fails
    assert [d[0] for d in report.done] == [items[0].id]
    assert len(report.failed) == 1 and report.failed[0][1].startswith("long.txt: ")
    text = read_text(workspace, items[0])
    assert text == unicodedata.normalize("NFC", NFD) and len(text) < len(NFD)
    (event,) = _events(workspace, "prelabel.made")
    spans = event["payload"]["spans"]
    # the tagger calls every token a new PLACE: each span is exactly one word of the NFC text
    assert [text[s["start"] : s["end"]] for s in spans] == [
        "Zoë", "wohnt", "in", "Zürich", "und", "isst", "crème", "brûlée", "mit", "François", ".",
    ]  # fmt: skip
    assert {s["label"] for s in spans} == {"PLACE"} and all(0 < s["score"] <= 1 for s in spans)
    assert event["payload"]["text_sha256"] == items[0].text_sha256
    assert event["actor"] == f"model:{record.id}" and event["schema_ref"] == "ner@1"
    assert event["subject"] == {"item": items[0].id}
    assert event["inputs"] == [
        {"kind": "item", "id": items[0].id, "sha256": items[0].text_sha256},
        {"kind": "model", "id": record.id, "sha256": record.weights_sha256},
    ]
    agent = event["agent"]
    assert agent["name"] == "tiny-ner" and agent["weights_sha256"] == record.weights_sha256
    assert agent["device"] == "cpu" and agent["version"].startswith("transformers ")
    assert agent["parameters"]["aggregation_strategy"] == "simple"
    assert workspace.reader().execute("SELECT span_count FROM prelabels").fetchone() == (11,)


def test_text_classification_and_resume(
    workspace: Workspace, tiny_cls: Path, tmp_path: Path
) -> None:
    for i, text in enumerate(
        ["free prize call now", "ok see you later", "win cash text stop", NFD]
    ):
        (tmp_path / f"t{i}.txt").write_text(text, encoding="utf-8")
    import_paths(workspace, sorted(tmp_path.glob("t*.txt")), ImportOptions(workers=1))
    record = add_model(workspace, tiny_cls, label_set=parse_label_set(SMS_LABELS))
    model = load_prelabeller(workspace, record.id, device="cpu")
    items = text_items(workspace)
    token = CancelToken()
    first = run_prelabel(workspace, model, items, batch_size=1,
                         progress=lambda d, t, _: d == 2 and token.cancel(), cancel=token)  # fmt: skip
    assert first.cancelled and len(first.done) == 2
    rest = run_prelabel(workspace, model, items, batch_size=1)
    assert len(rest.skipped) == 2 and len(rest.done) == 2 and not rest.failed
    assert rest.summary().endswith("on CPU, 2 already done")
    again = run_prelabel(workspace, model, items)
    assert len(again.skipped) == 4 and not again.done
    events = _events(workspace, "prelabel.made")
    assert len(events) == 4 and len({e["subject"]["item"] for e in events}) == 4
    for e in events:
        labels = e["payload"]["labels"]
        assert [lb["label"] for lb in labels] in (["ham", "spam"], ["spam", "ham"])
        assert labels[0]["score"] >= labels[1]["score"] and sum(
            lb["score"] for lb in labels
        ) == pytest.approx(1, abs=1e-4)
    forced = run_prelabel(workspace, model, items[:1], force=True)
    assert len(forced.done) == 1
    rows = (
        workspace.reader()
        .execute(
            "SELECT count(*), count(DISTINCT item_id) FROM prelabels WHERE model_id = ?",
            (record.id,),
        )
        .fetchone()
    )
    assert rows == (5, 4)
    latest = workspace.reader().execute("SELECT count(*) FROM prelabel_latest").fetchone()
    assert latest == (4,)
    history = queries.item_history(workspace.reader(), items[0].id)
    assert [e.type for e in history].count("prelabel.made") == 2
    assert workspace.verify().ok and workspace.rebuild().identical


def test_zero_shot_pipeline_maps_descriptions_back_to_labels(
    workspace: Workspace, tmp_path: Path
) -> None:
    from tests.prelabel.tiny import tiny_bert

    nli = tiny_bert(
        tmp_path / "tiny-nli", "text-classification", ["contradiction", "neutral", "entailment"]
    )
    record = add_model(workspace, nli)
    assert record.task == "zero-shot-classification" and record.labels == []
    with pytest.raises(LabelSetError, match="needs a label set"):
        load_prelabeller(workspace, record.id, device="cpu")
    (tmp_path / "a.txt").write_text("free prize call now", encoding="utf-8")
    import_paths(workspace, [tmp_path / "a.txt"], ImportOptions(workers=1))
    model = load_prelabeller(
        workspace, record.id, label_set=parse_label_set(SMS_LABELS), device="cpu"
    )
    report = run_prelabel(workspace, model, text_items(workspace))
    assert len(report.done) == 1
    (event,) = _events(workspace, "prelabel.made")
    labels = event["payload"]["labels"]
    assert sorted(lb["label"] for lb in labels) == ["ham", "spam"]
    assert sum(lb["score"] for lb in labels) == pytest.approx(1, abs=1e-4)
    assert event["agent"]["parameters"]["hypothesis_template"] == "This example is {}."
