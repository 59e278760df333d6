"""The document: one item's annotations being edited, what they were based on, and the stack.

Commands change the document only through ``insert``/``remove``/``replace`` and the
suggestion methods, so undo can restore it exactly. Views subscribe with ``listeners``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .annotation import Annotation
from .errors import EditError
from .shapes import Classification, OcrLine, Span
from .undo import Command, UndoStack

if TYPE_CHECKING:
    from .drafts import DraftJournal


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything a save writes: used by autosave and to restore a recovered draft."""

    annotations: tuple[Annotation, ...]
    base: tuple[str, ...]
    replaces: frozenset[str]
    suggestions: tuple[Annotation, ...]


class Document:
    """One item's annotations. ``base`` holds the revision heads the editing started from."""

    def __init__(
        self,
        item_id: str,
        annotations: Iterable[Annotation] = (),
        *,
        base: Iterable[str] = (),
        suggestions: Iterable[Annotation] = (),
        text: str | None = None,
        size: tuple[int, int] | None = None,
        blob_sha256: str | None = None,
        schema_ref: str | None = None,
        undo_limit: int = 1000,
    ) -> None:
        self.item_id = item_id
        self.text = text  # NFC text of a text item; spans index its code points
        self.size = size  # (width, height) of an image item's upright page, when known
        self.blob_sha256 = blob_sha256
        self.schema_ref = schema_ref
        self.base: tuple[str, ...] = tuple(base)
        self.replaces: set[str] = set()  # pre-label/OCR events accepted since the last save
        self._items: dict[str, Annotation] = {}
        self._suggestions: dict[str, Annotation] = {}
        self.stack = UndoStack(self, undo_limit)
        self.listeners: list[Callable[[Document], None]] = []
        self.journal: DraftJournal | None = None
        self.problems: list[str] = []  # suggestions that could not be shown, and why
        for a in annotations:
            self.insert(a)
        for s in suggestions:
            self._suggestions[s.id] = s

    # ------------------------------------------------------------------ reading
    @property
    def annotations(self) -> list[Annotation]:
        return list(self._items.values())

    @property
    def suggestions(self) -> list[Annotation]:
        """Pre-labels and OCR lines not yet accepted, shown apart from human labels."""
        return list(self._suggestions.values())

    def get(self, ann_id: str) -> Annotation:
        try:
            return self._items[ann_id]
        except KeyError:
            raise EditError(f"annotation {ann_id} is not in item {self.item_id}") from None

    def __contains__(self, ann_id: object) -> bool:
        return ann_id in self._items

    def __len__(self) -> int:
        return len(self._items)

    def index_of(self, ann_id: str) -> int:
        return list(self._items).index(ann_id)

    def ocr_lines(self) -> list[Annotation]:
        """OCR lines in reading order."""
        lines = [a for a in self._items.values() if isinstance(a.shape, OcrLine)]
        return sorted(lines, key=lambda a: (a.shape.order, a.id))  # type: ignore[union-attr]

    def classification(self) -> Annotation | None:
        return next((a for a in self._items.values() if isinstance(a.shape, Classification)), None)

    def span_text(self, ann_id: str) -> str:
        """The text a span annotation covers."""
        shape = self.get(ann_id).shape
        if not isinstance(shape, Span) or self.text is None:
            raise EditError(f"annotation {ann_id} is not a span on a text item")
        return self.text[shape.start : shape.end]

    @property
    def dirty(self) -> bool:
        return not self.stack.is_clean

    def snapshot(self) -> Snapshot:
        return Snapshot(tuple(self._items.values()), self.base, frozenset(self.replaces),
                        tuple(self._suggestions.values()))  # fmt: skip

    # ------------------------------------------------------------------ editing
    def push(self, cmd: Command) -> None:
        """Apply an edit and put it on the undo stack."""
        self.stack.push(cmd)

    def undo(self) -> bool:
        return self.stack.undo()

    def redo(self) -> bool:
        return self.stack.redo()

    def notify(self) -> None:
        for listener in list(self.listeners):
            listener(self)

    # The primitives below are for commands; they do not touch the undo stack.
    def insert(self, ann: Annotation, index: int | None = None) -> None:
        if ann.id in self._items:
            raise EditError(f"annotation {ann.id} is already in item {self.item_id}")
        if isinstance(ann.shape, Span):
            if self.text is None:
                raise EditError(f"item {self.item_id} has no text to hold span {ann.id}")
            ann.shape.check_text(len(self.text))
        if index is None or index >= len(self._items):
            self._items[ann.id] = ann
            return
        entries = list(self._items.items())
        entries.insert(index, (ann.id, ann))
        self._items = dict(entries)

    def remove(self, ann_id: str) -> tuple[int, Annotation]:
        ann = self.get(ann_id)
        index = self.index_of(ann_id)
        del self._items[ann_id]
        return index, ann

    def replace(self, ann: Annotation) -> None:
        if ann.id not in self._items:
            raise EditError(f"annotation {ann.id} is not in item {self.item_id}")
        if isinstance(ann.shape, Span) and self.text is not None:
            ann.shape.check_text(len(self.text))
        self._items[ann.id] = ann

    def take_suggestion(self, ann_id: str) -> Annotation:
        try:
            return self._suggestions.pop(ann_id)
        except KeyError:
            raise EditError(f"suggestion {ann_id} is not pending on item {self.item_id}") from None

    def put_suggestion(self, ann: Annotation) -> None:
        self._suggestions[ann.id] = ann

    def restore(self, snap: Snapshot) -> None:
        """Replace the whole state (recovering a draft, or undoing that)."""
        self._items = {}
        for a in snap.annotations:
            self.insert(a)
        self._suggestions = {s.id: s for s in snap.suggestions}
        self.base = snap.base
        self.replaces = set(snap.replaces)
