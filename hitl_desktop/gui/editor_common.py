"""Small pieces the annotation editors share: fonts that fall back across scripts, the label
an edit gets (from the label palette, or a plain name until one is attached), and key handling
that runs an editor's actions even when Qt delivers the key to the widget instead of the
shortcut map (offscreen test runs, a focused child that accepts the shortcut override).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from .label_palette import color_for

if TYPE_CHECKING:
    from .label_palette import LabelPalette

# Families tried in order, so Latin, Arabic, Hebrew, Devanagari and CJK all find glyphs even
# where the platform's own fallback is poor; missing ones are skipped.
FONT_FAMILIES = [
    "Noto Sans", "DejaVu Sans", "Noto Naskh Arabic", "Noto Sans Hebrew", "Noto Sans Devanagari",
    "Lohit Devanagari", "Noto Sans CJK JP", "WenQuanYi Micro Hei", "Segoe UI", "Arial Unicode MS",
]  # fmt: skip


def editor_action(
    widget: QWidget, name: str, text: str, keys: list[str], slot: Callable[[], object]
) -> QAction:
    """An editor's action: named for the shortcut dialog, active while the editor (or a child)
    has the focus, so two editors may use the same key."""
    action = QAction(text, widget)
    action.setObjectName(name)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda _checked=False: slot())
    widget.addAction(action)
    return action


def multiscript_font(point_size: int = 12) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(point_size)
    return font


class LabelSource(QObject):
    """The label new annotations get: the palette's current one when a palette is attached,
    else a plain name set with ``set_label``. ``chosen`` relays the palette's hotkeys/clicks."""

    chosen = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.palette: LabelPalette | None = None
        self._label: str | None = None

    def attach(self, palette: LabelPalette | None) -> None:
        if self.palette is not None:
            self.palette.label_chosen.disconnect(self._relay)
        self.palette = palette
        if palette is not None:
            palette.label_chosen.connect(self._relay)

    def _relay(self, name: str) -> None:
        self.chosen.emit(name)

    def set_label(self, name: str | None) -> None:
        self._label = name or None
        if name and self.palette is not None:
            self.palette.choose(name)

    @property
    def labels(self) -> list[str]:
        if self.palette is not None:
            return self.palette.labels
        return [self._label] if self._label else []

    @property
    def current(self) -> str | None:
        if self.palette is not None and self.palette.current_label:
            return self.palette.current_label
        return self._label

    def color(self, label: str) -> QColor:
        """The palette's colour (the schema's, when it gives one), else the one from the name."""
        return self.palette.color_for(label) if self.palette is not None else color_for(label)


def trigger_matching(actions: Iterable[QAction], event: QKeyEvent) -> bool:
    """Trigger the enabled action whose shortcut is ``event``'s key; True when one was."""
    pressed = QKeySequence(event.keyCombination())
    for action in actions:
        if not action.isEnabled():
            continue
        for shortcut in action.shortcuts():
            if shortcut.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch:
                action.trigger()
                return True
    return False
