"""Insights → Dashboard… on a real workspace: real imports (FUNSD pages, texts) and three
weeks of hand-built work; the plots hold the expected series, the label shift raises its
alarm badge, filters narrow the figures, and every plot exports to PNG and SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from hitl_desktop.gui.dashboard_window import DashboardWindow
from hitl_desktop.gui.main_window import MainWindow
from hitl_desktop.gui.opening import open_workspace
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.insights.windows import today
from hitl_desktop.workspace import Workspace
from tests.insights.events import (
    adjudicated,
    as_person,
    classification,
    imported,
    prelabel,
    register_model,
    revised,
    set_day,
)

from .gui_helpers import SCREENSHOTS

pytestmark = pytest.mark.gui

DATA = Path(__file__).parents[2].parent / "shared" / "data"
PAGES = sorted((DATA / "funsd" / "images").glob("*.png"))[:2]


def _work(path: Path) -> None:
    """Reference weeks: 30 invoices and 10 letters; current week: 10 and 30 (a shift). A model
    pre-labels every item; ana starts from it and fixes the letters it called invoices."""
    if len(PAGES) < 2:
        pytest.skip(f"FUNSD pages not found under {DATA}")
    with Workspace.open(path) as ws:
        import_paths(ws, PAGES, ImportOptions(workers=1, source="funsd"))
        start = today() - 20
        as_person(ws, "ana")
        model = register_model(ws, "doc-type")
        for day, counts in ((start, (30, 10)), (start + 16, (10, 30))):
            set_day(ws, day)
            labels = ["invoice"] * counts[0] + ["letter"] * counts[1]
            drafts = [imported(ws, f"{day}-{i}.png", source="scanner", stats={"width": 1000})
                      for i in range(len(labels))]  # fmt: skip
            ws.append(drafts)
            items = [d.subject.item for d in drafts if d.subject is not None]
            made = ws.append([prelabel(ws, it, model, "invoice", "letter") for it in items])
            ws.append([revised(ws, it, classification(lab), base=[m.hash])
                       for it, lab, m in zip(items, labels, made, strict=True)])  # fmt: skip
            ws.append([revised(ws, it, classification(lab), actor="ben")
                       for it, lab in zip(items[:8], labels[:8], strict=True)])  # fmt: skip
            as_person(ws, "chris", "checker")
            ws.append([adjudicated(ws, it, lab) for it, lab in zip(items, labels, strict=True)])
            as_person(ws, "ana")


@pytest.fixture
def dashboard(qtbot, tmp_path: Path) -> Iterator[DashboardWindow]:  # type: ignore[no-untyped-def]
    path = tmp_path / "ws"
    Workspace.create(path, name="Dashboard").close()
    _work(path)
    win = MainWindow(open_workspace(path))
    qtbot.addWidget(win)
    win.show()
    [action] = [a for a in win.findChildren(QAction) if a.objectName() == "DashboardAction"]
    assert action in win.findChild(QMenu, "InsightsMenu").actions()
    action.trigger()  # Insights → Dashboard…
    board = win.dashboard.window
    assert isinstance(board, DashboardWindow)
    qtbot.waitUntil(lambda: board.dashboard is not None, timeout=20_000)
    yield board
    win.close()


def _bars(panel_item: pg.PlotItem) -> list[list[float]]:
    return [list(b.opts["height"]) for b in panel_item.items if isinstance(b, pg.BarGraphItem)]


def test_dashboard_draws_every_figure(qtbot, dashboard: DashboardWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    p = dashboard.panels
    # label shares: reference 30/10, current 10/30 -> PSI 2 (0.5 ln 3) = 1.0986: an alarm
    assert _bars(p["Labels"].item) == [[0.75, 0.25], [0.25, 0.75]]
    assert p["Labels"].badge.isVisible() and "ALARM PSI 1.099" in p["Labels"].badge.text()
    assert "class: 40 items before, 40 now" in p["Labels"].caption.text()
    # the model said "invoice" every time: ana changed the letters, 10 of 40 then 30 of 40
    assert _bars(p["Corrections"].item) == [[0.25], [0.75]]
    assert "30 of 40 changed (75.0%)" in p["Corrections"].caption.text()
    # confusion in the current week: truth invoice 10 (all right), letter 30 (all called invoice)
    [image] = [i for i in p["Confusion"].item.items if isinstance(i, pg.ImageItem)]
    assert image.image.T.tolist() == [[10.0, 0.0], [30.0, 0.0]]
    texts = sorted(t.toPlainText() for t in p["Confusion"].item.items if isinstance(t, pg.TextItem))
    assert texts == ["0", "0", "10", "30"]
    # throughput: ana's 40 answers on the current week's day; ben's 8
    series = {c.name(): c.getData()[1].tolist() for c in p["Throughput"].item.listDataItems()}
    assert sum(series["ana"]) == 40 and sum(series["ben"]) == 8
    # agreement: ben's 8 answers equal ana's in both weeks
    shares = p["Agreement"].item.listDataItems()[0].getData()[1].tolist()
    assert shares[-1] == 1.0
    assert dashboard.timeline.rowCount() > 0
    assert "Alarms:" in dashboard.status.text()
    dashboard.resize(1400, 1100)
    qtbot.wait(50)
    dashboard.grab().save(str(SCREENSHOTS / "dashboard.png"))
    # every plot exports to a real PNG and a parseable SVG
    for name, panel in p.items():
        png, svg = tmp_path / f"{name}.png", tmp_path / f"{name}.svg"
        panel.export(png)
        panel.export(svg)
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
        assert ET.parse(svg).getroot().tag.endswith("svg"), name


def test_filters_narrow_the_figures(qtbot, dashboard: DashboardWindow) -> None:  # type: ignore[no-untyped-def]
    dashboard.person.setCurrentIndex(dashboard.person.findData("ben"))
    assert dashboard.source.findData("funsd") > 0 and dashboard.source.findData("scanner") > 0
    handle = dashboard.refresh()
    assert handle is not None and not dashboard.refresh_button.isEnabled()
    qtbot.waitUntil(lambda: dashboard.refresh_button.isEnabled(), timeout=20_000)
    series = {c.name(): c for c in dashboard.panels["Throughput"].item.listDataItems()}
    assert list(series) == ["ben"]
    # the checker's decisions came after ben's answers: no item's latest answer is his
    assert not dashboard.panels["Labels"].badge.isVisible()
    assert dashboard.panels["Labels"].caption.text() == "No answer in either window."
    assert {e.actor for e in dashboard.dashboard.timeline.entries} == {"ben"}  # type: ignore[union-attr]
