"""ONNX text classifiers exported from real torch models, run on real SMS items."""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch
from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.prelabel import (
    CorruptWeights,
    MissingConfig,
    ModelError,
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
from hitl_desktop.prelabel.onnx_model import onnx_providers
from hitl_desktop.workspace import Workspace
from tests.prelabel.conftest import SMS_LABELS, sms_subset, write_json
from tests.prelabel.tiny import tiny_bert

N_ITEMS = 20
TOKEN_INPUTS = ["input_ids", "attention_mask", "token_type_ids"]


def _export(module: torch.nn.Module, args: tuple[torch.Tensor, ...], path: Path,
            inputs: list[str]) -> None:  # fmt: skip
    axes: dict[str, dict[int, str]] = {n: {0: "batch", 1: "tokens"} for n in inputs}
    if len(inputs) == 1:
        axes = {inputs[0]: {0: "batch"}}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the TorchScript exporter announces its deprecation
        torch.onnx.export(module.eval(), args, str(path), input_names=inputs,
                          output_names=["logits"], dynamic_axes=axes | {"logits": {0: "batch"}},
                          dynamo=False)  # fmt: skip


class _Logits(torch.nn.Module):
    """A sequence classifier called with positional tensors, returning only its logits."""

    def __init__(self, model: Any) -> None:
        super().__init__()
        self.model = model

    def forward(self, ids: torch.Tensor, mask: torch.Tensor, types: torch.Tensor) -> torch.Tensor:
        return self.model(input_ids=ids, attention_mask=mask, token_type_ids=types).logits


def _spread(model: Any, tokenizer: Any, root: Path) -> None:
    """Rescale the random classifier so the SMS items fall clearly on both sides of it.

    A random BERT scores every text almost alike; widened and centred on the largest gap
    between the items' scores, argmax differs between items and never sits on a knife edge.
    """
    tsv = sms_subset(root / "sms.tsv", N_ITEMS).read_text(encoding="utf-8")
    texts = [line.split("\t", 1)[1] for line in tsv.splitlines()[1:]]
    with torch.no_grad():
        model.classifier.weight.mul_(1000.0)
        logits = model(**tokenizer(texts, padding=True, return_tensors="pt")).logits
        model.classifier.bias[1] -= _middle_gap(logits)


def _middle_gap(logits: torch.Tensor) -> float:
    """The middle of the widest gap between (spam - ham) logits among the middle half."""
    diff = sorted((logits[:, 1] - logits[:, 0]).tolist())
    _, i = max((diff[i + 1] - diff[i], i) for i in range(len(diff) // 4, 3 * len(diff) // 4))
    return (diff[i] + diff[i + 1]) / 2


@pytest.fixture(scope="module")
def bert_onnx(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any, Any]:
    """A tiny BERT ham/spam classifier as model.onnx + model.json + tokenizer/ (and in torch)."""
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    root = tmp_path_factory.mktemp("onnx-bert")
    src = tiny_bert(root / "torch", "text-classification", ["ham", "spam"], seed=3)
    model = AutoModelForSequenceClassification.from_pretrained(src, attn_implementation="eager")
    model.eval()
    tokenizer = AutoTokenizer.from_pretrained(src)
    _spread(model, tokenizer, root)
    folder = root / "onnx"
    tokenizer.save_pretrained(folder / "tokenizer")
    enc = tokenizer(["free prize call now", "ok see you"], padding=True, return_tensors="pt")
    _export(_Logits(model), tuple(enc[n] for n in TOKEN_INPUTS), folder / "model.onnx",
            TOKEN_INPUTS)  # fmt: skip
    write_json(folder / "model.json", {
        "task": "text-classification", "inputs": TOKEN_INPUTS, "outputs": ["logits"],
        "labels": ["ham", "spam"], "tokenizer": "tokenizer", "max_length": 128,
    })  # fmt: skip
    return folder, model, tokenizer


@pytest.fixture
def sms_ws(workspace: Workspace, tmp_path: Path) -> Workspace:
    tsv = sms_subset(tmp_path / "sms.tsv", N_ITEMS)
    import_paths(workspace, [tsv], ImportOptions(workers=1, text_column="SMS"))
    return workspace


def _scores(ws: Workspace, model_id: str) -> tuple[list[str], np.ndarray, dict[str, Any]]:
    """(texts, (n, [ham, spam]) scores from the events, the first event) in item order."""
    items = text_items(ws)
    rows = dict(ws.reader().execute(
        "SELECT subject_item, body FROM events WHERE type = 'prelabel.made' "
        "AND json_extract(body, '$.payload.model_id') = ?", (model_id,)).fetchall())  # fmt: skip
    events = [json.loads(rows[it.id]) for it in items]
    scores = []
    for e in events:
        got = {lb["label"]: lb["score"] for lb in e["payload"]["labels"]}
        scores.append([got["ham"], got["spam"]])
    return [read_text(ws, it) for it in items], np.array(scores), events[0]


def test_a_tokenised_onnx_model_matches_its_torch_original(
    sms_ws: Workspace, bert_onnx: tuple[Path, Any, Any]
) -> None:
    folder, model, tokenizer = bert_onnx
    record = add_model(sms_ws, folder / "model.onnx", name="bert-onnx",
                       label_set=parse_label_set(SMS_LABELS))  # fmt: skip
    assert record.kind == "onnx" and record.labels == ["ham", "spam"]
    assert {"model.onnx", "model.json", "tokenizer/tokenizer.json"} <= set(record.files)
    runner = load_prelabeller(sms_ws, record.id, device="cpu")
    assert runner.device == "cpu" and runner.notice == ""
    report = run_prelabel(sms_ws, runner, text_items(sms_ws))
    assert len(report.done) == N_ITEMS and not report.failed
    texts, got, event = _scores(sms_ws, record.id)
    with torch.no_grad():  # one text at a time: no padding at all on the torch side
        logits = torch.cat([model(**tokenizer([t], truncation=True, max_length=128,
                                              return_tensors="pt")).logits for t in texts])  # fmt: skip
    want = torch.softmax(logits, dim=1).numpy()
    assert (got.argmax(1) == want.argmax(1)).all()
    assert np.allclose(got, want, atol=1e-4)
    assert len(set(got.argmax(1))) == 2  # both labels occur: the comparison has teeth
    assert np.abs(got[:, 1] - 0.5).min() > 1e-3  # and none is a coin toss
    agent = event["agent"]
    assert agent["version"].startswith("onnxruntime ") and "transformers" in agent["version"]
    assert agent["parameters"]["provider"] == "CPUExecutionProvider"
    assert agent["parameters"]["features"] == "tokens" and agent["device"] == "cpu"
    assert agent["weights_sha256"] == record.weights_sha256 and event["schema_ref"] == "sms@1"


def test_cuda_request_without_the_provider_says_so(
    sms_ws: Workspace, bert_onnx: tuple[Path, Any, Any]
) -> None:
    import onnxruntime as ort

    record = add_model(sms_ws, bert_onnx[0] / "model.onnx")
    runner = load_prelabeller(sms_ws, record.id, device="cuda")
    if "CUDAExecutionProvider" in ort.get_available_providers():
        assert runner.device == "cuda"
    else:
        assert runner.device == "cpu" and "install onnxruntime-gpu" in runner.notice
    assert onnx_providers("cpu") == (["CPUExecutionProvider"], "cpu", "")
    with pytest.raises(ValueError, match="unknown device 'tpu'"):
        onnx_providers("tpu")


def test_an_onnx_head_over_sentence_embeddings(
    sms_ws: Workspace, tiny_embedder: Path, tmp_path: Path
) -> None:
    emb_record = add_model(sms_ws, tiny_embedder, name="tiny-emb")
    embedder = SentenceEmbedder.from_record(emb_record, device="cpu")
    torch.manual_seed(0)
    linear = torch.nn.Linear(32, 2)
    items_x = torch.from_numpy(embedder.embed([read_text(sms_ws, it) for it in text_items(sms_ws)]))
    with torch.no_grad():
        linear.weight.mul_(30.0)
        linear.bias[1] -= _middle_gap(linear(items_x))
    _export(linear, (torch.zeros(2, 32),), tmp_path / "head.onnx", ["features"])
    decl = {"task": "text-classification", "inputs": ["features"], "outputs": ["logits"],
            "labels": ["ham", "spam"], "features": "sentence-embedding", "embedder": "tiny-emb"}  # fmt: skip
    write_json(tmp_path / "head.json", decl)
    record = add_model(sms_ws, tmp_path / "head.onnx")
    assert set(record.files) == {"head.onnx", "head.json"}  # no tokenizer: the embedder's own
    report = run_prelabel(sms_ws, load_prelabeller(sms_ws, record.id, device="cpu"),
                          text_items(sms_ws))  # fmt: skip
    assert len(report.done) == N_ITEMS
    texts, got, event = _scores(sms_ws, record.id)
    with torch.no_grad():
        want = torch.softmax(linear(torch.from_numpy(embedder.embed(texts))), dim=1).numpy()
    assert (got.argmax(1) == want.argmax(1)).all() and np.allclose(got, want, atol=1e-5)
    assert len(set(got.argmax(1))) == 2
    assert event["agent"]["parameters"]["base_model"] == emb_record.id
    # a graph whose width is not the embedder's is refused before anything runs
    _export(torch.nn.Linear(16, 2), (torch.zeros(2, 16),), tmp_path / "narrow.onnx", ["features"])
    write_json(tmp_path / "narrow.json", decl)
    narrow = add_model(sms_ws, tmp_path / "narrow.onnx")
    with pytest.raises(WrongTask, match=r"takes 16-wide features, but .* gives 32"):
        load_prelabeller(sms_ws, narrow.id, device="cpu")


def test_broken_onnx_models_are_refused_with_clear_errors(
    sms_ws: Workspace, bert_onnx: tuple[Path, Any, Any], tmp_path: Path
) -> None:
    folder = Path(shutil.copytree(bert_onnx[0], tmp_path / "copy"))
    decl = json.loads((folder / "model.json").read_text())
    truncated = folder / "model.onnx"
    good = truncated.read_bytes()
    truncated.write_bytes(good[: len(good) // 3])
    with pytest.raises(CorruptWeights, match=r"model\.onnx is not a loadable ONNX model"):
        add_model(sms_ws, truncated)
    truncated.write_bytes(good)
    write_json(folder / "model.json", decl | {"inputs": ["input_ids", "attention_mask"]})
    with pytest.raises(WrongTask, match=r"the graph has inputs \['attention_mask', 'input_ids', "
                       r"'token_type_ids'\]"):  # fmt: skip
        add_model(sms_ws, truncated)
    write_json(folder / "model.json", decl | {"labels": ["ham", "spam", "eggs"]})
    with pytest.raises(WrongTask, match=r"gives 2 scores per text, but model.json declares 3"):
        add_model(sms_ws, truncated)
    write_json(folder / "model.json", decl | {"tokenizer": "nowhere"})
    with pytest.raises(MissingConfig, match=r"tokenizer folder .*nowhere declared for model.onnx"):
        add_model(sms_ws, truncated)
    write_json(folder / "model.json", decl | {"colour": "red"})
    with pytest.raises(MissingConfig, match="colour: Extra inputs"):
        add_model(sms_ws, truncated)
    assert list_models(sms_ws) == []

    write_json(folder / "model.json", decl)
    record = add_model(sms_ws, truncated)
    vocab = folder / "tokenizer" / "tokenizer_config.json"
    vocab.write_text(vocab.read_text() + " ")  # the tokenizer defines the model too
    with pytest.raises(
        ModelError, match=r"changed since it was registered \(tokenizer/tokenizer_config"
    ):
        load_prelabeller(sms_ws, record.id)


def test_models_add_reports_a_broken_onnx_file(
    tmp_path: Path, bert_onnx: tuple[Path, Any, Any]
) -> None:
    runner = CliRunner()
    ws = tmp_path / "ws"
    assert runner.invoke(app, ["init", str(ws)]).exit_code == 0
    folder = Path(shutil.copytree(bert_onnx[0], tmp_path / "copy"))
    (folder / "model.onnx").write_bytes((folder / "model.onnx").read_bytes()[:5000])
    out = runner.invoke(app, ["--workspace", str(ws), "models", "add", str(folder / "model.onnx")])
    assert out.exit_code == 1 and "is not a loadable ONNX model" in out.stderr
    shutil.copy(bert_onnx[0] / "model.onnx", folder / "model.onnx")
    out = runner.invoke(app, ["--workspace", str(ws), "models", "add", str(folder / "model.onnx"),
                              "--json"])  # fmt: skip
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["id"].startswith("model@")
