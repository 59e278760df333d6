"""OCR on a Dask LocalCluster against the in-process run: pages/s, start-up, same outputs.

    .venv/bin/python bench/bench_dask.py [--pages N] [--workers W] [--data DIR] [--json]

1. N FUNSD pages (default 8, cycling through the 20 shipped) are imported into two fresh
   workspaces (not timed).
2. In-process: ``run_ocr`` with the default engine (PP-OCRv6 small via rapidocr, onnxruntime
   threads = min(cores, 4)); the engine's start-up is timed apart from the run.
3. Dask: a ``LocalCluster`` of W worker processes x 1 thread (default: one per core, each
   engine with cores / W onnxruntime threads), started and timed apart; then the same run with
   ``compute=``. The first run includes each worker building its engine once.
4. The ``ocr.ran`` payloads of the two workspaces are compared byte for byte (canonical JSON).

Only the keyring is replaced (in memory); workspaces live in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # benchmark the tree this file lives in

from _support import install_memory_keyring  # noqa: E402

from hitl_desktop.compute import DaskCompute, cpu_count  # noqa: E402
from hitl_desktop.ingest import ImportOptions, import_paths  # noqa: E402
from hitl_desktop.lineage.canonical import canonical_json  # noqa: E402
from hitl_desktop.ocr import make_engine, page_items, run_ocr  # noqa: E402
from hitl_desktop.workspace import Workspace  # noqa: E402


def _payloads(ws: Workspace) -> dict[str, bytes]:
    rows = ws.reader().execute(
        "SELECT i.name, e.body FROM events AS e JOIN items AS i ON i.id = e.subject_item "
        "WHERE e.type = 'ocr.ran' ORDER BY e.seq"
    )
    return {name: canonical_json(json.loads(body)["payload"]) for name, body in rows}


def _pages(data: Path, n: int, folder: Path) -> list[Path]:
    shipped = sorted((data / "funsd" / "images").glob("*.png"))
    folder.mkdir()
    out = []
    for i in range(n):
        dst = folder / f"{i:03d}-{shipped[i % len(shipped)].name}"
        dst.write_bytes(shipped[i % len(shipped)].read_bytes())
        out.append(dst)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=8)
    ap.add_argument("--workers", type=int, default=0, help="0: one per core")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    install_memory_keyring()
    result: dict[str, Any] = {"pages": args.pages, "cores": cpu_count(),
                              "load_avg_1min": round(os.getloadavg()[0], 2),
                              "python": platform.python_version()}  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pages = _pages(args.data, args.pages, root / "pages")
        local_ws = Workspace.create(root / "local", name="local")
        dask_ws = Workspace.create(root / "dask", name="dask")
        with local_ws, dask_ws:
            for ws in (local_ws, dask_ws):
                import_paths(ws, pages, ImportOptions(workers=1))
            t0 = time.perf_counter()
            engine = make_engine("rapidocr", device="cpu")
            result["engine_start_s"] = round(time.perf_counter() - t0, 2)
            t0 = time.perf_counter()
            local = run_ocr(local_ws, engine, page_items(local_ws))
            local_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            with DaskCompute.local(args.workers or None) as cluster:
                result["cluster"] = cluster.description
                result["cluster_start_s"] = round(time.perf_counter() - t0, 2)
                t0 = time.perf_counter()
                remote = run_ocr(dask_ws, engine, page_items(dask_ws), compute=cluster)
                dask_s = time.perf_counter() - t0
                t0 = time.perf_counter()
            result["cluster_stop_s"] = round(time.perf_counter() - t0, 2)
            assert len(local.done) == len(remote.done) == args.pages, (local, remote)
            result |= {
                "in_process_s": round(local_s, 2),
                "in_process_pages_per_s": round(args.pages / local_s, 3),
                "dask_s": round(dask_s, 2),
                "dask_pages_per_s": round(args.pages / dask_s, 3),
                "identical_payloads": _payloads(local_ws) == _payloads(dask_ws),
            }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for k, v in result.items():
            print(f"{k:<24} {v}")
    return 0 if result["identical_payloads"] else 1


if __name__ == "__main__":
    sys.exit(main())
