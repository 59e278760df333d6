"""Lineage log benchmark: append, verify and rebuild throughput against the targets.

    .venv/bin/python bench/bench_lineage.py [--events N] [--batch B] [--repeat R]
                                            [--rebuild-events M] [--quick] [--json]

Everything goes through the real ``Workspace`` (SQLite file in a temporary folder, WAL,
writer thread); only the keyring is an in-memory one. Throughputs are medians of R runs,
with min and max. The append stages are timed by wrapping the functions the writer calls
(``build_batch``, ``insert_events``, ``apply_all``) and the COMMIT statement.

Targets (from the issue): append >= 100k events/s, verify >= 100k events/s,
rebuild of 1M events < 30 s on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # benchmark the tree this file lives in

import orjson  # noqa: E402
from _support import Stats, imported_drafts, install_memory_keyring  # noqa: E402

from hitl_desktop.lineage import (  # noqa: E402
    HybridClock,
    canonical_json,
    event_hash,
    uuid7,
    validate_payload,
)
from hitl_desktop.workspace import Profile, Workspace  # noqa: E402
from hitl_desktop.workspace import projector as projector_mod  # noqa: E402
from hitl_desktop.workspace import store as store_mod  # noqa: E402
from hitl_desktop.workspace import writer as writer_mod  # noqa: E402
from hitl_desktop.workspace.projector import projection_digest  # noqa: E402

APPEND_TARGET = 100_000  # events/s
VERIFY_TARGET = 100_000  # events/s
REBUILD_TARGET_S = 30.0  # seconds for 1M events
REBUILD_TARGET_EVENTS = 1_000_000
SINGLE_EVENT_CAP = 2_000  # batch-1 runs commit once per event; a few thousand suffice

PROFILE = Profile("bench", "worker")
STAGES = ("build_batch", "insert", "projections", "commit")


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# --------------------------------------------------------------------------- stage timing
class StageTimer:
    """Wraps the writer's calls so each append stage is timed where it runs."""

    def __init__(self) -> None:
        self.seconds = dict.fromkeys(STAGES, 0.0)

    def reset(self) -> None:
        self.seconds = dict.fromkeys(STAGES, 0.0)

    def wrap(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - t

        return timed


class _TimedConnection:
    """Delegates to the writer's connection, timing COMMIT statements."""

    def __init__(self, conn: sqlite3.Connection, timer: StageTimer) -> None:
        self._conn = conn
        self._timer = timer

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql == "COMMIT":
            t = time.perf_counter()
            try:
                return self._conn.execute(sql, *args)
            finally:
                self._timer.seconds["commit"] += time.perf_counter() - t
        return self._conn.execute(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


@contextmanager
def timed_stages(timer: StageTimer) -> Iterator[None]:
    saved = {n: getattr(writer_mod, n) for n in ("build_batch", "insert_events", "apply_all")}
    writer_mod.build_batch = timer.wrap("build_batch", saved["build_batch"])  # type: ignore[assignment]
    writer_mod.insert_events = timer.wrap("insert", saved["insert_events"])  # type: ignore[assignment]
    writer_mod.apply_all = timer.wrap("projections", saved["apply_all"])  # type: ignore[assignment]
    try:
        yield
    finally:
        for n, fn in saved.items():
            setattr(writer_mod, n, fn)


# --------------------------------------------------------------------------- workspaces
class Scratch:
    def __init__(self, base: str | None) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="hitl-bench-", dir=base))
        self._n = 0

    def new_workspace(self) -> Workspace:
        self._n += 1
        return Workspace.create(self.dir / f"ws{self._n}", name="bench", profile=PROFILE)

    def remove(self, ws: Workspace) -> None:
        ws.close()
        shutil.rmtree(ws.path, ignore_errors=True)

    def cleanup(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


def fill(ws: Workspace, events: int, batch: int, start: int = 0) -> tuple[float, float]:
    """Append ``events`` item.imported events in batches: (wall, CPU) seconds inside append.

    Drafts are made outside the timed part; CPU time is the whole process's (the writer
    thread does the work while the caller waits).
    """
    wall = cpu = 0.0
    done = 0
    while done < events:
        n = min(batch, events - done)
        drafts = imported_drafts(start + done, n, actor=PROFILE.name, role=PROFILE.role)
        c, t = time.process_time(), time.perf_counter()
        ws.append(drafts)
        wall += time.perf_counter() - t
        cpu += time.process_time() - c
        done += n
    return wall, cpu


def file_sizes(ws: Workspace) -> tuple[int, int]:
    db = ws.db_path.stat().st_size
    wal = Path(str(ws.db_path) + "-wal")
    return db, wal.stat().st_size if wal.exists() else 0


# --------------------------------------------------------------------------- append
def bench_append(scratch: Scratch, batch: int, events: int, repeat: int) -> dict[str, Any]:
    timer = StageTimer()
    rates, cpu_us = [], []
    stage_us: dict[str, list[float]] = {s: [] for s in (*STAGES, "other")}
    for r in range(repeat):
        ws = scratch.new_workspace()
        writer = ws._writer
        assert writer is not None
        real_conn = writer._conn
        writer._conn = _TimedConnection(real_conn, timer)  # type: ignore[assignment]
        timer.reset()
        try:
            with timed_stages(timer):
                spent, cpu = fill(ws, events, batch)
        finally:
            writer._conn = real_conn
        rates.append(events / spent)
        cpu_us.append(cpu / events * 1e6)
        for s in STAGES:
            stage_us[s].append(timer.seconds[s] / events * 1e6)
        stage_us["other"].append((spent - sum(timer.seconds.values())) / events * 1e6)
        scratch.remove(ws)
        log(f"append batch={batch:,} run {r + 1}/{repeat}: {rates[-1]:,.0f} events/s")
    return {
        "batch": batch,
        "events": events,
        "events_per_s": Stats.of(rates).as_dict(),
        "cpu_us_per_event": Stats.of(cpu_us).as_dict(),
        "stage_us_per_event": {s: Stats.of(v).as_dict() for s, v in stage_us.items()},
    }


def bench_build_parts(events: int, repeat: int) -> dict[str, Any]:
    """The pieces of build_batch timed in isolation (µs/event), on the same kind of drafts."""
    drafts = imported_drafts(0, events, actor=PROFILE.name, role=PROFILE.role)
    clock = HybridClock()
    payloads = [validate_payload(d.type, d.payload) for d in drafts]
    fields = [
        {
            "event_id": uuid7(),
            "project_id": uuid7(),
            "device_id": "d" + "0" * 32,
            "device_seq": i + 1,
            "prev_hash": "0" * 64,
            "type": d.type,
            "actor": d.actor,
            "role": d.role,
            "agent": None,
            "subject": d.subject.to_json() if d.subject else None,
            "base": [],
            "inputs": [],
            "outputs": [],
            "payload": p,
            "schema_ref": None,
            "wall_time": "2026-01-01T00:00:00.000Z",
            "hlc": str(clock.now()),
        }
        for i, (d, p) in enumerate(zip(drafts, payloads, strict=True))
    ]
    bodies = [canonical_json(f) for f in fields]
    parts: dict[str, Callable[[], object]] = {
        "validate_payload (pydantic)": lambda: [
            validate_payload(d.type, d.payload) for d in drafts
        ],
        "canonical_json": lambda: [canonical_json(f) for f in fields],
        "sha256 (event_hash)": lambda: [event_hash(b) for b in bodies],
        "uuid7": lambda: [uuid7() for _ in drafts],
        "hlc (clock.now + str)": lambda: [str(clock.now()) for _ in drafts],
    }
    out = {}
    for name, fn in parts.items():
        runs = []
        for _ in range(repeat):
            t = time.perf_counter()
            fn()
            runs.append((time.perf_counter() - t) / events * 1e6)
        out[name] = Stats.of(runs).as_dict()
    return out


# --------------------------------------------------------------------------- verify / rebuild
CPU_RUNS: dict[str, list[float]] = {}  # label -> CPU seconds of each run


def timed_runs(label: str, fn: Callable[[], object], repeat: int) -> tuple[list[float], object]:
    """Wall-clock seconds of ``repeat`` runs (their CPU seconds go to CPU_RUNS[label])."""
    runs, cpus, result = [], [], None
    for r in range(repeat):
        c, t = time.process_time(), time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
        log(f"{label} run {r + 1}/{repeat}: {runs[-1]:.2f} s (CPU {cpus[-1]:.2f} s)")
    CPU_RUNS[label] = cpus
    return runs, result


def read_rows_only(ws: Workspace) -> int:
    conn = store_mod.connect(ws.db_path, readonly=True)
    try:
        return sum(1 for _ in store_mod.iter_rows(conn))
    finally:
        conn.close()


def integrity_only(ws: Workspace) -> None:
    conn = store_mod.connect(ws.db_path, readonly=True)
    try:
        conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


def parse_only(ws: Workspace) -> int:
    """Read and parse the log as a replay does (with the collector paused where it does)."""
    paused = getattr(projector_mod, "_gc_paused", nullcontext)
    conn = store_mod.connect(ws.db_path, readonly=True)
    try:
        with paused():
            return sum(len(c) for c in store_mod.iter_events(conn, chunk=10_000))
    finally:
        conn.close()


def digest_only(ws: Workspace) -> None:
    conn = store_mod.connect(ws.db_path, readonly=True)
    try:
        projection_digest(conn, ws.projections)
    finally:
        conn.close()


def bench_log(scratch: Scratch, events: int, repeat: int) -> dict[str, Any]:
    """Build one workspace of ``events`` events, then verify and rebuild it R times each."""
    ws = scratch.new_workspace()
    out: dict[str, Any] = {"events_requested": events}
    try:
        log(f"building a workspace of {events:,} events (batches of 10,000) ...")
        t0 = time.perf_counter()
        tail = max(events // 10, 1)
        fill(ws, events - tail, 10_000)
        t_tail = time.perf_counter()
        _, tail_cpu = fill(ws, tail, 10_000, start=events - tail)
        t1 = time.perf_counter()
        total = ws.reader().execute("SELECT count(*) FROM events").fetchone()[0]
        _, wal = file_sizes(ws)
        writer = ws._writer
        assert writer is not None
        writer.run(lambda c: c.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall())
        db_ckpt, _ = file_sizes(ws)
        out["build"] = {
            "events": total,
            "seconds": t1 - t0,
            "events_per_s": events / (t1 - t0),
            "last_10pct_events_per_s": tail / (t1 - t_tail),
            "last_10pct_cpu_us_per_event": tail_cpu / tail * 1e6,
            "db_bytes": db_ckpt,
            "wal_bytes_before_checkpoint": wal,
            "db_bytes_per_event": db_ckpt / total,
        }
        try:
            conn = ws.reader()
            out["build"]["bytes_by_table"] = dict(
                conn.execute(
                    "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"
                ).fetchall()
            )
        except sqlite3.OperationalError:
            pass  # this SQLite has no dbstat
        out["peak_rss_mib_after_build"] = peak_rss_mib()
        log(f"built {total:,} events in {t1 - t0:.1f} s")

        reports = {}
        for strict in (True, False):
            label = "verify strict" if strict else "verify --fast"
            runs, report = timed_runs(label, lambda s=strict: ws.verify(strict=s), repeat)
            assert report.ok, report.problems[:3]  # type: ignore[attr-defined]
            reports[label] = runs
        read_runs, _ = timed_runs("read rows", lambda: read_rows_only(ws), repeat)
        integ_runs, _ = timed_runs("integrity_check", lambda: integrity_only(ws), repeat)
        out["verify"] = {
            "strict_events_per_s": Stats.of(
                [total / s for s in reports["verify strict"]]
            ).as_dict(),
            "fast_events_per_s": Stats.of([total / s for s in reports["verify --fast"]]).as_dict(),
            "strict_seconds": Stats.of(reports["verify strict"]).as_dict(),
            "fast_seconds": Stats.of(reports["verify --fast"]).as_dict(),
            "strict_cpu_seconds": Stats.of(CPU_RUNS["verify strict"]).as_dict(),
            "fast_cpu_seconds": Stats.of(CPU_RUNS["verify --fast"]).as_dict(),
            "read_rows_seconds": Stats.of(read_runs).as_dict(),
            "integrity_check_seconds": Stats.of(integ_runs).as_dict(),
        }
        out["peak_rss_mib_after_verify"] = peak_rss_mib()

        def do_rebuild() -> object:
            result = ws.rebuild()
            assert result.identical, "rebuild changed the projections"
            return result

        rebuild_runs, _ = timed_runs("rebuild", do_rebuild, repeat)
        _, wal_after = file_sizes(ws)
        parse_runs, _ = timed_runs("read+parse events", lambda: parse_only(ws), repeat)
        digest_runs, _ = timed_runs("projection_digest", lambda: digest_only(ws), repeat)
        out["rebuild"] = {
            "seconds": Stats.of(rebuild_runs).as_dict(),
            "cpu_seconds": Stats.of(CPU_RUNS["rebuild"]).as_dict(),
            "events_per_s": Stats.of([total / s for s in rebuild_runs]).as_dict(),
            "read_parse_seconds": Stats.of(parse_runs).as_dict(),
            "projection_digest_seconds": Stats.of(digest_runs).as_dict(),
            "wal_bytes_after": wal_after,
        }
        out["peak_rss_mib_after_rebuild"] = peak_rss_mib()
    finally:
        scratch.remove(ws)
    return out


# --------------------------------------------------------------------------- report
def fmt_stats(s: dict[str, float], unit: str = "", digits: int = 0) -> str:
    f = f"{{:,.{digits}f}}"
    return f"{f.format(s['median'])}{unit}  ({f.format(s['min'])} .. {f.format(s['max'])})"


def ratio(value: float, target: float, *, lower_is_better: bool = False) -> str:
    r = target / value if lower_is_better else value / target
    return f"{r:5.2f}x of target  {'MET' if r >= 1 else 'not met'}"


def table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in rows if len(r) > i) for i in range(max(map(len, rows)))]
    out = []
    for r in rows:
        out.append("  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip())
    return "\n".join(out)


def report_text(res: dict[str, Any]) -> str:
    env = res["environment"]
    lines = [
        "HITL lineage benchmark",
        f"  {env['python']} | SQLite {env['sqlite']} | orjson {env['orjson']} | "
        f"{env['cpus']} CPUs | {env['platform']}",
        f"  medians of {res['repeat']} runs, (min .. max) in brackets; wall clock unless "
        "marked CPU (CPU = this process's user+system time, all threads)",
        f"  load average at start {env['load_start']:.1f}, at end {env['load_end']:.1f}",
    ]
    cpus = env["cpus"] or 1
    if env["load_start"] > 0.5 * cpus or env["load_end"] > cpus:  # the benchmark adds ~1
        lines.append(
            "  NOTE: other processes were using the CPUs; wall-clock figures are pessimistic, "
            "CPU figures are the steadier ones"
        )
    lines += ["", "APPEND  item.imported through Workspace.append, fresh workspace per run"]
    rows = [("batch", "events/run", "events/s", "CPU µs/event", "vs 100k/s target")]
    for a in res["append"]:
        rows.append((f"{a['batch']:,}", f"{a['events']:,}", fmt_stats(a["events_per_s"]),
                     f"{a['cpu_us_per_event']['median']:6.1f}",
                     ratio(a["events_per_s"]["median"], APPEND_TARGET)))  # fmt: skip
    lines += ["  " + ln for ln in table(rows).splitlines()]
    lines += ["", "  per-stage wall time, µs/event (median), and share of the append"]
    rows = [("batch", *STAGES, "other", "total", "bound by")]
    for a in res["append"]:
        st = {k: v["median"] for k, v in a["stage_us_per_event"].items()}
        tot = sum(st.values())
        top = max(st, key=st.__getitem__)
        rows.append((f"{a['batch']:,}",
                     *(f"{st[s]:6.1f} {st[s] / tot:4.0%}" for s in (*STAGES, "other")),
                     f"{tot:6.1f}", top))  # fmt: skip
    lines += ["  " + ln for ln in table(rows).splitlines()]
    lines += [
        "  (build_batch = payload validation, canonical JSON, hashing, ids, clock, signing; "
        "insert = the events rows;",
        "   projections = all projection tables; commit = COMMIT incl. WAL writes and "
        "checkpoints; other = BEGIN, thread hand-off)",
        "",
        "  build_batch pieces timed in isolation, µs/event (median)",
    ]
    rows = [(name, f"{v['median']:6.2f}") for name, v in res["build_parts"].items()]
    lines += ["    " + ln for ln in table(rows).splitlines()]

    lg = res["log"]
    b = lg["build"]
    n = b["events"]
    scale = REBUILD_TARGET_EVENTS / n
    lines += [
        "",
        f"LOG OF {n:,} EVENTS, built once by appending batches of 10,000 (a fixture, one run):",
        f"  {b['seconds']:.1f} s = {b['events_per_s']:,.0f} events/s; the last 10% at "
        f"{b['last_10pct_events_per_s']:,.0f} events/s ({b['last_10pct_cpu_us_per_event']:.0f} "
        "CPU µs/event)",
        f"  workspace.db {b['db_bytes'] / 2**20:,.1f} MiB = {b['db_bytes_per_event']:,.0f} "
        f"bytes/event (after a checkpoint; the WAL was {b['wal_bytes_before_checkpoint'] / 2**20:,.1f} "
        "MiB before)",
    ]
    if "bytes_by_table" in b:
        parts = ", ".join(f"{k} {v / n:,.0f}" for k, v in list(b["bytes_by_table"].items())[:6])
        lines.append(f"  bytes/event by table or index: {parts}")
    v = lg["verify"]
    rows = [
        ("verify", "events/s", "seconds", "CPU s", "vs 100k/s target"),
        ("strict", fmt_stats(v["strict_events_per_s"]), fmt_stats(v["strict_seconds"], " s", 2),
         f"{v['strict_cpu_seconds']['median']:.2f}",
         ratio(v["strict_events_per_s"]["median"], VERIFY_TARGET)),
        ("fast (strict=False)", fmt_stats(v["fast_events_per_s"]),
         fmt_stats(v["fast_seconds"], " s", 2), f"{v['fast_cpu_seconds']['median']:.2f}",
         ratio(v["fast_events_per_s"]["median"], VERIFY_TARGET)),
    ]  # fmt: skip
    lines += ["", *("  " + ln for ln in table(rows).splitlines())]
    lines.append(
        f"    of which: reading the rows {v['read_rows_seconds']['median']:.2f} s, "
        f"PRAGMA integrity_check {v['integrity_check_seconds']['median']:.2f} s; the rest is "
        "SHA-256, JSON parsing, chain checks, and (strict) canonical re-encoding"
    )
    rb = lg["rebuild"]
    est = rb["seconds"]["median"] * scale
    lines += [
        "",
        f"  rebuild  {fmt_stats(rb['seconds'], ' s', 2)}  = {rb['events_per_s']['median']:,.0f} "
        f"events/s, CPU {rb['cpu_seconds']['median']:.2f} s",
    ]
    if n >= REBUILD_TARGET_EVENTS * 0.99:
        lines.append(
            f"    1M events in {est:.1f} s: {ratio(est, REBUILD_TARGET_S, lower_is_better=True)}"
        )
    else:
        lines.append(
            f"    EXTRAPOLATED linearly x{scale:.1f} from {n:,} events, NOT measured at 1M: "
            f"~{est:.1f} s for 1M, {ratio(est, REBUILD_TARGET_S, lower_is_better=True)} "
            "(at 1M the random-index working set is larger; expect worse)"
        )
    lines.append(
        f"    of which: reading + parsing the events {rb['read_parse_seconds']['median']:.2f} s, "
        f"projection digests (before and after) 2 x {rb['projection_digest_seconds']['median']:.2f} s; "
        "the rest is SQLite inserts into the projections, index builds and the commit"
    )
    lines.append(f"    WAL left after the rebuild: {rb['wal_bytes_after'] / 2**20:,.1f} MiB")
    lines += [
        "",
        f"PEAK RSS (high-water mark) after the append runs {res['peak_rss_mib_after_append']:,.0f} MiB, "
        f"the log build {lg['peak_rss_mib_after_build']:,.0f}, verify "
        f"{lg['peak_rss_mib_after_verify']:,.0f}, rebuild {lg['peak_rss_mib_after_rebuild']:,.0f}; "
        f"{res['peak_rss_mib']:,.0f} MiB at the end (the isolated build_batch timings hold their drafts)",
        f"total benchmark time {res['seconds']:.0f} s",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--events", type=int, default=50_000, help="events per append run (50,000)")
    ap.add_argument("--batch", type=int, default=1_000, help="main append batch size (1,000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (3)")
    ap.add_argument("--rebuild-events", type=int, default=None,
                    help="events in the verify/rebuild log (1,000,000)")  # fmt: skip
    ap.add_argument("--quick", action="store_true",
                    help="log of 100,000 events; the 1M rebuild figure is extrapolated")  # fmt: skip
    ap.add_argument("--json", action="store_true", help="print the results as JSON instead")
    ap.add_argument("--dir", default=None, help="where to put the scratch workspaces (a temp dir)")
    args = ap.parse_args(argv)
    log_events = args.rebuild_events or (100_000 if args.quick else REBUILD_TARGET_EVENTS)

    install_memory_keyring()
    load_start = os.getloadavg()[0]
    scratch = Scratch(args.dir)
    t0 = time.perf_counter()
    try:
        batches = sorted({1, args.batch, 10_000})
        appends = []
        for b in batches:
            events = min(args.events, SINGLE_EVENT_CAP) if b == 1 else max(args.events, b)
            appends.append(bench_append(scratch, b, events, args.repeat))
        rss_append = peak_rss_mib()
        log_res = bench_log(scratch, log_events, args.repeat)
        parts = bench_build_parts(min(args.events, 5_000), args.repeat)  # last: it holds drafts
    finally:
        scratch.cleanup()
    res = {
        "environment": {
            "python": f"Python {platform.python_version()}",
            "sqlite": sqlite3.sqlite_version,
            "orjson": orjson.__version__,
            "cpus": os.cpu_count(),
            "platform": platform.platform(terse=True),
            "load_start": load_start,
            "load_end": os.getloadavg()[0],
        },
        "repeat": args.repeat,
        "targets": {
            "append_events_per_s": APPEND_TARGET,
            "verify_events_per_s": VERIFY_TARGET,
            "rebuild_1m_seconds": REBUILD_TARGET_S,
        },
        "append": appends,
        "build_parts": parts,
        "log": log_res,
        "rebuild_1m_seconds_estimate": log_res["rebuild"]["seconds"]["median"]
        * REBUILD_TARGET_EVENTS
        / log_res["build"]["events"],
        "rebuild_1m_extrapolated": log_res["build"]["events"] < REBUILD_TARGET_EVENTS * 0.99,
        "peak_rss_mib_after_append": rss_append,
        "peak_rss_mib": peak_rss_mib(),
        "seconds": time.perf_counter() - t0,
    }
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        print(report_text(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
