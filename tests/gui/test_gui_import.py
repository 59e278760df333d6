"""File → Import through the real dialogs: provenance typed in, progress, cancel, the report."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from hitl_desktop.gui import import_runner
from hitl_desktop.gui.import_report import ImportReportDialog, ImportReportModel
from hitl_desktop.gui.item_table_model import ItemTableModel
from hitl_desktop.gui.main_window import MainWindow
from hitl_desktop.gui.opening import open_workspace
from hitl_desktop.ingest import ImportReport, import_paths
from hitl_desktop.workspace import queries
from tests.gui.gui_helpers import SCREENSHOTS
from tests.support.files import text_pdf, write_png

pytestmark = pytest.mark.gui

SOURCE = "scanner-03/batch-12"
IMPORT_TIMEOUT_MS = 60_000


@pytest.fixture
def win(window: MainWindow) -> MainWindow:
    window.importer.option_overrides = {"workers": 1}  # decode inline: no processes to spawn
    return window


@pytest.fixture
def incoming(tmp_path: Path) -> Path:
    """Two PNGs, a two-page PDF and an empty file."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    write_png(folder / "delivery-scan.png", seed=11)
    write_png(folder / "receipt-photo.png", seed=12, size=(300, 420))
    (folder / "invoice-2026-001.pdf").write_bytes(text_pdf(["Invoice 2026-001", "Total 42"]))
    (folder / "zero-bytes.txt").write_bytes(b"")
    return folder


def _names(model: ItemTableModel) -> list[str]:
    return [model.data(model.index(r, ItemTableModel.NAME)) for r in range(model.rowCount())]


def _row(model: ItemTableModel, name: str) -> int:
    return _names(model).index(name)


def _save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / name))


def _wait_report(qtbot, win: MainWindow) -> ImportReportDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: win.importer.report_dialog is not None, timeout=IMPORT_TIMEOUT_MS)
    dialog = win.importer.report_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_import_folder_with_provenance(qtbot, win: MainWindow, incoming: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        import_runner.QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(incoming)
    )
    win.import_folder_action.trigger()
    dialog = win.importer.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.count_label.text() == "4 files to import"
    assert dialog.file_list.count() == 4
    assert [dialog.source.itemText(i) for i in range(dialog.source.count())] == ["demo"]
    assert not dialog.import_button.isEnabled()  # no source yet

    qtbot.keyClicks(dialog.source.lineEdit(), SOURCE)
    qtbot.keyClicks(dialog.collector, "Ada Lovelace")
    qtbot.keyClicks(dialog.device, "Fujitsu fi-8170")
    qtbot.keyClicks(dialog.licence, "research only")
    dialog.consent.setCurrentIndex(dialog.consent.findData(True))
    for flag in ("personal-data", "financial"):
        check = dialog.privacy[flag]  # click the box itself, at the start of the widget
        qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
        assert check.isChecked()
    qtbot.keyClicks(dialog.tags, "invoices, 2026,, invoices ")
    dialog.dpi.setValue(100)
    assert dialog.import_button.isEnabled()
    qtbot.wait(20)
    _save(dialog, "import_dialog.png")
    # Nothing clipped: every field label and group fits the dialog's width.
    assert dialog.width() >= dialog.minimumSizeHint().width()

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    report_dialog = _wait_report(qtbot, win)
    qtbot.wait(20)
    _save(report_dialog, "import_report.png")

    summary = report_dialog.summary_label.text()
    assert "3 imported (5 items)" in summary and "1 refused" in summary
    assert win.statusBar().currentMessage() == summary
    report = report_dialog.report
    assert not report.cancelled and report.counts() == {"imported": 3, "refused": 1}
    model = report_dialog.model
    rows = {model.data(model.index(r, 1)): r for r in range(model.rowCount())}
    empty = rows["zero-bytes.txt"]
    assert model.data(model.index(empty, ImportReportModel.STATUS)) == "Refused"
    assert "empty file" in model.data(model.index(empty, ImportReportModel.DETAILS))
    pdf = rows["invoice-2026-001.pdf"]
    assert model.data(model.index(pdf, ImportReportModel.PARTS)) == "2"
    assert isinstance(model.data(model.index(empty, 0), Qt.ItemDataRole.DecorationRole), QIcon)
    assert report_dialog.visible_statuses().count("Imported") == 3
    qtbot.mouseClick(report_dialog.problems_only, Qt.MouseButton.LeftButton)
    # Problems: the refused file, and imports flagged as near-duplicates (the generated pages
    # look alike), which say so in their details.
    shown = report_dialog.visible_statuses()
    assert shown.count("Refused") == 1
    flagged = [f for f in report.files if f.near_duplicates]
    assert len(shown) == 1 + len(flagged) and shown.count("Imported") == len(flagged)
    if flagged:
        row = rows[Path(flagged[0].path).name]
        assert "looks like" in model.data(model.index(row, ImportReportModel.DETAILS))

    # The browser and the counts were refreshed; images and pages show their thumbnails.
    browser_model = win.model
    names = _names(browser_model)
    for name in (
        "delivery-scan.png", "receipt-photo.png", "invoice-2026-001.pdf",
        "invoice-2026-001.pdf p1", "invoice-2026-001.pdf p2",
    ):  # fmt: skip
        assert name in names
    assert browser_model.rowCount() == 13 and win.items_label.text() == "13 items"
    for name in ("delivery-scan.png", "receipt-photo.png", "invoice-2026-001.pdf p1"):
        index = browser_model.index(_row(browser_model, name), ItemTableModel.NAME)
        pixmap = browser_model.data(index, Qt.ItemDataRole.DecorationRole)
        assert isinstance(pixmap, QPixmap) and not pixmap.isNull()
    doc = browser_model.index(_row(browser_model, "invoice-2026-001.pdf"), ItemTableModel.NAME)
    assert isinstance(browser_model.data(doc, Qt.ItemDataRole.DecorationRole), QIcon)
    assert (
        browser_model.data(
            browser_model.index(_row(browser_model, "invoice-2026-001.pdf p1"), ItemTableModel.KIND)
        )
        == "Page"
    )
    row_height = win.browser.table.verticalHeader().defaultSectionSize()
    assert row_height >= 48

    # The provenance typed into the dialog is in the import event.
    item_id = browser_model.item_id(_row(browser_model, "delivery-scan.png"))
    assert item_id is not None
    (event,) = [
        e
        for e in queries.item_history(win.workspace.reader(), item_id)
        if e.type == "item.imported"
    ]
    provenance = event.payload["provenance"]
    assert isinstance(provenance, dict)
    assert provenance["source"] == SOURCE and event.payload["source"] == SOURCE
    assert provenance["collector"] == "Ada Lovelace"
    assert provenance["device"] == "Fujitsu fi-8170"
    assert provenance["licence"] == "research only"
    assert provenance["consent"] is True
    assert provenance["privacy"] == ["personal-data", "financial"]
    assert provenance["tags"] == ["invoices", "2026"]
    page_id = browser_model.item_id(_row(browser_model, "invoice-2026-001.pdf p1"))
    assert page_id is not None
    (derived,) = [
        e for e in queries.item_history(win.workspace.reader(), page_id) if e.type == "item.derived"
    ]
    assert derived.payload["parameters"]["dpi"] == 100  # type: ignore[index]

    win.browser.select_row(_row(browser_model, "receipt-photo.png"))
    win.resize(1280, 800)
    qtbot.wait(50)
    _save(win, "main_window_thumbnails.png")
    report_dialog.close()
    qtbot.waitUntil(lambda: win.importer.report_dialog is None)

    # The next import offers the new source and remembers the last one used.
    monkeypatch.setattr(
        import_runner.QFileDialog,
        "getOpenFileNames",
        lambda *_a, **_k: ([str(incoming / "delivery-scan.png")], ""),
    )
    win.import_files_action.trigger()
    again = win.importer.dialog
    assert again is not None
    assert SOURCE in [again.source.itemText(i) for i in range(again.source.count())]
    assert again.source.currentText() == SOURCE and again.collector.text() == "Ada Lovelace"
    assert again.count_label.text() == "1 file to import"
    again.reject()


def _slow_import(delay: float):  # type: ignore[no-untyped-def]
    """import_paths, slowed down after each file so a test can press Cancel mid-run."""

    def slow(ws, files, options, *, progress, cancel):  # type: ignore[no-untyped-def]
        def paced(done: int, total: int, current: str) -> None:
            progress(done, total, current)
            time.sleep(delay)

        return import_paths(ws, files, options, progress=paced, cancel=cancel)

    return slow


def test_cancel_from_the_progress_dialog(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    folder = tmp_path / "forty"
    folder.mkdir()
    for i in range(40):
        write_png(folder / f"page-{i:02d}.png", seed=100 + i, size=(120, 90))
    monkeypatch.setattr(import_runner, "import_paths", _slow_import(0.05))
    dialog = win.importer.ask([folder])
    assert dialog is not None and dialog.count_label.text() == "40 files to import"
    dialog.source.setCurrentText("cancel-test")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert win.runner.is_running("import")
    assert win.statusBar().currentMessage().startswith("Importing")

    def progress_shown() -> bool:
        progress = win.importer.progress_dialog
        return progress is not None and progress.isVisible() and progress.value() >= 5

    qtbot.waitUntil(progress_shown, timeout=IMPORT_TIMEOUT_MS)
    progress = win.importer.progress_dialog
    assert progress is not None
    label = progress.labelText()
    assert " of 40 — page-" in label and label.endswith(".png")
    _save(progress, "import_progress.png")
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    report_dialog = _wait_report(qtbot, win)
    report = report_dialog.report
    assert report.cancelled
    counts = report.counts()
    done = counts["imported"]
    assert 5 <= done < 40 and counts["not processed"] == 40 - done
    assert report_dialog.summary_label.text().startswith("Cancelled: ")
    assert f"{40 - done} not processed" in report_dialog.summary_label.text()
    # Only the committed items are listed, and all of them are.
    assert win.model.rowCount() == 8 + done
    assert queries.count_items(win.workspace.reader()) == 8 + done
    assert not win.runner.is_running("import")
    report_dialog.problems_only.setChecked(True)
    assert report_dialog.visible_statuses() == ["Not processed"] * (40 - done)


def _drag_enter(mime: QMimeData) -> QDragEnterEvent:
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    try:
        return QDragEnterEvent(QPointF(200, 200), *args)  # Qt 6.12+
    except TypeError:
        return QDragEnterEvent(QPoint(200, 200), *args)


def _drag_events(paths: list[Path]) -> tuple[QDragEnterEvent, QDropEvent, QMimeData]:
    """Drag-enter and drop events carrying file URLs (the events do not own the mime data)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    action = Qt.DropAction.CopyAction
    enter = _drag_enter(mime)
    drop = QDropEvent(
        QPointF(200, 200), action, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    return enter, drop, mime


def test_drop_files_and_folders_on_the_window(  # type: ignore[no-untyped-def]
    qtbot, win: MainWindow, incoming: Path, tmp_path: Path
) -> None:
    extra = write_png(tmp_path / "loose.png", seed=99)
    enter, drop, _mime = _drag_events([incoming, extra])
    QApplication.sendEvent(win, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(win, drop)
    assert drop.isAccepted()
    dialog = win.importer.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.count_label.text() == "5 files to import"
    listed = dialog.file_list.item(4)
    assert listed.toolTip() == str(extra)
    assert listed.text() == f"{tmp_path.name}/loose.png"  # relative to the common folder
    assert dialog.folder_label.text() == f"from {tmp_path}"
    dialog.source.setCurrentText("dropped")
    qtbot.keyClick(dialog.tags, Qt.Key.Key_Return)  # Return accepts: Import is the default
    report = _wait_report(qtbot, win).report
    assert report.counts() == {"imported": 4, "refused": 1}
    assert "loose.png" in _names(win.model)

    mime = QMimeData()
    mime.setText("not a file")
    plain = _drag_enter(mime)
    QApplication.sendEvent(win, plain)
    assert not plain.isAccepted()


def test_read_only_window_refuses_imports(qtbot, demo_path: Path, incoming: Path) -> None:  # type: ignore[no-untyped-def]
    ro = MainWindow(open_workspace(demo_path, readonly=True))
    qtbot.addWidget(ro)
    ro.show()
    assert not ro.import_files_action.isEnabled()
    assert ro.import_folder_action.toolTip() == "Needs the workspace open for writing"
    enter, _drop, _mime = _drag_events([incoming])
    QApplication.sendEvent(ro, enter)
    assert not enter.isAccepted()
    assert ro.importer.ask([incoming]) is None
    box = ro.findChild(QMessageBox)
    assert box is not None and "read-only" in box.text()
    box.accept()
    ro.close()


def test_report_dialog_lists_every_outcome(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from hitl_desktop.ingest import FileResult

    report = ImportReport(
        [
            FileResult("/data/a.png", "imported", item_id="x", near_duplicates=["y"]),
            FileResult("/data/b.png", "duplicate", "already imported from this source and path"),
            FileResult("/data/c.png", "sighting", "same content", "y"),
            FileResult("/data/d.csv", "imported", "", "z", parts=1200, notes=["2 bad rows"]),
            FileResult("/data/e.bin", "refused", "not a readable image"),
        ]
    )
    dialog = ImportReportDialog(report)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.summary_label.text() == (
        "2 imported (1,202 items), 1 duplicate, 1 new sightings, 1 refused, "
        "1 flagged as near-duplicates"
    )
    model = dialog.model
    assert model.data(model.index(3, ImportReportModel.PARTS)) == "1,200"
    assert model.data(model.index(0, ImportReportModel.DETAILS)) == "looks like 1 other item"
    assert model.data(model.index(3, ImportReportModel.DETAILS)) == "2 bad rows"
    assert dialog.problems_only.text() == "Show &problems only (2)"
    dialog.problems_only.setChecked(True)
    assert dialog.visible_statuses() == ["Imported", "Refused"]
    target = tmp_path / "report.json"
    monkeypatch.setattr(
        "hitl_desktop.gui.import_report.QFileDialog.getSaveFileName",
        lambda *_a, **_k: (str(target), ""),
    )
    dialog.save_button.click()
    assert '"counts"' in target.read_text(encoding="utf-8")
