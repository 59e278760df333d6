"""Tools → Pre-label through the real dialog, worker thread and models."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from hitl_desktop.gui.main_window import MainWindow
from hitl_desktop.gui.opening import open_workspace
from hitl_desktop.gui.prelabel_runner import BUNDLED_EMBEDDER
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.prelabel import add_model
from hitl_desktop.workspace import Workspace
from tests.gui.gui_helpers import SCREENSHOTS
from tests.prelabel.conftest import SMS, SMS_LABELS, sms_subset, write_json
from tests.prelabel.tiny import tiny_bert

pytestmark = pytest.mark.gui

RUN_TIMEOUT_MS = 120_000
N_SMS = 12


@pytest.fixture
def sms_window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """A window on a workspace of 12 SMS and one receipt image, with a tiny classifier
    registered."""
    ws = Workspace.create(tmp_path / "sms", name="SMS")
    receipt = SMS.parents[1] / "sroie" / "img" / "000.jpg"
    import_paths(ws, [sms_subset(tmp_path / "sms.tsv", N_SMS), receipt], ImportOptions(workers=1))
    model = tiny_bert(tmp_path / "tiny-sms", "text-classification", ["ham", "spam"])
    add_model(ws, model, name="tiny-sms")
    ws.close()
    win = MainWindow(open_workspace(tmp_path / "sms"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def _open_dialog(win: MainWindow):  # type: ignore[no-untyped-def]
    tools = [a.text() for a in win.tools_menu.actions() if not a.isSeparator()]
    assert "Pre-label all &items…" in tools and "&Pre-label selected items…" in tools
    win.prelabel.run_all_action.trigger()
    dialog = win.prelabel.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_prelabel_all_text_items_records_a_suggestion_each(qtbot, sms_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = sms_window
    dialog = _open_dialog(win)
    refs = [dialog.model.itemData(i) for i in range(dialog.model.count())]
    assert refs[0].startswith("tiny-sms@") and BUNDLED_EMBEDDER in refs
    dialog.set_model(refs[0])
    dialog.set_device("cpu")
    assert dialog.description.text() == f"{N_SMS} text items will be pre-labelled."
    assert dialog.run_button.isEnabled() and not dialog.problem.isVisible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "prelabel_options.png"))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert win.jobs_label.text() == "1 job running" and win.jobs_label.toolTip() == "prelabel"
    qtbot.waitUntil(lambda: win.prelabel.last_report is not None, timeout=RUN_TIMEOUT_MS)
    qtbot.waitUntil(lambda: not win.prelabel.running)
    qtbot.waitUntil(lambda: win.jobs_label.isHidden())

    report = win.prelabel.last_report
    assert report is not None and len(report.done) == N_SMS and not report.failed
    rows = (
        win.workspace.reader()
        .execute(
            "SELECT p.item_id, p.top_label, i.kind FROM prelabels p JOIN items i ON i.id = p.item_id"
        )
        .fetchall()
    )
    assert len(rows) == N_SMS and {r[2] for r in rows} == {"text"}
    assert {r[1] for r in rows} <= {"ham", "spam"}
    assert f"{N_SMS} items pre-labelled by tiny-sms@" in win.statusBar().currentMessage()
    assert win.ocr.device_label.text() == "Device: CPU"
    # the item table shows each item's suggestion; doubtful ones say so in the tooltip
    model = win.model
    column = model.SUGGESTION
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Suggestion"
    shown = {}
    for row in range(model.rowCount()):
        shown[model.item_id(row)] = model.data(model.index(row, column))
    by_item = {r[0]: r[1] for r in rows}
    for item, label in by_item.items():
        assert shown[item].startswith(label + " ")  # "ham 0.51"
    image = next(i for i, text in shown.items() if i not in by_item)
    assert shown[image] == ""
    tip = model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)
    assert "Suggested by tiny-sms@" in tip or "No model has suggested" in tip
    # the tiny random model is unsure of everything: scores near 0.5 are flagged
    text_row = next(r for r in range(model.rowCount()) if model.item_id(r) in by_item)
    assert "Low confidence" in model.data(
        model.index(text_row, column), Qt.ItemDataRole.ToolTipRole
    )
    assert model.data(model.index(text_row, column), Qt.ItemDataRole.FontRole).italic()
    assert win.grab().save(str(SCREENSHOTS / "main_window_prelabels.png"))
    # the History dock of a pre-labelled item names the model as the actor
    win.history.show_item(rows[0][0], "an SMS")
    events = [e[1] for e in win.history.entries()]
    actors = [e[2] for e in win.history.entries()]
    assert "prelabel.made" in events
    assert any(a.startswith("model:tiny-sms@") for a in actors)
    (detail,) = [
        d for d, e in zip(win.history.details(), events, strict=True) if e == "prelabel.made"
    ]
    assert detail.strip("\u2068\u2069").startswith(rows[0][1])  # "spam (0.51)"

    # a second run skips everything already done
    win.prelabel.last_report = None
    dialog = _open_dialog(win)
    dialog.set_model(refs[0])
    dialog.set_device("cpu")
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.prelabel.last_report is not None, timeout=RUN_TIMEOUT_MS)
    assert len(win.prelabel.last_report.skipped) == N_SMS
    assert not win.prelabel.last_report.done


def test_zero_shot_needs_a_valid_label_set(qtbot, sms_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _open_dialog(sms_window)
    dialog.set_model(BUNDLED_EMBEDDER)
    dialog.labels_path.setText("")
    assert not dialog.run_button.isEnabled()
    assert "needs a label set" in dialog.problem.text()
    broken = tmp_path / "broken.json"
    broken.write_text('{"name": "sms", "labels": [', encoding="utf-8")
    dialog.labels_path.setText(str(broken))
    assert not dialog.run_button.isEnabled() and "broken.json" in dialog.problem.text()
    good = write_json(tmp_path / "sms.json", SMS_LABELS)
    dialog.labels_path.setText(str(good))
    assert dialog.run_button.isEnabled() and not dialog.problem.isVisible()
    assert dialog.options().label_set is not None
    assert dialog.options().label_set.names == ["ham", "spam"]  # type: ignore[union-attr]
    dialog.reject()


def test_selected_items_of_the_wrong_kind_are_refused_in_the_dialog(  # type: ignore[no-untyped-def]
    qtbot, sms_window: MainWindow
) -> None:
    win = sms_window
    ws = win.workspace
    (image_id,) = ws.reader().execute("SELECT id FROM items WHERE kind = 'image'").fetchone()
    dialog = win.prelabel.ask([image_id])
    assert dialog is not None
    dialog.set_model(dialog.model.itemData(0))  # the text classifier
    assert dialog.description.text() == "0 text items will be pre-labelled."
    assert "none of the items is a text item" in dialog.problem.text()
    assert not dialog.run_button.isEnabled()
    dialog.reject()


def test_faces_builtin_boxes_faces_on_the_images(qtbot, sms_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The built-in face detector is offered for images; run, it registers itself first."""
    win = sms_window
    dialog = _open_dialog(win)
    dialog.set_model("builtin:faces")
    assert dialog.description.text() == "1 image or page will be pre-labelled."
    assert not dialog.labels_path.isEnabled() and dialog.run_button.isEnabled()
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.prelabel.last_report is not None, timeout=RUN_TIMEOUT_MS)
    report = win.prelabel.last_report
    assert report.model_id.startswith("faces@") and len(report.done) == 1
    (kind, task) = (
        win.workspace.reader()
        .execute("SELECT kind, task FROM models WHERE name = 'faces'")
        .fetchone()
    )
    assert (kind, task) == ("opencv-cascade", "object-detection")
    (item,) = win.workspace.reader().execute("SELECT item_id FROM prelabels").fetchone()
    win.history.show_item(item, "000.jpg")
    assert next(e[2] for e in win.history.entries() if e[1] == "prelabel.made").startswith(
        "model:faces@"
    )


def test_read_only_workspace_refuses_with_a_reason(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    Workspace.create(tmp_path / "ro", name="RO").close()
    win = MainWindow(open_workspace(tmp_path / "ro", readonly=True))
    qtbot.addWidget(win)
    assert not win.prelabel.run_all_action.isEnabled()
    assert win.prelabel.ask(None) is None
    box = win.prelabel.message_box
    assert box is not None and "read-only" in box.text()
    win.close()


def test_label_set_choice_is_remembered(qtbot, sms_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = write_json(tmp_path / "sms.json", SMS_LABELS)
    dialog = _open_dialog(sms_window)
    dialog.set_model(BUNDLED_EMBEDDER)
    dialog.labels_path.setText(str(good))
    dialog.set_device("cpu")
    # accept without starting the (slow) zero-shot run: only the settings matter here
    dialog.accepted.disconnect()
    dialog.accept()
    again = _open_dialog(sms_window)
    assert again.options().model.ref == BUNDLED_EMBEDDER
    assert again.labels_path.text() == str(good)
    assert again.options().device == "cpu"
    assert json.loads(good.read_text())["name"] == "sms"
    again.reject()


def test_doubtful_filter_position_and_next_to_do(qtbot, sms_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = sms_window
    dialog = _open_dialog(win)
    dialog.set_model(dialog.model.itemData(0))
    dialog.set_device("cpu")
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.prelabel.last_report is not None, timeout=RUN_TIMEOUT_MS)
    total = win.model.rowCount()
    assert total == N_SMS + 2  # the texts, the TSV they came from, the receipt
    # the untrained model is unsure of every text: "Doubtful" keeps exactly those
    win.browser.doubtful.setChecked(True)
    assert win.model.rowCount() == N_SMS
    assert all(win.model.suggestion(r) is not None for r in range(N_SMS))
    win.browser.doubtful.setChecked(False)
    assert win.model.rowCount() == total

    win.browser.select_row(2)
    qtbot.waitUntil(lambda: win.position_label.text().startswith(f"Item 3 of {total}"))
    assert "0 saved today" in win.position_label.text()
    # next item to do skips the annotated ones: annotate row 3, then jump from row 2
    third = win.model.item_id(3)
    win.desk.next_action.trigger()
    assert win.desk.session.document is not None
    assert win.desk.session.document.item_id == third
    win.desk.classify.set_class(["ham"])
    with qtbot.waitSignal(win.desk.session.saved, timeout=20_000):
        win.desk.previous_action.trigger()
    qtbot.waitUntil(lambda: "1 saved today" in win.position_label.text())
    win.desk.next_new_action.trigger()
    assert win.browser.current_item_id() == win.model.item_id(4)
