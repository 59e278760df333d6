"""Export benchmark: N items with B boxes each, exported to COCO and YOLO.

    .venv/bin/python bench/bench_export.py [--items 100000] [--boxes 10] [--runs 3] [--json]

A real workspace (temp folder) gets N page items and one revision each with B labelled boxes,
written through the normal append path (validated, hashed, signed). Timed, median of
``--runs``: the whole ``export`` call (choosing revisions from the log, writing the format's
files, hashing them into MANIFEST.json, renaming into place, appending ``dataset.exported``),
labels only (``--no-images``: the page bytes would be a file copy, not the exporter's work).
Target (issue 10): COCO for 100,000 items x 10 boxes < 10 s. The process's CPU time is
printed too: on a shared machine the wall time includes waiting for the cores and the disk
(YOLO writes one file per image; creating a file cost 70-230 us here).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _support import install_memory_keyring  # noqa: E402

from hitl_desktop.exchange.export import export  # noqa: E402
from hitl_desktop.exchange.model import ExportOptions  # noqa: E402
from hitl_desktop.lineage import Subject, uuid7  # noqa: E402
from hitl_desktop.workspace import Profile, Workspace  # noqa: E402

LABELS = ("question", "answer", "header", "other")


def build(ws: Workspace, n: int, boxes: int) -> None:
    batch: list[Any] = []
    for i in range(n):
        item = uuid7()
        sha = hashlib.sha256(item.encode()).hexdigest()
        batch.append(ws.draft("item.imported", {
            "kind": "image", "name": f"page-{i:06d}.png", "media_type": "image/png",
            "blob_sha256": sha, "size_bytes": 1, "source": "bench",
            "stats": {"width": 1000, "height": 1400},
        }, subject=Subject(item)))  # fmt: skip
        anns = [{"attributes": {}, "id": uuid7(), "kind": "box", "label": LABELS[(i + k) % 4],
                 "origin": {"kind": "human"},
                 "shape": {"x0": 10.0 + 90 * k, "y0": 20.0 + 120 * k, "x1": 80.0 + 90 * k,
                           "y1": 60.0 + 120 * k}} for k in range(boxes)]  # fmt: skip
        batch.append(ws.draft("annotation.revised", {"annotations": anns},
                              subject=Subject(item)))  # fmt: skip
        if len(batch) >= 4000:
            ws.append(batch)
            batch.clear()
    if batch:
        ws.append(batch)


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM; ru_maxrss may carry a parent's over)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--boxes", type=int, default=10)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--formats", default="coco,yolo")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--workdir", type=Path, help="Keep the built workspace here and reuse it.")
    args = ap.parse_args()
    install_memory_keyring()
    out: dict[str, Any] = {"items": args.items, "boxes_per_item": args.boxes}
    with tempfile.TemporaryDirectory() as tmp:
        folder = (args.workdir or Path(tmp)) / f"ws-{args.items}x{args.boxes}"
        profile = Profile("bench", "worker")
        if (folder / "workspace.db").exists():
            ws = Workspace.open(folder, profile=profile)
        else:
            ws = Workspace.create(folder, name="bench", profile=profile)
            t = time.perf_counter()
            build(ws, args.items, args.boxes)
            out["build_s"] = round(time.perf_counter() - t, 1)
        options = ExportOptions(revisions="latest", images=False)
        for fmt in args.formats.split(","):
            times, cpu = [], []
            for run in range(args.runs):
                target = Path(tmp) / f"{fmt}-{run}"
                t, c = time.perf_counter(), time.process_time()
                result = export(ws, fmt, target, options)
                times.append(time.perf_counter() - t)
                cpu.append(time.process_time() - c)
                assert result.items == args.items
                assert result.counts["written:annotations"] == args.items * args.boxes
                size = sum(f.stat().st_size for f in target.rglob("*") if f.is_file())
                shutil.rmtree(target)
            out[f"{fmt}_s"] = round(statistics.median(times), 2)
            out[f"{fmt}_runs_s"] = [round(x, 2) for x in times]
            out[f"{fmt}_cpu_s"] = round(statistics.median(cpu), 2)  # wall minus waiting
            out[f"{fmt}_mb"] = round(size / 1e6, 1)
        ws.close()
    out["target_coco_s"] = 10.0
    out["peak_rss_mb"] = peak_rss_mb()
    if args.json:
        print(json.dumps(out))
        return
    for k, v in out.items():
        print(f"{k:>16}: {v}")


if __name__ == "__main__":
    main()
