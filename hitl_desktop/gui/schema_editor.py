"""The label schema editor for experts: tasks, labels, attributes, instructions, review policy,
live validation, publishing with a change note (on a worker), and the version history.

Opening it on a published schema starts a draft from the latest version (new version =
latest + 1). Validation is the schema package's own (``parse_schema``); while it reports a
problem, Publish stays off and the problem is shown, its cell marked in the labels table.
"""

from __future__ import annotations

import copy
import sqlite3
from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..schema import (
    PUBLISHER_ROLES,
    Published,
    PublishResult,
    Schema,
    SchemaError,
    diff_schemas,
    list_versions,
    parse_schema,
    publish,
)
from ..workspace import Workspace
from .schema_editor_tables import Draft, SchemaTables, clean
from .tasks import TaskRunner

PREFIX = "draft is not a valid schema: "


class NoteDialog(QDialog):
    """Asks for the change note of a publish (non-blocking: ``open()``)."""

    def __init__(self, ref: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish {ref}").format(ref=ref))
        self.note = QPlainTextEdit(self)
        self.note.setAccessibleName(self.tr("Change note"))
        self.note.setPlaceholderText(self.tr("What changed and why (workers see it in history)"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Publish"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Change note:")))
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)


class SchemaEditor(QDialog):
    """Edit the next version of a label schema and publish it."""

    def __init__(
        self,
        workspace: Callable[[], Workspace],
        runner: TaskRunner,
        parent: QWidget | None = None,
        on_published: Callable[[PublishResult], None] | None = None,
        reserved_keys: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        # single keys the app already uses (key -> what it does): a label may not take one
        self._reserved = {k.upper(): v for k, v in (reserved_keys or {}).items()}
        self.setWindowTitle(self.tr("Label schema"))
        self.resize(1000, 700)
        self._workspace = workspace
        self._runner = runner
        self._on_published = on_published
        self.schema: Schema | None = None  # the draft, when valid
        self.problems: list[str] = []
        self.version = 1
        self.parent_version: int | None = None
        self.note_dialog: NoteDialog | None = None

        self.name = QComboBox(self)
        self.name.setEditable(True)
        self.name.setAccessibleName(self.tr("Schema name"))
        self.version_label = QLabel(self)
        self.tables = SchemaTables(self)
        self.instructions = QPlainTextEdit(self)
        self.instructions.setAccessibleName(self.tr("Instructions (Markdown)"))
        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName(self.tr("Instructions preview"))
        self.overlap = QDoubleSpinBox(self)
        self.agreement = QDoubleSpinBox(self)
        for spin in (self.overlap, self.agreement):
            spin.setRange(0.0, 1.0)
            spin.setSingleStep(0.05)
        self.overlap.setToolTip(self.tr("Fraction of items labelled by two people"))
        self.agreement.setToolTip(self.tr("Below this agreement, an item goes to review"))
        self.history = QListWidget(self)
        self.history.setAccessibleName(self.tr("Versions"))
        self.diff = QPlainTextEdit(self)
        self.diff.setReadOnly(True)
        self.diff.setAccessibleName(self.tr("Changes from the parent version"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setObjectName("SchemaProblems")
        self.publish_button = QPushButton(self.tr("Publish…"), self)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.tables, self.tr("Tasks and labels"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.instructions)
        split.addWidget(self.preview)
        self.tabs.addTab(split, self.tr("Instructions"))
        review = QWidget()
        form = QFormLayout(review)
        form.addRow(self.tr("Overlap (fraction labelled twice):"), self.overlap)
        form.addRow(self.tr("Agreement threshold:"), self.agreement)
        self.tabs.addTab(review, self.tr("Review policy"))
        history = QSplitter(Qt.Orientation.Horizontal)
        history.addWidget(self.history)
        history.addWidget(self.diff)
        self.tabs.addTab(history, self.tr("History"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Schema:")))
        top.addWidget(self.name, 1)
        top.addWidget(self.version_label)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.publish_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        names = sorted({p.schema.name for p in self._versions(None)})
        self.name.addItems(names)
        self.name.currentTextChanged.connect(self._name_changed)
        self.tables.changed.connect(self.validate)
        self.instructions.textChanged.connect(self._instructions_edited)
        self.overlap.valueChanged.connect(self.validate)
        self.agreement.valueChanged.connect(self.validate)
        self.history.currentItemChanged.connect(self._show_version)
        self.publish_button.clicked.connect(self.ask_note)
        self.load(self.name.currentText())

    # ---------------------------------------------------------------- loading
    def _versions(self, name: str | None) -> list[Published]:
        try:
            return list_versions(self._workspace().reader(), name)
        except sqlite3.OperationalError:  # a workspace from before schemas: no such table
            return []

    @Slot(str)
    def _name_changed(self, name: str) -> None:
        # a published name starts from its latest version; leaving a published schema for a
        # new name starts a blank first version; typing a new name keeps the draft
        name = name.strip()
        if (name and self._versions(name)) or self.parent_version is not None:
            self.load(name)
        else:
            self.validate()

    def load(self, name: str) -> None:
        """Start a draft of ``name``: its latest version + 1, or a first version."""
        versions = self._versions(name) if name else []
        if versions:
            latest = versions[-1].schema
            draft: Draft = copy.deepcopy(latest.to_json())
            self.version, self.parent_version = latest.version + 1, latest.version
        else:
            draft = {"name": name, "tasks": [], "instructions": "", "review": {}}
            self.version, self.parent_version = 1, None
        self.tables.set_draft(draft)
        self.instructions.blockSignals(True)
        self.instructions.setPlainText(draft.get("instructions", ""))
        self.instructions.blockSignals(False)
        self.preview.setMarkdown(self.instructions.toPlainText())
        review = draft.get("review") or {}
        for spin, key, default in (
            (self.overlap, "overlap", 0.0),
            (self.agreement, "agreement", 0.8),
        ):
            spin.blockSignals(True)
            spin.setValue(float(review.get(key, default)))
            spin.blockSignals(False)
        self._fill_history(versions)
        self.validate()

    def _fill_history(self, versions: list[Published]) -> None:
        self.history.clear()
        self._history = {p.schema.version: p for p in versions}
        for p in reversed(versions):
            note = p.note or self.tr("(no note)")
            text = self.tr("v{v} · {note} · {actor} ({role})").format(
                v=p.schema.version, note=note, actor=p.actor, role=p.role
            )
            item = QListWidgetItem(text, self.history)
            item.setData(Qt.ItemDataRole.UserRole, p.schema.version)
        if versions:
            self.history.setCurrentRow(0)
        else:
            self.diff.setPlainText(self.tr("Nothing published yet."))

    @Slot(QListWidgetItem, QListWidgetItem)
    def _show_version(self, item: QListWidgetItem | None, _old: object = None) -> None:
        if item is None:
            return
        published = self._history[int(item.data(Qt.ItemDataRole.UserRole))]
        schema = published.schema
        parent = self._history.get(schema.parent_version) if schema.parent_version else None
        head = f"{schema.ref}: {published.note}\n\n" if published.note else f"{schema.ref}\n\n"
        if parent is None:
            body = self.tr("First version: {n} task(s), {m} label(s).").format(
                n=len(schema.tasks), m=sum(len(t.labels) for t in schema.tasks)
            )
        else:
            body = diff_schemas(parent.schema, schema).text()
        self.diff.setPlainText(head + body)

    # ---------------------------------------------------------------- validation
    def current_data(self) -> Draft:
        data = clean(self.tables.draft)
        data.update(
            name=self.name.currentText().strip(),
            version=self.version,
            parent_version=self.parent_version,
            instructions=self.instructions.toPlainText(),
            review={"overlap": self.overlap.value(), "agreement": self.agreement.value()},
        )
        return data

    @Slot()
    def _instructions_edited(self) -> None:
        self.preview.setMarkdown(self.instructions.toPlainText())
        self.validate()

    @Slot()
    def validate(self) -> bool:
        """Check the draft; show the problems, mark their cells, switch Publish on or off."""
        try:
            self.schema = parse_schema(self.current_data(), origin="draft")
            self.problems = self._reserved_key_problems(self.schema)
        except SchemaError as exc:
            self.schema = None
            text = str(exc)
            self.problems = (text[len(PREFIX) :] if text.startswith(PREFIX) else text).split("; ")
        self.tables.mark_problems(self.problems)
        role = self._workspace().profile.role
        refused = self.refusal()
        self.version_label.setText(
            self.tr("Version {v} (from v{p})").format(v=self.version, p=self.parent_version)
            if self.parent_version
            else self.tr("Version {v} (first)").format(v=self.version)
        )
        if self.problems:
            self.status.setText("\n".join(self.problems))
            self.status.setStyleSheet("color: #b00020;")
        elif refused:
            self.status.setText(refused)
            self.status.setStyleSheet("color: #b00020;")
        else:
            self.status.setText(self.tr("Valid: ready to publish as {ref}.").format(
                ref=self.schema.ref if self.schema else ""))  # fmt: skip
            self.status.setStyleSheet("")
        self.publish_button.setEnabled(not self.problems and role in PUBLISHER_ROLES)
        self.publish_button.setToolTip(refused or "")
        return not self.problems

    def _reserved_key_problems(self, schema: Schema) -> list[str]:
        """Hotkeys that would shadow a key of the app (B is the box tool, A accepts, …)."""
        problems = []
        for t, task in enumerate(schema.tasks):
            for i, label in enumerate(task.labels):
                key = (label.hotkey or "").upper()
                if key in self._reserved:
                    problems.append(
                        self.tr(
                            "tasks[{t}].labels[{i}].hotkey: hotkey '{key}' of label '{label}' "
                            "is the app's key for “{action}”; choose another"
                        ).format(
                            t=t, i=i, key=label.hotkey, label=label.name, action=self._reserved[key]
                        )
                    )
        return problems

    def refusal(self) -> str | None:
        """Why this profile may not publish, or None."""
        profile = self._workspace().profile
        if profile.role in PUBLISHER_ROLES:
            return None
        return self.tr(
            "{name} is a {role}: only an expert or an admin may publish a schema."
        ).format(name=profile.name, role=profile.role)

    # ---------------------------------------------------------------- publishing
    @Slot()
    def ask_note(self) -> NoteDialog | None:
        """Ask for the change note; publishing starts when it is accepted."""
        if not self.validate() or self.schema is None:
            return None
        self.note_dialog = NoteDialog(self.schema.ref, self)
        self.note_dialog.accepted.connect(
            lambda d=self.note_dialog: self.publish_with_note(d.note.toPlainText().strip())
        )
        self.note_dialog.open()
        return self.note_dialog

    def publish_with_note(self, note: str) -> None:
        """Publish the draft on a worker; the refusal or error is shown, the draft kept."""
        ws = self._workspace()
        data = self.current_data()
        self.publish_button.setEnabled(False)
        self.status.setText(self.tr("Publishing…"))

        def job(_cancel: object, _progress: object) -> PublishResult:
            return publish(ws, parse_schema(data, origin="draft"), note=note)

        self._runner.start(
            self.tr("publish schema"), job, on_done=self._published, on_error=self._failed
        )

    def _published(self, result: PublishResult) -> None:
        name = result.schema.name
        if self.name.findText(name) < 0:
            self.name.blockSignals(True)
            self.name.addItem(name)
            self.name.setCurrentText(name)
            self.name.blockSignals(False)
        self.load(name)
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr("Published {ref}: {m} item(s) mapped, {f} flagged for re-check.").format(
                ref=result.schema.ref, m=len(result.migrated), f=len(result.flagged)
            )
        )
        if self._on_published is not None:
            self._on_published(result)

    def _failed(self, exc: BaseException) -> None:
        self.validate()
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(self.tr("Not published: {error}").format(error=exc))
