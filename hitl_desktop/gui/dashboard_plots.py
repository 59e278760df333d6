"""The dashboard's plot panels: a titled pyqtgraph plot with an alarm badge, a caption that
gives the sample sizes, and export to PNG or SVG; and small drawing helpers (grouped bars,
lines, a heatmap with its numbers)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from pyqtgraph import exporters
from PySide6.QtCore import QRect, Qt, Slot
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

REFERENCE = (110, 140, 180)  # muted blue: the reference window
CURRENT = (230, 126, 34)  # orange: the current window
SERIES = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
          (140, 86, 75), (227, 119, 194), (127, 127, 127)]  # fmt: skip
ALARM_STYLE = "background: #c0392b; color: white; border-radius: 4px; padding: 1px 6px;"


class PlotPanel(QWidget):
    """One figure of the dashboard."""

    def __init__(self, title: str, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = QLabel(title, self)
        self.title.setStyleSheet("font-weight: bold;")
        self.badge = QLabel(self)
        self.badge.setObjectName(f"{name}Alarm")
        self.badge.setStyleSheet(ALARM_STYLE)
        self.badge.hide()
        self.caption = QLabel(self)
        self.caption.setObjectName(f"{name}Caption")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.plot = pg.PlotWidget(self)
        self.plot.setBackground("w")
        self.plot.setMinimumHeight(220)
        self.plot.setAccessibleName(title)
        self.png_button = QToolButton(self)
        self.png_button.setText(self.tr("PNG…"))
        self.png_button.setToolTip(self.tr("Save this plot as a PNG image"))
        self.png_button.clicked.connect(lambda: self.choose_export("png"))
        self.svg_button = QToolButton(self)
        self.svg_button.setText(self.tr("SVG…"))
        self.svg_button.setToolTip(self.tr("Save this plot as an SVG drawing"))
        self.svg_button.clicked.connect(lambda: self.choose_export("svg"))
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.badge)
        head.addStretch(1)
        head.addWidget(self.png_button)
        head.addWidget(self.svg_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(head)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.caption)

    @property
    def item(self) -> pg.PlotItem:
        return self.plot.getPlotItem()

    def clear(self) -> None:
        self.item.clear()
        self.item.getAxis("bottom").setTicks(None)
        self.set_alarm(None)

    def set_alarm(self, text: str | None) -> None:
        self.badge.setText(text or "")
        self.badge.setVisible(bool(text))

    def export(self, path: Path) -> None:
        """Write the plot to ``path``: SVG for ``.svg``, else a PNG image.

        SVG goes through Qt's own generator: pyqtgraph 0.14's SVG exporter cannot parse the
        path data PySide6 6.11 writes (it expects ``x,y`` pairs) and fails on every plot."""
        if path.suffix.lower() == ".svg":
            view = self.plot
            generator = QSvgGenerator()
            generator.setFileName(str(path))
            generator.setSize(view.size())
            generator.setViewBox(QRect(0, 0, view.width(), view.height()))
            generator.setTitle(self.title.text())
            painter = QPainter(generator)
            try:
                view.render(painter)
            finally:
                painter.end()
        else:
            exporter = exporters.ImageExporter(self.item)
            exporter.parameters()["width"] = max(int(self.plot.width()), 640)
            exporter.export(str(path))
        if not path.exists():
            raise OSError(f"could not write {path}")

    @Slot()
    def choose_export(self, fmt: str) -> None:
        filters = {"png": self.tr("PNG image (*.png)"), "svg": self.tr("SVG drawing (*.svg)")}
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save plot"), f"{self.objectName().lower()}.{fmt}", filters[fmt]
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_suffix(f".{fmt}")
        try:
            self.export(path)
        except OSError as exc:
            self.caption.setText(self.tr("Could not save {path}: {reason}").format(
                path=path, reason=exc))  # fmt: skip


def _legend(item: pg.PlotItem) -> None:
    """A legend in dark text (the default is for dark backgrounds), and plain numbers on the
    value axis (shares would otherwise read "x0.001")."""
    item.addLegend(offset=(-10, 10), labelTextColor=(40, 40, 40))
    item.getAxis("left").enableAutoSIPrefix(False)


def category_axis(item: pg.PlotItem, names: Sequence[str]) -> None:
    item.getAxis("bottom").setTicks([[(i, n) for i, n in enumerate(names)]])


def grouped_bars(
    item: pg.PlotItem,
    names: Sequence[str],
    series: Sequence[tuple[str, Sequence[float], tuple[int, int, int]]],
) -> list[pg.BarGraphItem]:
    """Bars for each category in ``names``, one per series side by side, with a legend."""
    _legend(item)
    width = 0.8 / max(len(series), 1)
    out = []
    for k, (label, values, colour) in enumerate(series):
        xs = np.arange(len(names)) - 0.4 + width * (k + 0.5)
        bars = pg.BarGraphItem(x=xs, height=list(values), width=width * 0.95, brush=colour,
                               name=label)  # fmt: skip
        item.addItem(bars)
        out.append(bars)
    category_axis(item, names)
    return out


def lines(
    item: pg.PlotItem, xs: Sequence[float], series: Sequence[tuple[str, Sequence[float]]]
) -> list[pg.PlotDataItem]:
    _legend(item)
    out = []
    for k, (label, ys) in enumerate(series):
        colour = SERIES[k % len(SERIES)]
        out.append(item.plot(list(xs), list(ys), pen=pg.mkPen(colour, width=2), symbol="o",
                             symbolBrush=colour, symbolSize=6, name=label))  # fmt: skip
    return out


def heatmap(
    item: pg.PlotItem, labels: Sequence[str], matrix: Sequence[Sequence[int]]
) -> tuple[pg.ImageItem, list[pg.TextItem]]:
    """A confusion matrix: rows (truth) top to bottom, columns (prediction) left to right,
    each cell's count written on it."""
    data = np.array(matrix, dtype=float).reshape(len(labels), len(labels))
    image = pg.ImageItem(data.T)  # ImageItem takes [x, y]
    image.setColorMap(pg.ColorMap([0.0, 1.0], [(255, 255, 255), (31, 78, 140)]))
    image.setLevels((0, max(float(data.max()), 1.0)))
    item.addItem(image)
    item.invertY(True)
    item.setAspectLocked(True)
    texts = []
    top = max(float(data.max()), 1.0)
    for r in range(len(labels)):
        for c in range(len(labels)):
            value = int(data[r, c])
            text = pg.TextItem(str(value), color="w" if value > top / 2 else "k", anchor=(0.5, 0.5))
            text.setPos(c + 0.5, r + 0.5)
            item.addItem(text)
            texts.append(text)
    ticks = [(i + 0.5, n) for i, n in enumerate(labels)]
    item.getAxis("bottom").setTicks([ticks])
    item.getAxis("left").setTicks([ticks])
    return image, texts
