"""Batch runs on a real Dask LocalCluster give the same outputs as runs in this process.

One cluster (2 worker processes x 1 thread) is shared by the module. Payloads are compared
byte for byte after canonical JSON; envelopes (ids, clocks, agents' thread counts) may differ.
"""

from __future__ import annotations

import json
import shutil
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.compute import ComputeError, DaskCompute, Failed, open_compute
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.lineage.canonical import canonical_json
from hitl_desktop.ocr import EngineSpec, make_engine, page_items, run_ocr
from hitl_desktop.ocr.engine import OcrEngine
from hitl_desktop.ocr.run import read_page
from hitl_desktop.prelabel import add_model, load_prelabeller, run_prelabel, text_items
from hitl_desktop.workspace import CancelToken, Workspace
from tests.prelabel.conftest import sms_subset
from tests.prelabel.tiny import tiny_bert

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
FUNSD = [DATA / "funsd" / "images" / f"{name}.png" for name in ("0060025670", "0013255595")]


@pytest.fixture(scope="module")
def cluster() -> Iterator[DaskCompute]:
    compute = DaskCompute.local(workers=2)
    yield compute
    compute.close()


@pytest.fixture(scope="module")
def engine() -> OcrEngine:
    return make_engine("rapidocr", device="cpu")


@pytest.fixture(scope="module")
def tiny_cls(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny randomly initialised BERT classifier (ham/spam) in a local folder."""
    return tiny_bert(
        tmp_path_factory.mktemp("m") / "tiny-sms", "text-classification", ["ham", "spam"]
    )


def _payloads(ws: Workspace, type_: str) -> dict[str, bytes]:
    """Item name -> canonical JSON of the latest payload of that type about it."""
    rows = ws.reader().execute(
        "SELECT i.name, e.body FROM events AS e JOIN items AS i ON i.id = e.subject_item "
        "WHERE e.type = ? ORDER BY e.seq",
        (type_,),
    )
    return {name: canonical_json(json.loads(body)["payload"]) for name, body in rows}


def _three_pages(ws: Workspace, folder: Path) -> None:
    """Two FUNSD pages with a third between them whose stored bytes then rot."""
    folder.mkdir()
    paths = [Path(shutil.copy(FUNSD[0], folder / "a.png")),
             Path(shutil.copy(DATA / "sroie" / "img" / "000.jpg", folder / "b-rots.jpg")),
             Path(shutil.copy(FUNSD[1], folder / "c.png"))]  # fmt: skip
    import_paths(ws, paths, ImportOptions(workers=1))
    rotten = next(it for it in page_items(ws) if it.name == "b-rots.jpg")
    ws.blobs.path(rotten.blob_sha256).write_bytes(b"bit rot")


def test_ocr_on_dask_equals_local_with_cancel_resume_and_a_bad_page(
    cluster: DaskCompute, engine: OcrEngine, tmp_path: Path
) -> None:
    local_ws = Workspace.create(tmp_path / "local", name="local")
    dask_ws = Workspace.create(tmp_path / "dask", name="dask")
    with local_ws, dask_ws:
        _three_pages(local_ws, tmp_path / "in-local")
        _three_pages(dask_ws, tmp_path / "in-dask")
        local = run_ocr(local_ws, engine, page_items(local_ws))
        assert len(local.done) == 2 and [f[1][:10] for f in local.failed] == ["b-rots.jpg"]

        token = CancelToken()
        items = page_items(dask_ws)
        first = run_ocr(dask_ws, engine, items, compute=cluster, cancel=token,
                        progress=lambda d, t, _: d == 1 and token.cancel())  # fmt: skip
        assert first.cancelled and [d[0] for d in first.done] == [items[0].id]
        rest = run_ocr(dask_ws, engine, items, compute=cluster)  # resume: a.png is not read again
        assert rest.skipped == [items[0].id] and [d[0] for d in rest.done] == [items[2].id]
        # the bad page fails with the same message as in the local run, and only that page
        assert rest.failed == [(items[1].id, local.failed[0][1])]
        assert rest.device == "cpu" and rest.summary().startswith("1 page read")

        dask_payloads = _payloads(dask_ws, "ocr.ran")
        assert dask_payloads == _payloads(local_ws, "ocr.ran")  # byte for byte, per page
        assert set(dask_payloads) == {"a.png", "c.png"}
        assert len(json.loads(dask_payloads["a.png"])["lines"]) > 10
        assert dask_ws.verify().ok and dask_ws.rebuild().identical


def _texts(ws: Workspace, folder: Path) -> None:
    """Seven real SMS, then a text longer than the tiny model's 128 positions."""
    folder.mkdir()
    too_long = folder / "long.txt"
    too_long.write_text("hello world " * 200, encoding="utf-8")
    import_paths(ws, [sms_subset(folder / "sms.tsv", 7), too_long], ImportOptions(workers=1))


def test_text_prelabels_on_dask_equal_local_and_a_refused_text_fails_alone(
    cluster: DaskCompute, tiny_cls: Path, tmp_path: Path
) -> None:
    local_ws = Workspace.create(tmp_path / "local", name="local")
    dask_ws = Workspace.create(tmp_path / "dask", name="dask")
    with local_ws, dask_ws:
        reports = []
        for name, ws, compute in (("local", local_ws, None), ("dask", dask_ws, cluster)):
            _texts(ws, tmp_path / f"in-{name}")
            model = load_prelabeller(ws, add_model(ws, tiny_cls).id, device="cpu")
            reports.append(run_prelabel(ws, model, text_items(ws), batch_size=3, compute=compute))
        local, remote = reports
        names = {it.id: it.name for w in (local_ws, dask_ws) for it in text_items(w)}
        assert len(remote.done) == 7
        assert [(names[i], top) for i, top in remote.done] == [
            (names[i], top) for i, top in local.done
        ]
        assert [reason for _, reason in remote.failed] == [reason for _, reason in local.failed]
        assert len(remote.failed) == 1 and remote.failed[0][1].startswith("long.txt: ")
        dask_payloads = _payloads(dask_ws, "prelabel.made")
        assert len(dask_payloads) == 7 and dask_payloads == _payloads(local_ws, "prelabel.made")
        first = json.loads(next(iter(dask_payloads.values())))
        assert [lb["label"] for lb in first["labels"]] in (["ham", "spam"], ["spam", "ham"])
        again = run_prelabel(dask_ws, model, text_items(dask_ws), compute=cluster)
        assert len(again.skipped) == 7 and not again.done  # resume on Dask skips what is done


def test_an_undecodable_page_fails_on_the_worker_alone(cluster: DaskCompute) -> None:
    good = FUNSD[0].read_bytes()
    spec = EngineSpec("rapidocr", "cpu")
    out = list(cluster.map(read_page, spec, [b"not an image", Failed("kept"), good]))
    assert isinstance(out[0], Failed) and "cannot decode the image" in out[0].reason
    assert out[1] == Failed("kept")
    assert not isinstance(out[2], Failed) and (out[2].width, out[2].height) == (762, 1000)


def test_a_worker_with_other_model_files_fails_its_pages(
    cluster: DaskCompute, engine: OcrEngine, workspace: Workspace, tmp_path: Path
) -> None:
    import rapidocr

    # the workers' recognition model: the same weights under another file name, so the
    # model-files hash the workers report differs from the one this run records
    shipped = Path(rapidocr.__file__).parent / "models" / "PP-OCRv6_rec_small.onnx"
    other = Path(shutil.copy(shipped, tmp_path / "other_rec.onnx"))
    import_paths(workspace, [FUNSD[1]], ImportOptions(workers=1))
    engine_here = make_engine("rapidocr", device="cpu")
    engine_here.spec = EngineSpec.of("rapidocr", "cpu", {"rec_model": other})  # type: ignore[attr-defined]
    report = run_ocr(workspace, engine_here, page_items(workspace), compute=cluster)
    assert not report.done and len(report.failed) == 1
    reason = report.failed[0][1]
    assert "a worker read it with rapidocr" in reason and engine.info.weights_sha256 in reason
    assert "install the same versions and models on every worker" in reason
    assert not _payloads(workspace, "ocr.ran")  # nothing credited to the wrong model


def test_cli_ocr_on_a_running_scheduler(cluster: DaskCompute, tmp_path: Path) -> None:
    runner = CliRunner()
    ws = str(tmp_path / "ws")
    runner.invoke(app, ["init", ws])
    runner.invoke(app, ["--workspace", ws, "import", str(FUNSD[1]), "--workers", "1"])
    address = cluster.client.scheduler.address
    result = runner.invoke(app, ["--workspace", ws, "ocr", "--scheduler", address, "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert len(out["done"]) == 1 and out["done"][0][1] > 10
    assert f"Dask at {address}" in result.stderr
    both = runner.invoke(app, ["--workspace", ws, "ocr", "--dask", "--scheduler", address])
    assert both.exit_code == 2 and "either --dask" in both.stderr


def test_cli_prelabel_with_dask_and_with_a_scheduler(
    cluster: DaskCompute, tiny_cls: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    ws = str(tmp_path / "ws")
    runner.invoke(app, ["init", ws])
    tsv = sms_subset(tmp_path / "sms.tsv", 4)
    runner.invoke(app, ["--workspace", ws, "import", str(tsv), "--workers", "1"])
    added = runner.invoke(app, ["--workspace", ws, "models", "add", str(tiny_cls), "--json"])
    model_id = json.loads(added.stdout)["id"]
    prelabel = ["--workspace", ws, "prelabel", "--model", model_id, "--json"]
    first = runner.invoke(app, [*prelabel, "--dask", "--device", "cpu"])
    assert first.exit_code == 0, first.output
    assert "local Dask cluster" in first.stderr and len(json.loads(first.stdout)["done"]) == 4
    address = cluster.client.scheduler.address
    again = runner.invoke(app, [*prelabel, "--scheduler", address, "--force"])
    assert again.exit_code == 0, again.output
    assert len(json.loads(again.stdout)["done"]) == 4


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_scheduler_nobody_runs_is_a_clear_error_within_seconds(tmp_path: Path) -> None:
    runner = CliRunner()
    ws = str(tmp_path / "ws")
    runner.invoke(app, ["init", ws])
    runner.invoke(app, ["--workspace", ws, "import", str(FUNSD[0]), "--workers", "1"])
    address = f"tcp://127.0.0.1:{_free_port()}"
    start = time.monotonic()
    result = runner.invoke(app, ["--workspace", ws, "ocr", "--scheduler", address])
    assert time.monotonic() - start < 15
    assert result.exit_code == 2
    assert f"cannot reach the Dask scheduler at {address}" in result.stderr
    assert "dask scheduler" in result.stderr and "--dask" in result.stderr


def test_without_dask_installed_the_error_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # what a missing package looks like
    with pytest.raises(ComputeError, match=r"pip install 'hitl-desktop\[cluster\]'"):
        open_compute(dask=True)
    assert not open_compute().distributed  # the in-process default needs no Dask
