"""GUI benchmark: cold start to the main window shown, and opening a workspace of 1M items.

    .venv/bin/python bench/bench_gui.py [--quick] [--runs N] [--items N] [--workdir DIR]
                                        [--profile] [--json]

start: the demo workspace (``create_demo_workspace`` without prepare, made once) is opened in
a fresh Python process, built the way ``run_gui`` builds the app: ``application()``,
``open_workspace``, ``MainWindow``, ``show()``, then the event loop runs until the window and
the item table have painted. Measured from just before the parent spawns the child to the
first paint, so interpreter start and every import count. The import share is the time until
the imports are done; one extra run under ``python -X importtime`` names the heaviest packages.
open: a workspace of 1,000,000 items (100,000 with --quick), made once through the real
``Workspace.append`` of item.imported drafts (one shared small blob) and cached in
--workdir (default bench/results/gui, gitignored), is opened in a fresh process: imports
are done first (not timed here, see start), then ``open_workspace`` + ``MainWindow`` + show
until the first page of the item table is painted.
Children run with QT_QPA_PLATFORM=offscreen, an in-memory keyring that holds the device key
the workspace was made with (so opening enrols no new device), and QSettings under
--workdir (a first run: no saved layout).
Targets (issue 5): start < 1.5 s, open < 1 s.
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
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
START_TARGET_S = 1.5
OPEN_TARGET_S = 1.0
FULL_ITEMS = 1_000_000
QUICK_ITEMS = 100_000
BATCH = 20_000
PAINT_TIMEOUT_S = 60.0


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- child side
def _child(mode: str, ws_path: Path, workdir: Path, spawned: float, profile: bool) -> None:
    """Runs in a fresh process; prints one JSON line with the phase times (seconds)."""
    marks: dict[str, float] = {}
    t_import = time.time()
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    from _support import install_memory_keyring
    from PySide6.QtCore import QEvent, QObject, QSettings
    from PySide6.QtWidgets import QApplication

    from hitl_desktop.gui.app import application
    from hitl_desktop.gui.main_window import MainWindow
    from hitl_desktop.gui.opening import open_workspace

    marks["imports"] = time.time()

    class Painted(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.at: float | None = None

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and self.at is None:
                self.at = time.time()
            return False

    keys = install_memory_keyring()
    key_file = workdir / "device-keys.json"
    if key_file.is_file():  # the key the workspace was made with, as the OS keyring would hold
        for service, user, secret in json.loads(key_file.read_text()):
            keys.set_password(service, user, secret)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(workdir / "settings"))
    app = application(offscreen_if_headless=True)
    marks["app"] = time.time()
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    opened = open_workspace(ws_path)
    marks["open_workspace"] = time.time()
    window = MainWindow(opened)
    marks["main_window"] = time.time()
    win_paint, table_paint = Painted(), Painted()
    window.installEventFilter(win_paint)
    window.browser.table.viewport().installEventFilter(table_paint)
    window.show()
    deadline = time.time() + PAINT_TIMEOUT_S
    while (win_paint.at is None or table_paint.at is None) and time.time() < deadline:
        app.processEvents()
    marks["painted"] = time.time()
    if prof is not None:
        import io
        import pstats

        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(25)
        print(out.getvalue(), file=sys.stderr)
    if win_paint.at is None or table_paint.at is None:
        raise SystemExit(f"the window did not paint within {PAINT_TIMEOUT_S:.0f} s")
    rows = window.model.rowCount()
    pages = window.model.pages_fetched
    window.close_workspace()
    QApplication.processEvents()
    res = {
        "mode": mode,
        "spawned_to_main_s": t_import - spawned,
        "imports_s": marks["imports"] - t_import,
        "app_s": marks["app"] - marks["imports"],
        "open_workspace_s": marks["open_workspace"] - marks["app"],
        "main_window_s": marks["main_window"] - marks["open_workspace"],
        "show_paint_s": marks["painted"] - marks["main_window"],
        "total_s": marks["painted"] - spawned,
        "open_total_s": marks["painted"] - marks["app"],
        "rows": rows,
        "pages_fetched": pages,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(json.dumps(res), flush=True)


def run_child(
    mode: str, ws: Path, workdir: Path, *, profile: bool = False, importtime: bool = False
) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HF_HUB_OFFLINE="1")
    argv = [sys.executable, *(["-X", "importtime"] if importtime else []), __file__]
    spawned = time.time()
    argv += ["--_child", mode, str(ws), str(workdir), repr(spawned)]
    if profile:
        argv.append("--profile")
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{mode} child failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    res: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    res["stderr"] = proc.stderr
    return res


def heaviest_imports(stderr: str, top: int = 8) -> list[tuple[str, float]]:
    """Cumulative import seconds per top-level package, from ``-X importtime`` output."""
    per: dict[str, float] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = line[len("import time:") :].split("|")
        try:
            self_us = int(parts[0])
        except ValueError:
            continue  # the header line
        name = parts[2].strip().split(".")
        pkg = ".".join(name[:2]) if name[0] == "hitl_desktop" else name[0]  # ours by subpackage
        per[pkg] = per.get(pkg, 0.0) + self_us / 1e6
    return sorted(per.items(), key=lambda kv: -kv[1])[:top]


# --------------------------------------------------------------------------- workspaces
def save_keys(workdir: Path, keys: Any) -> None:
    rows = [[s, u, p] for (s, u), p in keys.secrets.items()]
    path = workdir / "device-keys.json"
    old = json.loads(path.read_text()) if path.is_file() else []
    path.write_text(json.dumps(old + [r for r in rows if r not in old]))


def make_demo(workdir: Path) -> Path:
    """The demo workspace without prepare (made once, reused)."""
    path = workdir / "demo-ws"
    if (path / "done").is_file():
        return path
    shutil.rmtree(path, ignore_errors=True)
    from _support import install_memory_keyring

    from hitl_desktop.demo import create_demo_workspace

    keys = install_memory_keyring()
    with create_demo_workspace(path):
        pass
    save_keys(workdir, keys)
    (path / "done").write_text("")
    return path


def make_big(workdir: Path, items: int) -> tuple[Path, float]:
    """A workspace of ``items`` imported items, cached; (path, seconds spent making it)."""
    path = workdir / f"ws-{items}"
    if (path / "done").is_file():
        return path, 0.0
    shutil.rmtree(path, ignore_errors=True)
    from _support import install_memory_keyring

    from hitl_desktop.lineage import EventDraft, Ref, Subject, uuid7
    from hitl_desktop.workspace import Workspace

    keys = install_memory_keyring()
    log(f"making a workspace of {items:,} items in {path} (once; cached)")
    t = time.perf_counter()
    with Workspace.create(path, name=f"bench {items:,} items") as ws:
        blob = b"HITL bench item: the same small text for every item\n"
        sha = ws.blobs.put_bytes(blob)
        actor, role = ws.profile.name, ws.profile.role
        for start in range(0, items, BATCH):
            drafts = []
            for i in range(start, min(items, start + BATCH)):
                name = f"item-{i:07d}.txt"
                payload = {
                    "kind": "text", "name": name, "media_type": "text/plain; charset=utf-8",
                    "blob_sha256": sha, "size_bytes": len(blob), "source": "bench",
                    "provenance": {"source": "bench", "original_path": f"b{i // 1000:04d}/{name}"},
                }  # fmt: skip
                drafts.append(
                    EventDraft(type="item.imported", payload=payload, actor=actor, role=role,
                               subject=Subject(uuid7()), outputs=(Ref("blob", sha, sha),))
                )  # fmt: skip
            ws.append(drafts)
            if (start // BATCH) % 10 == 9:
                log(f"  {start + len(drafts):,} items")
    spent = time.perf_counter() - t
    save_keys(workdir, keys)
    (path / "done").write_text("")
    log(f"  made in {spent:.1f} s ({items / spent:,.0f} items/s)")
    return path, spent


# --------------------------------------------------------------------------- report
def stats(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def fmt(s: dict[str, float], unit: float = 1.0) -> str:
    return f"{s['median'] * unit:7.3f} ({s['min'] * unit:.3f} .. {s['max'] * unit:.3f})"


def table(rows: Sequence[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
                     for r in rows)  # fmt: skip


def summarise(runs: list[dict[str, Any]], keys: tuple[str, ...]) -> dict[str, Any]:
    return {k: stats([r[k] for r in runs]) for k in keys} | {
        "peak_rss_mib": max(r["peak_rss_mib"] for r in runs),
        "rows": runs[0]["rows"],
    }


PHASES = ("spawned_to_main_s", "imports_s", "app_s", "open_workspace_s", "main_window_s",
          "show_paint_s", "total_s", "open_total_s")  # fmt: skip


def report(res: dict[str, Any]) -> str:
    env = res["environment"]
    lines = [
        "HITL GUI benchmark (QT_QPA_PLATFORM=offscreen, fresh process per run)",
        f"  {env['python']} | PySide6 {env['pyside6']} | {env['cpus']} CPUs | {env['platform']}",
        f"  medians of {res['runs']} runs, (min .. max) in brackets, seconds of wall clock",
        f"  load average at start {env['load_start']:.2f}, at end {env['load_end']:.2f}",
    ]
    if env["load_start"] > 0.5 * env["cpus"]:
        lines.append("  NOTE: other processes were using the CPUs; figures are pessimistic")
    st, op = res["start"], res["open"]
    lines += ["", f"START  demo workspace ({st['rows']} items): process start to first paint"]
    rows: list[tuple[str, ...]] = [("phase", "median (min .. max)")]
    names = {"spawned_to_main_s": "interpreter start", "imports_s": "imports (Qt + app)",
             "app_s": "QApplication", "open_workspace_s": "open_workspace",
             "main_window_s": "MainWindow()", "show_paint_s": "show + first paint"}  # fmt: skip
    rows += [(names[k], fmt(st[k])) for k in names]
    lines += ["  " + ln for ln in table(rows).splitlines()]
    share = (st["spawned_to_main_s"]["median"] + st["imports_s"]["median"]) / st["total_s"][
        "median"
    ]
    lines.append(f"  imports share (interpreter + imports): {share:.0%} of the cold start")
    if res.get("heaviest_imports"):
        heavy = ", ".join(f"{p} {s:.2f}" for p, s in res["heaviest_imports"])
        lines.append(f"  heaviest imports (python -X importtime, s, one run): {heavy}")
    lines += ["", f"OPEN   {op['rows']:,} items{' (--quick)' if res['quick'] else ''}: "
              "open_workspace + MainWindow + show + first page of the item table painted"]  # fmt: skip
    rows = [("phase", "median (min .. max)")]
    rows += [(names[k], fmt(op[k])) for k in ("open_workspace_s", "main_window_s", "show_paint_s")]
    lines += ["  " + ln for ln in table(rows).splitlines()]
    lines.append(
        f"  first open of this process series (warm-up, not in the medians): "
        f"{res['first_open_s']:.3f} s"
    )
    if res.get("made_s"):
        lines.append(f"  (made the workspace in {res['made_s']:.1f} s, cached in {res['workdir']})")
    lines += ["", "SUMMARY"]
    rows = [("measure", "median (min .. max)", "target", "ratio", "peak RSS")]
    for label, s, key, target in (
        ("cold start to window shown", st, "total_s", START_TARGET_S),
        (f"open {op['rows']:,} items", op, "open_total_s", OPEN_TARGET_S),
    ):
        med = s[key]["median"]
        verdict = "ok" if med < target else "MISSED"
        rows.append((label, fmt(s[key]), f"< {target:g} s", f"{med / target:.2f}x {verdict}",
                     f"{s['peak_rss_mib']:.0f} MiB"))  # fmt: skip
    lines += ["  " + ln for ln in table(rows).splitlines()]
    return "\n".join(lines)


# --------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help=f"{QUICK_ITEMS:,} items, 5 runs")
    ap.add_argument("--runs", type=int, default=None, help="runs per measure (default 5 / 7)")
    ap.add_argument("--items", type=int, default=None, help="items in the big workspace")
    ap.add_argument("--workdir", type=Path, default=ROOT / "bench" / "results" / "gui")
    ap.add_argument("--profile", action="store_true", help="cProfile one open run (stderr)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--_child", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._child:
        mode, ws, child_dir, spawned = args._child
        _child(mode, Path(ws), Path(child_dir), float(spawned), args.profile)
        return 0
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    runs = args.runs or (5 if args.quick else 7)
    items = args.items or (QUICK_ITEMS if args.quick else FULL_ITEMS)
    workdir: Path = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    load_start = os.getloadavg()[0]
    demo = make_demo(workdir)
    big, made = make_big(workdir, items)
    run_child("start", demo, workdir)  # warms the OS file cache, as a second launch would
    starts = []
    for r in range(runs):
        starts.append(run_child("start", demo, workdir))
        log(f"start run {r + 1}/{runs}: {starts[-1]['total_s']:.3f} s")
    heavy = heaviest_imports(run_child("start", demo, workdir, importtime=True)["stderr"])
    first = run_child("open", big, workdir)  # the first open after making it: kept apart
    log(f"first open (warm-up, not in the medians): {first['open_total_s']:.3f} s "
        f"(open_workspace {first['open_workspace_s']:.3f}, MainWindow {first['main_window_s']:.3f})")  # fmt: skip
    opens = []
    for r in range(runs):
        opens.append(run_child("open", big, workdir))
        log(f"open run {r + 1}/{runs}: {opens[-1]['open_total_s']:.3f} s")
    if args.profile:
        print(run_child("open", big, workdir, profile=True)["stderr"], file=sys.stderr)
    import PySide6

    res = {
        "environment": {
            "python": platform.python_version(), "pyside6": PySide6.__version__,
            "cpus": os.cpu_count() or 1, "platform": platform.platform(),
            "load_start": load_start, "load_end": os.getloadavg()[0],
        },
        "quick": args.quick, "runs": runs, "workdir": str(workdir), "made_s": made,
        "start": summarise(starts, PHASES), "open": summarise(opens, PHASES),
        "heaviest_imports": heavy, "first_open_s": first["open_total_s"],
        "targets": {"start_s": START_TARGET_S, "open_s": OPEN_TARGET_S},
    }  # fmt: skip
    print(json.dumps(res, indent=2) if args.json else report(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
