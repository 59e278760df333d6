"""REST model backends (Label Studio ML backend protocol) against a real uvicorn server."""

from __future__ import annotations

import hashlib
import json
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.prelabel import (
    BackendError,
    WrongTask,
    add_model,
    list_models,
    load_prelabeller,
    parse_label_set,
    read_text,
    run_prelabel,
    text_items,
)  # fmt: skip
from hitl_desktop.prelabel.rest import RestPrelabeller, store_backend_secret
from hitl_desktop.workspace import Workspace
from tests.prelabel.conftest import SMS_LABELS, sms_subset, write_json
from tests.prelabel.ls_backend import (
    BackendState,
    ServedBackend,
    free_port,
    keyword_label,
    keyword_spans,
)  # fmt: skip

N_ITEMS = 20
PROMO_LABELS = {"name": "promo", "version": 1, "labels": [{"name": "PROMO"}, {"name": "OTHER"}]}


@pytest.fixture
def backend() -> Iterator[ServedBackend]:
    with ServedBackend(BackendState()) as served:
        yield served


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


def test_register_prelabel_and_resume_with_a_backend(
    sms_ws: Workspace, backend: ServedBackend
) -> None:
    sms = parse_label_set(SMS_LABELS)
    record = add_model(sms_ws, backend.url + "/", label_set=sms)
    sha = hashlib.sha256((backend.url + "keywords-1").encode()).hexdigest()
    assert record.kind == "rest" and record.path == backend.url and record.weights_sha256 == sha
    assert record.id == f"127.0.0.1-{backend.port}@{sha[:12]}" and record.labels == ["ham", "spam"]
    assert record.parameters["model_version"] == "keywords-1"

    items = text_items(sms_ws)
    first = run_prelabel(sms_ws, load_prelabeller(sms_ws, record.id), items[:8])
    assert len(first.done) == 8 and first.device == "remote"
    report = run_prelabel(sms_ws, load_prelabeller(sms_ws, record.id), items)
    assert len(report.skipped) == 8 and len(report.done) == N_ITEMS - 8 and not report.failed
    assert len(backend.state.predict_bodies) == 2  # one batch each run; the 8 were not re-sent
    events = _events(sms_ws, record.id)
    texts = {it.id: read_text(sms_ws, it) for it in items}
    for item_id, event in events.items():
        labels = event["payload"]["labels"]
        want = keyword_label(texts[item_id])
        assert labels == [{"label": want, "score": 0.9 if want == "spam" else 0.7}]
    assert {e["payload"]["labels"][0]["label"] for e in events.values()} == {"ham", "spam"}
    event = next(iter(events.values()))
    assert event["agent"]["parameters"]["url"] == backend.url
    assert event["agent"]["parameters"]["model_version"] == "keywords-1"
    assert event["agent"]["weights_sha256"] == sha and event["schema_ref"] == "sms@1"
    body = backend.state.predict_bodies[-1]
    assert [t["data"]["text"] for t in body["tasks"]] == [texts[it.id] for it in items[8:]]
    assert '<Choice value="spam"/>' in body["label_config"] and body["params"] == {}

    backend.state.model_version = "keywords-2"  # the backend now serves another model
    with pytest.raises(BackendError, match="now serves model version 'keywords-2'"):
        load_prelabeller(sms_ws, record.id)
    newer = add_model(sms_ws, backend.url, label_set=sms)
    assert newer.id != record.id and newer.parameters["model_version"] == "keywords-2"
    assert sms_ws.verify().ok


def test_spans_index_the_nfc_text(
    workspace: Workspace, backend: ServedBackend, tmp_path: Path
) -> None:
    src = tmp_path / "promo.txt"
    nfd = unicodedata.normalize("NFD", "Crème brûlée: WIN a free café prize, call now!")
    src.write_text(nfd, encoding="utf-8")
    import_paths(workspace, [src], ImportOptions(workers=1))
    record = add_model(workspace, backend.url, task="token-classification",
                       label_set=parse_label_set(PROMO_LABELS))  # fmt: skip
    assert record.task == "token-classification"
    report = run_prelabel(workspace, load_prelabeller(workspace, record.id), text_items(workspace))
    assert len(report.done) == 1
    (item,) = text_items(workspace)
    text = read_text(workspace, item)
    (event,) = _events(workspace, record.id).values()
    spans = event["payload"]["spans"]
    assert [text[s["start"] : s["end"]] for s in spans] == ["WIN", "free", "prize", "call"]
    assert [(s["start"], s["end"]) for s in spans] == keyword_spans(text)
    assert {s["label"] for s in spans} == {"PROMO"} and all(s["score"] == 0.75 for s in spans)
    assert '<Label value="PROMO"/>' in backend.state.predict_bodies[0]["label_config"]


GARBAGE = [
    ("a string", "a prediction is str"),
    ({"result": [{"type": "choices", "value": {"choices": ["eggs"]}}]}, "'eggs' is not in"),
    ({"result": [{"type": "choices", "value": {"choices": ["spam"]}, "score": "high"}]},
     "score 'high' is not a number"),
    ({"result": [{"type": "labels", "value": {"start": 5, "end": 9999, "labels": ["spam"]}}]},
     "outside the text"),
]  # fmt: skip


@pytest.mark.parametrize(("garbage", "reason"), GARBAGE)
def test_a_malformed_prediction_fails_only_its_item(
    sms_ws: Workspace, backend: ServedBackend, garbage: Any, reason: str
) -> None:
    record = add_model(sms_ws, backend.url, label_set=parse_label_set(SMS_LABELS))
    items = text_items(sms_ws)
    bad = items[3]
    backend.state.garbage_texts = {read_text(sms_ws, bad)}
    backend.state.garbage = garbage
    report = run_prelabel(sms_ws, load_prelabeller(sms_ws, record.id), items)
    assert [f[0] for f in report.failed] == [bad.id]
    assert reason in report.failed[0][1] and "malformed prediction" in report.failed[0][1]
    assert len(report.done) == N_ITEMS - 1 and bad.id not in _events(sms_ws, record.id)
    # the batch, then the bad item alone: the good ones were not asked for twice
    assert [len(b["tasks"]) for b in backend.state.predict_bodies] == [N_ITEMS, 1]


def test_a_backend_that_is_down(sms_ws: Workspace, tmp_path: Path) -> None:
    nobody = f"http://127.0.0.1:{free_port()}"
    started = time.monotonic()
    with pytest.raises(BackendError, match=f"the model backend at {nobody} cannot be reached"):
        add_model(sms_ws, nobody)
    assert time.monotonic() - started < 10 and list_models(sms_ws) == []

    state = BackendState()
    with ServedBackend(state) as served:
        port = served.port
        record = add_model(sms_ws, served.url, label_set=parse_label_set(SMS_LABELS))
        runner = load_prelabeller(sms_ws, record.id)
    with pytest.raises(BackendError, match="cannot be reached"):
        load_prelabeller(sms_ws, record.id)
    started = time.monotonic()
    report = run_prelabel(sms_ws, runner, text_items(sms_ws))  # stopped after loading
    assert len(report.failed) == N_ITEMS and report.done == []
    assert all("cannot be reached" in reason for _, reason in report.failed)
    assert time.monotonic() - started < 10  # the first failure is not retried item by item
    assert _events(sms_ws, record.id) == {}
    with ServedBackend(state, port=port):  # back up: the run picks up every item
        report = run_prelabel(sms_ws, load_prelabeller(sms_ws, record.id), text_items(sms_ws))
    assert len(report.done) == N_ITEMS


def test_a_secret_comes_from_the_keyring_only(sms_ws: Workspace, tmp_path: Path) -> None:
    state = BackendState(authorization="Basic " + "aGl0bDpzM2NyZXQtcHc=")  # hitl:s3cret-pw
    with ServedBackend(state) as served:
        with pytest.raises(BackendError, match=r"answered 401: it needs a secret; .*keyring set"):
            add_model(sms_ws, served.url)
        with pytest.raises(BackendError, match="put credentials in the OS keyring"):
            add_model(sms_ws, f"http://hitl:s3cret-pw@127.0.0.1:{served.port}")
        store_backend_secret(served.url, "hitl:wrong")
        with pytest.raises(BackendError, match="the stored secret was refused"):
            add_model(sms_ws, served.url)
        store_backend_secret(served.url, "hitl:s3cret-pw")
        record = add_model(sms_ws, served.url)
        assert record.parameters["auth"] == "keyring"
        run_prelabel(sms_ws, load_prelabeller(sms_ws, record.id), text_items(sms_ws)[:3])
    assert len(_events(sms_ws, record.id)) == 3
    stored = b"".join(p.read_bytes() for p in sms_ws.path.rglob("*") if p.is_file())
    assert b"s3cret" not in stored and b"aGl0bDpzM2NyZXQtcHc" not in stored


def test_redirects_odd_replies_and_the_older_reply_form(
    sms_ws: Workspace, backend: ServedBackend
) -> None:
    same = add_model(sms_ws, backend.url + "/same", name="same-origin")
    assert same.path == backend.url + "/same"  # followed within the same origin
    backend.state.redirect_to = f"http://localhost:{backend.port}"
    with pytest.raises(BackendError, match=r"redirects to another host \(http://localhost"):
        add_model(sms_ws, backend.url + "/moved")
    with pytest.raises(BackendError, match=r"did not answer JSON \(got text/html"):
        add_model(sms_ws, backend.url + "/html")
    with pytest.raises(BackendError, match="not an http"):
        add_model(sms_ws, "ftp://127.0.0.1/model")
    with pytest.raises(WrongTask, match="not image-classification"):
        add_model(sms_ws, backend.url, task="image-classification")
    assert [m.id for m in list_models(sms_ws)] == [same.id]

    backend.state.legacy = True  # a bare list of predictions, as older backends answer
    runner = load_prelabeller(sms_ws, same.id)
    assert isinstance(runner, RestPrelabeller)
    (prediction,) = runner.predict(["You WON a cash prize, call now"])
    assert prediction.labels == [("spam", 0.9)]


def test_models_add_takes_a_url(tmp_path: Path, backend: ServedBackend) -> None:
    runner = CliRunner()
    ws = tmp_path / "ws"
    w = ["--workspace", str(ws)]
    assert runner.invoke(app, ["init", str(ws)]).exit_code == 0
    tsv = sms_subset(tmp_path / "sms.tsv", 5)
    assert runner.invoke(app, [*w, "import", str(tsv), "--text-column", "SMS"]).exit_code == 0
    labels = write_json(tmp_path / "sms.json", SMS_LABELS)
    added = runner.invoke(app, [*w, "models", "add", backend.url, "--labels", str(labels),
                                "--name", "keywords", "--json"])  # fmt: skip
    assert added.exit_code == 0, added.output
    model = json.loads(added.stdout)
    assert model["id"].startswith("keywords@") and model["kind"] == "rest"
    assert model["path"] == backend.url
    run = runner.invoke(app, [*w, "prelabel", "--model", "keywords", "--json"])
    assert run.exit_code == 0, run.output
    assert len(json.loads(run.stdout)["done"]) == 5
    down = runner.invoke(app, [*w, "models", "add", f"http://127.0.0.1:{free_port()}"])
    assert down.exit_code == 1 and "cannot be reached" in down.stderr


def test_slow_busy_and_error_replies(sms_ws: Workspace, backend: ServedBackend) -> None:
    record = add_model(sms_ws, backend.url, label_set=parse_label_set(SMS_LABELS))
    state = backend.state
    state.busy = 2  # 503 twice, then an answer: retried with backoff
    runner = RestPrelabeller(record, backoff=0.05)
    assert runner.predict(["free cash"])[0].top == "spam" and len(state.predict_bodies) == 3
    state.error_reply = True
    with pytest.raises(BackendError, match=r"answered no list of results: .*model not loaded"):
        runner.predict(["hello", "free cash"])
    state.error_reply, state.delay_s = False, 1.0
    slow = RestPrelabeller(record, timeout=0.3)
    sent = len(state.predict_bodies)
    with pytest.raises(BackendError, match=r"did not answer within 0\.3 s"):
        slow.predict(["hello"])
    assert len(state.predict_bodies) == sent + 1  # asked once: a slow backend is not re-asked
    state.busy = 10  # still busy after every retry: the last answer's status is reported
    state.delay_s = 0.0
    with pytest.raises(BackendError, match="answered HTTP 503"):
        RestPrelabeller(record, backoff=0.01).predict(["hello"])
