"""The thumbnail cache behind the item table's Name column, and detailed job progress."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QIcon

from hitl_desktop.gui.import_dialog import split_tags
from hitl_desktop.gui.item_table_model import ItemTableModel
from hitl_desktop.gui.tasks import TaskRunner
from hitl_desktop.gui.thumbnail_cache import ThumbnailCache
from hitl_desktop.ingest.thumbnails import store_thumbnail, thumbnail_path
from hitl_desktop.workspace import Workspace
from tests.gui.gui_helpers import imported
from tests.support.files import write_png

pytestmark = pytest.mark.gui


def test_cache_reads_once_remembers_misses_and_stays_bounded(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    shas = [f"{i:02x}" + "ab" * 31 for i in range(5)]
    for i, sha in enumerate(shas):
        png = write_png(tmp_path / f"t{i}.png", seed=i, size=(256, 128))
        store_thumbnail(tmp_path, sha, png.read_bytes())
    cache = ThumbnailCache(tmp_path, limit=3)
    first = cache.pixmap(shas[0])
    assert first is not None and not first.isNull()
    assert first.width() == first.height()  # padded to a square, so names line up
    assert cache.pixmap(shas[0]) is first and cache.loads == 1
    for sha in shas:
        cache.pixmap(sha)
    assert len(cache) == 3 and cache.loads == 5

    missing = "ff" * 32
    assert cache.pixmap(missing) is None
    assert cache.pixmap("") is None
    store_thumbnail(tmp_path, missing, (tmp_path / "t0.png").read_bytes())
    assert cache.pixmap(missing) is None  # remembered as missing until cleared
    cache.clear()
    assert cache.pixmap(missing) is not None

    thumbnail_path(tmp_path, shas[1]).write_bytes(b"not a png")
    cache.clear()
    assert cache.pixmap(shas[1]) is None  # unreadable: no thumbnail, no exception
    assert not cache.kind_icon("text").isNull()


def test_rows_without_thumbnails_show_a_kind_icon(workspace: Workspace) -> None:
    workspace.append([imported(workspace, "lost-thumbnail.png")])
    model = ItemTableModel(workspace.reader, thumbnails=ThumbnailCache(workspace.path))
    decoration = model.data(model.index(0, ItemTableModel.NAME), 1)  # DecorationRole
    assert isinstance(decoration, QIcon) and not decoration.isNull()
    assert model.data(model.index(0, ItemTableModel.KIND), 1) is None
    plain = ItemTableModel(workspace.reader)
    assert plain.data(plain.index(0, ItemTableModel.NAME), 1) is None


def test_jobs_can_report_a_detail_with_their_progress(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    counts: list[tuple[int, int]] = []
    details: list[tuple[int, int, str]] = []
    results: list[object] = []

    def job(_cancel, progress):  # type: ignore[no-untyped-def]
        progress(1, 2, "a.png")
        progress(2, 2)
        return "ok"

    errors: list[BaseException] = []
    runner.start(
        "job",
        job,
        on_done=results.append,
        on_error=errors.append,
        on_progress=lambda d, t: counts.append((d, t)),
        on_detail=lambda d, t, s: details.append((d, t, s)),
    )
    qtbot.waitUntil(lambda: bool(results or errors))
    assert results == ["ok"] and not errors
    assert counts == [(1, 2), (2, 2)]
    assert details == [(1, 2, "a.png"), (2, 2, "")]
    runner.shutdown()


def test_tags_are_split_on_commas() -> None:
    assert split_tags(" a, b ,,a, c d ") == ("a", "b", "c d")
    assert split_tags("") == ()
