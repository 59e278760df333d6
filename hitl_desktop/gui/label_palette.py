"""The label palette: the labels a worker can apply, each with a stable colour and a hotkey.

Labels come from the item's label schema or label set (or the labels already used and
suggested on the item). Keys 1–9 choose the first nine, or the schema's own hotkeys do;
choosing emits ``label_chosen`` so editors can label new shapes or relabel the selected ones.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

HOTKEYS = 9


def color_for(label: str) -> QColor:
    """A colour that depends only on the label's name: the same on every machine and run."""
    digest = hashlib.sha256(label.encode("utf-8")).digest()
    hue = int.from_bytes(digest[:2], "big") % 360
    return QColor.fromHsv(hue, 170, 220)


def _swatch(color: QColor) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(color)
    return QIcon(pixmap)


class LabelPalette(QWidget):
    """A list of labels; ``current_label`` is the one new annotations get."""

    label_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("LabelPalette")
        self.setAccessibleName(self.tr("Label palette"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Labels"))
        self.list.setUniformItemSizes(True)
        # Never takes the keyboard: its type-ahead search would swallow the 1–9 hotkeys.
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.list)
        self._labels: list[str] = []
        self._colors: dict[str, str] = {}
        self._hotkeys: dict[str, str] | None = None
        self.schema_key_actions: list[QAction] = []
        self.hotkey_actions: list[QAction] = []
        for n in range(1, HOTKEYS + 1):
            action = QAction(self.tr("Label {n}").format(n=n), self)
            action.setShortcut(QKeySequence(str(n)))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, i=n - 1: self.choose_index(i))
            self.hotkey_actions.append(action)
        self.set_labels([])

    @property
    def labels(self) -> list[str]:
        return list(self._labels)

    @property
    def current_label(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def color_for(self, label: str) -> QColor:
        """The label's schema colour when it has one, else its name's stable colour."""
        given = self._colors.get(label)
        return QColor(given) if given and QColor.isValidColorName(given) else color_for(label)

    def hotkey_for(self, label: str) -> str | None:
        """The key that chooses ``label``: its schema hotkey, else 1–9 by position."""
        if self._hotkeys is not None:
            return self._hotkeys.get(label)
        i = self._labels.index(label) if label in self._labels else HOTKEYS
        return str(i + 1) if i < HOTKEYS else None

    def set_labels(
        self,
        names: list[str],
        colors: Mapping[str, str] | None = None,
        hotkeys: Mapping[str, str] | None = None,
    ) -> None:
        """Show ``names`` (order kept, duplicates dropped); the current label stays if present.

        ``colors`` (``#rrggbb`` by label) and ``hotkeys`` (a key by label) come from a label
        schema; given hotkeys replace the 1–9 keys, and labels without one get no key."""
        keep = self.current_label
        self._labels = list(dict.fromkeys(n for n in names if n))
        self._colors = dict(colors or {})
        self._hotkeys = {k: v for k, v in hotkeys.items() if v} if hotkeys is not None else None
        self.list.clear()
        for name in self._labels:
            key = self.hotkey_for(name)
            text = f"{key}  {name}" if key else f"   {name}"
            item = QListWidgetItem(_swatch(self.color_for(name)), text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, name)
            if key:
                item.setToolTip(self.tr("{label} (key {n})").format(label=name, n=key))
        for i, action in enumerate(self.hotkey_actions):
            action.setEnabled(i < len(self._labels) and self._hotkeys is None)
        self._set_schema_keys()
        if keep in self._labels:
            self.list.setCurrentRow(self._labels.index(keep))
        elif self._labels:
            self.list.setCurrentRow(0)

    def _set_schema_keys(self) -> None:
        # The schema's own keys live on the palette (window-wide), one action per label.
        for action in self.schema_key_actions:
            self.removeAction(action)
            action.deleteLater()
        self.schema_key_actions = []
        for label, key in (self._hotkeys or {}).items():
            if label not in self._labels:
                continue
            action = QAction(self.tr("Label {label}").format(label=label), self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, name=label: self.choose(name))
            self.addAction(action)
            self.schema_key_actions.append(action)

    def choose(self, label: str) -> None:
        if label in self._labels:
            self.choose_index(self._labels.index(label))

    @Slot(int)
    def choose_index(self, index: int) -> None:
        if 0 <= index < len(self._labels):
            self.list.setCurrentRow(index)
            self.label_chosen.emit(self._labels[index])

    @Slot(QListWidgetItem)
    def _activated(self, item: QListWidgetItem) -> None:
        self.label_chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))
