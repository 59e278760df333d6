"""The paged item model: counts with one query, reads only the pages a view shows."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from hitl_desktop.gui.item_table_model import ITEM_ID_ROLE, ItemTableModel
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.queries import ItemFilter
from tests.gui.gui_helpers import imported

pytestmark = pytest.mark.gui

N_ITEMS = 20_000
BATCH = 2_000


@pytest.fixture
def big_workspace(workspace: Workspace) -> Workspace:
    for b in range(N_ITEMS // BATCH):
        workspace.append(
            [imported(workspace, f"scan-{b * BATCH + i:05d}.png") for i in range(BATCH)]
        )
    return workspace


def test_twenty_thousand_items_open_without_reading_them(qtbot, big_workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    model = ItemTableModel(big_workspace.reader)
    assert model.rowCount() == N_ITEMS
    assert model.cached_page_count == 0  # counting reads no rows

    view = QTableView()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.setModel(model)
    view.show()
    qtbot.waitUntil(lambda: model.cached_page_count >= 1)  # painted
    assert time.perf_counter() - started < 5
    assert model.cached_page_count <= 2  # only what is on screen
    assert model.data(model.index(0, ItemTableModel.NAME)) == "scan-00000.png"

    view.scrollToBottom()
    qtbot.wait(10)
    last = model.index(N_ITEMS - 1, ItemTableModel.NAME)
    assert model.data(last) == "scan-19999.png"
    assert model.cached_page_count <= 3
    assert model.pages_fetched <= 4

    for row in range(0, N_ITEMS, 997):  # jumping around: the cache stays bounded
        model.data(model.index(row, 0))
    assert model.cached_page_count == ItemTableModel.MAX_PAGES


def test_filter_counts_and_pages_the_matches(big_workspace: Workspace) -> None:
    model = ItemTableModel(big_workspace.reader)
    model.data(model.index(0, 0))
    model.set_filter(ItemFilter(search="scan-1999"))  # scan-19990 .. scan-19999
    assert model.rowCount() == 10
    assert model.cached_page_count == 0  # the filter dropped the cache
    assert model.data(model.index(9, ItemTableModel.NAME)) == "scan-19999.png"
    assert model.data(model.index(10, ItemTableModel.NAME)) is None


def test_refresh_sees_new_items_and_roles(workspace: Workspace) -> None:
    workspace.append([imported(workspace, "a.png", size=2048)])
    model = ItemTableModel(workspace.reader)
    assert model.rowCount() == 1
    index = model.index(0, ItemTableModel.SIZE)
    assert model.data(index) == "2.0 KiB"
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "2,048 bytes"
    item_id = model.data(model.index(0, 0), ITEM_ID_ROLE)
    assert item_id == model.item_id(0)
    workspace.append([imported(workspace, "b.png")])
    assert model.rowCount() == 1  # until told
    with_signal = []
    model.modelReset.connect(lambda: with_signal.append(True))
    model.on_events_appended()
    assert with_signal and model.rowCount() == 2
    assert model.data(model.index(1, ItemTableModel.NAME)) == "b.png"
