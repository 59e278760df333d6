"""The pre-label options dialog: which model, which label set, on which device, and redo or not."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..prelabel import LabelSet, PrelabelError, load_label_set
from .dialog_parts import device_combo, run_buttons


@dataclass(frozen=True)
class ModelChoice:
    """A model the user can pick: ``ref`` is a model id, or ``builtin:NAME`` for one the app
    ships and registers on first use."""

    ref: str
    title: str  # what the list shows
    modality: str  # "text" or "image": which items it takes
    needs_labels: bool  # zero-shot models compare items with the label set's descriptions


@dataclass(frozen=True)
class PrelabelOptions:
    model: ModelChoice
    label_set: LabelSet | None = None
    label_set_path: str = ""
    device: str = "auto"
    force: bool = False


class PrelabelOptionsDialog(QDialog):
    """Asks how to pre-label; ``counts`` says how many items of each modality are concerned."""

    def __init__(
        self,
        models: list[ModelChoice],
        counts: dict[str, int],
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
        device_note: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PrelabelOptionsDialog")
        self.setWindowTitle(self.tr("Pre-label"))
        self._models = models
        self._counts = counts
        self._settings = settings
        self._label_set: LabelSet | None = None

        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)

        self.model = QComboBox(self)
        for choice in models:
            self.model.addItem(choice.title, choice.ref)
        self.model.setToolTip(
            self.tr("The model that suggests labels; its id and weights hash are recorded")
        )

        self.labels_path = QLineEdit(self)
        self.labels_path.setPlaceholderText(self.tr("A label set JSON file"))
        self.labels_path.setToolTip(
            self.tr("Labels with descriptions; zero-shot models compare items with them")
        )
        self.browse = QPushButton(self.tr("&Browse…"), self)
        self.browse.clicked.connect(self._browse)
        labels_row = QHBoxLayout()
        labels_row.addWidget(self.labels_path, 1)
        labels_row.addWidget(self.browse)

        self.device = device_combo(self)
        self.device_note = QLabel(device_note, self)
        self.device_note.setWordWrap(True)
        self.device_note.setEnabled(False)  # the muted colour
        self._has_note = bool(device_note)

        self.force = QCheckBox(self.tr("Pre-label &again items this model already did"), self)

        # Why the dialog cannot run yet (no items for this model, a bad label set file).
        self.problem = QLabel(self)
        self.problem.setObjectName("PrelabelProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("color: palette(link);")

        form = self._form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Model:"), self.model)
        labels_label = QLabel(self.tr("&Labels:"), self)
        labels_label.setBuddy(self.labels_path)
        form.addRow(labels_label, labels_row)
        form.addRow(self.tr("&Device:"), self.device)
        form.addRow("", self.device_note)
        form.addRow("", self.force)

        self.buttons, self.run_button = run_buttons(self, self.tr("&Pre-label"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.description)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self._restore()
        self.model.currentIndexChanged.connect(self._update)
        self.labels_path.textChanged.connect(self._update)
        self.device.currentIndexChanged.connect(self._update)
        self._update()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 42)

    # ------------------------------------------------------------------ state
    def choice(self) -> ModelChoice | None:
        index = self.model.currentIndex()
        return self._models[index] if 0 <= index < len(self._models) else None

    def set_model(self, ref: str) -> None:
        index = self.model.findData(ref)
        if index >= 0:
            self.model.setCurrentIndex(index)

    def set_device(self, name: str) -> None:
        index = self.device.findData(name)
        if index >= 0:
            self.device.setCurrentIndex(index)

    def options(self) -> PrelabelOptions:
        choice = self.choice()
        assert choice is not None, "the dialog only accepts with a model chosen"
        return PrelabelOptions(
            model=choice,
            label_set=self._label_set,
            label_set_path=self.labels_path.text().strip(),
            device=str(self.device.currentData()),
            force=self.force.isChecked(),
        )

    def _items_text(self, modality: str) -> str:
        count = self._counts.get(modality, 0)
        if modality == "image":
            return self.tr("%Ln image(s) and page(s) will be pre-labelled.", "", count)
        return self.tr("%Ln text item(s) will be pre-labelled.", "", count)

    @Slot()
    def _update(self) -> None:
        choice = self.choice()
        problem = ""
        self._label_set = None
        if choice is None:
            self.description.setText(self.tr("No model is registered."))
            problem = self.tr("Register a model first: hitl models add FOLDER")
        else:
            self.description.setText(self._items_text(choice.modality))
            if not self._counts.get(choice.modality, 0):
                problem = (
                    self.tr("This model reads images; none of the items is an image or a page.")
                    if choice.modality == "image"
                    else self.tr("This model reads text; none of the items is a text item.")
                )
            path = self.labels_path.text().strip() if choice.modality == "text" else ""
            if path:
                try:
                    self._label_set = load_label_set(Path(path))
                except (PrelabelError, OSError) as exc:
                    problem = problem or str(exc)
            elif choice.needs_labels and not problem:
                problem = self.tr(
                    "This zero-shot model needs a label set: choose a JSON file of labels "
                    "with descriptions."
                )
        for widget in (self.labels_path, self.browse):
            widget.setEnabled(choice is not None and choice.modality == "text")
        note_shown = self._has_note and self.device.currentData() != "cpu"
        self._form.setRowVisible(self.device_note, note_shown)
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.run_button.setEnabled(not problem)

    @Slot()
    def _browse(self) -> None:
        start = self.labels_path.text().strip() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a label set"), start, self.tr("Label sets (*.json)")
        )
        if path:
            self.labels_path.setText(path)

    # ------------------------------------------------------------------ settings
    def _restore(self) -> None:
        if self._settings is None:
            return
        self.set_model(str(self._settings.value("prelabel/model", "")))
        self.labels_path.setText(str(self._settings.value("prelabel/labels", "")))
        self.set_device(str(self._settings.value("prelabel/device", "auto")))

    def accept(self) -> None:
        if not self.run_button.isEnabled():
            return
        if self._settings is not None:
            options = self.options()
            self._settings.setValue("prelabel/model", options.model.ref)
            self._settings.setValue("prelabel/labels", options.label_set_path)
            self._settings.setValue("prelabel/device", options.device)
        super().accept()
