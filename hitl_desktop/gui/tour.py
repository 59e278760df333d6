"""Help → Tour: a short walk through the main window, one highlighted part at a time.

A small non-modal dialog says what each part is for, with Back, Next and Close; a frame drawn
over the window outlines the part it talks about. Shown once after the first-run wizard.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSettings, Qt, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

SHOWN_KEY = "tour/shown"


@dataclass(frozen=True)
class Step:
    title: str
    text: str
    target: Callable[[], QWidget | None]


class Highlight(QWidget):
    """A frame drawn over ``window`` around one of its widgets; clicks go through it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("TourHighlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.target: QWidget | None = None
        self.hide()

    def point_at(self, target: QWidget | None) -> None:
        self.target = target
        window = self.parentWidget()
        if target is None or window is None or not target.isVisible():
            self.hide()
            return
        self.setGeometry(window.rect())
        self.raise_()
        self.show()
        self.update()

    def target_rect(self) -> QRect:
        window = self.parentWidget()
        if self.target is None or window is None:
            return QRect()
        top_left = self.target.mapTo(window, QPoint(0, 0))
        return QRect(top_left, self.target.size()).adjusted(1, 1, -2, -2)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outside = QColor(0, 0, 0, 70)
        rect = self.target_rect()
        # dim everything but the part the tour talks about
        for part in (
            QRect(0, 0, self.width(), rect.top()),
            QRect(0, rect.bottom(), self.width(), self.height() - rect.bottom()),
            QRect(0, rect.top(), rect.left(), rect.height()),
            QRect(rect.right(), rect.top(), self.width() - rect.right(), rect.height()),
        ):
            painter.fillRect(part, outside)
        painter.setPen(QPen(QColor(255, 170, 0), 3))
        painter.drawRoundedRect(rect, 4, 4)


def main_window_steps(window: QMainWindow) -> list[Step]:
    """The tour of HITL Desktop's main window (docks are found by their object names)."""

    def dock(name: str) -> Callable[[], QWidget | None]:
        def find() -> QWidget | None:
            widget = window.findChild(QDockWidget, name)
            if widget is not None:
                widget.show()
                widget.raise_()
            return widget

        return find

    def tr(text: str) -> str:  # lupdate files these module-level tr() calls under context ""
        return QCoreApplication.translate("", text)

    steps = [
        Step(
            tr("Items"),
            tr(
                "Every imported image, page and text. Type in the search box to filter "
                "(tag:NAME, source:NAME); the status column says what is done."
            ),
            dock("ItemsDock"),
        ),
        Step(
            tr("Editor"),
            tr(
                "The open item: draw boxes on pages, mark spans in texts. Ctrl+S saves a "
                "revision; Ctrl+Shift+Down goes to the next item to do."
            ),
            window.centralWidget,
        ),
        Step(
            tr("Labels"),
            tr("Pick the label for what you draw; each has a number key."),
            dock("LabelsDock"),
        ),
        Step(
            tr("OCR lines"),
            tr("The text read from the page, line by line: correct it in place."),
            dock("OcrLinesDock"),
        ),
        Step(
            tr("Status bar"),
            tr("Where you are, what runs in the background, and who you are (your role)."),
            window.statusBar,
        ),
    ]
    if window.findChild(QDockWidget, "HelpDock") is not None:
        steps.append(
            Step(
                tr("Help"),
                tr("The labelling instructions and the keyboard shortcuts, always at hand."),
                dock("HelpDock"),
            )
        )
    return steps


class Tour(QDialog):
    """Steps through ``steps`` with Back / Next / Close, highlighting each step's widget."""

    def __init__(self, window: QMainWindow, steps: list[Step]) -> None:
        super().__init__(window)
        self.setObjectName("Tour")
        self.setWindowTitle(self.tr("Tour"))
        self.setModal(False)
        self.steps = steps
        self.index = 0
        self.highlight = Highlight(window)
        self.heading = QLabel(self)
        self.heading.setObjectName("TourHeading")
        self.heading.setStyleSheet("font-weight: bold")
        self.body = QLabel(self)
        self.body.setObjectName("TourBody")
        self.body.setWordWrap(True)
        self.counter = QLabel(self)
        self.back_button = QPushButton(self.tr("&Back"), self)
        self.next_button = QPushButton(self.tr("&Next"), self)
        self.close_button = QPushButton(self.tr("&Close"), self)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.counter)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        layout.addLayout(buttons)
        self.setMinimumWidth(360)
        self.finished.connect(lambda _r: self.highlight.hide())
        self.destroyed.connect(self.highlight.deleteLater)
        self._show_step()

    def current(self) -> Step:
        return self.steps[self.index]

    @Slot()
    def next(self) -> None:
        if self.index + 1 >= len(self.steps):
            self.close()
            return
        self.index += 1
        self._show_step()

    @Slot()
    def back(self) -> None:
        if self.index > 0:
            self.index -= 1
            self._show_step()

    def _show_step(self) -> None:
        step = self.current()
        self.heading.setText(step.title)
        self.body.setText(step.text)
        self.counter.setText(
            self.tr("{n} of {total}").format(n=self.index + 1, total=len(self.steps))
        )
        self.back_button.setEnabled(self.index > 0)
        last = self.index + 1 == len(self.steps)
        self.next_button.setText(self.tr("&Done") if last else self.tr("&Next"))
        self.highlight.point_at(step.target())


def start_tour(window: QMainWindow) -> Tour:
    tour = Tour(window, main_window_steps(window))
    tour.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    tour.show()
    return tour


def start_tour_once(window: QMainWindow, settings: QSettings) -> Tour | None:
    """The tour, unless it was shown before (the first-run wizard calls this)."""
    if settings.value(SHOWN_KEY) == "1":
        return None
    settings.setValue(SHOWN_KEY, "1")
    return start_tour(window)
