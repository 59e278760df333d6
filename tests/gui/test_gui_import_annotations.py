"""File → Import annotations… through the real dialogs: options, progress, the per-record
report, and the items arriving in the browser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from hitl_desktop.gui.import_annotations_dialog import AnnotationImportReportDialog
from hitl_desktop.gui.item_table_model import ItemTableModel
from hitl_desktop.gui.main_window import MainWindow
from tests.exchange.import_helpers import make_image, write_json
from tests.gui.gui_helpers import SCREENSHOTS

pytestmark = pytest.mark.gui
TIMEOUT_MS = 30_000


def _coco(tmp_path: Path) -> Path:
    make_image(tmp_path / "imgs" / "shelf-a.png", 160, 120, seed=21)
    make_image(tmp_path / "imgs" / "shelf-b.png", 160, 120, seed=22)
    return write_json(tmp_path / "shelves.json", {
        "images": [{"id": 1, "file_name": "shelf-a.png", "width": 160, "height": 120},
                   {"id": 2, "file_name": "shelf-b.png", "width": 160, "height": 120}],
        "categories": [{"id": 1, "name": "bottle"}, {"id": 2, "name": "can"}],
        "annotations": [
            {"id": 1, "image_id": 1, "category_id": 1, "bbox": [10, 10, 40, 60]},
            {"id": 2, "image_id": 1, "category_id": 2, "bbox": [60, 20, 30, 30]},
            {"id": 3, "image_id": 2, "category_id": 1, "bbox": [150, 10, 40, 40]},  # off the edge
        ],
    })  # fmt: skip


def _report(qtbot, win: MainWindow) -> AnnotationImportReportDialog:  # type: ignore[no-untyped-def]
    ctl = win.annotation_importer
    qtbot.waitUntil(lambda: ctl.report_dialog is not None, timeout=TIMEOUT_MS)
    assert ctl.report_dialog is not None and ctl.report_dialog.isVisible()
    return ctl.report_dialog


def _names(win: MainWindow) -> list[str]:
    m = win.model
    return [m.data(m.index(r, ItemTableModel.NAME)) for r in range(m.rowCount())]


def test_import_annotations_from_the_file_menu(qtbot, window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _coco(tmp_path)
    action = window.annotation_importer.action
    assert action in window.file_menu.actions() and action.isEnabled()
    action.trigger()
    dialog = window.annotation_importer.dialog
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no file yet
    dialog.format.setCurrentIndex(dialog.format.findData("coco"))
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.keyClicks(dialog.images, str(tmp_path / "imgs"))
    dialog.annotator.clear()
    qtbot.keyClicks(dialog.annotator, "Grace")
    qtbot.keyClicks(dialog.label_map, "can=tin")
    assert ok.isEnabled()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "import_annotations_dialog.png"))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    report = _report(qtbot, window)
    qtbot.wait(20)
    assert report.grab().save(str(SCREENSHOTS / "import_annotations_report.png"))
    assert report.summary_label.text() == "1 record imported, 1 refused"
    assert window.statusBar().currentMessage() == report.summary_label.text()
    assert report.table.rowCount() == 1
    assert report.table.item(0, 0).text() == "image id 2 (shelf-b.png)"
    assert "lies outside the 160 x 120 image" in report.table.item(0, 1).text()
    assert report.report.labels == {"bottle": 1, "tin": 1}
    qtbot.waitUntil(lambda: "shelf-a.png" in _names(window), timeout=TIMEOUT_MS)
    assert "shelf-b.png" not in _names(window)  # the refused record brought nothing in
    row = window.workspace.reader().execute(
        "SELECT r.actor, r.annotations FROM annotation_revisions r JOIN items i "
        "ON i.id = r.item_id WHERE i.name = 'shelf-a.png'").fetchone()  # fmt: skip
    assert tuple(row) == ("Grace", 2)


def test_a_bad_label_map_is_explained_in_the_dialog(qtbot, window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window.annotation_importer.action.trigger()
    dialog = window.annotation_importer.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.path, str(_coco(tmp_path)))
    qtbot.keyClicks(dialog.label_map, "can")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    assert dialog.isVisible()  # not accepted
    assert "--map 'can': write it as old=new" in dialog.error.text()
    assert not window.annotation_importer.running


def test_prelabels_arrive_as_suggestions(qtbot, window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = _coco(tmp_path)
    data = json.loads(path.read_text())
    data["annotations"].pop()  # only the good record
    write_json(path, data)
    window.annotation_importer.action.trigger()
    dialog = window.annotation_importer.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.keyClicks(dialog.images, str(tmp_path / "imgs"))
    dialog.as_prelabels.setChecked(True)
    assert not dialog.annotator.isEnabled()
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    report = _report(qtbot, window)
    assert report.report.ok
    n = (
        window.workspace.reader()
        .execute("SELECT count(*) FROM prelabels WHERE model_id = 'import:coco:shelves.json'")
        .fetchone()[0]
    )
    assert n == 1


def test_cancel_in_the_progress_dialog_stops_the_import(
    qtbot, window: MainWindow, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    images, anns = [], []
    for i in range(1, 41):
        make_image(tmp_path / "many" / f"m{i:02d}.png", 32, 32, seed=300 + i)
        images.append({"id": i, "file_name": f"m{i:02d}.png", "width": 32, "height": 32})
        anns.append({"id": i, "image_id": i, "category_id": 1, "bbox": [1, 1, 8, 8]})
    path = write_json(tmp_path / "many" / "many.json", {
        "images": images, "annotations": anns, "categories": [{"id": 1, "name": "dot"}]})  # fmt: skip
    ctl = window.annotation_importer
    from hitl_desktop.exchange.importers import AnnotationImportOptions

    handle = ctl.start(path, AnnotationImportOptions(format="coco"))
    assert handle is not None and ctl.progress_dialog is not None
    ctl.progress_dialog.canceled.emit()  # what the Cancel button sends, at once
    report = _report(qtbot, window)
    assert report.report.cancelled
    assert report.summary_label.text().startswith("Cancelled: ")
    done = report.report.counts().get("imported", 0)
    assert done < 40 and report.report.counts().get("not processed", 0) == 40 - done
    # whatever came in came in whole: one revision per imported record, none half made
    n = window.workspace.reader().execute(
        "SELECT count(*) FROM annotation_revisions WHERE actor = ?",
        (window.workspace.profile.name,)).fetchone()[0]  # fmt: skip
    assert n == done
