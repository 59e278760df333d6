"""Annotation import benchmark: a COCO file of N images with B boxes each, into a fresh workspace.

    .venv/bin/python bench/bench_import_annotations.py [--images 200] [--boxes 10] [--runs 3]

Each run makes a new workspace and imports the same file (images decoded inline, one
process, as the CLI does by default). Printed: median seconds of the whole import, of the
checking phase (parse + image headers + shapes + labels) and of appending the annotations
(after the images are in), and records per second. A second import of the same file into
the same workspace (everything "already imported") is timed too.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _support import install_memory_keyring

from hitl_desktop.exchange.importers import AnnotationImportOptions, import_annotations
from hitl_desktop.workspace import Workspace


def make_coco(folder: Path, images: int, boxes: int) -> Path:
    rng = np.random.default_rng(0)
    imgs, anns = [], []
    for i in range(1, images + 1):
        pixels = rng.integers(0, 255, (240, 320, 3), dtype=np.uint8)
        Image.fromarray(pixels).save(folder / f"img{i:05d}.png")
        imgs.append({"id": i, "file_name": f"img{i:05d}.png", "width": 320, "height": 240})
        for _ in range(boxes):
            x, y = float(rng.uniform(0, 280)), float(rng.uniform(0, 200))
            anns.append({"id": len(anns) + 1, "image_id": i, "category_id": int(rng.integers(1, 4)),
                         "bbox": [x, y, 30.0, 30.0], "area": 900.0, "iscrowd": 0})  # fmt: skip
    path = folder / "instances.json"
    cats = [{"id": k, "name": n} for k, n in enumerate(("car", "person", "sign"), 1)]
    path.write_text(json.dumps({"images": imgs, "annotations": anns, "categories": cats}))
    return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--images", type=int, default=200)
    ap.add_argument("--boxes", type=int, default=10)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    install_memory_keyring()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data = root / "data"
        data.mkdir()
        path = make_coco(data, args.images, args.boxes)
        total, check, append, again = [], [], [], []
        for run in range(args.runs):
            marks: dict[str, float] = {}

            def progress(done: int, n: int, phase: str, marks: dict[str, float] = marks) -> None:
                if done >= n:
                    marks.setdefault(phase, time.perf_counter())

            ws = Workspace.create(root / f"ws{run}", name="bench")
            options = AnnotationImportOptions(format="coco", annotator="bench", workers=1)
            t0 = time.perf_counter()
            report = import_annotations(ws, path, options, progress=progress)
            t1 = time.perf_counter()
            assert report.ok and report.counts() == {"imported": args.images}, report.summary()
            import_annotations(ws, path, options)
            again.append(time.perf_counter() - t1)
            ws.close()
            total.append(t1 - t0)
            check.append(marks["checking"] - t0)
            append.append(t1 - marks["images"])
        med = statistics.median
        print(f"{args.images} images x {args.boxes} boxes, median of {args.runs} runs")
        print(
            f"  whole import      {med(total):7.2f} s  ({args.images / med(total):,.0f} records/s)"
        )
        print(f"  checking          {med(check):7.2f} s")
        print(f"  annotations       {med(append):7.2f} s  (after the images are in)")
        print(f"  again (no change) {med(again):7.2f} s")


if __name__ == "__main__":
    main()
