"""File → Export dataset…: the dialog runs a real export off the GUI thread, shows progress,
the files and manifest appear, and mistakes are explained in the dialog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hitl_desktop.exchange.manifest import verify
from hitl_desktop.gui.export_dialog import ExportDialog
from hitl_desktop.gui.tasks import TaskRunner
from tests.exchange.export_helpers import build

pytestmark = pytest.mark.gui
SCREENSHOTS = Path(__file__).parents[1] / "screenshots"


def test_export_dialog_writes_a_verified_dataset(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    b = build(tmp_path)
    runner = TaskRunner()
    dialog = ExportDialog(lambda: b.ws, runner)
    qtbot.addWidget(dialog)
    runner.setParent(dialog)
    dialog.show()
    seen: list[int] = []
    dialog.progress.valueChanged.connect(seen.append)

    dialog.start_export()  # no folder yet
    assert "Choose the folder" in dialog.status.text()
    dialog.split.setText("80/30/10")
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.start_export()
    assert "adding up to 100" in dialog.status.text()

    dialog.split.setText("80/10/10")
    dialog.format.setCurrentIndex(dialog.format.findData("yolo"))
    dialog.redact.setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=20_000) as got:
        dialog.export_button.click()
    result = got.args[0]
    assert dialog.progress.value() == 1000 and len(set(seen)) > 2  # it moved, not just jumped
    assert "Exported 1 item(s)" in dialog.status.text()
    out = tmp_path / "out"
    assert (out / "data.yaml").is_file() and verify(out).ok
    manifest = json.loads((out / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["options"]["redact"] is True and manifest["format"] == "yolo"
    assert result.counts["written:redacted_regions"] == 1
    SCREENSHOTS.mkdir(exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "export_dialog.png"))

    dialog.start_export()  # the same folder again: refused, explained, nothing touched
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    assert "not empty" in dialog.status.text()
    assert verify(out).ok
    b.ws.close()


def test_file_menu_opens_the_export_dialog(window) -> None:  # type: ignore[no-untyped-def]
    action = window.export_action
    assert action in window.file_menu.actions() and action.isEnabled()
    action.trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    assert [dialog.format.itemData(i) for i in range(dialog.format.count())] == [
        "coco", "yolo", "voc", "paddleocr", "labelstudio", "jsonl", "conll", "csv"
    ]  # fmt: skip
    action.trigger()  # the same dialog again, not a second one
    assert len(window.findChildren(ExportDialog)) == 1
    dialog.close()
