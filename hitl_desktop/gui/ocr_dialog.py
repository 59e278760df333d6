"""The OCR options dialog: which engine, on which device, and whether to read pages again."""

from __future__ import annotations

import shutil
from dataclasses import dataclass

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..ocr import ENGINES
from .dialog_parts import device_combo, run_buttons


@dataclass(frozen=True)
class OcrOptions:
    """What the dialog asks; ``engine_options()`` are the engine constructor's keywords."""

    engine: str = "rapidocr"
    device: str = "auto"
    use_cls: bool = False
    force: bool = False

    def engine_options(self) -> dict[str, object]:
        # Only rapidocr has an orientation classifier; tesseract takes no such option.
        return {"use_cls": self.use_cls} if self.engine == "rapidocr" else {}


def available_engines() -> list[str]:
    """The engines usable here: rapidocr always (it says so if it is missing), tesseract when
    its program is installed."""
    return [e for e in ENGINES if e != "tesseract" or shutil.which("tesseract")]


class OcrOptionsDialog(QDialog):
    """Asks how to run OCR (``description`` says on what); ``options()`` returns the answers."""

    def __init__(
        self,
        description: str,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
        device_note: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("OcrOptionsDialog")
        self.setWindowTitle(self.tr("Run OCR"))
        self._settings = settings

        self.description = QLabel(description, self)
        self.description.setWordWrap(True)
        self.description.setTextFormat(Qt.TextFormat.PlainText)

        self.engine = QComboBox(self)
        labels = {
            "rapidocr": self.tr("RapidOCR (PP-OCR models, accurate)"),
            "tesseract": self.tr("Tesseract (faster, less accurate)"),
        }
        for name in available_engines():
            self.engine.addItem(labels[name], name)
        self.engine.setToolTip(self.tr("The OCR engine; its version and model are recorded"))

        self.device = device_combo(self)

        # Why the GPU will not be used (no CUDA provider, …), shown unless the CPU is chosen.
        self.device_note = QLabel(device_note, self)
        self.device_note.setWordWrap(True)
        self.device_note.setTextFormat(Qt.TextFormat.PlainText)
        self.device_note.setEnabled(False)  # drawn in the disabled (muted) colour
        self._has_note = bool(device_note)

        self.use_cls = QCheckBox(self.tr("Detect upside-down &text lines"), self)
        self.use_cls.setToolTip(
            self.tr("Run the orientation classifier on each line (slower; for rotated scans)")
        )
        self.force = QCheckBox(self.tr("Read &again pages already read"), self)
        self.force.setToolTip(
            self.tr(
                "Pages already read by this engine and model are skipped unless this is checked"
            )
        )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Engine:"), self.engine)
        form.addRow(self.tr("&Device:"), self.device)
        form.addRow("", self.device_note)
        form.addRow("", self.use_cls)
        form.addRow("", self.force)

        self.buttons, self.run_button = run_buttons(self, self.tr("&Run OCR"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.description)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)

        self.engine.currentIndexChanged.connect(self._engine_changed)
        self.device.currentIndexChanged.connect(self._device_changed)
        self._restore()
        self._engine_changed()
        self._device_changed()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)

    def set_engine(self, name: str) -> None:
        index = self.engine.findData(name)
        if index >= 0:
            self.engine.setCurrentIndex(index)

    def set_device(self, name: str) -> None:
        index = self.device.findData(name)
        if index >= 0:
            self.device.setCurrentIndex(index)

    def options(self) -> OcrOptions:
        return OcrOptions(
            engine=str(self.engine.currentData()),
            device=str(self.device.currentData()),
            use_cls=self.use_cls.isChecked() and self.use_cls.isEnabled(),
            force=self.force.isChecked(),
        )

    @Slot()
    def _engine_changed(self) -> None:
        rapid = self.engine.currentData() == "rapidocr"
        self.use_cls.setEnabled(rapid)
        self.device.setEnabled(rapid)  # tesseract runs on the CPU only
        if not rapid:
            self.set_device("cpu")

    @Slot()
    def _device_changed(self) -> None:
        self.device_note.setVisible(self._has_note and self.device.currentData() != "cpu")

    # ------------------------------------------------------------------ settings
    def _restore(self) -> None:
        if self._settings is None:
            return
        self.set_engine(str(self._settings.value("ocr/engine", "rapidocr")))
        self.set_device(str(self._settings.value("ocr/device", "auto")))
        self.use_cls.setChecked(str(self._settings.value("ocr/use_cls", "false")) == "true")

    def accept(self) -> None:
        if self._settings is not None:
            options = self.options()
            self._settings.setValue("ocr/engine", options.engine)
            if options.engine == "rapidocr":
                self._settings.setValue("ocr/device", options.device)
                self._settings.setValue("ocr/use_cls", "true" if options.use_cls else "false")
        super().accept()
