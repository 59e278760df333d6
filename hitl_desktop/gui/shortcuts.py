"""Keyboard shortcuts: every one editable (Help → Keyboard shortcuts…), listed on F1.

Actions are identified by their ``objectName`` (set with ``register``); a changed shortcut is
kept in the settings under ``shortcuts/<name>`` and applied at start. A shortcut already used
by another action is refused with the name of that action, so two actions never share a key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QSettings, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


def plain(text: str) -> str:
    """An action's text without the mnemonic ampersand and the trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


class ShortcutRegistry:
    """The window's actions that may have shortcuts, by group (menu) and stable name."""

    def __init__(self, settings: Callable[[], QSettings] | None = None) -> None:
        self._settings = settings
        self.groups: dict[str, list[QAction]] = {}
        self.defaults: dict[str, list[QKeySequence]] = {}

    def register(self, group: str, actions: Iterable[QAction | None]) -> None:
        for action in actions:
            if action is None or action.isSeparator() or not action.objectName():
                continue
            self.groups.setdefault(group, []).append(action)
            self.defaults[action.objectName()] = list(action.shortcuts())
            saved = self._load(action.objectName())
            if saved is not None:
                action.setShortcuts(saved)

    def actions(self) -> list[QAction]:
        return [a for group in self.groups.values() for a in group]

    def owner_of(self, keys: QKeySequence, besides: QAction | None = None) -> QAction | None:
        """The action already using ``keys``, other than ``besides``."""
        if keys.isEmpty():
            return None
        for action in self.actions():
            if action is not besides and any(k.matches(keys) == QKeySequence.SequenceMatch.ExactMatch
                                             for k in action.shortcuts()):  # fmt: skip
                return action
        return None

    def set_shortcut(self, action: QAction, keys: QKeySequence) -> str:
        """Give ``action`` the shortcut ``keys`` (empty: none); returns why not, or ""."""
        owner = self.owner_of(keys, action)
        if owner is not None:
            return f"{keys.toString(QKeySequence.SequenceFormat.NativeText)} is already used by " \
                   f"“{plain(owner.text())}”"  # fmt: skip
        action.setShortcuts([keys] if not keys.isEmpty() else [])
        if self._settings is not None:
            self._settings().setValue(f"shortcuts/{action.objectName()}", keys.toString())
        return ""

    def reset(self, action: QAction) -> None:
        action.setShortcuts(self.defaults.get(action.objectName(), []))
        if self._settings is not None:
            self._settings().remove(f"shortcuts/{action.objectName()}")

    def _load(self, name: str) -> list[QKeySequence] | None:
        if self._settings is None:
            return None
        value = self._settings().value(f"shortcuts/{name}")
        if value is None:
            return None
        text = str(value)
        return [QKeySequence(text)] if text else []


def _key_text(action: QAction) -> str:
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())


class ShortcutsDialog(QDialog):
    """Edit shortcuts: select an action, press the new keys; Backspace clears, Reset restores."""

    def __init__(self, registry: ShortcutRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.registry = registry
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.editor = QKeySequenceEdit(self)
        self.editor.setEnabled(False)
        self.editor.setClearButtonEnabled(True)
        self.editor.editingFinished.connect(self._apply)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.reset_button = self.buttons.addButton(
            self.tr("&Reset"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.reset_button.clicked.connect(self._reset)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(self.editor)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._rows: dict[int, QAction] = {}
        self._fill()
        self.tree.currentItemChanged.connect(self._current_changed)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 40, 480)

    def _fill(self) -> None:
        self.tree.clear()
        for group, actions in self.registry.groups.items():
            parent = QTreeWidgetItem(self.tree, [plain(group), ""])
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for action in actions:
                row = QTreeWidgetItem(parent, [plain(action.text()), _key_text(action)])
                row.setData(0, Qt.ItemDataRole.UserRole, action.objectName())
            parent.setExpanded(True)

    def action_row(self, action: QAction) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount() if group is not None else 0):
                row = group.child(j)  # type: ignore[union-attr]  # counted above
                if row is not None and row.data(0, Qt.ItemDataRole.UserRole) == action.objectName():
                    return row
        return None

    def _action(self) -> QAction | None:
        row = self.tree.currentItem()
        name = row.data(0, Qt.ItemDataRole.UserRole) if row is not None else None
        return next((a for a in self.registry.actions() if a.objectName() == name), None)

    @Slot()
    def _current_changed(self) -> None:
        action = self._action()
        self.editor.setEnabled(action is not None)
        self.editor.setKeySequence(action.shortcut() if action else QKeySequence())
        self.message.clear()

    @Slot()
    def _apply(self) -> None:
        action = self._action()
        if action is None:
            return
        problem = self.registry.set_shortcut(action, self.editor.keySequence())
        self.message.setText(problem)
        self._refresh(action)

    @Slot()
    def _reset(self) -> None:
        action = self._action()
        if action is not None:
            self.registry.reset(action)
            self.editor.setKeySequence(action.shortcut())
            self._refresh(action)

    def _refresh(self, action: QAction) -> None:
        row = self.action_row(action)
        if row is not None:
            row.setText(1, _key_text(action))


class CheatSheet(QDialog):
    """F1: every shortcut, by menu, in one read-only page."""

    def __init__(self, registry: ShortcutRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CheatSheet")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rows = []
        for group, actions in registry.groups.items():
            keyed = [a for a in actions if not a.shortcut().isEmpty()]
            if not keyed:
                continue
            rows.append(f"<tr><th colspan=2 align=left><br>{_escape(plain(group))}</th></tr>")
            for a in keyed:
                rows.append(
                    f"<tr><td><code>{_escape(_key_text(a))}</code>&nbsp;&nbsp;</td>"
                    f"<td>{_escape(plain(a.text()))}</td></tr>"
                )
        self.text.setText("<table>" + "".join(rows) + "</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
