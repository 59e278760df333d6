"""Editing-model benchmark: time per edit on a page holding thousands of boxes.

    .venv/bin/python bench/bench_annotate.py [--boxes N] [--edits E] [--json]

A real workspace (temp folder, real page image from ../shared/data/funsd when present, else
a generated one) holds one item with N boxes saved as a revision. Then E edits of each kind
run through the undo stack (apply + record), plus hit-tests, undo/redo, autosave (the draft
journal), save (one ``annotation.revised`` append, waited for) and ``prepare_save`` (the
part of a background save that runs on the editing thread). Times are per operation: median and
95th percentile in milliseconds. Target (issue 5): an edit < 16 ms with 5,000 boxes.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _support import install_memory_keyring  # noqa: E402

from hitl_desktop.annotate import (  # noqa: E402
    Annotation,
    Box,
    autosave,
    commands,
    geometry,
    open_document,
    prepare_save,
    save,
)
from hitl_desktop.ingest import ImportOptions, import_paths  # noqa: E402
from hitl_desktop.workspace import Workspace  # noqa: E402
from hitl_desktop.workspace.queries import ItemFilter, page_items  # noqa: E402

FUNSD = ROOT.parent / "shared" / "data" / "funsd" / "images" / "0000971160.png"


def timed(fn: Callable[[], object], n: int) -> dict[str, float]:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return {"median_ms": round(statistics.median(times), 3),
            "p95_ms": round(times[int(0.95 * (len(times) - 1))], 3), "runs": n}  # fmt: skip


def page_file(folder: Path) -> Path:
    if FUNSD.exists():
        return FUNSD
    from PIL import Image

    out = folder / "page.png"
    Image.new("L", (762, 1000), 235).save(out)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--boxes", type=int, default=5000)
    ap.add_argument("--edits", type=int, default=200)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    install_memory_keyring()
    rng = random.Random(1)
    results: dict[str, object] = {"boxes": args.boxes}
    with tempfile.TemporaryDirectory() as tmp, Workspace.create(Path(tmp) / "ws", name="b") as ws:
        import_paths(ws, [page_file(Path(tmp))], ImportOptions(workers=1))
        item = page_items(ws.reader(), ItemFilter(), 0, 1)[0].id
        doc = open_document(ws, item)
        w, h = doc.size or (762, 1000)
        anns = []
        for _ in range(args.boxes):
            x, y = rng.uniform(0, w - 40), rng.uniform(0, h - 15)
            anns.append(Annotation(Box(x, y, x + rng.uniform(5, 40), y + rng.uniform(5, 15)), "w"))
        doc.push(commands.AddAnnotations(anns))
        t = time.perf_counter()
        save(ws, doc)
        results["first_save_ms"] = round((time.perf_counter() - t) * 1000, 1)
        t = time.perf_counter()
        doc = open_document(ws, item)
        results["open_ms"] = round((time.perf_counter() - t) * 1000, 1)
        ids = [a.id for a in doc.annotations]
        n = args.edits

        def pick() -> str:
            return rng.choice(ids)

        results["move_drag_step"] = timed(
            lambda: doc.push(commands.move(doc, [pick()], 1, 1, gesture=str(rng.random()))), n
        )
        results["resize"] = timed(
            lambda: doc.push(commands.resize(doc, pick(), 4, rng.uniform(0, w), rng.uniform(0, h))),
            n,
        )
        results["relabel"] = timed(lambda: doc.push(commands.relabel(doc, [pick()], "x")), n)
        results["add_box"] = timed(
            lambda: doc.push(commands.add(doc, Annotation(Box(1, 1, 9, 9), "new"))), n
        )

        def delete_one() -> None:
            victim = pick()
            doc.push(commands.delete([victim]))
            ids.remove(victim)

        results["delete"] = timed(delete_one, n)
        results["undo"] = timed(doc.undo, n)
        results["redo"] = timed(doc.redo, n)
        results["hit_test"] = timed(
            lambda: geometry.hit_test(doc.annotations, rng.uniform(0, w), rng.uniform(0, h), 2), n
        )
        results["autosave"] = timed(lambda: autosave(doc), 20)

        def edit_and_save() -> None:
            doc.push(commands.relabel(doc, [pick()], f"s{rng.random()}"))
            save(ws, doc)

        results["save"] = timed(edit_and_save, 20)
        doc.push(commands.relabel(doc, [pick()], "last"))
        # the part of a save that runs on the editing (GUI) thread; the append runs on the writer
        results["prepare_save"] = timed(lambda: prepare_save(ws, doc), 20)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for k, v in results.items():
        print(f"{k:16} {v}")


if __name__ == "__main__":
    main()
