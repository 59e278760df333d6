"""Insights → Stakeholder report…: made off the GUI thread, saved as HTML or printed to PDF,
and Qt really draws its SVG charts (rendered here to a screenshot for people to look at)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument

from hitl_desktop.gui.main_window import MainWindow
from hitl_desktop.gui.opening import open_workspace
from hitl_desktop.insights.windows import today
from hitl_desktop.workspace import Workspace
from tests.insights.events import (
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


def _work(path: Path) -> None:
    with Workspace.open(path) as ws:
        model = register_model(ws, "doc-type")
        set_day(ws, today() - 3)
        drafts = [imported(ws, f"{i}.png", source="scanner") for i in range(12)]
        ws.append(drafts)
        items = [d.subject.item for d in drafts if d.subject is not None]
        made = ws.append([prelabel(ws, it, model, "invoice", "letter") for it in items])
        as_person(ws, "ana")
        ws.append([revised(ws, it, classification("letter" if i % 3 else "invoice"),
                           base=[m.hash]) for i, (it, m) in enumerate(zip(items, made, strict=True))])  # fmt: skip


@pytest.fixture
def window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "ws"
    Workspace.create(path, name="Report").close()
    _work(path)
    win = MainWindow(open_workspace(path))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def test_report_is_saved_as_html_and_pdf(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    menu = window.findChild(type(window.menuBar().actions()[0].menu()), "InsightsMenu")
    assert window.report.action in menu.actions()
    html = tmp_path / "out" / "report.html"
    assert window.report.save_to(html) is not None
    qtbot.waitUntil(lambda: window.report.saved == html, timeout=20_000)
    text = html.read_text(encoding="utf-8")
    assert "Report: dataset report" in text and "doc-type" in text
    assert "Report saved to" in window.statusBar().currentMessage()
    pdf = tmp_path / "out" / "report.pdf"
    window.report.save_to(pdf)
    qtbot.waitUntil(lambda: window.report.saved == pdf, timeout=20_000)
    data = pdf.read_bytes()
    assert data[:5] == b"%PDF-" and b"%%EOF" in data[-64:] and len(data) > 5_000
    # Qt's rich text draws the embedded SVG charts: the bars' colour is on the page
    doc = QTextDocument()
    doc.setHtml(text)
    doc.setTextWidth(900)
    image = QImage(900, int(doc.size().height()), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    doc.drawContents(painter)
    painter.end()
    image.save(str(SCREENSHOTS / "stakeholder_report.png"))
    blue = QColor("#3366aa").rgb()
    hits = sum(image.pixel(x, y) == blue for x in range(0, 900, 3)
               for y in range(0, image.height(), 3))  # fmt: skip
    assert hits > 200


def test_cli_prints_the_report_to_pdf(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from hitl_desktop.cli import app

    Workspace.create(tmp_path / "ws", name="CLI").close()
    _work(tmp_path / "ws")
    out, pdf = tmp_path / "r.html", tmp_path / "r.pdf"
    result = CliRunner().invoke(app, ["--workspace", str(tmp_path / "ws"), "report",
                                      "--out", str(out), "--pdf", str(pdf)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert f"wrote {pdf}" in result.stdout
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert pdf.read_bytes()[:5] == b"%PDF-"
