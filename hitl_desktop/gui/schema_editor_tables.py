"""The schema editor's tables: tasks, the selected task's labels, the selected label's attributes.

The draft is plain JSON-like data (what ``parse_schema`` reads); the tables edit it in place
and emit ``changed``. Each label remembers the name it had in the parent version (``_was``)
so renaming a published label fills in ``renamed_from`` by itself.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..schema import TASK_KINDS

Draft = dict[str, Any]
LABEL_COLS = ("name", "description", "colour", "hotkey", "renamed_from")
ATTR_TYPES = ("text", "number", "choice", "boolean")
DEFAULT_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2")
_PATH = re.compile(r"tasks\[(\d+)\](?:\.labels\[(\d+)\](?:\.(\w+))?)?")
PROBLEM_BG = QColor("#f4b6b6")


def clean(draft: Draft) -> Draft:
    """The draft without the editor's own bookkeeping, as ``parse_schema`` expects it."""
    tasks = []
    for task in draft.get("tasks", []):
        labels = [{k: v for k, v in lb.items() if not k.startswith("_")} for lb in task["labels"]]
        tasks.append({**task, "labels": labels})
    return {**draft, "tasks": tasks}


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for b in buttons:
        row.addWidget(b)
    row.addStretch(1)
    return row


class SchemaTables(QWidget):
    """Tasks, labels and attributes of a draft schema."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft: Draft = {"tasks": []}
        self._filling = False
        self.tasks = _table([self.tr("Task"), self.tr("Kind")], self.tr("Tasks"))
        self.labels = _table(
            [self.tr("Label"), self.tr("Description"), self.tr("Colour"), self.tr("Hotkey"),
             self.tr("Renamed from")], self.tr("Labels"),
        )  # fmt: skip
        self.attributes = _table(
            [self.tr("Attribute"), self.tr("Kind"), self.tr("Required"), self.tr("Choices")],
            self.tr("Attributes"),
        )
        self.add_task = QPushButton(self.tr("Add task"))
        self.remove_task = QPushButton(self.tr("Remove task"))
        self.add_label = QPushButton(self.tr("Add label"))
        self.remove_label = QPushButton(self.tr("Remove label"))
        self.pick_colour = QPushButton(self.tr("Colour…"))
        self.add_attribute = QPushButton(self.tr("Add attribute"))
        self.remove_attribute = QPushButton(self.tr("Remove attribute"))
        layout = QVBoxLayout(self)
        for title, table, row in (
            (self.tr("Tasks"), self.tasks, _buttons(self.add_task, self.remove_task)),
            (self.tr("Labels of the selected task"), self.labels,
             _buttons(self.add_label, self.remove_label, self.pick_colour)),
            (self.tr("Attributes of the selected label"), self.attributes,
             _buttons(self.add_attribute, self.remove_attribute)),
        ):  # fmt: skip
            layout.addWidget(QLabel(title))
            layout.addWidget(table, 1)
            layout.addLayout(row)
        self.add_task.clicked.connect(self._add_task)
        self.remove_task.clicked.connect(self._remove_task)
        self.add_label.clicked.connect(self._add_label)
        self.remove_label.clicked.connect(self._remove_label)
        self.pick_colour.clicked.connect(self._pick_colour)
        self.add_attribute.clicked.connect(self._add_attribute)
        self.remove_attribute.clicked.connect(self._remove_attribute)
        self.tasks.itemSelectionChanged.connect(self._fill_labels)
        self.labels.itemSelectionChanged.connect(self._fill_attributes)
        self.tasks.itemChanged.connect(self._task_edited)
        self.labels.itemChanged.connect(self._label_edited)
        self.attributes.itemChanged.connect(self._attribute_edited)

    # ---------------------------------------------------------------- the draft
    def set_draft(self, draft: Draft) -> None:
        """Edit ``draft`` (JSON-like schema data); labels remember their published names."""
        for task in draft.setdefault("tasks", []):
            for label in task.get("labels", []):
                label.setdefault("_was", label["name"])
                label.pop("renamed_from", None)  # relative to the parent, so never carried over
        self.draft = draft
        self._fill_tasks()

    def task(self) -> Draft | None:
        row = self.tasks.currentRow()
        tasks = self.draft["tasks"]
        return tasks[row] if 0 <= row < len(tasks) else None

    def label(self) -> Draft | None:
        task = self.task()
        row = self.labels.currentRow()
        return task["labels"][row] if task is not None and 0 <= row < len(task["labels"]) else None

    def mark_problems(self, problems: list[str]) -> None:
        """Colour the label cells a problem names (``tasks[0].labels[2].hotkey``) and tip them."""
        marks: dict[tuple[int, int], str] = {}
        for problem in problems:
            m = _PATH.search(problem)
            if m and m.group(2) is not None and int(m.group(1)) == self.tasks.currentRow():
                col = LABEL_COLS.index(m.group(3)) if m.group(3) in LABEL_COLS else 0
                marks[(int(m.group(2)), col)] = problem
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self._filling = True
        for row in range(self.labels.rowCount()):
            for col in range(self.labels.columnCount()):
                item = self.labels.item(row, col)
                if item is None or col == 2:
                    continue
                found = marks.get((row, col))
                item.setBackground(QBrush(PROBLEM_BG) if found else QBrush())
                item.setIcon(warning if found else QIcon())  # seen on a selected row too
                item.setToolTip(found or "")
        self._filling = False

    # ---------------------------------------------------------------- filling
    def _fill_tasks(self) -> None:
        keep = max(self.tasks.currentRow(), 0)
        self._filling = True
        self.tasks.setRowCount(0)
        for row, task in enumerate(self.draft["tasks"]):
            self.tasks.insertRow(row)
            self.tasks.setItem(row, 0, QTableWidgetItem(task.get("name", "")))
            kind = QComboBox()
            kind.addItems(list(TASK_KINDS))
            kind.setCurrentText(task.get("kind", TASK_KINDS[0]))
            kind.currentTextChanged.connect(lambda text, t=task: self._set(t, "kind", text))
            self.tasks.setCellWidget(row, 1, kind)
        self._filling = False
        if self.draft["tasks"]:
            self.tasks.selectRow(min(keep, len(self.draft["tasks"]) - 1))
        self._fill_labels()

    @Slot()
    def _fill_labels(self) -> None:
        task = self.task()
        keep = max(self.labels.currentRow(), 0)
        self._filling = True
        self.labels.setRowCount(0)
        for row, label in enumerate(task["labels"] if task else []):
            self.labels.insertRow(row)
            for col, key in enumerate(LABEL_COLS):
                item = QTableWidgetItem(label.get(key) or "")
                if key == "colour":
                    item.setBackground(QColor(label.get("colour") or "#888888"))
                self.labels.setItem(row, col, item)
        self._filling = False
        if task and task["labels"]:
            self.labels.selectRow(min(keep, len(task["labels"]) - 1))
        self._fill_attributes()

    @Slot()
    def _fill_attributes(self) -> None:
        label = self.label()
        self._filling = True
        self.attributes.setRowCount(0)
        for row, attr in enumerate(label.get("attributes", []) if label else []):
            self.attributes.insertRow(row)
            self.attributes.setItem(row, 0, QTableWidgetItem(attr.get("name", "")))
            kind = QComboBox()
            kind.addItems(list(ATTR_TYPES))
            kind.setCurrentText(attr.get("type", "text"))
            kind.currentTextChanged.connect(lambda text, a=attr: self._set(a, "type", text))
            self.attributes.setCellWidget(row, 1, kind)
            required = QTableWidgetItem()
            required.setFlags(required.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            required.setCheckState(
                Qt.CheckState.Checked if attr.get("required") else Qt.CheckState.Unchecked
            )
            self.attributes.setItem(row, 2, required)
            self.attributes.setItem(row, 3, QTableWidgetItem(", ".join(attr.get("choices", []))))
        self._filling = False
        for b in (self.add_attribute, self.remove_label, self.pick_colour):
            b.setEnabled(label is not None)
        self.add_label.setEnabled(self.task() is not None)

    # ---------------------------------------------------------------- edits
    def _set(self, target: Draft, key: str, value: object) -> None:
        target[key] = value
        self.changed.emit()

    @Slot(QTableWidgetItem)
    def _task_edited(self, item: QTableWidgetItem) -> None:
        if not self._filling and item.column() == 0:
            self._set(self.draft["tasks"][item.row()], "name", item.text())

    @Slot(QTableWidgetItem)
    def _label_edited(self, item: QTableWidgetItem) -> None:
        task = self.task()
        if self._filling or task is None:
            return
        label = task["labels"][item.row()]
        key = LABEL_COLS[item.column()]
        text = item.text().strip()
        value: str | None = (text or None) if key in ("hotkey", "renamed_from") else text
        label[key] = value
        if key == "name" and label.get("_was"):  # a published label renamed, or named back
            label["renamed_from"] = label["_was"] if text != label["_was"] else None
            self._filling = True
            renamed = self.labels.item(item.row(), 4)
            if renamed is not None:
                renamed.setText(label["renamed_from"] or "")
            self._filling = False
        if key == "colour" and QColor.isValidColorName(text):
            item.setBackground(QColor(text))
        self.changed.emit()

    @Slot(QTableWidgetItem)
    def _attribute_edited(self, item: QTableWidgetItem) -> None:
        label = self.label()
        if self._filling or label is None:
            return
        attr = label["attributes"][item.row()]
        if item.column() == 0:
            attr["name"] = item.text()
        elif item.column() == 2:
            attr["required"] = item.checkState() == Qt.CheckState.Checked
        elif item.column() == 3:
            attr["choices"] = [c.strip() for c in item.text().split(",") if c.strip()]
        self.changed.emit()

    @Slot()
    def _add_task(self) -> None:
        n = len(self.draft["tasks"]) + 1
        self.draft["tasks"].append({"name": f"task {n}", "kind": "boxes", "labels": []})
        self._fill_tasks()
        self.tasks.selectRow(n - 1)
        self.changed.emit()

    @Slot()
    def _remove_task(self) -> None:
        if self.task() is not None:
            del self.draft["tasks"][self.tasks.currentRow()]
            self._fill_tasks()
            self.changed.emit()

    @Slot()
    def _add_label(self) -> None:
        task = self.task()
        if task is None:
            return
        n = len(task["labels"])
        colour = DEFAULT_COLOURS[n % len(DEFAULT_COLOURS)]
        task["labels"].append({"name": f"label {n + 1}", "colour": colour, "attributes": []})
        self._fill_labels()
        self.labels.selectRow(n)
        self.changed.emit()

    @Slot()
    def _remove_label(self) -> None:
        task = self.task()
        if task is not None and self.label() is not None:
            del task["labels"][self.labels.currentRow()]
            self._fill_labels()
            self.changed.emit()

    @Slot()
    def _pick_colour(self) -> None:
        label = self.label()
        if label is None:
            return
        colour = QColorDialog.getColor(QColor(label.get("colour", "#888888")), self)
        cell = self.labels.item(self.labels.currentRow(), 2)
        if colour.isValid() and cell is not None:
            cell.setText(colour.name())

    @Slot()
    def _add_attribute(self) -> None:
        label = self.label()
        if label is not None:
            attrs = label.setdefault("attributes", [])
            attrs.append({"name": f"attribute {len(attrs) + 1}", "type": "text"})
            self._fill_attributes()
            self.changed.emit()

    @Slot()
    def _remove_attribute(self) -> None:
        label = self.label()
        row = self.attributes.currentRow()
        if label is not None and 0 <= row < len(label.get("attributes", [])):
            del label["attributes"][row]
            self._fill_attributes()
            self.changed.emit()
