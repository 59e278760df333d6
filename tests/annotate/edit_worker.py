"""Child process for the kill tests: edits an item, autosaves and saves, reporting each step.

``autosave``: one edit, autosaved, then a second edit left in progress; waits to be killed.
``save-loop``: recovers any draft, then adds a point, autosaves and saves, over and over.
Each line is printed only after the step returned (committed).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from hitl_desktop.annotate import (
    Annotation,
    Box,
    Point,
    autosave,
    commands,
    open_document,
    recover,
    restore_draft,
    save,
)
from hitl_desktop.workspace import Workspace


def main() -> None:
    path, item, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    with Workspace.open(path) as ws:
        doc = open_document(ws, item)
        print("ready", flush=True)
        if mode == "autosave":
            box = Annotation(Box(100, 100, 200, 150), "date")
            doc.push(commands.add(doc, box))
            for _ in range(10):
                doc.push(commands.move(doc, [box.id], 3, 2, gesture="drag"))
            autosave(doc)
            print("autosaved", flush=True)
            doc.push(commands.relabel(doc, [box.id], "in-progress"))  # never autosaved
            time.sleep(60)
            return
        draft = recover(ws, item)
        if draft is not None:
            restore_draft(doc, draft)
            saved = save(ws, doc)
            print(f"recovered {saved.hash if saved else '-'}", flush=True)
        start = len(doc)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            n = len(doc)
            doc.push(commands.add(doc, Annotation(Point(n, n), f"p{n}")))
            autosave(doc)
            event = save(ws, doc)
            assert event is not None
            print(f"saved {n - start} {event.hash}", flush=True)


if __name__ == "__main__":
    main()
