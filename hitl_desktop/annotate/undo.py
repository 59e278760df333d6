"""The undo stack: every edit undoable and redoable, drags and typing merged into one step.

The GUI maps ``undo``/``redo`` and their ``*_text`` to QActions; nothing here knows Qt.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Document


class Command(ABC):
    """One edit. ``apply`` then ``revert`` must leave the document exactly as it was.

    ``gesture`` names the mouse drag or typing burst a command belongs to (the editor makes
    one id per press or per focus); consecutive commands of one gesture merge into one step.
    """

    text: str = "Edit"
    gesture: str | None = None

    @abstractmethod
    def apply(self, doc: Document) -> None: ...

    @abstractmethod
    def revert(self, doc: Document) -> None: ...

    def merge_with(self, other: Command) -> bool:
        """Absorb ``other`` (already applied) into this step; False when they stay apart."""
        return False


@dataclass(frozen=True, slots=True)
class StackMark:
    """A position in the stack's history (taken when a save starts; see ``UndoStack.mark``)."""

    position: int  # commands ever applied below this point, counting those dropped by the limit
    top: Command | None


class UndoStack:
    """Done and undone commands, a clean mark (the last saved state) and a size limit."""

    def __init__(self, doc: Document, limit: int = 1000) -> None:
        if limit < 1:
            raise ValueError(f"undo limit must be at least 1, got {limit}")
        self._doc = doc
        self.limit = limit
        self._done: list[Command] = []
        self._undone: list[Command] = []
        self._clean: int | None = 0  # len(_done) at the clean state; None: no longer reachable
        self._dropped = 0  # commands removed from the bottom by the limit
        self._sealed: Command | None = None  # a command later edits must not merge into

    def push(self, cmd: Command) -> None:
        """Apply ``cmd`` and record it (merged into the previous step when it can be)."""
        cmd.apply(self._doc)
        if self._undone:
            self._undone.clear()
            if self._clean is not None and self._clean > len(self._done):
                self._clean = None  # the saved state was undone and then branched away from
        top_saved = self._clean == len(self._done)
        if (
            self._done
            and not top_saved
            and self._done[-1] is not self._sealed
            and self._done[-1].merge_with(cmd)
        ):
            self._doc.notify()
            return
        self._done.append(cmd)
        if len(self._done) > self.limit:
            del self._done[0]
            self._dropped += 1
            if self._clean is not None:
                self._clean = self._clean - 1 if self._clean > 0 else None
        self._doc.notify()

    def undo(self) -> bool:
        if not self._done:
            return False
        cmd = self._done.pop()
        cmd.revert(self._doc)
        self._undone.append(cmd)
        self._doc.notify()
        return True

    def redo(self) -> bool:
        if not self._undone:
            return False
        cmd = self._undone.pop()
        cmd.apply(self._doc)
        self._done.append(cmd)
        self._doc.notify()
        return True

    def mark(self) -> StackMark:
        """The current position, sealed so a drag going on cannot merge more into it.

        A save taken in the background marks where it started; ``set_clean(mark)`` then marks
        that state saved even if the worker went on editing (or undoing) meanwhile.
        """
        top = self._done[-1] if self._done else None
        self._sealed = top
        return StackMark(self._dropped + len(self._done), top)

    def set_clean(self, mark: StackMark | None = None) -> None:
        """Mark the current state (or the state at ``mark``) as saved."""
        if mark is None:
            self._clean = len(self._done)
        else:
            index = mark.position - self._dropped
            history = self._done + self._undone[::-1]
            reachable = 0 <= index <= len(history) and (
                history[index - 1] is mark.top if index > 0 else mark.top is None
            )
            self._clean = index if reachable else None
        self._doc.notify()

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
        self._clean = 0
        self._dropped = 0
        self._sealed = None

    @property
    def is_clean(self) -> bool:
        return self._clean == len(self._done)

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_text(self) -> str:
        return self._done[-1].text if self._done else ""

    @property
    def redo_text(self) -> str:
        return self._undone[-1].text if self._undone else ""

    def __len__(self) -> int:
        return len(self._done)
