"""OCR benchmark: pages/s and character error rate on FUNSD pages, every installed engine.

    .venv/bin/python bench/bench_ocr.py [--pages N] [--repeat R] [--threads T] [--device D]
                                        [--paddle-python PY] [--quick] [--json]

Each engine runs in its own worker process (so its peak RSS is its own), fed the same N FUNSD
page images (default all 20; ``--quick``: 3). A worker builds its engine (start-up is timed), reads
one page to warm up, then waits; the parent asks every worker in turn for one timed pass over
the N pages, R times (default 3), interleaving the engines so that load from other processes
hits them alike. Pages/s is N over the median pass. CER is computed as in
``tests/ocr/test_rapidocr_funsd.py``: reference words and recognised lines each put in reading
order, joined, edit distance per reference character.

Rows:
- ``rapidocr``: our engine, page by page (``recognize_page``) and as a batch
  (``recognize_pages``: detection of page n+1 overlaps recognition of page n);
- ``rapidocr library``: rapidocr's own ``RapidOCR`` pipeline on the same models (the code our
  engine replaced), for reference;
- ``paddleocr``: the PaddleOCR 3.x pipeline on the same PP-OCRv6 ONNX files (folders written
  by ``hitl_desktop.ocr.paddle.prepare_models``), run by ``.venv-paddle`` when it exists
  (``bash bench/setup_paddle.sh``);
- ``tesseract`` when its program is installed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # benchmark the tree this file lives in

from hitl_desktop.ocr.metrics import cer, reading_order  # noqa: E402

FUNSD = ROOT.parent / "shared" / "data" / "funsd"
RATIO_TARGET = 1.7  # our pages/s over the PaddleOCR pipeline's, at equal or better CER


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def funsd_pages(n: int) -> list[str]:
    pages = sorted(p.stem for p in (FUNSD / "images").glob("*.png"))
    if not pages:
        raise SystemExit(f"no FUNSD pages in {FUNSD / 'images'}")
    return pages[:n]


def reference(page: str) -> str:
    form = json.loads((FUNSD / "annotations" / f"{page}.json").read_text(encoding="utf-8"))
    words = [(w["box"], w["text"]) for e in form["form"] for w in e["words"] if w["text"].strip()]
    order = reading_order([(float(b[0]), float(b[1]), float(b[2]), float(b[3])) for b, _ in words])
    return " ".join(words[i][1] for i in order)


# --------------------------------------------------------------------------- worker side
def _build(kind: str, device: str, threads: int, options: dict[str, Any]) -> Any:
    """A callable: list of RGB pages -> list of pages of (x0, y0, x1, y1, text)."""
    from hitl_desktop.ocr import make_engine
    from hitl_desktop.ocr.engine import recognize_pages

    def rows(lines: Any) -> list[tuple[float, float, float, float, str]]:
        return [(*ln.bbox(), ln.text) for ln in lines]

    if kind == "rapidocr-lib":
        import cv2
        from rapidocr import RapidOCR

        from hitl_desktop.ocr.engine import OcrLine

        lib = RapidOCR(params={
            "Global.log_level": "error", "Global.use_cls": False,
            "EngineConfig.onnxruntime.intra_op_num_threads": threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            "EngineConfig.onnxruntime.use_cuda": device == "cuda",
        })  # fmt: skip

        def run_lib(images: list[Any]) -> list[Any]:
            out = []
            for im in images:
                r: Any = lib(cv2.cvtColor(im, cv2.COLOR_RGB2BGR))
                lines = [] if r.boxes is None else [
                    OcrLine.make(b, t, s) for b, t, s in zip(r.boxes, r.txts, r.scores, strict=True)
                ]  # fmt: skip
                out.append(rows(lines))
            return out

        run_lib.device = device  # type: ignore[attr-defined]
        return run_lib
    name = "rapidocr" if kind.startswith("rapidocr") else kind
    opts = dict(options) | ({"threads": threads} if name != "tesseract" else {})
    engine = make_engine(name, device=device, **opts)

    def run_batch(images: list[Any]) -> list[Any]:
        return [rows(r) if isinstance(r, list) else [] for r in recognize_pages(engine, images)]

    def run_pages(images: list[Any]) -> list[Any]:
        return [rows(engine.recognize_page(im)) for im in images]

    run = run_batch if kind == "rapidocr-batch" else run_pages
    run.device = engine.info.device  # type: ignore[attr-defined]  # where it really runs
    return run


def worker(kind: str, spec: dict[str, Any]) -> int:
    """Serve timed passes over the pages: reads 'run' or 'quit' lines, answers JSON lines."""
    import cv2

    images = []
    for path in spec["images"]:
        bgr = cv2.imread(path)
        if bgr is None:
            raise SystemExit(f"cannot read the page image {path}")
        images.append(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB))
    t0 = time.perf_counter()
    run = _build(kind, spec["device"], spec["threads"], spec.get("options", {}))
    startup = time.perf_counter() - t0
    run(images[:1])  # warm-up
    print(json.dumps({"startup_s": startup, "device": run.device}), flush=True)
    for line in sys.stdin:
        if line.strip() != "run":
            break
        t, c = time.perf_counter(), time.process_time()
        pages = run(images)
        wall, cpu = time.perf_counter() - t, time.process_time() - c
        print(json.dumps({"seconds": wall, "cpu_s": cpu, "pages": pages}), flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"peak_rss_mib": peak}), flush=True)
    return 0


# --------------------------------------------------------------------------- parent side
class Worker:
    def __init__(self, label: str, kind: str, python: str, spec: dict[str, Any]) -> None:
        self.label, self.kind = label, kind
        cmd = [python, str(Path(__file__).resolve()), "--_worker", kind, json.dumps(spec)]
        env = os.environ | {"HF_HUB_OFFLINE": "1", "PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK": "True"}
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True, env=env, cwd=str(ROOT))  # fmt: skip
        hello = self._answer()
        self.startup_s, self.device = hello["startup_s"], hello["device"]
        self.passes: list[dict[str, Any]] = []

    def _answer(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:  # engines may print their own lines first
            if line.startswith("{"):
                return dict(json.loads(line))
        raise RuntimeError(f"the {self.label} worker stopped (exit {self.proc.wait()})")

    def timed_pass(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("run\n")
        self.proc.stdin.flush()
        self.passes.append(self._answer())

    def close(self) -> float:
        assert self.proc.stdin is not None
        self.proc.stdin.write("quit\n")
        self.proc.stdin.flush()
        peak = float(self._answer()["peak_rss_mib"])
        self.proc.wait(timeout=60)
        return peak


def plan(args: argparse.Namespace, scratch: Path) -> list[tuple[str, str, str, dict[str, Any]]]:
    """(label, worker kind, python, options) for every engine installed here."""
    py = sys.executable
    rows: list[tuple[str, str, str, dict[str, Any]]] = [
        ("rapidocr (page by page)", "rapidocr", py, {}),
        ("rapidocr recognize_pages", "rapidocr-batch", py, {}),
        ("rapidocr library pipeline", "rapidocr-lib", py, {}),
    ]
    paddle_py = Path(args.paddle_python)
    if paddle_py.exists():
        from hitl_desktop.ocr.paddle import prepare_models

        det, rec = prepare_models(scratch / "paddle-models")
        rows.append(("paddleocr pipeline (onnxruntime)", "paddleocr", str(paddle_py),
                     {"det_model_dir": str(det), "rec_model_dir": str(rec)}))  # fmt: skip
    else:
        log(f"PaddleOCR skipped: {paddle_py} not found (bash bench/setup_paddle.sh builds it)")
    if shutil.which("tesseract"):
        rows.append(("tesseract", "tesseract", py, {}))
    else:
        log("tesseract skipped: not installed")
    if args.engines:
        wanted = set(args.engines.split(","))
        rows = [r for r in rows if r[1] in wanted]
    return rows


def measure(args: argparse.Namespace) -> dict[str, Any]:
    pages = funsd_pages(args.pages)
    refs = [reference(p) for p in pages]
    images = [str(FUNSD / "images" / f"{p}.png") for p in pages]
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="hitl-bench-ocr-") as tmp:
        workers = []
        for label, kind, python, options in plan(args, Path(tmp)):
            log(f"starting {label}")
            spec = {"images": images, "device": args.device, "threads": args.threads,
                    "options": options}  # fmt: skip
            workers.append(Worker(label, kind, python, spec))
        for r in range(args.repeat):
            for w in workers:  # interleaved: every engine sees the same background load
                log(f"pass {r + 1}/{args.repeat}: {w.label}")
                w.timed_pass()
        results = []
        for w in workers:
            peak = w.close()
            secs = [p["seconds"] for p in w.passes]
            first = w.passes[0]["pages"]
            rates = []
            for ref, lines in zip(refs, first, strict=True):
                order = reading_order([tuple(ln[:4]) for ln in lines])
                rates.append(cer(ref, " ".join(lines[i][4] for i in order)))
            results.append({
                "label": w.label, "kind": w.kind, "startup_s": w.startup_s, "device": w.device,
                "seconds": secs, "cpu_s": [p["cpu_s"] for p in w.passes],
                "pages_per_s": len(pages) / statistics.median(secs),
                "pages_per_s_min": len(pages) / max(secs), "pages_per_s_max": len(pages) / min(secs),
                "cer_mean": statistics.fmean(rates), "cer_pages": rates, "peak_rss_mib": peak,
            })  # fmt: skip
    return {
        "pages": pages, "repeat": args.repeat, "threads": args.threads, "device": args.device,
        "cpus": os.cpu_count(), "python": platform.python_version(),
        "load_before": load_before, "load_after": os.getloadavg()[0], "engines": results,
    }  # fmt: skip


def report(res: dict[str, Any]) -> str:
    n = len(res["pages"])
    lines = [
        f"HITL OCR benchmark: {n} FUNSD pages, {res['repeat']} timed passes per engine "
        f"(interleaved), {res['threads']} threads, device {res['device']} asked, {res['cpus']} CPUs",
        f"  load average {res['load_before']:.1f} before, {res['load_after']:.1f} after "
        "(above 0: other processes shared the CPUs; ratios hold, absolute figures understate)",
        "",
    ]
    head = (
        "engine",
        "device",
        "pages/s (min..max)",
        "s/page",
        "CPU s/page",
        "CER",
        "peak RSS",
        "start-up",
    )
    rows = [head]
    for e in res["engines"]:
        rows.append((
            e["label"], e["device"], f"{e['pages_per_s']:.3f} ({e['pages_per_s_min']:.3f}..{e['pages_per_s_max']:.3f})",
            f"{1 / e['pages_per_s']:.2f}", f"{statistics.median(e['cpu_s']) / n:.2f}",
            f"{e['cer_mean']:.4f}", f"{e['peak_rss_mib']:.0f} MiB", f"{e['startup_s']:.1f} s",
        ))  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines += ["  " + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    by = {e["kind"]: e for e in res["engines"]}
    paddle = by.get("paddleocr")
    lines.append("")
    if paddle is None:
        lines.append(
            "  PaddleOCR not measured (not installed: bash bench/setup_paddle.sh; or --engines)"
        )
    for kind in ("rapidocr", "rapidocr-batch", "rapidocr-lib"):
        if paddle is None or kind not in by:
            continue
        ours = by[kind]
        ratio = ours["pages_per_s"] / paddle["pages_per_s"]
        ok = ratio >= RATIO_TARGET and ours["cer_mean"] <= paddle["cer_mean"]
        verdict = f"target >= {RATIO_TARGET}x at equal or better CER: {'MET' if ok else 'not met'}"
        lines.append(
            f"  {ours['label']} / PaddleOCR pipeline = {ratio:.2f}x pages/s, CER "
            f"{ours['cer_mean']:.4f} vs {paddle['cer_mean']:.4f}"
            + (f" ({verdict})" if kind != "rapidocr-lib" else "")
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--pages", type=int, default=None, help="FUNSD pages (all 20; --quick: 3)")
    ap.add_argument("--repeat", type=int, default=None, help="timed passes (3; --quick: 2)")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="inference threads")
    ap.add_argument("--device", default="cpu", choices=("cpu", "cuda", "auto"))
    ap.add_argument("--paddle-python", default=str(ROOT / ".venv-paddle" / "bin" / "python"),
                    help="Python of the PaddleOCR environment (.venv-paddle)")  # fmt: skip
    ap.add_argument(
        "--engines",
        default="",
        help="only these worker kinds, comma-separated "
        "(rapidocr, rapidocr-batch, rapidocr-lib, paddleocr, tesseract)",
    )
    ap.add_argument("--quick", action="store_true", help="3 pages, 2 passes")
    ap.add_argument("--json", action="store_true", help="print the results as JSON instead")
    ap.add_argument("--_worker", dest="worker", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return worker(args.worker[0], json.loads(args.worker[1]))
    args.pages = args.pages or (3 if args.quick else 20)
    args.repeat = args.repeat or (2 if args.quick else 3)
    res = measure(args)
    print(json.dumps(res, indent=2) if args.json else report(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
