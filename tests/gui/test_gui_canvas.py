"""The image editor with real mouse and key events on a FUNSD page in a real workspace."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from hitl_desktop.annotate import Box, OcrLine, Point, Polygon, revisions
from hitl_desktop.gui.canvas import ImageEditor
from hitl_desktop.gui.canvas.fullres import cut, cut_in_child
from hitl_desktop.gui.canvas.pyramid import PagePyramid
from hitl_desktop.gui.document_session import DocumentSession
from hitl_desktop.gui.label_palette import LabelPalette
from hitl_desktop.gui.tasks import TaskRunner
from hitl_desktop.ingest import ImportOptions, import_paths
from hitl_desktop.ingest.pixels import decode_upright_rgb
from hitl_desktop.ocr import make_engine, run_ocr
from hitl_desktop.ocr.run import page_items
from hitl_desktop.workspace import Workspace

from .gui_helpers import SCREENSHOTS, imported

pytestmark = pytest.mark.gui

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
FUNSD_PAGE = DATA / "funsd" / "images" / "0000971160.png"
TEXT = DATA / "multilingual" / "arb.txt"
SROIE_RECEIPT = DATA / "sroie" / "img" / "000.jpg"
BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_canvas.py"


class Desk:
    """The editor in a window with the session's undo/redo actions, as the app hosts it."""

    def __init__(self, qtbot, ws: Workspace) -> None:  # type: ignore[no-untyped-def]
        self.ws = ws
        self.qtbot = qtbot
        # Qt parents, not Python's garbage collector, delete these: a QObject with a running
        # timer collected on another thread leaves a dangling timer that crashes a later test.
        self.host = QWidget()
        self.session = DocumentSession(lambda: ws, self.host)
        self.runner = TaskRunner(self.host)
        self.palette = LabelPalette(self.host)
        self.editor = ImageEditor(self.session, lambda: ws, self.runner, self.host)
        self.editor.set_palette(self.palette)
        layout = QVBoxLayout(self.host)
        layout.addWidget(self.editor)
        self.host.addActions([self.session.undo_action, self.session.redo_action])
        self.host.addActions(self.palette.hotkey_actions)
        self.palette.set_labels(["question", "answer", "header"])
        self.palette.hide()
        qtbot.addWidget(self.host)
        self.host.resize(800, 1000)
        self.host.show()
        qtbot.waitExposed(self.host)
        self.host.activateWindow()
        self.editor.view.setFocus()

    @property
    def viewport(self) -> QWidget:
        return self.editor.view.viewport()

    def open(self, item_id: str) -> None:
        self.session.open_item(item_id)
        self.qtbot.waitUntil(lambda: self.editor.tiles.base is not None, timeout=10_000)

    def at(self, x: float, y: float) -> QPoint:
        """The viewport pixel showing image point (x, y)."""
        return self.editor.view.mapFromScene(QPointF(x, y))

    def image(self, pos: QPoint) -> tuple[float, float]:
        p = self.editor.view.mapToScene(pos)
        return p.x(), p.y()

    def drag(self, a: QPoint, b: QPoint, steps: int = 6) -> None:
        vp = self.viewport
        self.qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=a)
        for i in range(1, steps + 1):
            self.qtbot.mouseMove(vp, a + (b - a) * (i / steps))
        self.qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=b)

    def key(self, key: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.editor.view, key, mod)

    def close(self) -> None:
        self.session.wait_for_saves()
        self.runner.shutdown()


def _first_item(ws: Workspace) -> str:
    return str(ws.reader().execute("SELECT id FROM items ORDER BY created_key").fetchone()[0])


@pytest.fixture
def funsd(qtbot, tmp_path: Path) -> Iterator[Desk]:  # type: ignore[no-untyped-def]
    ws = Workspace.create(tmp_path / "ws", name="Forms")
    import_paths(ws, [FUNSD_PAGE], ImportOptions(workers=1))
    desk = Desk(qtbot, ws)
    desk.open(_first_item(ws))
    yield desk
    desk.close()
    ws.close()


def _box(desk: Desk, ann_id: str) -> Box:
    doc = desk.session.document
    assert doc is not None
    shape = doc.get(ann_id).shape
    assert isinstance(shape, Box)
    return shape


def test_draw_move_undo_redo_resize_and_save_a_box(funsd: Desk) -> None:
    desk, editor = funsd, funsd.editor
    doc = desk.session.document
    assert doc is not None and doc.size == (762, 1000)
    desk.key(Qt.Key.Key_2)  # palette hotkey: "answer"
    desk.key(Qt.Key.Key_B)
    assert editor.tools.tool == "box"
    a, b = desk.at(120.0, 150.0), desk.at(330.0, 215.0)
    desk.drag(a, b)
    (ann,) = doc.annotations
    assert ann.label == "answer" and isinstance(ann.shape, Box)
    (ax, ay), (bx, by) = desk.image(a), desk.image(b)
    got = ann.shape
    for have, want in ((got.x0, ax), (got.y0, ay), (got.x1, bx), (got.y1, by)):
        assert abs(have - want) <= 2.0, (got, (ax, ay, bx, by))
    assert desk.session.selection == [ann.id]
    drawn = got

    # move it by dragging its inside: one undo step for the whole drag
    desk.key(Qt.Key.Key_V)
    depth = len(doc.stack)
    centre = desk.at((got.x0 + got.x1) / 2, (got.y0 + got.y1) / 2)
    desk.drag(centre, centre + QPoint(60, 90), steps=8)
    moved = _box(desk, ann.id)
    assert len(doc.stack) == depth + 1 and doc.stack.undo_text == "Move"
    dx, dy = moved.x0 - drawn.x0, moved.y0 - drawn.y0
    zoom = editor.view.zoom
    assert abs(dx - 60 / zoom) <= 2 and abs(dy - 90 / zoom) <= 2
    assert moved.width == pytest.approx(drawn.width) and moved.height == pytest.approx(drawn.height)

    desk.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _box(desk, ann.id) == drawn  # exactly where it was drawn
    desk.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _box(desk, ann.id) == moved

    # resize by the bottom-right handle
    corner = desk.at(moved.x1, moved.y1)
    target = corner + QPoint(40, 30)
    desk.drag(corner, target)
    resized = _box(desk, ann.id)
    tx, ty = desk.image(target)
    assert (resized.x0, resized.y0) == (moved.x0, moved.y0)
    assert abs(resized.x1 - tx) <= 2 and abs(resized.y1 - ty) <= 2
    assert doc.stack.undo_text == "Resize"

    # a drag past the page's edge stops at the edge
    desk.drag(desk.at(resized.x0 + 5, resized.y0 + 5), desk.at(-300, -300))
    pinned = _box(desk, ann.id)
    assert (pinned.x0, pinned.y0) == (0.0, 0.0) and pinned.width == pytest.approx(resized.width)

    # arrow keys nudge; a relabel from the palette hotkey applies to the selection
    desk.key(Qt.Key.Key_Right)
    assert _box(desk, ann.id).x0 == 1.0
    desk.key(Qt.Key.Key_3)
    assert doc.get(ann.id).label == "header"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    editor.grab().save(str(SCREENSHOTS / "canvas_box.png"))

    with desk.qtbot.waitSignal(desk.session.saved, timeout=10_000) as saved:
        desk.session.save_action.trigger()
    payload = revisions.revision_payload(desk.ws.reader(), saved.args[0])
    (stored,) = payload["annotations"]
    assert stored["label"] == "header" and stored["kind"] == "box"
    assert stored["shape"]["x0"] == 1.0 and stored["shape"]["y0"] == 0.0


def test_polygon_point_rubber_band_select_and_delete(funsd: Desk) -> None:
    desk, editor = funsd, funsd.editor
    doc = desk.session.document
    assert doc is not None
    desk.key(Qt.Key.Key_P)
    corners = [(100.0, 400.0), (260.0, 420.0), (200.0, 520.0)]
    vp = desk.viewport
    for x, y in corners:
        desk.qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=desk.at(x, y))
    desk.key(Qt.Key.Key_Escape)  # Esc drops the unfinished polygon
    assert len(doc) == 0 and not editor.tools.polygon
    for x, y in corners:
        desk.qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=desk.at(x, y))
    desk.key(Qt.Key.Key_Return)
    (poly,) = doc.annotations
    assert isinstance(poly.shape, Polygon) and len(poly.shape.points) == 3
    for (px, py), (x, y) in zip(poly.shape.points, corners, strict=True):
        assert abs(px - x) <= 2 and abs(py - y) <= 2
    assert poly.label == "question"  # the palette's current label
    # a second one, closed by clicking its first point again, then one by a double-click
    for x, y in [(400.0, 100.0), (550.0, 120.0), (480.0, 250.0), (401.0, 101.0)]:
        desk.qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=desk.at(x, y))
    closed = doc.annotations[-1]
    assert isinstance(closed.shape, Polygon) and len(closed.shape.points) == 3
    for x, y in [(600.0, 100.0), (700.0, 120.0)]:
        desk.qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=desk.at(x, y))
    last = desk.at(650.0, 250.0)  # a double-click: a click, then the double-click event
    desk.qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=last)
    desk.qtbot.mouseDClick(vp, Qt.MouseButton.LeftButton, pos=last)
    third = doc.annotations[-1]
    assert third.id != closed.id and isinstance(third.shape, Polygon)
    assert len(third.shape.points) == 3
    assert not editor.tools.polygon and len(doc) == 3

    desk.key(Qt.Key.Key_O)
    desk.qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=desk.at(500.0, 600.0))
    point = doc.annotations[-1]
    assert isinstance(point.shape, Point) and abs(point.shape.x - 500) <= 2

    # move one polygon vertex with the select tool
    desk.key(Qt.Key.Key_V)
    desk.session.select([poly.id])
    vx, vy = doc.get(poly.id).shape.points[1]  # type: ignore[union-attr]
    desk.drag(desk.at(vx, vy), desk.at(300.0, 380.0))
    moved = doc.get(poly.id).shape
    assert isinstance(moved, Polygon) and doc.stack.undo_text == "Move vertex"
    assert abs(moved.points[1][0] - 300) <= 2 and moved.points[0] == poly.shape.points[0]

    # a rubber band around both selects both; Delete removes them in one step
    desk.drag(desk.at(50.0, 300.0), desk.at(600.0, 700.0))
    assert set(desk.session.selection) == {poly.id, point.id}
    desk.key(Qt.Key.Key_Delete)
    assert [a.id for a in doc.annotations] == [closed.id, third.id]
    desk.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(doc) == 4


def test_wheel_zooms_about_the_cursor_and_keys_fit(funsd: Desk) -> None:
    desk, view = funsd, funsd.editor.view
    pos = desk.at(600.0, 800.0)
    before = desk.image(pos)
    fit = view.zoom
    for _ in range(4):
        event = QWheelEvent(QPointF(pos), QPointF(view.viewport().mapToGlobal(pos)), QPoint(),
                            QPoint(0, 120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)  # fmt: skip
        QApplication.sendEvent(view.viewport(), event)
    assert view.zoom == pytest.approx(fit * 1.25**4)
    after = desk.image(pos)
    assert abs(after[0] - before[0]) <= 1.5 / view.zoom + 0.5
    assert abs(after[1] - before[1]) <= 1.5 / view.zoom + 0.5
    desk.key(Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(1.0)
    desk.key(Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(fit)
    desk.key(Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(fit * 1.25)
    # a fitted page follows the window's size; a zoomed one keeps its zoom
    desk.host.resize(800, 1100)
    desk.qtbot.waitUntil(lambda: view.viewport().height() > 950)
    assert view.zoom == pytest.approx(fit * 1.25)
    desk.key(Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    refit = view.zoom
    assert refit > fit
    desk.host.resize(800, 1000)
    desk.qtbot.waitUntil(lambda: view.zoom < refit)
    assert view.zoom == pytest.approx(fit, rel=0.01)


@pytest.fixture
def receipt(qtbot, tmp_path: Path) -> Iterator[Desk]:  # type: ignore[no-untyped-def]
    """A SROIE receipt read by the real OCR engine: its lines are pending suggestions."""
    ws = Workspace.create(tmp_path / "ws", name="Receipts")
    import_paths(ws, [SROIE_RECEIPT], ImportOptions(workers=1))
    report = run_ocr(ws, make_engine("rapidocr"), page_items(ws))
    assert report.done and not report.failed
    desk = Desk(qtbot, ws)
    desk.open(_first_item(ws))
    yield desk
    desk.close()
    ws.close()


def test_ocr_suggestions_are_shown_apart_and_accepted_by_key(receipt: Desk) -> None:
    desk, editor = receipt, receipt.editor
    doc = desk.session.document
    assert doc is not None
    (ocr_event,) = [r[0] for r in desk.ws.reader().execute(
        "SELECT hash FROM events WHERE type = 'ocr.ran'")]  # fmt: skip
    lines = doc.suggestions
    assert len(lines) >= 10 and all(isinstance(s.shape, OcrLine) for s in lines)
    assert all(editor.items[s.id].suggestion for s in lines) and len(doc) == 0

    # a human box beside the suggestions, for the screenshot
    desk.key(Qt.Key.Key_B)
    desk.drag(desk.at(20.0, 20.0), desk.at(200.0, 120.0))
    assert not editor.items[doc.annotations[0].id].suggestion
    desk.key(Qt.Key.Key_V)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    editor.grab().save(str(SCREENSHOTS / "canvas_suggestions.png"))

    # click one suggestion: it is selected; A accepts just that one
    line = max(lines, key=lambda s: len(s.shape.text))  # type: ignore[union-attr]
    quad = line.shape.quad  # type: ignore[union-attr]
    cx, cy = sum(p[0] for p in quad) / 4, sum(p[1] for p in quad) / 4
    desk.qtbot.mouseClick(desk.viewport, Qt.MouseButton.LeftButton, pos=desk.at(cx, cy))
    assert desk.session.selection == [line.id]
    desk.key(Qt.Key.Key_A)
    accepted = doc.get(line.id)
    assert accepted.origin.kind == "ocr" and accepted.origin.event == ocr_event
    assert accepted.shape == line.shape and len(doc.suggestions) == len(lines) - 1
    assert not editor.items[line.id].suggestion  # now drawn as the worker's own

    # with nothing selected, A accepts the rest: one undo step takes them all back
    desk.key(Qt.Key.Key_Escape)
    desk.key(Qt.Key.Key_A)
    assert not doc.suggestions and len(doc) == len(lines) + 1
    desk.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(doc.suggestions) == len(lines) - 1
    desk.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    with desk.qtbot.waitSignal(desk.session.saved, timeout=10_000) as saved:
        desk.session.save_action.trigger()
    payload = revisions.revision_payload(desk.ws.reader(), saved.args[0])
    stored = {a["id"]: a for a in payload["annotations"]}
    assert stored[line.id]["origin"]["event"] == ocr_event
    assert sum(a["kind"] == "ocr_line" for a in stored.values()) == len(lines)


def test_a_20000_by_30000_scan_opens_fast_in_bounded_memory(
    tmp_path: Path, subprocess_env: dict[str, str]
) -> None:
    """Measured in a fresh process (the benchmark's routine), so earlier tests' memory does
    not count: the first view, then 100 % with its full-resolution tiles, cut by a child
    process, read in the background."""
    scan = tmp_path / "scan.jpg"
    subprocess.run([sys.executable, str(BENCH), "make-scan", str(scan)], check=True, timeout=120)
    shot = tmp_path / "huge.png"
    out = subprocess.run(
        [sys.executable, str(BENCH), "first-view", "--scan", str(scan), "--screenshot", str(shot),
         "--json"], env=subprocess_env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-2000:]
    r = json.loads(out.stdout.strip().splitlines()[-1])
    assert r["first_view_s"] < 5.0, r  # the target is 1.5 s; shared CI machines are slower
    assert r["sharp"] == 1.0 and r["level_at_100"] == 0, r  # full-resolution tiles arrived
    assert r["peak_rss_mb"] < 1024, r
    assert r["ticks"] > 10 and r["max_gui_gap_ms"] < 500, r  # the GUI thread kept running
    assert shot.stat().st_size > 0


def test_blank_for_texts_and_a_clear_message_for_a_missing_page(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ws = Workspace.create(tmp_path / "ws", name="Mixed")
    import_paths(ws, [TEXT, FUNSD_PAGE], ImportOptions(workers=1))
    [missing_draft] = [imported(ws, "lost-scan.png")]  # its blob was never stored
    ws.append([missing_draft])
    rows = dict(ws.reader().execute("SELECT kind, id FROM items WHERE name != 'lost-scan.png'"))
    desk = Desk(qtbot, ws)
    try:
        editor = desk.editor
        desk.session.open_item(rows["text"])
        assert editor.doc is None and not editor.isEnabled() and not editor.items
        assert not editor.accept_action.isEnabled()
        desk.open(rows["image"])
        assert editor.doc is not None and editor.isEnabled()
        problems: list[str] = []
        desk.session.problem.connect(problems.append)
        desk.session.open_item(missing_draft.subject.item)  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: bool(problems), timeout=10_000)
        assert "cannot be shown" in problems[-1] and "missing" in problems[-1]
        assert editor.tiles.base is None and not editor.tiles.loading
    finally:
        desk.close()
        ws.close()


@pytest.mark.parametrize("orientation", [1, 6, 3])
def test_pyramid_levels_and_cut_tiles_match_the_upright_page(
    tmp_path: Path, orientation: int
) -> None:
    """Every level and the full-resolution tile file show the page as ingest sees it."""
    from PIL import Image

    src = Image.open(SROIE_RECEIPT).convert("RGB").crop((0, 0, 700, 1100))
    exif = Image.Exif()
    exif[0x0112] = orientation
    path = tmp_path / f"rotated-{orientation}.jpg"
    src.save(path, quality=95, exif=exif.tobytes())
    data = path.read_bytes()
    upright = decode_upright_rgb(data).astype(int)
    pyramid = PagePyramid(data, first_view_side=300, level_budget=200_000)
    assert (pyramid.width, pyramid.height) == (upright.shape[1], upright.shape[0])
    assert pyramid.coarsest == 2 and pyramid.finest == 2 and pyramid.needs_cut
    coarse = pyramid.level(2).astype(int)
    expected = upright[: coarse.shape[0] * 4, : coarse.shape[1] * 4]
    reduced = expected.reshape(coarse.shape[0], 4, coarse.shape[1], 4, 3).mean(axis=(1, 3))
    assert abs(coarse - reduced).mean() < 6  # DCT scaling vs box filter: close, not equal
    cut(path, tmp_path / "level0.tiles", pyramid.width, pyramid.height, pyramid.channels)
    pyramid.attach_full_resolution(tmp_path / "level0.tiles")
    across, down = pyramid.grid(0)
    for tx, ty in [(0, 0), (across - 1, down - 1)]:
        tile = pyramid.tile(0, tx, ty).astype(int)
        part = upright[ty * 512 : ty * 512 + 512, tx * 512 : tx * 512 + 512]
        assert tile.shape == part.shape and abs(tile - part).mean() < 2


def test_the_qt_binding_keeps_none_alive(qapp) -> None:  # type: ignore[no-untyped-def]
    """PySide6 6.12.0 on CPython 3.11 dropped a reference to None on every Qt call returning
    void, and painting a busy page aborted the interpreter within seconds (none_dealloc). It is
    excluded in pyproject.toml; this fails if a binding with that bug is installed again."""
    before = sys.getrefcount(None)
    for _ in range(1000):
        qapp.processEvents()
    assert before - sys.getrefcount(None) < 100, "this PySide6 leaks references to None"


def test_a_page_that_cannot_be_cut_says_why(tmp_path: Path) -> None:
    bad = tmp_path / "scan.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a JPEG")
    with pytest.raises(OSError, match="full-resolution tiles could not be made: cannot decode"):
        cut_in_child(bad, tmp_path / "level0.tiles", (100, 100), 1, lambda: False)
    assert not (tmp_path / "level0.tiles").exists()
    with pytest.raises(InterruptedError):
        cut_in_child(bad, tmp_path / "level0.tiles", (100, 100), 1, lambda: True)
