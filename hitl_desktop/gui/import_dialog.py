"""The import dialog: the files about to be imported and the provenance to record with them."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..ingest import ImportOptions
from ..ingest.options import DEFAULT_DPI

MAX_LISTED = 1_000  # file names shown in the list; the count covers them all
PRIVACY_FLAGS = ("personal-data", "faces", "health", "financial")
REMEMBERED = ("source", "collector", "device", "licence")  # pre-filled from the last import


def common_folder(files: Sequence[Path]) -> Path | None:
    """The deepest folder holding all ``files`` (None for none, or no common folder)."""
    if not files:
        return None
    try:
        return Path(os.path.commonpath([str(Path(f).parent) for f in files]))
    except ValueError:  # different drives
        return None


def split_tags(text: str) -> tuple[str, ...]:
    """Comma-separated tags, stripped, without empties or repeats, in the order typed."""
    tags = (t.strip() for t in text.split(","))
    return tuple(dict.fromkeys(t for t in tags if t))


class ElidedLabel(QLabel):
    """A one-line label that elides its text in the middle instead of widening its window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        text = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, self.contentsRect().width()
        )
        role = self.foregroundRole()
        painter.setPen(self.palette().color(QPalette.ColorGroup.Disabled, role))
        align = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self.contentsRect(), int(align), text)


class ImportDialog(QDialog):
    """Asks for an import's provenance; ``options()`` turns the answers into ImportOptions."""

    def __init__(
        self,
        files: Sequence[Path],
        sources: Sequence[str],
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ImportDialog")
        self.setWindowTitle(self.tr("Import files"))
        self.files = list(files)
        self._settings = settings
        self._labels: list[QLabel] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_files())
        layout.addWidget(self._build_provenance(sources))
        layout.addWidget(self._build_reading())
        self._align_labels()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("&Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._restore()
        self.source.currentTextChanged.connect(self._update_button)
        self._update_button()
        self.resize(max(self.sizeHint().width(), 560), self.sizeHint().height())

    # ------------------------------------------------------------------ building
    def _build_files(self) -> QGroupBox:
        box = QGroupBox(self.tr("Files"), self)
        self.count_label = QLabel(box)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        n = len(self.files)
        if n:
            self.count_label.setText(
                self.tr("1 file to import") if n == 1 else self.tr("%Ln files to import", "", n)
            )
        else:
            self.count_label.setText(self.tr("No files found to import."))
        folder = common_folder(self.files)
        self.folder_label = ElidedLabel(box)  # drawn muted: where, not what
        self.folder_label.setVisible(folder is not None)
        if folder is not None:
            self.folder_label.setText(self.tr("from {folder}").format(folder=folder))
            self.folder_label.setToolTip(str(folder))
        self.file_list = QListWidget(box)
        self.file_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.file_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.file_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.file_list.setUniformItemSizes(True)  # no measuring of thousands of rows
        base = folder.parent if folder is not None else None
        for f in self.files[:MAX_LISTED]:
            shown = os.path.relpath(f, base) if base is not None else str(f)
            self.file_list.addItem(shown)
            self.file_list.item(self.file_list.count() - 1).setToolTip(str(f))
        if n > MAX_LISTED:
            self.file_list.addItem(self.tr("…and %Ln more", "", n - MAX_LISTED))
        rows = max(3, min(n, 6))
        self.file_list.setFixedHeight(
            self.file_list.fontMetrics().height() * rows
            + 4 * rows
            + 2 * self.file_list.frameWidth()
        )
        heading = QHBoxLayout()
        heading.addWidget(self.count_label)
        heading.addWidget(self.folder_label, 1)
        inner = QVBoxLayout(box)
        inner.addLayout(heading)
        inner.addWidget(self.file_list)
        return box

    def _build_provenance(self, sources: Sequence[str]) -> QGroupBox:
        box = QGroupBox(self.tr("Provenance"), self)
        self.provenance_form = form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.source = QComboBox(box)
        self.source.setEditable(True)
        self.source.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.source.addItems([s for s in sources if s])
        self.source.setCurrentIndex(-1)
        source_edit = self.source.lineEdit()
        assert source_edit is not None  # editable
        source_edit.setPlaceholderText(self.tr("Where the files come from (required)"))
        self.source.setToolTip(
            self.tr("Items from the same source and path are recognised when imported again")
        )
        self.collector = QLineEdit(box)
        self.collector.setPlaceholderText(self.tr("Who collected them"))
        self.device = QLineEdit(box)
        self.device.setPlaceholderText(self.tr("Scanner, camera or phone"))
        self.licence = QLineEdit(box)
        self.licence.setPlaceholderText(self.tr("For example CC BY 4.0, or research only"))
        self.consent = QComboBox(box)
        self.consent.addItem(self.tr("Unknown"), None)
        self.consent.addItem(self.tr("Yes, consent was given"), True)
        self.consent.addItem(self.tr("No consent"), False)
        self.privacy: dict[str, QCheckBox] = {}
        labels = {
            "personal-data": self.tr("Personal data"),
            "faces": self.tr("Faces"),
            "health": self.tr("Health"),
            "financial": self.tr("Financial"),
        }
        flags = QWidget(box)
        grid = QGridLayout(flags)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, flag in enumerate(PRIVACY_FLAGS):
            check = QCheckBox(labels[flag], flags)
            check.setObjectName(f"privacy-{flag}")
            self.privacy[flag] = check
            grid.addWidget(check, i // 2, i % 2)
        self.tags = QLineEdit(box)
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. invoices, 2026, batch-12"))
        self._add_row(form, self.tr("&Source:"), self.source)
        self._add_row(form, self.tr("&Collector:"), self.collector)
        self._add_row(form, self.tr("&Device:"), self.device)
        self._add_row(form, self.tr("&Licence:"), self.licence)
        self._add_row(form, self.tr("C&onsent:"), self.consent)
        self._add_row(form, self.tr("Privacy:"), flags)
        self._add_row(form, self.tr("&Tags:"), self.tags)
        return box

    def _build_reading(self) -> QGroupBox:
        box = QGroupBox(self.tr("Reading"), self)
        self.reading_form = form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.dpi = QSpinBox(box)
        self.dpi.setRange(50, 1200)
        self.dpi.setSingleStep(50)
        self.dpi.setValue(DEFAULT_DPI)
        self.dpi.setSuffix(self.tr(" dpi"))
        self.dpi.setToolTip(self.tr("Resolution at which PDF pages are rendered"))
        self.text_column = QLineEdit(box)
        self.text_column.setPlaceholderText(self.tr("Guessed (name or 0-based index)"))
        self.jsonl_field = QLineEdit(box)
        self.jsonl_field.setPlaceholderText(self.tr("\u201ctext\u201d or the first text field"))
        self._add_row(form, self.tr("&PDF pages at:"), self.dpi)
        self._add_row(form, self.tr("CSV/TSV text co&lumn:"), self.text_column)
        self._add_row(form, self.tr("&JSONL field:"), self.jsonl_field)
        return box

    def _add_row(self, form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text, field.parentWidget())
        label.setBuddy(field)  # the & in the text moves the focus to the field
        self._labels.append(label)
        form.addRow(label, field)

    def _align_labels(self) -> None:
        """One label column for both groups, so their fields start at the same x."""
        width = max(label.sizeHint().width() for label in self._labels)
        for label in self._labels:
            label.setMinimumWidth(width)

    # ------------------------------------------------------------------ values
    def options(self) -> ImportOptions:
        """The answers as import options (defaults for everything the dialog does not ask)."""
        return ImportOptions(
            source=self.source.currentText().strip(),
            collector=self.collector.text().strip(),
            device=self.device.text().strip(),
            licence=self.licence.text().strip(),
            consent=self.consent.currentData(),
            privacy=tuple(f for f, check in self.privacy.items() if check.isChecked()),
            tags=split_tags(self.tags.text()),
            dpi=self.dpi.value(),
            text_column=self.text_column.text().strip() or None,
            jsonl_field=self.jsonl_field.text().strip() or None,
        )

    @Slot()
    def _update_button(self) -> None:
        ready = bool(self.files) and bool(self.source.currentText().strip())
        self.import_button.setEnabled(ready)
        self.import_button.setToolTip(
            "" if ready else self.tr("Choose files and name their source to import")
        )

    def _restore(self) -> None:
        if self._settings is None:
            return
        fields = {"collector": self.collector, "device": self.device, "licence": self.licence}
        for key, edit in fields.items():
            edit.setText(str(self._settings.value(f"import/{key}", "") or ""))
        self.source.setCurrentText(str(self._settings.value("import/source", "") or ""))

    def accept(self) -> None:
        if self._settings is not None:
            options = self.options()
            for key in REMEMBERED:
                self._settings.setValue(f"import/{key}", getattr(options, key))
        super().accept()
