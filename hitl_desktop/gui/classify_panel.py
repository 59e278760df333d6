"""The classification panel: the whole item's class, for any item kind.

Single-label mode shows one radio button per label, multi-label mode one checkbox per label;
every change is one ``commands.set_classification`` step (undoable). The labels are the label
palette's (or those given with ``set_labels``), plus any label the item's class or a pending
suggestion already uses. A pending pre-label class is listed with the model's score and an
Accept button (Ctrl+Shift+A); accepting replaces the current class in one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..annotate import Annotation, Classification, Command, Document, commands
from .editor_common import LabelSource

if TYPE_CHECKING:
    from ..workspace import Workspace
    from .document_session import DocumentSession
    from .label_palette import LabelPalette
    from .tasks import TaskRunner


class AcceptClass(Command):
    """Accept a suggested class in place of the current one: one step, undone as one."""

    def __init__(self, current: Annotation | None, suggestion_id: str) -> None:
        self.text = "Accept suggested class"
        self._delete = commands.delete([current.id]) if current is not None else None
        self._accept = commands.AcceptSuggestions([suggestion_id], self.text)

    def apply(self, doc: Document) -> None:
        if self._delete is not None:
            self._delete.apply(doc)
        try:
            self._accept.apply(doc)
        except Exception:
            if self._delete is not None:
                self._delete.revert(doc)
            raise

    def revert(self, doc: Document) -> None:
        self._accept.revert(doc)
        if self._delete is not None:
            self._delete.revert(doc)


def class_suggestions(doc: Document) -> list[Annotation]:
    """Pending pre-label classes, best score first."""
    found = [s for s in doc.suggestions if isinstance(s.shape, Classification)]
    return sorted(found, key=lambda s: -(s.origin.score or 0.0))


class ClassificationPanel(QWidget):
    """Choose the item's class (radio buttons) or classes (checkboxes)."""

    def __init__(
        self,
        session: DocumentSession,
        workspace: Callable[[], Workspace],
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        palette: LabelPalette | None = None,
        multi_label: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ClassificationPanel")
        self.setAccessibleName(self.tr("Classification"))
        self.session = session
        self._workspace = workspace
        self._runner = runner
        self.labels = LabelSource(self)
        self.labels.attach(palette)
        self._extra_labels: list[str] = []
        self.multi_label = multi_label
        self.document: Document | None = None
        self.buttons: dict[str, QAbstractButton] = {}
        self.group = QButtonGroup(self)
        self.group.buttonClicked.connect(self._clicked)

        self.box = QGroupBox(self.tr("Class"), self)
        self._choices = QVBoxLayout(self.box)
        self.suggestion = QLabel(self)
        self.suggestion.setTextFormat(Qt.TextFormat.PlainText)
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self.accept_button.setAccessibleName(self.tr("Accept suggested class"))
        self.clear_button.setAccessibleName(self.tr("Clear class"))
        row = QHBoxLayout()
        row.addWidget(self.suggestion, 1)
        row.addWidget(self.accept_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addLayout(row)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

        self.accept_action = QAction(self.tr("Accept suggested class"), self)
        self.accept_action.setObjectName("classify.accept")
        self.accept_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.accept_action.triggered.connect(lambda _c=False: self.accept_suggestion())
        self.clear_action = QAction(self.tr("Clear class"), self)
        self.clear_action.setObjectName("classify.clear")
        self.clear_action.triggered.connect(lambda _c=False: self.set_class([]))
        for action in (self.accept_action, self.clear_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        # a list, as the main window expects of every editor (it shadows QWidget.actions())
        self.actions: list[QAction] = [self.accept_action, self.clear_action]  # type: ignore[assignment]
        self.accept_button.clicked.connect(self.accept_action.trigger)
        self.clear_button.clicked.connect(self.clear_action.trigger)

        session.opened.connect(self._opened)
        session.changed.connect(self._refresh)
        self._opened(session.document)

    # ------------------------------------------------------------------ configuration
    def set_palette(self, palette: LabelPalette | None) -> None:
        self.labels.attach(palette)
        self._refresh()

    def set_labels(self, names: list[str]) -> None:
        """Labels to offer besides the palette's (all of them when there is no palette)."""
        self._extra_labels = list(dict.fromkeys(n for n in names if n))
        self._refresh()

    def set_multi_label(self, multi: bool) -> None:
        self.multi_label = multi
        self.buttons = {}  # rebuilt as the other kind of button
        self._refresh()

    def offered_labels(self) -> list[str]:
        names = self.labels.labels + self._extra_labels
        doc = self.document
        if doc is not None:
            current = doc.classification()
            if current is not None:
                names += list(current.shape.labels)  # type: ignore[union-attr]
            for s in class_suggestions(doc):
                names += list(s.shape.labels)  # type: ignore[union-attr]
        return list(dict.fromkeys(names))

    def current_labels(self) -> list[str]:
        doc = self.document
        current = doc.classification() if doc is not None else None
        return list(current.shape.labels) if current is not None else []  # type: ignore[union-attr]

    # ------------------------------------------------------------------ showing
    @Slot(object)
    def _opened(self, doc: Document | None) -> None:
        self.document = doc
        self.setEnabled(doc is not None)
        self._refresh()

    def _rebuild(self, names: list[str]) -> None:
        if list(self.buttons) == names:
            return
        for button in self.buttons.values():
            self.group.removeButton(button)
            self._choices.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        self.group.setExclusive(False)  # exclusivity is ours: a class may also be empty
        for name in names:
            made: QAbstractButton = (
                QCheckBox(name, self.box) if self.multi_label else QRadioButton(name, self.box)
            )
            made.setAutoExclusive(False)
            self.group.addButton(made)
            self._choices.addWidget(made)
            self.buttons[name] = made

    @Slot()
    def _refresh(self) -> None:
        self._rebuild(self.offered_labels())
        chosen = set(self.current_labels())
        for name, button in self.buttons.items():
            button.setChecked(name in chosen)
        self.box.setTitle(self.tr("Classes") if self.multi_label else self.tr("Class"))
        doc = self.document
        suggested = class_suggestions(doc) if doc is not None else []
        if suggested:
            best = suggested[0]
            score = best.origin.score
            self.suggestion.setText(self.tr("Suggested: {labels} ({score}) by {model}").format(
                labels=", ".join(best.shape.labels),  # type: ignore[union-attr]
                score=f"{score:.2f}" if score is not None else "?", model=best.origin.model))  # fmt: skip
        else:
            self.suggestion.setText("")
        self.accept_button.setVisible(bool(suggested))
        self.accept_action.setEnabled(bool(suggested))
        self.clear_action.setEnabled(bool(chosen))
        self.clear_button.setEnabled(bool(chosen))
        if doc is not None and not self.buttons:
            self.suggestion.setText(self.tr("No labels yet: the item's label set has none."))

    # ------------------------------------------------------------------ editing
    def _push(self, make: Callable[[Document], Command]) -> bool:
        ok = self.session.push_new(make)
        self._refresh()  # a refused edit puts the buttons back
        return ok

    @Slot(QAbstractButton)
    def _clicked(self, button: QAbstractButton) -> None:
        name = next(n for n, b in self.buttons.items() if b is button)
        current = self.current_labels()
        if self.multi_label:
            wanted = [n for n in self.buttons if self.buttons[n].isChecked()]
        else:
            wanted = [name]  # a radio click never empties the class; Clear does
        if wanted != current:
            self.set_class(wanted)
        else:
            self._refresh()

    def set_class(self, labels: list[str]) -> bool:
        """Set the item's class to ``labels`` (empty clears it)."""
        if labels == self.current_labels():
            return False
        return self._push(lambda doc: commands.set_classification(doc, labels))

    def accept_suggestion(self) -> bool:
        doc = self.document
        suggested = class_suggestions(doc) if doc is not None else []
        if doc is None or not suggested:
            self.session.problem.emit(self.tr("No suggested class to accept."))
            return False
        current = doc.classification()
        return self._push(lambda _doc: AcceptClass(current, suggested[0].id))
