"""A worker's "Mine" filter: only the items assigned to them, from assignment.made events."""

from __future__ import annotations

from pathlib import Path

import pytest

from hitl_desktop.gui.main_window import MainWindow
from hitl_desktop.gui.opening import open_workspace
from hitl_desktop.review.assignment import assign
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.queries import ItemFilter, page_items
from hitl_desktop.workspace.workspace import Profile

pytestmark = pytest.mark.gui


def test_mine_shows_only_my_assigned_items(qtbot, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    with Workspace.open(demo_path) as ws:
        ws.set_profile(Profile("chris", "checker"))
        rows = page_items(ws.reader(), ItemFilter(), 0, 100)
        leaves = [r.id for r in rows if not any(o.parent_id == r.id for o in rows)][:6]
        assign(ws, leaves, ["ana", "ben"], batch="week 48", overlap=0.0)
        mine = {r[0] for r in ws.reader().execute(
            "SELECT item_id FROM assignments WHERE assignee = 'ana'").fetchall()}  # fmt: skip
        ws.set_profile(Profile("ana", "worker"))
    assert len(mine) == 3
    win = MainWindow(open_workspace(demo_path))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    everything = win.model.rowCount()
    win.browser.mine.setChecked(True)
    shown = {win.model.item_at(i).id for i in range(win.model.rowCount())}  # type: ignore[union-attr]
    assert shown == mine and everything > len(mine)
    assert win.browser.count_label.text() == "3 items"
    win.browser.mine.setChecked(False)
    assert win.model.rowCount() == everything
    win.close()
