"""`hitl models add/list`, `hitl prelabel` and `hitl train-head` through typer's runner."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

from typer.testing import CliRunner

from hitl_desktop.cli import app
from tests.prelabel.conftest import SMS_LABELS, sms_subset, write_json


def _lines(out: str) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_cli_models_prelabel_and_train_head(
    tmp_path: Path, tiny_cls: Path, tiny_embedder: Path
) -> None:
    runner = CliRunner()
    ws = tmp_path / "ws"
    w = ["--workspace", str(ws)]
    assert runner.invoke(app, ["init", str(ws)]).exit_code == 0
    tsv = sms_subset(tmp_path / "sms40.tsv", 40)
    imported = runner.invoke(
        app, [*w, "import", str(tsv), "--text-column", "SMS", "--workers", "1"]
    )
    assert imported.exit_code == 0, imported.output
    labels = write_json(tmp_path / "sms.json", SMS_LABELS)

    empty = runner.invoke(app, [*w, "models", "list"])
    assert empty.exit_code == 0 and "No models registered" in empty.stdout
    added = runner.invoke(
        app, [*w, "models", "add", str(tiny_cls), "--labels", str(labels), "--json"]
    )
    assert added.exit_code == 0, added.output
    model = json.loads(added.stdout)
    assert model["id"].startswith("tiny-sms@") and model["label_set"] == "sms@1"

    broken = Path(shutil.copytree(tiny_cls, tmp_path / "broken"))
    (broken / "config.json").unlink()
    refused = runner.invoke(app, [*w, "models", "add", str(broken)])
    assert refused.exit_code == 1 and "has no config.json" in refused.stderr
    pkl = tmp_path / "m.pkl"
    pkl.write_bytes(pickle.dumps([1, 2]))
    refused = runner.invoke(app, [*w, "models", "add", str(pkl)])
    assert refused.exit_code == 1 and "--trust " in refused.stderr
    bad_labels = runner.invoke(app, [*w, "models", "add", str(tiny_cls), "--labels", str(pkl)])
    assert bad_labels.exit_code == 2 and "cannot read label set file" in bad_labels.stderr
    listed = _lines(runner.invoke(app, [*w, "models", "list", "--json"]).stdout)
    assert [m["id"] for m in listed] == [model["id"]]

    run = runner.invoke(
        app, [*w, "prelabel", "--model", model["id"][:12], "--device", "cpu", "--json"]
    )
    assert run.exit_code == 0, run.output
    out = json.loads(run.stdout)
    assert len(out["done"]) == 40 and out["skipped"] == [] and out["device"] == "cpu"
    again = runner.invoke(app, [*w, "prelabel", "--model", "tiny-sms"])
    assert again.exit_code == 0 and again.stdout.strip().endswith("on CPU, 40 already done")
    missing = runner.invoke(app, [*w, "prelabel", "--model", "nope"])
    assert missing.exit_code == 1 and "no registered model 'nope'" in missing.stderr
    log = runner.invoke(app, [*w, "log", "--type", "prelabel.made", "--limit", "1"]).stdout
    assert f"model:{model['id']}" in log
    # the second line says how it was made: model, framework, device, weights, parameters
    made = log.splitlines()[1].strip()
    assert made.startswith("by tiny-sms transformers ") and " on cpu · weights " in made
    assert model["id"].split("@")[1] in made and "labels sms@1" in made

    runner.invoke(app, [*w, "models", "add", str(tiny_embedder), "--name", "tiny-emb"])
    trained = runner.invoke(app, [*w, "train-head", "--labels", str(labels), "--field", "Label",
                                  "--embedder", "tiny-emb", "--device", "cpu", "--json"])  # fmt: skip
    assert trained.exit_code == 0, trained.output
    result = json.loads(trained.stdout)
    assert result["model_id"].startswith("sms-head@") and result["base_model"].startswith(
        "tiny-emb@"
    )
    assert result["metrics"]["n_train"] + result["metrics"]["n_held_out"] == 40
    table = runner.invoke(app, [*w, "models", "list"]).stdout
    assert "sms-head@" in table and "macro-F1" in table
    head_run = runner.invoke(app, [*w, "prelabel", "--model", "sms-head", "--device", "cpu"])
    assert head_run.exit_code == 0 and "40 items pre-labelled by sms-head@" in head_run.stdout
    assert runner.invoke(app, [*w, "verify"]).exit_code == 0

    # active learning: the least certain suggestions come first, margins ascending
    queue = _lines(runner.invoke(app, [*w, "uncertain", "--model", "sms-head", "--limit", "5",
                                       "--json"]).stdout)  # fmt: skip
    assert len(queue) == 5 and all(q["suggested"] in ("ham", "spam") for q in queue)
    margins = [q["margin"] for q in queue]
    assert margins == sorted(margins) and all(0 <= m <= 1 for m in margins)
    whole = _lines(runner.invoke(app, [*w, "uncertain", "--model", "sms-head", "--limit", "40",
                                       "--json"]).stdout)  # fmt: skip
    assert max(q["margin"] for q in whole) >= margins[-1]
    bad = runner.invoke(app, [*w, "uncertain", "--model", "sms-head", "--method", "coin"])
    assert bad.exit_code == 2 and "choose margin or entropy" in bad.stderr
