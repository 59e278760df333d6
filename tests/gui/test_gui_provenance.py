"""The Provenance dock and the dataset flow window over a real workspace (a FUNSD page through
OCR, a pre-label, a correction and a review), clicked as a person would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from hitl_desktop.gui.main_window import MainWindow
from hitl_desktop.gui.opening import open_workspace
from hitl_desktop.gui.provenance_dock import ProvenanceView
from hitl_desktop.workspace import Workspace, queries
from tests.gui.gui_helpers import SCREENSHOTS
from tests.insights.prov_history import CHECKER, WORKER, History, build_history

pytestmark = pytest.mark.gui


@pytest.fixture
def history_window(qtbot, tmp_path: Path) -> Iterator[tuple[MainWindow, History]]:  # type: ignore[no-untyped-def]
    ws = Workspace.create(tmp_path / "ws", name="Provenance")
    history = build_history(ws, tmp_path)
    ws.close()
    win = MainWindow(open_workspace(tmp_path / "ws"))
    qtbot.addWidget(win)
    win.resize(1400, 860)
    win.show()
    qtbot.waitExposed(win)
    yield win, history
    win.close()


def _show(qtbot, win: MainWindow, item: str) -> ProvenanceView:  # type: ignore[no-untyped-def]
    win.provenance.dock.show()
    win.provenance.dock.raise_()
    view = win.provenance.view
    assert view is not None  # built when the dock is first shown
    row = queries.row_of(win.workspace.reader(), win.model.item_filter, item)
    assert row is not None
    win.browser.select_row(row)
    qtbot.waitUntil(lambda: view.graph is not None and view.graph.item_id == item, timeout=5000)
    return view


def _click(qtbot, view: ProvenanceView, hash_: str) -> None:  # type: ignore[no-untyped-def]
    node = view.scene.nodes[hash_]
    view.view.ensureVisible(node)
    pos = view.view.mapFromScene(node.sceneBoundingRect().center())
    qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_the_dock_draws_the_page_history_and_a_click_shows_the_event(
    qtbot,
    history_window: tuple[MainWindow, History],  # type: ignore[no-untyped-def]
) -> None:
    win, h = history_window
    view = _show(qtbot, win, h.page)
    assert view.node_hashes() == [h.imported, h.derived, h.ocr, h.prelabel, h.revision,
                                  h.decision]  # fmt: skip
    titles = [item.title.text() for item in view.scene.nodes.values()]
    assert titles == ["Import", "Derived page", "OCR run", "Pre-label", "Correction",
                      "Review decision"]  # fmt: skip
    assert "6 events" in view.heading.text()
    _click(qtbot, view, h.decision)
    shown = view.details()
    assert shown["Actor"] == CHECKER.name and shown["Role"] == "checker"
    assert shown["Verification"] == "Signed: its own signature is valid"
    assert shown["decision"] == "accept"
    _click(qtbot, view, h.ocr)
    shown = view.details()
    assert shown["Agent"] == "rapidocr 3.10.0 on cpu" and shown["Event"] == "OCR run (ocr.ran)"
    _click(qtbot, view, h.imported)
    assert view.details()["Verification"] == ("Signed with its batch: a later signature covers it")
    _click(qtbot, view, h.revision)
    assert (view.details()["Actor"], view.details()["Role"]) == (WORKER.name, "worker")
    assert view.scene.nodes[h.revision].isSelected()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert win.grab().save(str(SCREENSHOTS / "provenance_window.png"))
    win.resizeDocks([win.provenance.dock], [760], Qt.Orientation.Horizontal)
    qtbot.wait(20)
    assert win.provenance.dock.grab().save(str(SCREENSHOTS / "provenance_dock.png"))


def test_the_dock_follows_the_current_item(
    qtbot,
    history_window: tuple[MainWindow, History],  # type: ignore[no-untyped-def]
) -> None:
    win, h = history_window
    view = _show(qtbot, win, h.page)
    view = _show(qtbot, win, h.other_page)
    assert view.node_hashes()[0] == h.imported and len(view.node_hashes()) == 2
    assert view.details() == {}  # the clicked event belonged to the other item


def test_menus_and_the_dataset_flow_window(
    qtbot,
    history_window: tuple[MainWindow, History],  # type: ignore[no-untyped-def]
) -> None:
    win, _h = history_window
    assert "&Provenance" in [a.text() for a in win.view_menu.actions()]
    titles = {a.text(): a.menu() for a in win.menuBar().actions()}
    assert win.provenance.flow_action in titles["&Insights"].actions()
    win.provenance.flow_action.trigger()
    flow = win.provenance.flow_window
    assert flow is not None
    qtbot.waitUntil(lambda: flow.flow_widget.flow is not None, timeout=5000)  # type: ignore[attr-defined]
    assert flow.flow_widget.stage_counts() == {  # type: ignore[attr-defined]
        "sources": 1, "items": 3, "pre-labelled": 1, "corrected": 1, "reviewed": 1,
        "exported": 0,
    }  # fmt: skip
    tabs = flow.tabs  # type: ignore[attr-defined]
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Sources", "Models", "People", "Status and schemas"]  # fmt: skip
    assert tabs.widget(0).topLevelItem(0).text(0) == "funsd-scans"
    people = tabs.widget(2)
    names = {people.topLevelItem(i).text(0) for i in range(people.topLevelItemCount())}
    assert {WORKER.name, CHECKER.name} <= names
    qtbot.wait(20)
    assert flow.grab().save(str(SCREENSHOTS / "provenance_flow.png"))
