"""A published schema's task as the label set of a zero-shot pre-label run."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from hitl_desktop.annotate import open_document
from hitl_desktop.cli import app
from hitl_desktop.workspace import Workspace
from tests.prelabel.conftest import sms_subset
from tests.prelabel.tiny import tiny_bert

os.environ["HF_HUB_OFFLINE"] = "1"


def test_prelabel_with_labels_from_a_published_schema(tmp_path: Path, v1: dict[str, Any]) -> None:
    runner = CliRunner()
    ws = tmp_path / "ws"
    w = ["--workspace", str(ws)]
    assert runner.invoke(app, ["init", str(ws), "--user", "Ada", "--role", "expert"]).exit_code == 0
    imported = runner.invoke(app, [*w, "import", str(sms_subset(tmp_path / "sms.tsv", 5)),
                                   "--text-column", "SMS", "--workers", "1"])  # fmt: skip
    assert imported.exit_code == 0, imported.output
    schema = tmp_path / "forms.json"
    schema.write_text(json.dumps(v1), encoding="utf-8")
    assert runner.invoke(app, [*w, "schema", "publish", str(schema)]).exit_code == 0
    emb = tiny_bert(tmp_path / "tiny-emb", "sentence-embedding", [])
    assert runner.invoke(app, [*w, "models", "add", str(emb), "--name", "tiny-emb"]).exit_code == 0

    vague = runner.invoke(app, [*w, "prelabel", "--model", "tiny-emb", "--labels", "forms@1"])
    assert vague.exit_code == 2
    assert "schema forms@1 has several tasks; name one, e.g. forms@1:fields" in vague.stderr
    unknown = runner.invoke(app, [*w, "prelabel", "--model", "tiny-emb", "--labels", "forms@4"])
    assert unknown.exit_code == 2 and "no published schema forms v4" in unknown.stderr
    run = runner.invoke(app, [*w, "prelabel", "--model", "tiny-emb", "--labels",
                              "forms@1:message", "--device", "cpu", "--json"])  # fmt: skip
    assert run.exit_code == 0, run.output
    assert len(json.loads(run.stdout)["done"]) == 5

    with Workspace.open(ws) as opened:
        rows = opened.reader().execute("SELECT item_id, label_set FROM prelabels").fetchall()
        assert len(rows) == 5 and {r[1] for r in rows} == {"forms@1"}
        item = rows[0][0]
        doc = open_document(opened, item)
        # the suggestion names the schema version, and so will the revision saved from it
        assert doc.schema_ref == "forms@1"
        assert doc.suggestions and doc.suggestions[0].shape.labels[0] in ("spam", "ham")
