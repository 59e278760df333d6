"""Review benchmark: recompute the review queue and every agreement figure from scratch.

    .venv/bin/python bench/bench_review.py [--items N] [--agree 0.75] [--runs 3] [--json]

A real workspace (temp folder) gets N items answered by two workers, written through the
normal append path (validated, hashed, signed): 40 % classification, 40 % pages with four
boxes, 20 % texts with three spans. On a share ``--agree`` of the items the second worker
gives the same answer (new annotation ids and boxes a pixel or two off, as a real second
annotator would); on the rest one label differs, or one box moves, or one span boundary shifts.

Timed, median of ``--runs``:
- ``queue``: the review projection recomputed for every item (``refresh_tasks`` over all
  item ids after emptying ``review_tasks``), as a rebuild does;
- ``agreement``: ``agreement_report`` (per pair kappa, IoU, span F1, CER, alpha, ...);
- ``rebuild``: replaying the whole log into every projection (one run).
Target (issue 7): queue + agreement for 100,000 items with 2 annotators < 10 s.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _support import install_memory_keyring  # noqa: E402

from hitl_desktop.lineage import Subject, uuid7  # noqa: E402
from hitl_desktop.review.projection import refresh_tasks  # noqa: E402
from hitl_desktop.review.report import agreement_report  # noqa: E402
from hitl_desktop.workspace import Profile, Workspace  # noqa: E402

LABELS = ("question", "answer", "header", "other")
CLASSES = ("invoice", "receipt", "letter", "form")


def _ann(kind: str, label: str, shape: dict[str, Any]) -> dict[str, Any]:
    return {"attributes": {}, "id": uuid7(), "kind": kind, "label": label,
            "origin": {"kind": "human"}, "shape": shape}  # fmt: skip


def answer(kind: str, rng: random.Random) -> list[dict[str, Any]]:
    if kind == "class":
        return [_ann("classification", "", {"labels": [rng.choice(CLASSES)]})]
    if kind == "boxes":
        return [
            _ann("box", rng.choice(LABELS),
                 {"x0": 100.0 * i, "y0": 10.0, "x1": 100.0 * i + 80, "y1": 60.0})
            for i in range(4)
        ]  # fmt: skip
    return [
        _ann("span", rng.choice(LABELS), {"start": 10 * i, "end": 10 * i + 5}) for i in range(3)
    ]


def second(first: list[dict[str, Any]], agree: bool, rng: random.Random) -> list[dict[str, Any]]:
    """The second worker's answer: the same content with new ids (boxes a pixel or two off,
    as no two people draw the same box), or one change."""
    out = [{**a, "id": uuid7(), "shape": dict(a["shape"])} for a in first]
    for a in out:
        if a["kind"] == "box":
            a["shape"] = {
                k: v + rng.choice((-2.0, -1.0, 0.0, 1.0, 2.0)) for k, v in a["shape"].items()
            }
    if agree:
        return out
    target = rng.choice(out)
    if target["kind"] == "classification":
        target["shape"]["labels"] = [next(c for c in CLASSES if c not in target["shape"]["labels"])]
    elif target["kind"] == "box" and rng.random() < 0.5:
        target["shape"]["x0"] += 30.0  # IoU 50/80 < 0.8: a region_iou difference
    elif target["kind"] == "span" and rng.random() < 0.5:
        target["shape"]["end"] += 2  # a span_boundary difference
    else:
        target["label"] = next(x for x in LABELS if x != target["label"])
    return out


def build(ws: Workspace, n: int, agree: float, seed: int) -> list[str]:
    rng = random.Random(seed)
    items = []
    batch: list[Any] = []

    def flush() -> None:
        ws.append(batch)
        batch.clear()

    for i in range(n):
        item = uuid7()
        items.append(item)
        kind = "class" if i % 5 < 2 else "boxes" if i % 5 < 4 else "spans"
        sha = hashlib.sha256(item.encode()).hexdigest()
        batch.append(ws.draft("item.imported", {
            "kind": "image" if kind == "boxes" else "text", "name": f"item-{i:06d}",
            "media_type": "image/png", "blob_sha256": sha, "size_bytes": 1, "source": "bench",
        }, subject=Subject(item)))  # fmt: skip
        a = answer(kind, rng)
        b = second(a, rng.random() < agree, rng)
        for actor, anns in (("ana", a), ("ben", b)):
            batch.append(ws.draft("annotation.revised", {"annotations": anns},
                                  subject=Subject(item), actor=actor))  # fmt: skip
        if len(batch) >= 3000:
            flush()
    flush()
    return items


def timed(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--agree", type=float, default=0.75)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    install_memory_keyring()
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.create(Path(tmp) / "ws", name="bench", profile=Profile("bench", "worker"))
        t = time.perf_counter()
        items = build(ws, args.items, args.agree, args.seed)
        build_s = time.perf_counter() - t
        conn = ws.reader()
        tasks_before = conn.execute("SELECT count(*) FROM review_tasks").fetchone()[0]

        def recompute_queue() -> int:
            def run(wconn: Any) -> int:
                wconn.execute("BEGIN IMMEDIATE")
                wconn.execute("DELETE FROM review_tasks")
                refresh_tasks(wconn, items)
                count = wconn.execute("SELECT count(*) FROM review_tasks").fetchone()[0]
                wconn.execute("COMMIT")
                return int(count)

            return ws._writer_or_fail().run(run)

        queue_s, tasks = timed(recompute_queue, args.runs)
        report_s, report = timed(lambda: agreement_report(ws.reader()), args.runs)
        t = time.perf_counter()
        identical = ws.rebuild().identical
        rebuild_s = time.perf_counter() - t
        ws.close()
    assert tasks == tasks_before, "recomputing changed the queue"
    out = {
        "items": args.items, "annotators": 2, "agree_share": args.agree,
        "build_s": round(build_s, 2), "tasks": tasks,
        "queue_s": round(queue_s, 3), "agreement_s": round(report_s, 3),
        "queue_plus_agreement_s": round(queue_s + report_s, 3),
        "target_s": 10.0, "rebuild_all_projections_s": round(rebuild_s, 2),
        "rebuild_identical": identical,
        "items_with_differences": report.items_with_differences,  # type: ignore[attr-defined]
    }  # fmt: skip
    if args.json:
        print(json.dumps(out))
        return
    for k, v in out.items():
        print(f"{k:>28}: {v}")


if __name__ == "__main__":
    main()
