"""The model registry: ids, events, and clear refusals that record nothing."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest

from hitl_desktop.prelabel import (
    CorruptWeights,
    LabelSetError,
    MissingConfig,
    ModelError,
    ModelNotFound,
    UntrustedPickle,
    WrongTask,
    add_model,
    find_model,
    list_models,
    load_label_set,
    load_prelabeller,
    parse_label_set,
    verify_files,
)  # fmt: skip
from hitl_desktop.prelabel.model_files import file_sha256, weights_digest
from hitl_desktop.workspace import Workspace
from tests.prelabel.conftest import NER_LABELS, SMS_LABELS, write_json


def _registered(ws: Workspace) -> int:
    return (
        ws.reader()
        .execute("SELECT count(*) FROM events WHERE type = 'model.registered'")
        .fetchone()[0]
    )


def test_register_records_id_files_and_labels(workspace: Workspace, tiny_cls: Path) -> None:
    record = add_model(workspace, tiny_cls, label_set=parse_label_set(SMS_LABELS))
    weights = weights_digest({"model.safetensors": file_sha256(tiny_cls / "model.safetensors")})
    assert record.id == f"tiny-sms@{weights[:12]}" and record.weights_sha256 == weights
    assert record.kind == "transformers" and record.task == "text-classification"
    assert record.labels == ["ham", "spam"] and record.label_set and record.label_set.ref == "sms@1"
    assert set(record.files) >= {"config.json", "model.safetensors", "vocab.txt"}
    event = json.loads(workspace.reader().execute(
        "SELECT body FROM events WHERE type = 'model.registered'").fetchone()[0])  # fmt: skip
    assert event["payload"]["metrics"] == {} and event["outputs"][0]["id"] == record.id
    assert add_model(workspace, tiny_cls).id == record.id and _registered(workspace) == 1  # no-op
    assert find_model(workspace, record.id[:10]).id == record.id
    assert find_model(workspace, "tiny-sms").id == record.id
    assert [m.id for m in list_models(workspace)] == [record.id]
    with pytest.raises(ModelNotFound, match="no registered model"):
        find_model(workspace, "nope")
    assert workspace.verify().ok and workspace.rebuild().identical


def test_broken_folders_are_refused_and_nothing_is_recorded(
    workspace: Workspace, tiny_cls: Path, tiny_ner: Path, tmp_path: Path
) -> None:
    no_config = Path(shutil.copytree(tiny_cls, tmp_path / "no-config"))
    (no_config / "config.json").unlink()
    with pytest.raises(MissingConfig, match=r"has no config\.json"):
        add_model(workspace, no_config)
    truncated = Path(shutil.copytree(tiny_cls, tmp_path / "truncated"))
    data = (truncated / "model.safetensors").read_bytes()
    (truncated / "model.safetensors").write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptWeights, match="truncated or damaged"):
        add_model(workspace, truncated)
    garbage = Path(shutil.copytree(tiny_cls, tmp_path / "garbage"))
    (garbage / "model.safetensors").write_bytes(b"\xff" * 64)
    with pytest.raises(CorruptWeights, match="not a valid safetensors"):
        add_model(workspace, garbage)
    with pytest.raises(
        WrongTask, match="BertForTokenClassification, which does token-classification"
    ):
        add_model(workspace, tiny_ner, task="text-classification")
    with pytest.raises(WrongTask, match="predicts ham, spam"):
        add_model(workspace, tiny_cls, label_set=parse_label_set(NER_LABELS))
    with pytest.raises(ModelNotFound):
        add_model(workspace, tmp_path / "missing")
    assert _registered(workspace) == 0 and list_models(workspace) == []


def test_pickles_need_explicit_trust(workspace: Workspace, tiny_cls: Path, tmp_path: Path) -> None:
    pkl = tmp_path / "clf.pkl"
    pkl.write_bytes(pickle.dumps({"coef": [1.0, 2.0]}))
    sha = file_sha256(pkl)
    with pytest.raises(UntrustedPickle, match=f"--trust {sha}"):
        add_model(workspace, pkl)
    with pytest.raises(UntrustedPickle):
        add_model(workspace, pkl, trust=["0" * 64])
    folder = Path(shutil.copytree(tiny_cls, tmp_path / "with-pickle"))
    shutil.copy(pkl, folder / "extra.joblib")
    with pytest.raises(UntrustedPickle, match=r"extra\.joblib"):
        add_model(workspace, folder)
    assert _registered(workspace) == 0
    record = add_model(workspace, pkl, trust=[sha.upper()])
    assert record.kind == "pickle" and record.weights_sha256 == weights_digest({"clf.pkl": sha})
    with pytest.raises(ModelError, match="holds a dict, not a fitted scikit-learn classifier"):
        load_prelabeller(workspace, record.id)


def test_changed_files_are_caught_before_a_run(
    workspace: Workspace, tiny_cls: Path, tmp_path: Path
) -> None:
    folder = Path(shutil.copytree(tiny_cls, tmp_path / "moving"))
    record = add_model(workspace, folder)
    assert verify_files(record) == folder.resolve()
    (folder / "config.json").write_text((folder / "config.json").read_text() + " ")
    with pytest.raises(ModelError, match=r"changed since it was registered \(config.json\)"):
        verify_files(record)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", r"is not JSON \(line 1"),
        (
            json.dumps({"name": "x", "version": 1, "labels": [{"name": "a"}]}),
            "labels: List should have at least 2",
        ),
        (
            json.dumps({"name": "x", "version": 0, "labels": [{"name": "a"}, {"name": "b"}]}),
            "version: Input should be greater",
        ),
        (
            json.dumps({"name": "x", "version": 1, "labels": [{"name": "a"}, {"name": " a "}]}),
            "repeated: a",
        ),
        (
            json.dumps({"name": "x", "version": 1, "labels": [{"name": " "}, {"name": "b"}]}),
            "cannot be blank",
        ),
        (
            json.dumps(
                {"name": "x", "version": 1, "labels": [{"name": "a", "colour": 1}, {"name": "b"}]}
            ),
            "colour: Extra inputs",
        ),
    ],
)
def test_label_set_errors_are_clear(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "labels.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LabelSetError, match=message):
        load_label_set(path)


def test_label_set_reads_nfc(tmp_path: Path) -> None:
    data = {
        "name": "cafe\u0301",
        "version": 2,
        "labels": [{"name": "oui"}, {"name": "non", "description": "pas ça"}],
    }
    ls = load_label_set(write_json(tmp_path / "l.json", data))
    assert ls.name == "café" and ls.ref == "café@2" and ls.names == ["oui", "non"]
    assert ls.labels[1].prompt == "non: pas ça" and ls.labels[0].prompt == "oui"
    with pytest.raises(LabelSetError, match="not found"):
        load_label_set(tmp_path / "missing.json")


def test_onnx_models_need_a_matching_declaration(workspace: Workspace, tmp_path: Path) -> None:
    import rapidocr

    src = Path(rapidocr.__file__).parent / "models" / "ch_ppocr_mobile_v2.0_cls_mobile.onnx"
    onnx = Path(shutil.copy(src, tmp_path / "orient.onnx"))
    with pytest.raises(MissingConfig, match=r"needs a declaration orient\.json"):
        add_model(workspace, onnx)
    decl = {
        "task": "image-classification",
        "inputs": ["image"],
        "outputs": ["probs"],
        "labels": ["0", "180"],
    }
    write_json(tmp_path / "orient.json", decl)
    with pytest.raises(WrongTask, match=r"the graph has inputs \['x'\]"):
        add_model(workspace, onnx)
    write_json(
        tmp_path / "orient.json",
        decl | {"inputs": ["x"], "outputs": ["save_infer_model/scale_0.tmp_1"]},
    )
    with pytest.raises(
        WrongTask, match="declares task image-classification, not text-classification"
    ):
        add_model(workspace, onnx, task="text-classification")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "orient.onnx").write_bytes(onnx.read_bytes()[:1000])
    shutil.copy(tmp_path / "orient.json", broken / "orient.json")
    with pytest.raises(CorruptWeights, match="not a loadable ONNX model"):
        add_model(workspace, broken / "orient.onnx")
    assert _registered(workspace) == 0
    record = add_model(workspace, onnx)
    assert (
        record.kind == "onnx"
        and record.labels == ["0", "180"]
        and set(record.files) == {"orient.onnx", "orient.json"}
    )
    assert record.weights_sha256 == weights_digest({"orient.onnx": file_sha256(onnx)})
    with pytest.raises(ModelError, match="does not run onnx models yet"):
        load_prelabeller(workspace, record.id)
