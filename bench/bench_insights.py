"""Insights benchmark: every dashboard figure over a log of about 1,000,000 events.

    .venv/bin/python bench/bench_insights.py [--events N] [--days 60] [--runs 3] [--json]

A real workspace (temp folder) gets items over ``--days`` days, written through the normal
append path (validated, hashed, signed, every projection applied): per item an import with
statistics (80 % pages, 20 % texts, a few with their text in the blob store), a model's
pre-label, two workers' answers (the first starting from the pre-label, changed on a share of
items), and on a third of the items a checker's decision. In the last two weeks the label mix
and the pages' brightness shift, so drift alarms fire. About 4.8 events per item.

Timed, median of ``--runs`` after one warm-up run: ``compute_dashboard`` for the last 14 days
against the 14 before (corrections, label and input drift, vocabulary drift, validation,
confusion, agreement trend, throughput, timeline), and each figure alone.
Target (issue 9): < 5 s for 1,000,000 events after a warm projection.
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

from hitl_desktop.insights import activity, confusion, corrections, drift, validation, vocabulary  # noqa: E402  # noqa: E402
from hitl_desktop.insights.dashboard import compute_dashboard  # noqa: E402
from hitl_desktop.insights.windows import DAY_MS, last_days  # noqa: E402
from hitl_desktop.lineage import EventDraft, HybridClock, Subject, uuid7  # noqa: E402
from hitl_desktop.workspace import Profile, Workspace  # noqa: E402
from hitl_desktop.workspace.projections.prelabel import model_id  # noqa: E402

CLASSES = ("invoice", "receipt", "letter", "form")
BEFORE = (0.4, 0.3, 0.2, 0.1)
AFTER = (0.2, 0.3, 0.2, 0.3)  # the last two weeks: more forms, fewer invoices
WORDS = [
    "total",
    "amount",
    "date",
    "invoice",
    "paid",
    "tax",
    "due",
    "order",
    "customer",
    "number",
    "store",
    "item",
    "price",
]
NEW_WORDS = ["refund", "voucher", "crypto", "wallet", "qr"]
PEOPLE = ("ana", "ben", "chloe", "dev")
EVENTS_PER_ITEM = 4.8  # import, pre-label, two answers, 0.8 decisions
FIRST_DAY = 20_000


def _cls(label: str) -> list[dict[str, Any]]:
    return [{"attributes": {}, "id": uuid7(), "kind": "classification", "label": "",
             "origin": {"kind": "human"}, "shape": {"labels": [label]}}]  # fmt: skip


class Builder:
    def __init__(self, ws: Workspace, rng: random.Random, model: str, days: int) -> None:
        self.ws, self.rng, self.model, self.days = ws, rng, model, days
        self.n = 0

    def at(self, day: int) -> None:
        ms = (FIRST_DAY + day) * DAY_MS + 9 * 3_600_000
        self.ws._writer_or_fail().clock = HybridClock(wall_ms=lambda: ms)

    def append(self, drafts: list[EventDraft]) -> list[str]:
        """Hashes of the stored events, appended in batches of 3,000."""
        out = []
        for start in range(0, len(drafts), 3000):
            out += [e.hash for e in self.ws.append(drafts[start : start + 3000])]
        return out

    def day(self, day: int, count: int, blobs: int) -> None:
        """``count`` items: imports and pre-labels first, then answers starting from them."""
        self.at(day)
        late = day >= self.days - 14
        made, truths = [], []
        for k in range(count):
            item, truth = uuid7(), self.rng.choices(CLASSES, AFTER if late else BEFORE)[0]
            made += self._import(item, late, blob_text=k < blobs)
            made.append(self._prelabel(item, truth))
            truths.append((item, truth))
        hashes = self.append(made)
        answers = []
        for (item, truth), pre in zip(truths, hashes[1::2], strict=True):
            answers += self._answers(item, truth, pre)
        self.append(answers)

    def _import(self, item: str, late: bool, blob_text: bool) -> list[EventDraft]:
        rng, ws = self.rng, self.ws
        self.n += 1
        if rng.random() < 0.2:
            pool = WORDS + (NEW_WORDS if late else [])
            body = " ".join(rng.choice(pool) for _ in range(rng.randint(5, 30)))
            stats: dict[str, Any] = {"characters": len(body), "words": len(body.split()),
                                     "scripts": {"LATIN": 1.0}}  # fmt: skip
            sha = ws.blobs.put_bytes(body.encode()) if blob_text else (
                hashlib.sha256(item.encode()).hexdigest())  # fmt: skip
            media = {"kind": "text", "media_type": "text/plain", "text_sha256": sha}
        else:
            stats = {"width": rng.choice((762, 1000, 1700)), "height": 1000 + rng.randint(0, 40),
                     "brightness": rng.gauss(150 if late else 200, 15),
                     "contrast": rng.gauss(60, 5)}  # fmt: skip
            sha = hashlib.sha256(item.encode()).hexdigest()
            media = {"kind": "image", "media_type": "image/png"}
        return [ws.draft("item.imported", {
            **media, "name": f"item-{self.n:07d}", "blob_sha256": sha, "size_bytes": 1,
            "source": rng.choice(("scanner", "phone", "email")), "stats": stats,
        }, subject=Subject(item), actor="ingest")]  # fmt: skip

    def _prelabel(self, item: str, truth: str) -> EventDraft:
        guess = truth if self.rng.random() < 0.8 else self.rng.choice(CLASSES)
        labels = [{"label": guess, "score": 0.9}] + [
            {"label": c, "score": 0.02} for c in CLASSES if c != guess
        ]
        return self.ws.draft("prelabel.made", {"model_id": self.model, "labels": labels},
                             subject=Subject(item), actor=f"model:{self.model}")  # fmt: skip

    def _answers(self, item: str, truth: str, pre: str) -> list[EventDraft]:
        rng, ws = self.rng, self.ws
        a = rng.choice(PEOPLE)
        b = rng.choice([p for p in PEOPLE if p != a])
        other = truth if rng.random() < 0.85 else rng.choice(CLASSES)
        out = [
            ws.draft("annotation.revised", {"annotations": _cls(truth)}, subject=Subject(item),
                     actor=a, base=[pre]),
            ws.draft("annotation.revised", {"annotations": _cls(other)}, subject=Subject(item),
                     actor=b),
        ]  # fmt: skip
        if rng.random() < 0.8:  # a checker settles most items
            out.append(ws.draft("review.decided", {"decision": "adjudicate",
                                                   "annotations": _cls(truth), "reason": ""},
                                subject=Subject(item), actor="chris"))  # fmt: skip
        return out


def build(
    ws: Workspace, events: int, days: int, seed: int, blobs_per_day: int, progress: bool
) -> int:
    rng = random.Random(seed)
    weights = ws.blobs.put_bytes(b"weights of the benchmark's model")
    model = model_id("doc-type", weights)
    ws.append([ws.draft("model.registered", {
        "name": "doc-type", "kind": "onnx", "task": "text-classification", "path": "/models/x",
        "files": {"model.onnx": weights}, "weights_sha256": weights,
    })])  # fmt: skip
    b = Builder(ws, rng, model, days)
    per_day = int(events / EVENTS_PER_ITEM) // days
    for day in range(days):
        b.day(day, per_day, blobs_per_day)
        if progress:
            print(f"\rbuilding: day {day + 1}/{days}", end="", file=sys.stderr, flush=True)
    return b.n


def timed(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    fn()  # warm-up: page cache and SQLite's statement cache
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--days", type=int, default=60)
    ap.add_argument("--blobs-per-day", type=int, default=60, help="texts kept in the blob store")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--keep", type=Path, help="build the workspace here and keep it")
    ap.add_argument("--open", type=Path, help="time a workspace built earlier with --keep")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    install_memory_keyring()
    with tempfile.TemporaryDirectory() as tmp:
        if args.open:  # opening for writing replays projections whose version changed
            t = time.perf_counter()
            Workspace.open(args.open).close()
            warm_s = time.perf_counter() - t
            ws = Workspace.open(args.open, readonly=True)
            build_s, items = 0.0, ws.reader().execute("SELECT count(*) FROM items").fetchone()[0]
        else:
            path = args.keep or Path(tmp) / "ws"
            ws = Workspace.create(path, name="bench", profile=Profile("bench", "admin"))
            t = time.perf_counter()
            items = build(ws, args.events, args.days, args.seed, args.blobs_per_day,
                          progress=not args.json)  # fmt: skip
            build_s, warm_s = time.perf_counter() - t, 0.0
        conn = ws.reader()
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        period = last_days(FIRST_DAY + args.days - 1, 14)
        blobs = ws.blobs

        def read(sha: str) -> str | None:
            return blobs.read_bytes(sha, check=False).decode() if blobs.has(sha) else None

        total_s, board = timed(lambda: compute_dashboard(conn, period, read_text=read), args.runs)
        cur = period.current
        parts = {
            "corrections": lambda: corrections.correction_rates(conn, cur),
            "label_drift": lambda: drift.label_drift(conn, period),
            "input_drift": lambda: drift.input_drift(conn, period),
            "vocabulary": lambda: vocabulary.vocabulary_drift(conn, period, read),
            "validation": lambda: validation.validation_summary(conn),
            "confusion": lambda: confusion.confusion(conn, cur),
            "agreement": lambda: activity.agreement_trend(conn, period.span),
            "throughput": lambda: activity.throughput(conn, cur),
            "timeline": lambda: activity.timeline(conn, cur),
        }
        part_s = {name: round(timed(fn, args.runs)[0], 3) for name, fn in parts.items()}
        ws.close()
    d: Any = board
    out = {
        "events": events, "items": items, "days": args.days, "build_s": round(build_s, 1),
        "build_events_per_s": round(events / build_s) if build_s else None,
        "open_and_replay_changed_projections_s": round(warm_s, 1),
        "dashboard_s": round(total_s, 3),
        "target_s": 5.0, "parts_s": part_s, "alarms": d.alarms,
        "label_psi": [round(x.psi, 3) for x in d.label_drift if x.psi is not None],
        "corrections": [(r.model, r.accepted, round(r.rate, 3)) for r in d.corrections.by_model],
        "vocabulary_unseen_share": d.vocabulary.unseen_share if d.vocabulary else None,
        "confusion_items": [c.items for c in d.confusion],
        "agreement_points": len(d.agreement),
    }  # fmt: skip
    if args.json:
        print(json.dumps(out))
        return
    print()
    for k, v in out.items():
        print(f"{k:>24}: {v}")


if __name__ == "__main__":
    main()
