"""Tools → Run OCR through the real dialog and worker thread, and the OCR dock."""

from __future__ import annotations

import csv
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QStyleOptionViewItem

from hitl_desktop.gui import ocr_runner
from hitl_desktop.gui.main_window import MainWindow
from hitl_desktop.gui.ocr_dialog import OcrOptionsDialog
from hitl_desktop.gui.ocr_view import LOW_SCORE_BRUSH, OcrView
from hitl_desktop.gui.opening import open_workspace
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.ocr import EngineInfo, OcrError, OcrLine, run_ocr
from hitl_desktop.workspace import Workspace
from tests.gui.gui_helpers import SCREENSHOTS

pytestmark = pytest.mark.gui

SROIE = Path(__file__).resolve().parents[3] / "shared" / "data" / "sroie"
OCR_TIMEOUT_MS = 120_000
KNOWN_WORD = "kiddy"  # in receipt 000's transcript: "KF MODELLING CLAY KIDDY FISH"
CPU_NOTICE = "No usable GPU found; running on the CPU."


def _save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / name))


def _box(win: MainWindow) -> QMessageBox:
    box = win.ocr.message_box
    assert box is not None and box.isVisible()
    return box


@pytest.fixture
def receipts(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """A window on a workspace holding two SROIE receipts, the first one selected."""
    ws = Workspace.create(tmp_path / "receipts", name="Receipts")
    paths = [SROIE / "img" / "000.jpg", SROIE / "img" / "001.jpg"]
    import_paths(ws, paths, ImportOptions(workers=1))
    ws.close()
    win = MainWindow(open_workspace(tmp_path / "receipts"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def _run_all(qtbot, win: MainWindow, *, device: str = "cpu") -> OcrOptionsDialog:  # type: ignore[no-untyped-def]
    """Tools → Run OCR on all pages; choose rapidocr on ``device`` and press Run OCR."""
    tools = [a.text() for a in win.tools_menu.actions() if not a.isSeparator()]
    assert tools[:2] == ["Run OCR on &selected items…", "Run OCR on &all pages…"]
    win.ocr.run_all_action.trigger()
    dialog = win.ocr.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.set_engine("rapidocr")
    dialog.set_device(device)
    assert dialog.options().engine == "rapidocr" and dialog.options().device == device
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert win.ocr.running
    return dialog


def _wait_report(qtbot, win: MainWindow):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: win.ocr.last_report is not None, timeout=OCR_TIMEOUT_MS)
    qtbot.waitUntil(lambda: not win.ocr.running)
    return win.ocr.last_report


def test_run_ocr_on_all_pages_fills_the_dock(qtbot, receipts: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = receipts
    assert win.ocr.device_label.text() in ("Device: CPU", "Device: GPU (CUDA)")
    assert win.ocr.device_label.isVisible()
    win.browser.select_row(0)
    assert win.ocr_view.empty_label.text() == "No OCR yet — Tools → Run OCR"
    assert win.ocr_view.stack.currentWidget() is win.ocr_view.empty_label

    dialog = _run_all(qtbot, win)
    assert dialog.description.text().startswith("Read the text on all 2 ")
    report = _wait_report(qtbot, win)
    assert not report.cancelled and len(report.done) == 2 and not report.failed
    status = win.statusBar().currentMessage()
    assert "2 pages read" in status and status == report.summary()
    assert win.ocr.device_label.text() == "Device: CPU"
    assert win.ocr.progress_dialog is None
    assert win.events_label.text() == "6 events"  # created, enrolled, 2 imports, 2 OCR runs

    # The dock was refreshed for the selected receipt: its lines, and what read them.
    win.browser.select_row(0)
    view = win.ocr_view
    assert view.stack.currentWidget() is view.table
    lines = view.lines()
    assert len(lines) > 20 and lines[0][0] == "1"
    transcript = (SROIE / "box" / "000.csv").read_text(encoding="utf-8", errors="replace")
    assert any(KNOWN_WORD in ",".join(row).lower() for row in csv.reader(transcript.splitlines()))
    assert any(KNOWN_WORD in text.lower() for _no, text, _score in lines)
    assert view.heading.text().startswith("\u2068000.jpg\u2069: ")
    provenance = view.provenance.text()
    assert "rapidocr" in provenance and "CPU" in provenance and "model " in provenance
    run = view.run
    assert run is not None and run.weights is not None and run.weights[:12] in provenance
    assert "model files " + run.weights in view.provenance.toolTip()
    # Lines read with a low score stand out.
    for row, (_no, _text, score) in enumerate(lines):
        low = float(score) < 0.8
        cell = view.table.item(row, OcrView.SCORE)
        assert (cell.background().color() == LOW_SCORE_BRUSH) == low
        assert cell.font().bold() == low

    win.resize(1280, 800)
    view.table.scrollToBottom()  # where the receipt's Chinese lines scored low
    qtbot.wait(50)
    _save(win, "main_window_ocr.png")

    # A second run skips what was read; the context menu offers the same actions.
    assert win.ocr.run_selected_action in win.browser.table.actions()
    win.ocr.last_report = None
    _run_all(qtbot, win)
    again = _wait_report(qtbot, win)
    assert len(again.skipped) == 2 and not again.done
    assert "2 already done" in win.statusBar().currentMessage()


def _pause_after_first_page(cancel_seen: list[bool]):  # type: ignore[no-untyped-def]
    """run_ocr whose progress, after the first page, waits until Cancel is pressed."""

    def run(ws, engine, items, *, force, progress, cancel):  # type: ignore[no-untyped-def]
        def paced(done: int, total: int, name: str) -> None:
            progress(done, total, name)
            deadline = time.monotonic() + 60
            while done == 1 and not cancel.cancelled and time.monotonic() < deadline:
                time.sleep(0.01)
            if done == 1:
                cancel_seen.append(cancel.cancelled)

        return run_ocr(ws, engine, items, force=force, progress=paced, cancel=cancel)

    return run


def test_cancel_keeps_the_pages_read(qtbot, receipts: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    win = receipts
    cancel_seen: list[bool] = []
    monkeypatch.setattr(ocr_runner, "run_ocr", _pause_after_first_page(cancel_seen))
    _run_all(qtbot, win)

    def first_page_read() -> bool:
        progress = win.ocr.progress_dialog
        return progress is not None and progress.isVisible() and progress.value() >= 1

    qtbot.waitUntil(first_page_read, timeout=OCR_TIMEOUT_MS)
    progress = win.ocr.progress_dialog
    assert progress is not None
    assert progress.labelText() == "1 of 2 — 000.jpg"
    assert progress.maximum() == 2
    _save(progress, "ocr_progress.png")
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)

    report = _wait_report(qtbot, win)
    assert cancel_seen == [True]
    assert report.cancelled and len(report.done) == 1
    assert win.statusBar().currentMessage().startswith("Cancelled: 1 page read")
    # Exactly the pages committed before the cancel are recorded.
    read = {r[0] for r in win.workspace.reader().execute("SELECT item_id FROM ocr_runs")}
    assert read == {item_id for item_id, _lines in report.done}
    assert read == {win.model.item_id(0)}
    win.browser.select_row(0)
    assert win.ocr_view.lines()
    win.browser.select_row(1)
    assert win.ocr_view.lines() == []
    assert win.ocr_view.empty_label.text() == "No OCR yet — Tools → Run OCR"


def test_read_only_window_disables_ocr(qtbot, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    ro = MainWindow(open_workspace(demo_path, readonly=True))
    qtbot.addWidget(ro)
    ro.show()
    for action in (ro.ocr.run_selected_action, ro.ocr.run_all_action):
        assert not action.isEnabled()
        assert action.toolTip() == "Needs the workspace open for writing"
    assert ro.ocr.ask(None) is None
    assert "read-only" in _box(ro).text()
    _box(ro).accept()
    ro.close()


# ---------------------------------------------------------------------- a stand-in engine
ARABIC = "المجموع ٤٢ ريال"
FAKE_LINES = [("INVOICE 2026-001", 0.99), (ARABIC, 0.93), ("Tot4l 42.O0", 0.41)]


class FakeEngine:
    """Reads the same three lines on every page, instantly; its notice is a CPU fallback."""

    def __init__(self, *, device: str = "auto", **_options: object) -> None:
        self.notice = CPU_NOTICE
        self.info = EngineInfo("fake-ocr", "1.0", "cpu", {"fake.onnx": "ab" * 32}, {})

    def recognize_page(self, _image):  # type: ignore[no-untyped-def]
        quad = [[0, 0], [10, 0], [10, 5], [0, 5]]
        return [OcrLine.make(quad, text, score) for text, score in FAKE_LINES]


@pytest.fixture
def fake(window: MainWindow, monkeypatch) -> MainWindow:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ocr_runner, "make_engine", lambda _name, **kw: FakeEngine(**kw))
    return window


def _row(win: MainWindow, name: str) -> int:
    names = [win.model.item_at(r).name for r in range(win.model.rowCount())]  # type: ignore[union-attr]
    return names.index(name)


def test_ocr_dock_provenance_rtl_and_low_scores(qtbot, fake: MainWindow) -> None:  # type: ignore[no-untyped-def]
    win = fake
    win.browser.select_row(_row(win, "greeting-ar.txt"))
    assert win.ocr_view.empty_label.text() == "OCR reads images and pages only."
    win.ocr.run_selected_action.trigger()  # a text item only: refused
    assert "None of the selected items" in _box(win).text()
    _box(win).accept()

    win.browser.select_row(_row(win, "invoice.png"))
    win.ocr.run_selected_action.trigger()  # Run OCR on selected items (also the context menu)
    dialog = win.ocr.dialog
    assert dialog is not None
    assert dialog.description.text() == "Read the text on 1 selected image or page."
    qtbot.wait(20)
    _save(dialog, "ocr_options.png")
    dialog.accept()
    report = _wait_report(qtbot, win)
    assert len(report.done) == 1
    # The engine's notice (a CPU fallback) is said in the status bar and on the device label.
    assert win.statusBar().currentMessage() == (
        "1 page read (3 lines) on CPU. No usable GPU found; running on the CPU."
    )
    assert win.ocr.device_label.text() == "Device: CPU"
    assert CPU_NOTICE in win.ocr.device_label.toolTip()

    view = win.ocr_view
    assert view.lines() == [("1", FAKE_LINES[0][0], "0.99"), ("2", ARABIC, "0.93"), ("3", FAKE_LINES[2][0], "0.41")]  # fmt: skip
    assert view.heading.text() == "\u2068invoice.png\u2069: 3 lines, 1 to check"
    assert view.provenance.text() == "Read by fake-ocr 1.0 on CPU\nmodel " + view.run.weights[:12] + " · mean score 0.78"  # type: ignore[union-attr]  # fmt: skip
    assert view.table.item(2, OcrView.TEXT).background().color() == LOW_SCORE_BRUSH
    assert "check this line" in view.table.item(2, OcrView.SCORE).toolTip()
    # Each line is laid out in its own direction: the Arabic one right to left.
    delegate = view.table.itemDelegateForColumn(OcrView.TEXT)
    directions = []
    for row in range(3):
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, view.table.model().index(row, OcrView.TEXT))
        directions.append(option.direction)
    rtl, ltr = Qt.LayoutDirection.RightToLeft, Qt.LayoutDirection.LeftToRight
    assert directions == [ltr, rtl, ltr]
    win.resize(1100, 600)
    qtbot.wait(50)
    _save(win.ocr_dock, "ocr_dock_rtl.png")

    win.browser.select_row(_row(win, "delivery-note.png"))  # not read yet
    assert view.stack.currentWidget() is view.empty_label
    assert view.provenance.isHidden()


def test_failures_are_listed_and_busy_windows_refuse(qtbot, fake: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    win = fake
    gate = threading.Event()
    win.runner.start("slow", lambda _c, _p: gate.wait(10), on_done=print, on_error=print)
    assert win.ocr.ask(None) is None  # another job is running
    assert "Another job is running" in _box(win).text()
    _box(win).accept()
    gate.set()
    qtbot.waitUntil(lambda: win.runner.active_count == 0)

    ws = win.workspace
    invoice = win.model.item_at(_row(win, "invoice.png"))
    assert invoice is not None
    ws.blobs.path(invoice.blob_sha256).write_bytes(b"bit rot")  # the stored blob decays
    dialog = win.ocr.run_all()
    assert dialog is not None
    assert dialog.description.text() == "Read the text on all 3 images and pages of the workspace."
    dialog.accept()
    report = _wait_report(qtbot, win)
    assert len(report.done) == 2 and len(report.failed) == 1
    assert "1 failed" in win.statusBar().currentMessage()
    box = _box(win)
    assert box.icon() == QMessageBox.Icon.Warning
    assert "1 page could not be read" in box.informativeText()
    assert "invoice.png" in box.informativeText() and "invoice.png" in box.detailedText()
    box.accept()

    # An engine that cannot start (a model file missing) fails the run with its message.
    def broken(_name: str, **_kw: object) -> None:
        raise OcrError("the detection model /models/det.onnx is missing")

    monkeypatch.setattr(ocr_runner, "make_engine", broken)
    dialog = win.ocr.run_all()
    assert dialog is not None
    dialog.accept()
    qtbot.waitUntil(lambda: not win.ocr.running, timeout=OCR_TIMEOUT_MS)
    assert win.statusBar().currentMessage().startswith("OCR failed: the detection model")
    box = _box(win)
    assert box.icon() == QMessageBox.Icon.Critical and "det.onnx" in box.informativeText()
    box.accept()
    assert win.ocr.progress_dialog is None


def test_device_label_names_the_gpu(window: MainWindow) -> None:
    window.ocr.show_device("cuda", "A usable GPU was found.")
    assert window.ocr.device_label.text() == "Device: GPU (CUDA)"
    assert window.ocr.device_label.toolTip() == "Where OCR and models run. A usable GPU was found."
