"""The classification panel: a real (tiny) model's suggested class accepted with a click,
single- and multi-label choices by mouse, undo/redo, saved in the revision; works on images."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QHBoxLayout, QWidget

from hitl_desktop.annotate import Classification, revisions
from hitl_desktop.gui.classify_panel import ClassificationPanel
from hitl_desktop.gui.document_session import DocumentSession
from hitl_desktop.gui.label_palette import LabelPalette
from hitl_desktop.gui.tasks import TaskRunner
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.workspace import Workspace
from tests.gui.gui_helpers import SCREENSHOTS
from tests.prelabel.tiny import tiny_bert

pytestmark = pytest.mark.gui
os.environ["HF_HUB_OFFLINE"] = "1"

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
SMS = DATA / "textcls" / "sms_spam_2000.tsv"
RECEIPT = DATA / "sroie" / "img" / "000.jpg"


@pytest.fixture(scope="module")
def tiny_cls(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny randomly initialised BERT classifier that always favours "spam"."""
    folder = tmp_path_factory.mktemp("models") / "tiny-sms"
    return tiny_bert(folder, "text-classification", ["ham", "spam"], constant=1)


@pytest.fixture
def ws(tmp_path: Path, tiny_cls: Path) -> Iterator[Workspace]:
    """One real SMS as a text item, pre-labelled by the tiny model, and one receipt image."""
    from hitl_desktop.prelabel import add_model, load_prelabeller, run_prelabel, text_items

    sms = tmp_path / "sms.txt"
    sms.write_text(SMS.read_text("utf-8").splitlines()[1].split("\t", 1)[1], encoding="utf-8")
    workspace = Workspace.create(tmp_path / "ws", name="WS")
    import_paths(workspace, [sms, RECEIPT], ImportOptions(workers=1, source="gui-tests"))
    record = add_model(workspace, tiny_cls)
    model = load_prelabeller(workspace, record.id, device="cpu")
    run_prelabel(workspace, model, text_items(workspace))
    yield workspace
    workspace.close()


def _item(ws: Workspace, kind: str) -> str:
    return str(ws.reader().execute("SELECT id FROM items WHERE kind = ?", (kind,)).fetchone()[0])


class Desk(QWidget):
    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.session = DocumentSession(lambda: ws, self)
        self.palette = LabelPalette(self)
        self.palette.set_labels(["ham", "spam", "unsure"])
        self.panel = ClassificationPanel(self.session, lambda: ws, TaskRunner(self), self,
                                         palette=self.palette)  # fmt: skip
        layout = QHBoxLayout(self)
        layout.addWidget(self.panel, 2)
        layout.addWidget(self.palette, 1)
        self.resize(560, 300)


@pytest.fixture
def desk(qtbot, ws: Workspace) -> Desk:  # type: ignore[no-untyped-def]
    d = Desk(ws)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def _click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    # near the left edge: on a radio button or checkbox only the box and its text react
    pos = QPoint(min(8, button.width() // 2), button.height() // 2)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=pos)


def _labels(desk: Desk) -> list[str]:
    return desk.panel.current_labels()


def test_accept_suggestion_choose_single_then_multi_and_save(
    qtbot, desk: Desk, ws: Workspace
) -> None:  # type: ignore[no-untyped-def]
    doc = desk.session.open_item(_item(ws, "text"))
    assert doc is not None and doc.classification() is None
    panel = desk.panel
    assert panel.accept_button.isVisible()
    assert "Suggested: spam" in panel.suggestion.text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    desk.grab().save(str(SCREENSHOTS / "classify_panel.png"))
    # one click accepts the model's class; its origin names the model's event
    _click(qtbot, panel.accept_button)
    current = doc.classification()
    assert current is not None and current.shape == Classification(("spam",))
    assert current.origin.kind == "prelabel" and current.origin.score is not None
    assert not panel.accept_button.isVisible() and panel.buttons["spam"].isChecked()
    # a radio click changes the single class (replacing the accepted one)
    _click(qtbot, panel.buttons["ham"])
    assert _labels(desk) == ["ham"] and not panel.buttons["spam"].isChecked()
    _click(qtbot, panel.buttons["ham"])  # clicking the chosen one keeps it
    assert _labels(desk) == ["ham"]
    desk.session.undo_action.trigger()
    assert _labels(desk) == ["spam"] and panel.buttons["spam"].isChecked()
    desk.session.undo_action.trigger()  # before accepting: the suggestion is back
    assert _labels(desk) == [] and panel.accept_button.isVisible()
    desk.session.redo_action.trigger()
    desk.session.redo_action.trigger()
    assert _labels(desk) == ["ham"]
    # multi-label: checkboxes add and remove labels
    panel.set_multi_label(True)
    _click(qtbot, panel.buttons["unsure"])
    assert _labels(desk) == ["ham", "unsure"]
    _click(qtbot, panel.buttons["ham"])
    assert _labels(desk) == ["unsure"]
    with qtbot.waitSignal(desk.session.saved, timeout=10_000):
        assert desk.session.save()
    head = revisions.latest_head(ws.reader(), doc.item_id)
    assert head is not None
    [saved] = revisions.revision_payload(ws.reader(), head.hash)["annotations"]
    assert saved["kind"] == "classification" and saved["shape"]["labels"] == ["unsure"]
    assert saved["origin"]["kind"] == "prelabel" and saved["origin"]["edited"] is True


def test_images_get_a_class_too_and_clear_empties_it(qtbot, desk: Desk, ws: Workspace) -> None:  # type: ignore[no-untyped-def]
    doc = desk.session.open_item(_item(ws, "image"))
    assert doc is not None
    panel = desk.panel
    assert not panel.accept_button.isVisible() and not panel.clear_button.isEnabled()
    _click(qtbot, panel.buttons["unsure"])
    assert _labels(desk) == ["unsure"] and panel.clear_button.isEnabled()
    _click(qtbot, panel.clear_button)
    assert doc.classification() is None and not panel.buttons["unsure"].isChecked()
    desk.session.open_item(None)
    assert not panel.isEnabled()
