"""`hitl report`: a self-contained HTML file a stakeholder can open anywhere. It parses, holds
every chart as valid SVG, fetches nothing from anywhere, and says what the log shows in words."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from typer.testing import CliRunner

from hitl_desktop.cli import app
from hitl_desktop.insights.windows import day_date
from hitl_desktop.workspace import Workspace

from .events import (
    DAY0,
    adjudicated,
    as_person,
    classification,
    imported,
    prelabel,
    register_model,
    revised,
    set_day,
)

runner = CliRunner()


class _Page(HTMLParser):
    """Every tag with its attributes, the figure ids and the visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _history(ws: Workspace) -> None:
    """Two weeks of work: a label shift between them, a model whose suggestions people take
    and sometimes change, double-labelled items, and review decisions."""
    model = register_model(ws, "doc-type")
    for week, (inv, rec) in enumerate(((40, 10), (10, 40))):
        day = DAY0 + 7 * week
        set_day(ws, day)
        drafts = [imported(ws, f"w{week}-{i}.png", source="scans 2024") for i in range(inv + rec)]
        ws.append(drafts)
        items = [d.subject.item for d in drafts if d.subject is not None]
        made = ws.append([prelabel(ws, it, model, "invoice", "receipt") for it in items])
        truth = ["invoice"] * inv + ["receipt"] * rec
        as_person(ws, "ana")
        ws.append([revised(ws, it, classification(t), base=[m.hash])
                   for it, t, m in zip(items, truth, made, strict=True)])  # fmt: skip
        as_person(ws, "عمر")  # a second annotator on ten items, disagreeing on two
        ws.append([revised(ws, it, classification("receipt" if i < 2 else t))
                   for i, (it, t) in enumerate(zip(items[:10], truth, strict=False))])  # fmt: skip
        as_person(ws, "chris", "checker")
        ws.append([adjudicated(ws, it, t) for it, t in zip(items[:20], truth, strict=False)])


def _report(tmp_path: Path, *extra: str) -> tuple[str, str]:
    out = tmp_path / "report.html"
    ref = f"{day_date(DAY0)}:{day_date(DAY0 + 6)}"
    cur = f"{day_date(DAY0 + 7)}:{day_date(DAY0 + 13)}"
    result = runner.invoke(app, ["--workspace", str(tmp_path / "ws"), "report", "--out", str(out),
                                 "--reference", ref, "--current", cur, *extra])  # fmt: skip
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8"), result.stdout


def test_the_report_holds_every_chart_and_no_external_reference(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws", name="Invoices 2024")
    _history(ws)
    ws.close()
    html, said = _report(tmp_path, "--verify")
    page = _Page()
    page.feed(html)
    figures = [a["id"] for t, a in page.tags if t == "div" and a.get("class") == "figure"]
    assert f"({len(figures)} charts)" in said
    for wanted in ("chart-flow", "chart-people", "chart-throughput", "chart-corrections",
                   "chart-agreement", "chart-labels-class", "chart-balance-class"):  # fmt: skip
        assert wanted in figures
    assert any(f and f.startswith("chart-confusion-") for f in figures)
    images = [a["src"] or "" for t, a in page.tags if t == "img"]
    assert len(images) == len(figures)
    for src in images:  # each chart is an SVG document inside the file
        assert src.startswith("data:image/svg+xml;base64,")
        svg = ET.fromstring(base64.b64decode(src.split(",", 1)[1]))
        assert svg.tag == "{http://www.w3.org/2000/svg}svg"
        assert svg.find("{http://www.w3.org/2000/svg}title") is not None
        assert not [e for e in svg.iter() if any("href" in k for k in e.attrib)]
    # nothing to fetch: no links, scripts, style imports or remote URLs
    for tag, attrs in page.tags:
        assert tag not in ("script", "link", "iframe", "object")
        for name in ("href", "src"):
            assert not re.match(r"(https?:|//|file:)", attrs.get(name) or ""), (tag, attrs)
    assert "url(" not in html and "@import" not in html
    text = " ".join(page.text)
    assert "Invoices 2024: dataset report" in text
    assert "Needs attention" in text and "labels (class): shifted" in text
    assert re.search(r"OK: all [\d,]+ events verify", text)
    assert "عمر" in text  # right-to-left names survive, in the tables and the charts
    charts = [base64.b64decode(s.split(",", 1)[1]).decode() for s in images]
    assert any("عمر (worker)" in c for c in charts)
    assert "scans 2024" in text  # the source, in the sources table


def test_an_empty_workspace_gets_a_report_that_says_so(tmp_path: Path) -> None:
    Workspace.create(tmp_path / "ws", name="Nothing yet").close()
    html, _ = _report(tmp_path)
    assert "Nothing has been imported yet." in html
    assert "No model or OCR engine has made suggestions yet." in html
    assert "No drift alarm" in html
    assert "agreement cannot be measured" in html
    assert 'id="chart-flow"' in html


def test_an_unwritable_path_is_a_clear_error(tmp_path: Path) -> None:
    Workspace.create(tmp_path / "ws", name="x").close()
    (tmp_path / "blocker").write_text("a file, not a folder")
    result = runner.invoke(app, ["--workspace", str(tmp_path / "ws"), "report", "--out",
                                 str(tmp_path / "blocker" / "r.html")])  # fmt: skip
    assert result.exit_code == 1
    assert "cannot write" in result.output and "blocker" in result.output
