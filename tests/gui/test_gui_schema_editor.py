"""The label schema editor: an expert builds a schema with the mouse and keyboard, clashes are
shown and block publishing, publishing records versions with notes and diffs, a worker is
refused, and the published labels reach the palette with their colours and hotkeys."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QTableWidget, QWidget

from hitl_desktop.gui.main_window import MainWindow
from hitl_desktop.gui.opening import open_workspace
from hitl_desktop.gui.schema_editor import SchemaEditor
from hitl_desktop.schema import list_versions, parse_schema, publish
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.workspace import Profile

pytestmark = pytest.mark.gui
SHOTS = Path(os.environ.get("HITL_SHOTS", "")) if os.environ.get("HITL_SHOTS") else None


def _set_role(path: Path, role: str) -> None:
    with Workspace.open(path) as ws:
        ws.set_profile(Profile("erin", role))


def _window(qtbot, path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(open_workspace(path))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _editor(qtbot, win: MainWindow) -> SchemaEditor:  # type: ignore[no-untyped-def]
    assert win.schema_editor_action.text() == "&Label schema…"
    assert win.schema_editor_action in win.tools_menu.actions()
    win.schema_editor_action.trigger()
    editor = win.findChild(SchemaEditor)
    assert editor is not None
    qtbot.waitExposed(editor)
    editor.activateWindow()
    return editor


def _edit_cell(qtbot, table: QTableWidget, row: int, col: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """Click the cell, F2, type over its text, press Return: as a person does."""
    center = table.visualRect(table.model().index(row, col)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    field = table.focusWidget()
    assert field is not None and field is not table
    qtbot.keyClicks(field, text)  # F2 selected the old text: typing replaces it
    qtbot.keyClick(field, Qt.Key.Key_Return)  # the delegate commits on a queued call
    qtbot.waitUntil(lambda: table.state() != QTableWidget.State.EditingState)
    item = table.item(row, col)
    assert item is not None and item.text() == text


def _publish(qtbot, editor: SchemaEditor, note: str) -> None:  # type: ignore[no-untyped-def]
    assert editor.publish_button.isEnabled(), editor.status.text()
    qtbot.mouseClick(editor.publish_button, Qt.MouseButton.LeftButton)
    dialog = editor.note_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.note, note)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Publish"
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.status.text().startswith("Published"), timeout=10_000)


def _shot(widget: QWidget, name: str, tmp_path: Path) -> None:
    folder = SHOTS or tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(folder / name))


def test_an_expert_creates_publishes_and_evolves_a_schema_then_the_palette_shows_it(
    qtbot,
    demo_path: Path,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    _set_role(demo_path, "expert")
    win = _window(qtbot, demo_path)
    editor = _editor(qtbot, win)
    assert editor.version_label.text() == "Version 1 (first)"
    assert not editor.publish_button.isEnabled()  # nothing in it yet: invalid

    qtbot.keyClicks(editor.name.lineEdit(), "forms")
    tables = editor.tables
    qtbot.mouseClick(tables.add_task, Qt.MouseButton.LeftButton)
    _edit_cell(qtbot, tables.tasks, 0, 0, "fields")
    assert "tasks[0].labels" in editor.status.text()  # a task needs a label
    for name in ("header", "question", "answer"):
        qtbot.mouseClick(tables.add_label, Qt.MouseButton.LeftButton)
        row = tables.labels.rowCount() - 1
        _edit_cell(qtbot, tables.labels, row, 0, name)
    _edit_cell(qtbot, tables.labels, 0, 3, "1")
    _edit_cell(qtbot, tables.labels, 1, 3, "2")
    _edit_cell(qtbot, tables.labels, 2, 3, "1")  # clashes with header
    assert "hotkey '1' of label 'answer' clashes with label 'header'" in editor.status.text()
    assert not editor.publish_button.isEnabled()
    clash = tables.labels.item(2, 3)
    assert clash is not None and "clashes" in clash.toolTip()  # marked inline
    assert not clash.icon().isNull()  # a warning sign, visible on the selected row too
    _shot(editor, "schema_editor_clash.png", tmp_path)
    _edit_cell(qtbot, tables.labels, 2, 3, "w")  # a letter is a hotkey too
    _edit_cell(qtbot, tables.labels, 2, 2, "#2ca02c")
    fixed = tables.labels.item(2, 3)
    assert fixed is not None and fixed.icon().isNull() and fixed.toolTip() == ""
    assert editor.status.text() == "Valid: ready to publish as forms@1."

    # an attribute on "question": a required choice
    tables.labels.selectRow(1)
    qtbot.mouseClick(tables.add_attribute, Qt.MouseButton.LeftButton)
    _edit_cell(qtbot, tables.attributes, 0, 0, "kind")
    kind = tables.attributes.cellWidget(0, 1)
    assert isinstance(kind, QComboBox) and kind.currentText() == "text"
    qtbot.keyClicks(kind, "c")  # keyboard search picks "choice"
    assert kind.currentText() == "choice"
    assert "lists no choices" in editor.status.text()
    _edit_cell(qtbot, tables.attributes, 0, 3, "date, name")
    assert editor.publish_button.isEnabled()

    editor.tabs.setCurrentIndex(1)
    qtbot.keyClicks(editor.instructions, "# Forms")
    qtbot.keyClick(editor.instructions, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.instructions, "Box every **field**.")
    assert editor.preview.document().toPlainText().startswith("Forms\nBox every field.")
    _shot(editor, "schema_editor_instructions.png", tmp_path)
    editor.tabs.setCurrentIndex(0)

    _publish(qtbot, editor, "first cut")
    with Workspace.open(demo_path, readonly=True) as ws:
        conn = ws.reader()
        (count,) = conn.execute(
            "SELECT count(*) FROM events WHERE type = 'schema.published'"
        ).fetchone()
        assert count == 1
        (v1,) = list_versions(conn, "forms")
    assert v1.note == "first cut" and (v1.actor, v1.role) == ("erin", "expert")
    assert [lb.hotkey for lb in v1.schema.tasks[0].labels] == ["1", "2", "w"]
    assert v1.schema.tasks[0].labels[1].attributes[0].choices == ["date", "name"]
    assert editor.version_label.text() == "Version 2 (from v1)"
    assert editor.history.count() == 1
    assert editor.history.item(0).text() == "v1 · first cut · erin (expert)"

    # v2: rename header -> title; the editor fills in renamed_from
    _edit_cell(qtbot, tables.labels, 0, 0, "title")
    renamed = tables.labels.item(0, 4)
    assert renamed is not None and renamed.text() == "header"
    _publish(qtbot, editor, "header is called title")
    assert editor.history.count() == 2
    assert editor.history.item(0).text() == "v2 · header is called title · erin (expert)"
    editor.tabs.setCurrentIndex(3)
    editor.history.setCurrentRow(0)
    assert "~ renamed label fields: header -> title" in editor.diff.toPlainText()
    _shot(editor, "schema_editor_history.png", tmp_path)
    editor.history.setCurrentRow(1)
    assert "First version: 1 task(s), 3 label(s)." in editor.diff.toPlainText()
    editor.close()

    # an image item now offers the schema's labels, colours and hotkeys
    with Workspace.open(demo_path, readonly=True) as ws:
        row = (
            ws.reader()
            .execute(
                "SELECT id FROM items WHERE kind IN ('image', 'scan_page') ORDER BY id LIMIT 1"
            )
            .fetchone()
        )
    assert row is not None
    win.desk.session.open_item(row[0])
    qtbot.waitUntil(lambda: win.desk.session.document is not None)
    palette = win.desk.palette
    assert palette.labels[:3] == ["title", "question", "answer"]
    assert palette.color_for("answer").name() == "#2ca02c"
    assert palette.hotkey_for("question") == "2"
    assert palette.list.item(2).text() == "w  answer"
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    with qtbot.waitSignal(palette.label_chosen) as chosen:
        qtbot.keyClick(win.desk.stack.currentWidget(), Qt.Key.Key_W)  # the schema's key
    assert chosen.args == ["answer"] and palette.current_label == "answer"
    _shot(win, "palette_from_schema.png", tmp_path)


def test_a_worker_sees_the_schema_but_publishing_is_refused_with_the_reason(
    qtbot,
    demo_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    _set_role(demo_path, "worker")
    win = _window(qtbot, demo_path)
    editor = _editor(qtbot, win)
    qtbot.keyClicks(editor.name.lineEdit(), "forms")
    qtbot.mouseClick(editor.tables.add_task, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.tables.add_label, Qt.MouseButton.LeftButton)
    reason = "erin is a worker: only an expert or an admin may publish a schema."
    assert editor.status.text() == reason
    assert not editor.publish_button.isEnabled()
    assert editor.publish_button.toolTip() == reason
    # even asked directly, the schema package refuses on the worker and the editor says why
    editor.publish_with_note("sneaky")
    qtbot.waitUntil(lambda: editor.status.text().startswith("Not published"), timeout=10_000)
    assert "only an expert or an admin may publish a schema" in editor.status.text()
    with Workspace.open(demo_path, readonly=True) as ws:
        assert list_versions(ws.reader()) == []


def test_a_text_item_offers_the_schemas_span_labels_and_its_classes(
    qtbot,
    demo_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    _set_role(demo_path, "expert")
    schema = parse_schema(
        {
            "name": "messages", "version": 1,
            "tasks": [
                {"name": "entities", "kind": "spans", "labels": [
                    {"name": "person", "colour": "#123456", "hotkey": "p"},
                    {"name": "place", "colour": "#abcdef"}]},
                {"name": "topic", "kind": "classification_multi", "labels": [
                    {"name": "greeting", "hotkey": "g"}, {"name": "complaint"}]},
            ],
        }
    )  # fmt: skip
    with Workspace.open(demo_path) as ws:
        publish(ws, schema, note="spans and topics")
        (item_id,) = (
            ws.reader().execute("SELECT id FROM items WHERE name = 'greeting-fr.txt'").fetchone()
        )
    win = _window(qtbot, demo_path)
    win.desk.session.open_item(item_id)
    qtbot.waitUntil(lambda: win.desk.session.document is not None)
    palette = win.desk.palette
    assert palette.labels[:2] == ["person", "place"]  # the spans task, not the classes
    assert palette.color_for("place").name() == "#abcdef"
    # the span editor draws with the schema's colour too, not one made up from the name
    assert win.desk.text_editor.labels.color("place").name() == "#abcdef"
    assert palette.hotkey_for("person") == "p" and palette.hotkey_for("place") is None
    assert [palette.list.item(i).text() for i in range(2)] == ["p  person", "   place"]
    assert win.desk.classify.multi_label  # classification_multi: check boxes
    assert win.desk.classify.offered_labels()[-2:] == ["greeting", "complaint"]


def test_a_label_may_not_take_a_key_the_app_uses(qtbot, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    _set_role(demo_path, "expert")
    win = _window(qtbot, demo_path)
    editor = _editor(qtbot, win)
    draft = parse_schema(
        {"name": "forms", "version": 1, "tasks": [{"name": "fields", "kind": "boxes", "labels": [
            {"name": "question", "hotkey": "b"}, {"name": "answer", "hotkey": "w"}]}]}
    )  # fmt: skip
    problems = editor._reserved_key_problems(draft)
    assert problems == [
        "tasks[0].labels[0].hotkey: hotkey 'b' of label 'question' is the app's key for "
        "“Box tool”; choose another"
    ]
