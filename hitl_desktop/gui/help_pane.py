"""The help pane: the open item's labelling instructions (from its label schema) and the
keyboard cheat sheet, rendered from Markdown beside the editor."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from ..instructions import instructions_for
from ..workspace import Workspace
from .shortcuts import ShortcutRegistry, plain


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def cheat_sheet_markdown(registry: ShortcutRegistry, title: str, heading: tuple[str, str]) -> str:
    """Every action with a shortcut, one table per group (menu)."""
    parts = [f"## {title}"]
    for group, actions in registry.groups.items():
        keyed = [a for a in actions if not a.shortcut().isEmpty()]
        if not keyed:
            continue
        parts.append(f"**{_cell(plain(group))}**")
        rows = [f"| {heading[0]} | {heading[1]} |", "|---|---|"]
        for action in keyed:
            keys = ", ".join(k.toString(k.SequenceFormat.NativeText) for k in action.shortcuts())
            rows.append(f"| `{keys}` | {_cell(plain(action.text()))} |")
        parts.append("\n".join(rows))
    return "\n\n".join(parts) + "\n"


class HelpPane(QWidget):
    """Markdown help: instructions for the open item's schema, then the shortcuts."""

    def __init__(
        self,
        workspace: Callable[[], Workspace],
        registry: ShortcutRegistry,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("HelpPane")
        self._workspace = workspace
        self._registry = registry
        self._schema_ref: str | None = None
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("HelpText")
        self.browser.setAccessibleName(self.tr("Help"))
        self.browser.setOpenExternalLinks(False)  # offline: nothing is fetched
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)

    def markdown(self) -> str:
        instructions = instructions_for(self._workspace(), self._schema_ref)
        parts = [f"## {self.tr('Instructions')}"]
        if instructions:
            parts.append(instructions.strip())
        else:
            note = self.tr(
                "_No instructions: this item's label schema has none, or none is published yet._"
            )
            # GitHub-dialect Markdown (for the tables) underlines _text_: italics need *text*
            parts.append(f"*{note.strip('_')}*")
        parts.append(
            cheat_sheet_markdown(
                self._registry, self.tr("Keyboard shortcuts"), (self.tr("Keys"), self.tr("Action"))
            )
        )
        return "\n\n".join(parts)

    @Slot()
    def refresh(self) -> None:
        self.browser.setMarkdown(self.markdown())

    def show_for(self, schema_ref: str | None) -> None:
        """Show the instructions of ``schema_ref`` (an item's label schema, or None)."""
        self._schema_ref = schema_ref
        self.refresh()
