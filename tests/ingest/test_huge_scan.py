"""Failure case 7: a huge but legitimate scan imports without exhausting memory."""

from __future__ import annotations

import resource
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.ingest.thumbnails import thumbnail_path
from hitl_desktop.workspace import Workspace

pytestmark = pytest.mark.skipif(
    sys.platform != "linux", reason="peak RSS of children read via getrusage"
)


def test_20000_by_30000_scan_imports_within_a_memory_budget(
    workspace: Workspace, tmp_path: Path
) -> None:
    scan = np.full((30_000, 20_000), 250, np.uint8)
    for y in range(500, 29_500, 700):  # lines of "text" so it compresses like a real scan
        scan[y : y + 40, 1_000:19_000:3] = 20
    path = tmp_path / "survey map.png"
    assert cv2.imwrite(str(path), scan, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    del scan
    report = import_paths(
        workspace, [path], ImportOptions(workers=2)
    )  # decoded in a worker process
    (f,) = report.files
    assert f.status == "imported", f.reason
    peak_child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    # the raw 8-bit image is 600 MB; decoding may hold it once or twice, never as RGB copies
    assert peak_child_mb < 2_000, f"worker peaked at {peak_child_mb:.0f} MB"
    stats = (
        workspace.reader()
        .execute("SELECT body FROM events WHERE type = 'item.imported'")
        .fetchone()[0]
    )
    assert '"height":30000' in stats and '"width":20000' in stats
    blob = workspace.reader().execute("SELECT blob_sha256 FROM items").fetchone()[0]
    assert thumbnail_path(workspace.path, blob).stat().st_size > 0
