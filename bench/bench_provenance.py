"""Provenance benchmark: an item's graph, the dataset flow and the PROV / OpenLineage exports.

    .venv/bin/python bench/bench_provenance.py [--items N] [--revisions R] [--pages P]
                                               [--runs 3] [--json]

A real workspace (temp folder) gets, through the normal append path (validated, hashed, signed,
every projection applied): N page items imported in batches of 500, each with an OCR reading
and a model's pre-label (batches of 500, as the runners append them), a worker's correction
and, for half of them, a checker's decision; one item corrected R times (each save its own
signed event: a long history); and one PDF whose P pages were derived in one signed batch (so
each page event is covered by the batch's signature, found by walking the chain).

Timed, median of ``--runs`` after one warm-up: ``item_provenance`` of a typical page, of the
long-history item and of the PDF (the whole graph: events, edges, signature checks), the
dataset flow, PROV-JSON of one item (in memory) and of the whole log (streamed to a file, as
`hitl prov` does), and the OpenLineage run events.
The GUI computes the graph off its thread; the figure to watch is the long history.
"""

from __future__ import annotations

import argparse
import hashlib
import json
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

from hitl_desktop.insights.flow import dataset_flow  # noqa: E402
from hitl_desktop.insights.openlineage import openlineage_events  # noqa: E402
from hitl_desktop.insights.prov_json import prov_document, write_prov_json  # noqa: E402
from hitl_desktop.insights.provenance import item_provenance  # noqa: E402
from hitl_desktop.lineage import Agent, EventDraft, Ref, Subject, uuid7  # noqa: E402
from hitl_desktop.workspace import Profile, Workspace  # noqa: E402

OCR = Agent("rapidocr", "3.10.0", "a" * 64, {"use_cls": False}, "cpu")
MODEL = Agent("layout-boxes", "1.2", "c" * 64, {"threshold": 0.5}, "cpu")
LINE = {"quad": [[10.0, 10.0], [200.0, 10.0], [200.0, 40.0], [10.0, 40.0]], "text": "TOTAL",
        "score": 0.9}  # fmt: skip
ANSWER = [{"attributes": {}, "id": "b1", "kind": "box", "label": "header",
           "origin": {"kind": "human"}, "shape": {"x0": 1.0, "y0": 2.0, "x1": 30.0, "y1": 9.0}}]  # fmt: skip


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _page(ws: Workspace, item: str, n: int, parent: str | None = None) -> EventDraft:
    payload: dict[str, Any] = {"kind": "image", "name": f"page-{n}.png", "media_type": "image/png",
                               "blob_sha256": _sha(f"page {n}"), "size_bytes": 1000 + n,
                               "source": "bench"}  # fmt: skip
    if parent is None:
        return ws.draft("item.imported", payload, subject=Subject(item),
                        outputs=[Ref("blob", payload["blob_sha256"], payload["blob_sha256"])])  # fmt: skip
    payload |= {"parent": parent, "transformation": "pdf.render", "parameters": {"dpi": 200}}
    return ws.draft("item.derived", payload, subject=Subject(item), inputs=[Ref("item", parent)])


def build(path: Path, items: int, revisions: int, pages: int) -> dict[str, str]:
    ws = Workspace.create(path, name="bench", profile=Profile("importer", "admin"))
    ids = [uuid7() for _ in range(items)]
    for start in range(0, items, 500):
        chunk = list(enumerate(ids))[start : start + 500]
        ws.append([_page(ws, i, n) for n, i in chunk])
        ws.append([ws.draft("ocr.ran", {"image_sha256": _sha(f"page {n}"), "width": 800,
                                        "height": 1000, "lines": [LINE]},
                            subject=Subject(i), agent=OCR, actor="model:rapidocr@3.10.0",
                            inputs=[Ref("item", i, _sha(f"page {n}"))]) for n, i in chunk])  # fmt: skip
        ws.append([ws.draft("prelabel.made", {"model_id": "layout@cccccccccccc",
                                              "image_sha256": _sha(f"page {n}"), "boxes": []},
                            subject=Subject(i), agent=MODEL, actor="model:layout@cccccccccccc")
                   for n, i in chunk])  # fmt: skip
    ws.set_profile(Profile("ana", "worker"))
    heads = {}
    for start in range(0, items, 500):
        done = ws.append([ws.draft("annotation.revised", {"annotations": ANSWER},
                                   subject=Subject(i)) for i in ids[start : start + 500]])  # fmt: skip
        heads.update({e.subject_item: e.hash for e in done})
    ws.set_profile(Profile("chris", "checker"))
    decided = ids[: items // 2]
    for start in range(0, len(decided), 500):
        ws.append([ws.draft("review.decided", {"decision": "accept", "chosen": [heads[i]],
                                               "annotations": ANSWER, "task": "spot_check"},
                            subject=Subject(i), base=[heads[i]])
                   for i in decided[start : start + 500]])  # fmt: skip
    ws.set_profile(Profile("ana", "worker"))
    long_item = ids[-1]
    base = heads[long_item]
    for _ in range(revisions):  # each save its own signed batch, as in the editor
        [e] = ws.append([ws.draft("annotation.revised", {"annotations": ANSWER},
                                  subject=Subject(long_item), base=[base])])  # fmt: skip
        base = e.hash
    ws.set_profile(Profile("importer", "admin"))
    pdf = uuid7()
    ws.append([_page(ws, pdf, 10**6), *(_page(ws, uuid7(), 10**6 + k, pdf)
                                        for k in range(1, pages + 1))])  # fmt: skip
    ws.close()
    return {"page": ids[0], "long": long_item, "pdf": pdf}


def timed(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up: SQLite pages cached, modules imported
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return round(statistics.median(times), 4)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--revisions", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    install_memory_keyring()
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        ids = build(Path(tmp) / "ws", args.items, args.revisions, args.pages)
        built = time.perf_counter() - t
        ws = Workspace.open(Path(tmp) / "ws", readonly=True)
        conn = ws.reader()
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        figures: dict[str, Any] = {"events": events, "build_s": round(built, 1)}
        figures["graph_page_s"] = timed(lambda: item_provenance(conn, ids["page"]), args.runs)
        figures["graph_long_history_s"] = timed(
            lambda: item_provenance(conn, ids["long"]), args.runs)  # fmt: skip
        figures["graph_pdf_s"] = timed(lambda: item_provenance(conn, ids["pdf"]), args.runs)
        figures["flow_s"] = timed(lambda: dataset_flow(conn), args.runs)
        figures["prov_item_s"] = timed(lambda: prov_document(conn, ids["long"]), args.runs)
        out = Path(tmp) / "log.prov.json"
        figures["prov_whole_log_s"] = timed(lambda: write_prov_json(conn, out), args.runs)
        figures["prov_whole_log_mb"] = round(out.stat().st_size / 2**20, 1)
        figures["openlineage_s"] = timed(
            lambda: list(openlineage_events(conn, ws.project_id)), args.runs)  # fmt: skip
        graph = item_provenance(conn, ids["long"])
        figures["long_history_nodes"] = len(graph.nodes)
        figures["pdf_nodes"] = len(item_provenance(conn, ids["pdf"]).nodes)
        ws.close()
    if args.json:
        print(json.dumps(figures))
        return
    for key, value in figures.items():
        print(f"{key:>24}: {value}")


if __name__ == "__main__":
    main()
