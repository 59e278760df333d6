"""Child process for the ingest crash test: imports a folder, printing each committed batch."""

from __future__ import annotations

import sys
from pathlib import Path

from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.workspace import Workspace


def main() -> None:
    workspace, folder = Path(sys.argv[1]), Path(sys.argv[2])
    with Workspace.open(workspace) as ws:
        print("ready", flush=True)
        report = import_paths(
            ws, [folder], ImportOptions(workers=2, batch_size=25, source="crash-test")
        )
        print("done", report.counts(), flush=True)


if __name__ == "__main__":
    main()
