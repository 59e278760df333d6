"""Edit commands. Each stores what it needs to revert exactly; build them with the functions
below (``move``, ``relabel``, ``accept_suggestions`` …) and push them with ``doc.push``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from . import geometry
from .annotation import Annotation, AttrValue
from .document import Document, Snapshot
from .errors import EditError
from .shapes import Box, Classification, ImageShape, OcrLine, Span, nfc
from .undo import Command


class AddAnnotations(Command):
    def __init__(self, annotations: Sequence[Annotation], text: str = "Add") -> None:
        if not annotations:
            raise EditError("nothing to add")
        self.annotations = list(annotations)
        self.text = text

    def apply(self, doc: Document) -> None:
        done: list[Annotation] = []
        try:
            for a in self.annotations:
                doc.insert(a)
                done.append(a)
        except Exception:
            for a in reversed(done):  # all or nothing
                doc.remove(a.id)
            raise

    def revert(self, doc: Document) -> None:
        for a in reversed(self.annotations):
            doc.remove(a.id)


class DeleteAnnotations(Command):
    def __init__(self, ids: Iterable[str], text: str = "Delete") -> None:
        self.ids = list(dict.fromkeys(ids))
        if not self.ids:
            raise EditError("nothing selected to delete")
        self.text = text
        self._removed: list[tuple[int, Annotation]] = []

    def apply(self, doc: Document) -> None:
        for i in self.ids:
            doc.get(i)  # fail before changing anything
        positions = sorted(((doc.index_of(i), i) for i in self.ids), reverse=True)
        self._removed = [doc.remove(i) for _, i in positions]

    def revert(self, doc: Document) -> None:
        for index, ann in sorted(self._removed, key=lambda r: r[0]):
            doc.insert(ann, index)


class ChangeAnnotations(Command):
    """Replace annotations by new versions of themselves (same ids): every move, resize,
    vertex drag, relabel, attribute or transcription edit and reorder is one of these."""

    def __init__(
        self, pairs: Sequence[tuple[Annotation, Annotation]], text: str, gesture: str | None = None
    ) -> None:
        for old, new in pairs:
            if old.id != new.id:
                raise EditError(f"a change must keep the annotation id ({old.id} -> {new.id})")
        self.old = {o.id: o for o, _ in pairs}
        self.new = {n.id: n for _, n in pairs}
        self.text = text
        self.gesture = gesture

    def apply(self, doc: Document) -> None:
        for ann_id, old in self.old.items():
            if doc.get(ann_id) != old:
                raise EditError(f"annotation {ann_id} changed since this edit was made")
        for new in self.new.values():
            doc.replace(new)

    def revert(self, doc: Document) -> None:
        for old in self.old.values():
            doc.replace(old)

    def merge_with(self, other: Command) -> bool:
        if (
            not isinstance(other, ChangeAnnotations)
            or self.gesture is None
            or other.gesture != self.gesture
            or other.text != self.text
            or set(other.new) != set(self.new)
        ):
            return False
        self.new = dict(other.new)
        return True


class AcceptSuggestions(Command):
    """Pre-labels/OCR lines become the worker's annotations; their origin names the event."""

    def __init__(self, ids: Sequence[str], text: str = "Accept pre-labels") -> None:
        if not ids:
            raise EditError("no pre-labels to accept")
        self.ids = list(dict.fromkeys(ids))
        self.text = text
        self._accepted: list[Annotation] = []
        self._added_events: set[str] = set()

    def apply(self, doc: Document) -> None:
        pending = {s.id for s in doc.suggestions}
        missing = [i for i in self.ids if i not in pending]
        if missing:
            raise EditError(f"pre-label {missing[0]} is not pending on item {doc.item_id}")
        self._accepted = [doc.take_suggestion(i) for i in self.ids]
        done: list[Annotation] = []
        try:
            for a in self._accepted:
                doc.insert(a)
                done.append(a)
        except Exception:  # all or nothing: the suggestions go back to pending
            for a in done:
                doc.remove(a.id)
            for a in self._accepted:
                doc.put_suggestion(a)
            raise
        events = {a.origin.event for a in self._accepted if a.origin.event}
        self._added_events = events - doc.replaces
        doc.replaces |= events

    def revert(self, doc: Document) -> None:
        for a in reversed(self._accepted):
            doc.remove(a.id)
            doc.put_suggestion(a)
        doc.replaces -= self._added_events


class RestoreSnapshot(Command):
    """Bring back a whole state at once (a recovered draft); undo returns to the saved one."""

    def __init__(self, snap: Snapshot, text: str = "Recover unsaved edits") -> None:
        self.snap = snap
        self.text = text
        self._before: Snapshot | None = None

    def apply(self, doc: Document) -> None:
        self._before = doc.snapshot()
        doc.restore(self.snap)

    def revert(self, doc: Document) -> None:
        assert self._before is not None
        doc.restore(self._before)


# ------------------------------------------------------------------- builders
def add(doc: Document, ann: Annotation) -> AddAnnotations:
    return AddAnnotations(
        [ann], f"Add {ann.kind} '{ann.label}'" if ann.label else f"Add {ann.kind}"
    )


def add_span(doc: Document, start: int, end: int, label: str, **kw: Any) -> AddAnnotations:
    """A span over code points [start, end) of the item's NFC text, checked against it."""
    if doc.text is None:
        raise EditError(f"item {doc.item_id} is not a text item; spans need text")
    span = Span(start, end)
    span.check_text(len(doc.text))
    return AddAnnotations([Annotation(span, label, **kw)], f"Label span '{label}'")


def delete(ids: Iterable[str]) -> DeleteAnnotations:
    return DeleteAnnotations(ids)


def _change(
    doc: Document, ids: Iterable[str], fn: Callable[[Annotation], Annotation], text: str,
    gesture: str | None = None,
) -> ChangeAnnotations:  # fmt: skip
    pairs = [(doc.get(i), fn(doc.get(i))) for i in dict.fromkeys(ids)]
    if not pairs:
        raise EditError("nothing selected")
    return ChangeAnnotations(pairs, text, gesture)


def _image_shape(ann: Annotation) -> ImageShape:
    if isinstance(ann.shape, Span | Classification):
        raise EditError(f"{ann.kind} annotation {ann.id} has no shape on the image")
    return ann.shape


def move(
    doc: Document, ids: Iterable[str], dx: float, dy: float, *, gesture: str | None = None
) -> ChangeAnnotations:
    """Translate image shapes; on an item of known size they stay inside the image."""

    def moved(a: Annotation) -> Annotation:
        shape = _image_shape(a)
        if doc.size is None:
            return a.with_(shape=geometry.translate(shape, dx, dy))
        return a.with_(shape=geometry.move_within(shape, dx, dy, *doc.size))

    return _change(doc, ids, moved, "Move", gesture)


def _fit(doc: Document, shape: ImageShape) -> ImageShape:
    return shape if doc.size is None else geometry.clamp(shape, *doc.size)


def resize(
    doc: Document, ann_id: str, handle: int, x: float, y: float, *, gesture: str | None = None
) -> ChangeAnnotations:
    """Drag box handle ``handle`` (0-7, clockwise from top-left) to (x, y)."""
    shape = _image_shape(doc.get(ann_id))
    if not isinstance(shape, Box):
        raise EditError(f"only boxes resize by handle; {ann_id} is a {shape.kind}")
    new = _fit(doc, geometry.resize_box(shape, handle, x, y))
    return _change(doc, [ann_id], lambda a: a.with_(shape=new), "Resize", gesture)


def move_vertex(
    doc: Document, ann_id: str, index: int, x: float, y: float, *, gesture: str | None = None
) -> ChangeAnnotations:
    shape = _image_shape(doc.get(ann_id))
    new = _fit(doc, geometry.move_vertex(shape, index, x, y))
    return _change(doc, [ann_id], lambda a: a.with_(shape=new), "Move vertex", gesture)


def relabel(doc: Document, ids: Iterable[str], label: str) -> ChangeAnnotations:
    return _change(doc, ids, lambda a: a.with_(label=label), f"Label as '{nfc(label)}'")


def set_attribute(
    doc: Document, ids: Iterable[str], key: str, value: AttrValue | None
) -> ChangeAnnotations:
    """Set attribute ``key`` (``None`` removes it)."""

    def changed(a: Annotation) -> Annotation:
        attrs: dict[str, AttrValue] = dict(a.attributes)
        if value is None:
            attrs.pop(key, None)
        else:
            attrs[key] = value
        return a.with_(attributes=attrs)

    return _change(doc, ids, changed, f"Set {key}")


def edit_transcription(
    doc: Document, ann_id: str, text: str, *, gesture: str | None = None
) -> ChangeAnnotations:
    """Change an OCR line's text; keystrokes sharing a ``gesture`` undo as one step."""

    def changed(a: Annotation) -> Annotation:
        if not isinstance(a.shape, OcrLine):
            raise EditError(f"annotation {a.id} is a {a.kind}, not an OCR line")
        return a.with_(shape=OcrLine(a.shape.quad, text, a.shape.order))

    return _change(doc, [ann_id], changed, "Edit transcription", gesture)


def reorder_lines(doc: Document, ids_in_order: Sequence[str]) -> ChangeAnnotations:
    """Set the reading order of every OCR line of the item to ``ids_in_order``."""
    lines = {a.id for a in doc.ocr_lines()}
    if set(ids_in_order) != lines or len(ids_in_order) != len(lines):
        raise EditError("a new reading order must list every OCR line of the item exactly once")
    rank = {ann_id: i for i, ann_id in enumerate(ids_in_order)}

    def reordered(a: Annotation) -> Annotation:
        s = a.shape
        assert isinstance(s, OcrLine)
        return a.with_(shape=OcrLine(s.quad, s.text, rank[a.id]))

    changed = [i for i in ids_in_order if doc.get(i).shape.order != rank[i]]  # type: ignore[union-attr]
    return _change(doc, changed or list(ids_in_order), reordered, "Reorder lines")


def set_classification(doc: Document, labels: Sequence[str]) -> Command:
    """Set the item's class (one label, or several for multi-label); empty clears it."""
    current = doc.classification()
    if not labels:
        if current is None:
            raise EditError(f"item {doc.item_id} has no class to clear")
        return DeleteAnnotations([current.id], "Clear class")
    shape = Classification(tuple(labels))
    text = f"Class: {', '.join(shape.labels)}"
    if current is None:
        return AddAnnotations([Annotation(shape)], text)
    return _change(doc, [current.id], lambda a: a.with_(shape=shape), text)


def accept_suggestions(doc: Document, ids: Sequence[str] | None = None) -> AcceptSuggestions:
    """Accept all pending pre-labels, or the selected ``ids``."""
    chosen = [s.id for s in doc.suggestions] if ids is None else list(ids)
    return AcceptSuggestions(
        chosen, "Accept all pre-labels" if ids is None else "Accept pre-labels"
    )


def restore(snap: Snapshot) -> RestoreSnapshot:
    return RestoreSnapshot(snap)
