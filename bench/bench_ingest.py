"""Ingest benchmark: folder import throughput against ``sha256sum``, PDF pages/s, memory.

    .venv/bin/python bench/bench_ingest.py [--images N] [--pdf-pages P] [--workers W]
                                           [--sample S] [--repeat R] [--quick] [--json]
                                           [--data DIR] [--dir DIR]

1. Generates N document-like images of 1000 x 800 (half grey PNG, half colour JPEG: white
   paper, lines of dark "text" strokes, noise; distinct per index) and a P-page PDF with a text
   layer. Generation is not timed; with ``--data DIR`` the files are kept and reused.
2. ``sha256sum`` over the same files (one process fed by ``xargs``, warm page cache): median
   of R runs. This is the floor: the importer reads and hashes every byte too.
3. The real import (``hitl_desktop.ingest.import_paths``, W workers, 0 = one per core) into a
   fresh workspace, first of N/4 files and then of all N, each in a fresh process so that
   ``getrusage`` peak RSS (RUSAGE_SELF: the importing process; RUSAGE_CHILDREN: the largest
   worker) belongs to that run alone. RSS is also sampled at 25/50/75/100 % of each run.
   Memory is flat when the N run peaks no higher than the N/4 run.
4. The PDF imported the same way: pages/s at the default 200 dpi.
5. Per-stage cost per file, by wrapping the functions ``prepare.py`` calls and running
   ``prepare_file`` inline on a sample of S files (R runs, median of the per-run means; wall
   and CPU time, so I/O waits such as fsync show). The parent's share (``_record``: dedup
   lookups and drafts; ``Workspace.append``: signing, hash chain, commit) is timed the same way.

Only the keyring is replaced (in memory); workspaces live in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
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

import cv2  # noqa: E402
from _ingest_data import HEIGHT, WIDTH, prepare_data, text_pdf  # noqa: E402
from _ingest_stages import StageTimer, _worker_targets, patched  # noqa: E402
from _support import Stats, install_memory_keyring  # noqa: E402

from hitl_desktop.ingest import ImportOptions, import_paths  # noqa: E402
from hitl_desktop.workspace import Profile, Workspace  # noqa: E402

RATIO_TARGET = 3.0  # import time / sha256sum time
PROFILE = Profile("bench", "worker")


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def _spawn():  # type: ignore[no-untyped-def]
    import multiprocessing

    return multiprocessing.get_context("spawn")


# --------------------------------------------------------------------------- sha256sum floor
def bench_sha256sum(files: list[Path], repeat: int, scratch: Path) -> dict[str, Any]:
    listing = scratch / "files.list0"
    listing.write_bytes(b"".join(os.fsencode(f) + b"\0" for f in files))
    times = []
    for _ in range(repeat):
        with open(listing, "rb") as stdin:
            t = time.perf_counter()
            subprocess.run(
                ["xargs", "-0", "sha256sum"], stdin=stdin, stdout=subprocess.DEVNULL, check=True
            )
            times.append(time.perf_counter() - t)
    return {"seconds": Stats.of(times).as_dict(), "files": len(files)}


# --------------------------------------------------------------------------- imports (child)
def _proc_kib(pid: int | str, key: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _worker_pids() -> list[int]:
    pids: list[int] = []
    try:
        for task in os.listdir("/proc/self/task"):
            with open(f"/proc/self/task/{task}/children") as f:
                pids += [int(p) for p in f.read().split()]
    except OSError:
        return pids
    out = []
    for pid in pids:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if b"resource_tracker" in f.read():
                    continue
        except OSError:
            continue
        out.append(pid)
    return out


def _rss_snapshot(done: int, total: int) -> dict[str, Any]:
    workers = [_proc_kib(p, "VmRSS") / 1024 for p in _worker_pids()]
    return {
        "done": done,
        "of": total,
        "parent_rss_mib": _proc_kib("self", "VmRSS") / 1024,
        "workers": len(workers),
        "worker_rss_mib_max": max(workers, default=0.0),
        "worker_rss_mib_sum": sum(workers),
    }


def child_import(spec: dict[str, Any]) -> dict[str, Any]:
    """Runs in a fresh process: one import into a fresh workspace, with its own rusage."""
    install_memory_keyring()
    files = [Path(p) for p in spec["files"]]
    ws = Workspace.create(Path(spec["workspace"]), name="bench", profile=PROFILE)
    events_before = ws.reader().execute("SELECT count(*) FROM events").fetchone()[0]
    marks = {max(1, round(len(files) * q)) for q in (0.25, 0.5, 0.75, 1.0)}
    samples: list[dict[str, Any]] = []

    def progress(done: int, total: int, _current: str) -> None:
        if done in marks:
            samples.append(_rss_snapshot(done, total))

    before = resource.getrusage(resource.RUSAGE_SELF)
    t = time.perf_counter()
    report = import_paths(
        ws, files, ImportOptions(workers=spec["workers"], source="bench"), progress=progress
    )
    wall = time.perf_counter() - t
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    events = ws.reader().execute("SELECT count(*) FROM events").fetchone()[0] - events_before
    ws.close()
    return {
        "files": len(files),
        "seconds": wall,
        "counts": report.counts(),
        "items": report.items_created,
        "events": events,
        "parent_cpu_s": me.ru_utime + me.ru_stime - before.ru_utime - before.ru_stime,
        "workers_cpu_s": kids.ru_utime + kids.ru_stime,
        "parent_peak_rss_mib": me.ru_maxrss / 1024,
        "worker_peak_rss_mib": kids.ru_maxrss / 1024,
        "samples": samples,
        "workers": spec["workers"] or os.cpu_count(),
    }


def run_import(files: list[Path], workers: int, scratch: Path, label: str) -> dict[str, Any]:
    ws_dir = scratch / f"ws-{label}"
    spec_path = scratch / f"spec-{label}.json"
    spec_path.write_text(
        json.dumps({"files": [str(f) for f in files], "workers": workers, "workspace": str(ws_dir)})
    )
    log(f"import {label}: {len(files):,} file(s), workers={workers or 'default'}")
    proc = subprocess.run(
        [sys.executable, __file__, "--_child-import", str(spec_path)],
        stdout=subprocess.PIPE,
        check=True,
    )
    shutil.rmtree(ws_dir, ignore_errors=True)
    res = json.loads(proc.stdout.decode().strip().splitlines()[-1])
    ok = res["counts"].get("imported", 0)
    if ok != len(files):
        raise RuntimeError(f"import {label}: only {ok} of {len(files)} imported: {res['counts']}")
    log(f"  {res['seconds']:.1f} s, {len(files) / res['seconds']:,.1f} files/s")
    return res


def breakdown(
    files: list[Path], scratch: Path, repeat: int, label: str, options: ImportOptions
) -> dict[str, Any]:
    """Per-file (or per-page) cost of each stage: median over ``repeat`` runs of the means."""
    from hitl_desktop.ingest import importer, prepare

    cv2.setNumThreads(1)  # as in the workers
    per_run: list[dict[str, dict[str, float]]] = []
    units = 0
    for r in range(repeat):
        ws = Workspace.create(scratch / f"bd-{label}-{r}", name="bench", profile=PROFILE)
        ctx = prepare._Context(ws.path)
        timer = StageTimer()
        prepared = []
        with patched(_worker_targets(timer)):
            for f in files:
                t, c = time.perf_counter(), time.process_time()
                p = prepare.prepare_file(ctx, f, options)
                timer.add("(prepare_file total)", time.perf_counter() - t, time.process_time() - c)
                if p.status != "ready":
                    raise RuntimeError(f"{f}: {p.status} {p.reason}")
                t, c = time.perf_counter(), time.process_time()
                p = pickle.loads(pickle.dumps(p))
                pickle.loads(pickle.dumps((str(f), options)))
                timer.add(
                    "IPC (pickle round trip)", time.perf_counter() - t, time.process_time() - c
                )
                prepared.append(p)
        near = importer._NearDuplicates(ws, options.near_duplicate_bits)
        state = importer._RunState()
        batch: list[Any] = []
        record = timer.wrap("parent: dedup + drafts (_record)", importer._record)
        append = timer.wrap("parent: append (sign, chain, commit)", ws.append)
        for p in prepared:
            record(ws, p, options, near, state, batch)
            if len(batch) >= options.batch_size:
                append(batch)
                batch = []
        if batch:
            append(batch)
        units = max(1, sum(max(1, len(p.parts)) for p in prepared))
        ws.close()
        shutil.rmtree(ws.path, ignore_errors=True)
        inner = [
            s for s in timer.wall if not s.startswith(("(", "IPC", "parent"))
        ]  # stages inside prepare_file
        wall = {s: v / units for s, v in timer.wall.items()}
        cpu = {s: v / units for s, v in timer.cpu.items()}
        wall["other (conversions, glue)"] = wall["(prepare_file total)"] - sum(
            wall[s] for s in inner
        )
        cpu["other (conversions, glue)"] = cpu["(prepare_file total)"] - sum(cpu[s] for s in inner)
        per_run.append({"wall": wall, "cpu": cpu})
        log(
            f"breakdown {label} run {r + 1}/{repeat}: {wall['(prepare_file total)'] * 1e3:.1f} ms/unit"
        )
    stages = list(per_run[0]["wall"])
    return {
        "label": label,
        "units": units,
        "wall_ms": {s: statistics.median(r["wall"][s] for r in per_run) * 1e3 for s in stages},
        "cpu_ms": {s: statistics.median(r["cpu"][s] for r in per_run) * 1e3 for s in stages},
    }


# --------------------------------------------------------------------------- report
def table(rows: list[tuple[str, ...]], right: int = 1) -> list[str]:
    widths = [max(len(r[i]) for r in rows if len(r) > i) for i in range(max(map(len, rows)))]
    return [
        "  ".join(c.ljust(widths[i]) if i < right else c.rjust(widths[i]) for i, c in enumerate(r))
        for r in rows
    ]


ORDER = [
    "hash (read + sha256)", "sniff", "known? (SQLite lookup)", "decode",
    "render page + text layer", "stats", "page PNG encode", "thumbnail (resize + encode)",
    "thumbnail write", "blob write (copy + fsync)", "other (conversions, glue)",
]  # fmt: skip
PARENT = ["IPC (pickle round trip)", "parent: dedup + drafts (_record)",
          "parent: append (sign, chain, commit)"]  # fmt: skip


def breakdown_rows(bds: list[dict[str, Any]]) -> tuple[list[str], dict[str, float]]:
    """Rows for several breakdowns side by side; returns the lines and the worker/parent sums."""
    head: tuple[str, ...] = ("stage",)
    for b in bds:
        head += (f"{b['label']} wall ms", "cpu ms", "share")
    rows: list[tuple[str, ...]] = [head]
    sums: dict[str, float] = {}
    present = [s for s in ORDER + PARENT if any(s in b["wall_ms"] for b in bds)]
    for s in present:
        if s == PARENT[0]:
            rows.append(("-- parent process (serial) --",))
        row: tuple[str, ...] = (s,)
        for b in bds:
            tot = b["wall_ms"]["(prepare_file total)"]
            w, c = b["wall_ms"].get(s), b["cpu_ms"].get(s)
            share = f"{w / tot:4.0%}" if w is not None and s in ORDER else ""
            row += (
                f"{w:7.2f}" if w is not None else "-",
                f"{c:6.2f}" if c is not None else "-",
                share,
            )
        rows.append(row)
    row = ("worker total (prepare_file)",)
    for b in bds:
        row += (f"{b['wall_ms']['(prepare_file total)']:7.2f}",
                f"{b['cpu_ms']['(prepare_file total)']:6.2f}", "100%")  # fmt: skip
        sums[b["label"]] = b["wall_ms"]["(prepare_file total)"]
    rows.insert(len([s for s in present if s in ORDER]) + 1, row)
    return table(rows), sums


def rss_line(res: dict[str, Any]) -> list[str]:
    out = []
    for s in res["samples"]:
        out.append(
            f"      at {s['done'] / s['of']:4.0%} ({s['done']:>6,} files): parent {s['parent_rss_mib']:6.0f} MiB, "
            f"{s['workers']} workers {s['worker_rss_mib_max']:5.0f} MiB max / {s['worker_rss_mib_sum']:5.0f} MiB sum"
        )
    return out


def report_text(res: dict[str, Any]) -> str:
    env = res["environment"]
    n = res["images"]
    sha = res["sha256sum"]["seconds"]["median"]
    full, quarter = res["import"]["full"], res["import"]["quarter"]
    lines = [
        "HITL ingest benchmark",
        f"  {env['python']} | Pillow {env['pillow']} | OpenCV {env['opencv']} | pdfium {env['pdfium']}"
        f" | {env['cpus']} CPUs | {env['platform']}",
        f"  load average {env.get('load_before', 0):.1f} before, {env.get('load_after', 0):.1f} after"
        " (above 0 = other processes competed for the CPUs: throughput is understated)",
        f"  {n:,} images {WIDTH} x {HEIGHT} (half grey PNG, half colour JPEG), "
        f"{res['bytes'] / 2**20:,.0f} MiB, {res['bytes'] / n / 1024:,.0f} KiB/file avg; "
        f"generated in {res['generation_s']:.0f} s (not counted)",
        "",
        "FOLDER IMPORT vs sha256sum (same files, warm page cache)",
    ]
    rows: list[tuple[str, ...]] = [("", "files", "seconds", "files/s", "MiB/s", "vs sha256sum")]
    s = res["sha256sum"]["seconds"]
    rows.append(("sha256sum (xargs, 1 process)", f"{n:,}",
                 f"{s['median']:.2f} ({s['min']:.2f}..{s['max']:.2f})",
                 f"{n / sha:,.0f}", f"{res['bytes'] / 2**20 / sha:,.0f}", "1.0x"))  # fmt: skip
    for key in ("quarter", "full"):
        r = res["import"][key]
        frac = r["files"] / n
        rows.append((f"import_paths, {r['workers']} workers", f"{r['files']:,}", f"{r['seconds']:.2f}",
                     f"{r['files'] / r['seconds']:,.1f}", f"{res['bytes'] * frac / 2**20 / r['seconds']:,.1f}",
                     f"{r['seconds'] / (sha * frac):.1f}x"))  # fmt: skip
    lines += ["  " + ln for ln in table(rows)]
    ratio = full["seconds"] / sha
    lines.append(
        f"  ratio import / sha256sum = {ratio:.1f}x (target <= {RATIO_TARGET:.0f}x: "
        f"{'MET' if ratio <= RATIO_TARGET else 'not met'}); "
        f"sha256sum: median of {res['sha256sum']['seconds']['runs']}"
    )
    lines.append(
        f"  CPU per file: workers {full['workers_cpu_s'] / full['files'] * 1e3:.1f} ms, "
        f"parent {full['parent_cpu_s'] / full['files'] * 1e3:.1f} ms "
        f"(= {env['cpus'] / ((full['workers_cpu_s'] + full['parent_cpu_s']) / full['files']):,.0f} files/s "
        f"if all {env['cpus']} cores were busy with it)"
    )
    lines += ["", "MEMORY  peak RSS (getrusage; each import in its own process)"]
    rows = [("run", "parent peak", "largest worker peak")]
    for key in ("quarter", "full"):
        r = res["import"][key]
        rows.append((f"{r['files']:,} files", f"{r['parent_peak_rss_mib']:.0f} MiB",
                     f"{r['worker_peak_rss_mib']:.0f} MiB"))  # fmt: skip
    lines += ["  " + ln for ln in table(rows)]
    growth_p = full["parent_peak_rss_mib"] - quarter["parent_peak_rss_mib"]
    growth_w = full["worker_peak_rss_mib"] - quarter["worker_peak_rss_mib"]
    lines.append(
        f"  N/4 -> N: parent {growth_p:+.0f} MiB ({growth_p * 1024 / max(1, n - quarter['files']):+.2f} KiB/file), "
        f"workers {growth_w:+.0f} MiB"
    )
    lines.append("  current RSS during the full run:")
    lines += rss_line(full)

    p = res["pdf"]
    lines += [
        "",
        f"PDF  {p['pages']} pages with a text layer, rendered at {res['dpi']} dpi "
        f"({res['pdf_bytes'] / 1024:,.0f} KiB file)",
        f"  {p['seconds']:.2f} s = {p['pages'] / p['seconds']:.1f} pages/s "
        f"(one file: its pages are rendered one after another by one worker); "
        f"peak RSS parent {p['parent_peak_rss_mib']:.0f} MiB, worker {p['worker_peak_rss_mib']:.0f} MiB",
    ]

    lines += [
        "",
        f"PER-FILE STAGES  prepare_file inline on {res['sample']} images and {res['pdf_sample']} PDF pages, "
        f"median of {res['repeat']} runs (ms per file / per page)",
    ]
    tbl, _ = breakdown_rows(res["breakdown"])
    lines += ["  " + ln for ln in tbl]
    lines += ["", "WHAT BOUNDS THROUGHPUT"] + ["  " + ln for ln in res["bound"]]
    lines += ["", f"total benchmark time {res['seconds']:.0f} s"]
    return "\n".join(lines)


def analyse(res: dict[str, Any]) -> list[str]:
    cpus = res["environment"]["cpus"]
    full = res["import"]["full"]
    img = next(b for b in res["breakdown"] if b["label"] == "images")
    w = img["wall_ms"]
    worker_cpu = img["cpu_ms"]["(prepare_file total)"]
    parent = sum(w.get(s, 0.0) for s in PARENT)
    stages = sorted(((s, w[s]) for s in ORDER if s in w), key=lambda x: -x[1])
    io_wait = w["(prepare_file total)"] - worker_cpu
    measured = full["files"] / full["seconds"]
    out = [
        f"worker: {w['(prepare_file total)']:.1f} ms/file wall, {worker_cpu:.1f} ms CPU "
        f"({io_wait:.1f} ms not on a CPU: fsync waits, or CPU taken by other processes); "
        f"parent: {parent:.2f} ms/file (serial)",
        "largest stages: "
        + ", ".join(f"{s} {v:.1f} ms ({v / w['(prepare_file total)']:.0%})" for s, v in stages[:4]),
        f"CPU model: {cpus} cores / ({worker_cpu:.1f} + {parent:.2f}) ms "
        f"= {cpus / (worker_cpu + parent) * 1e3:,.0f} files/s; measured {measured:,.0f} files/s "
        f"with {full['workers']} workers",
        f"sha256sum needs {res['sha256sum']['seconds']['median'] / res['images'] * 1e3:.2f} ms/file; "
        f"decoding alone is {w.get('decode', 0):.1f} ms/file, so the {RATIO_TARGET:.0f}x target would need "
        f"the whole per-file work under {3 * res['sha256sum']['seconds']['median'] / res['images'] * 1e3 * cpus:.2f} ms "
        f"of CPU on {cpus} cores",
    ]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--images", type=int, default=None, help="images to import (10,000)")
    ap.add_argument("--pdf-pages", type=int, default=None, help="pages of the PDF (200)")
    ap.add_argument("--workers", type=int, default=0, help="import workers (0: one per core)")
    ap.add_argument("--sample", type=int, default=100, help="images in the stage breakdown (100)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of sha256sum and breakdown (3)")
    ap.add_argument("--quick", action="store_true", help="1,000 images and a 50-page PDF")
    ap.add_argument("--json", action="store_true", help="print the results as JSON instead")
    ap.add_argument("--data", default=None, help="keep generated files here and reuse them")
    ap.add_argument("--dir", default=None, help="where to put scratch workspaces (a temp dir)")
    ap.add_argument("--_child-import", dest="child", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child_import(json.loads(Path(args.child).read_text()))))
        return 0
    n = args.images or (1_000 if args.quick else 10_000)
    pages = args.pdf_pages or (50 if args.quick else 200)

    install_memory_keyring()
    load_before = os.getloadavg()[0]
    scratch = Path(tempfile.mkdtemp(prefix="hitl-bench-ingest-", dir=args.dir))
    data = Path(args.data) if args.data else scratch / "data"
    t0 = time.perf_counter()
    try:
        gen = prepare_data(data, n, pages)
        files = gen["files"]
        log(f"sha256sum over {n:,} files x {args.repeat}")
        sha = bench_sha256sum(files, args.repeat, scratch)
        quarter = run_import(files[: max(1, n // 4)], args.workers, scratch, "quarter")
        full = run_import(files, args.workers, scratch, "full")
        pdf_res = run_import([gen["pdf"]], args.workers, scratch, "pdf")
        pdf_res["pages"] = pdf_res["items"] - 1
        options = ImportOptions(source="bench")
        sample = files[: min(args.sample, n)]
        bds = [breakdown(sample, scratch, args.repeat, "images", options)]
        pdf_sample = scratch / "sample.pdf"
        pdf_sample.write_bytes(text_pdf(10, seed=1))
        bds.append(breakdown([pdf_sample], scratch, args.repeat, "PDF pages", options))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    import pypdfium2
    from PIL import Image

    res: dict[str, Any] = {
        "environment": {
            "python": f"Python {platform.python_version()}",
            "pillow": Image.__version__,
            "opencv": cv2.__version__,
            "pdfium": str(pypdfium2.version.PDFIUM_INFO),
            "cpus": os.cpu_count(),
            "platform": platform.platform(terse=True),
            "load_before": load_before,
            "load_after": os.getloadavg()[0],
        },
        "images": n,
        "bytes": gen["bytes"],
        "generation_s": gen["generation_s"],
        "pdf_bytes": gen["pdf_bytes"],
        "dpi": options.dpi,
        "repeat": args.repeat,
        "sample": len(sample),
        "pdf_sample": bds[1]["units"],
        "sha256sum": sha,
        "import": {"quarter": quarter, "full": full},
        "ratio_import_to_sha256sum": full["seconds"] / sha["seconds"]["median"],
        "pdf": pdf_res,
        "breakdown": bds,
    }
    res["bound"] = analyse(res)
    res["seconds"] = time.perf_counter() - t0
    if args.json:
        print(json.dumps(res, indent=2, default=str))
    else:
        print(report_text(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
