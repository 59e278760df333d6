"""The editing model of the worker's desk (no Qt): shapes, annotations, edit commands with
undo/redo, saving revisions to the log, and the draft journal that survives a crash.

The GUI draws these objects and turns mouse and key events into the commands built by
``commands``; everything here is tested headless.
"""

from . import commands, geometry, revisions
from .annotation import (
    HUMAN,
    Annotation,
    AttrValue,
    Origin,
    annotations_from_json,
    annotations_to_json,
)
from .document import Document, Snapshot
from .drafts import DRAFTS_DB, Draft, DraftJournal, DraftUnreadable
from .errors import AnnotateError, EditError, InvalidAnnotation, InvalidShape
from .persist import (
    PendingSave,
    autosave,
    close_journal,
    finish_save,
    journal,
    open_document,
    prepare_save,
    recover,
    restore_draft,
    save,
)
from .shapes import Box, Classification, OcrLine, Point, Polygon, Shape, Span
from .undo import Command, StackMark, UndoStack

__all__ = [
    "DRAFTS_DB", "HUMAN", "AnnotateError", "Annotation", "AttrValue", "Box", "Classification",
    "Command", "Document", "Draft", "DraftJournal", "DraftUnreadable", "EditError",
    "InvalidAnnotation", "InvalidShape", "OcrLine", "Origin", "PendingSave", "Point", "Polygon",
    "Shape", "Snapshot", "Span", "StackMark", "UndoStack", "annotations_from_json",
    "annotations_to_json", "autosave", "close_journal",
    "commands", "finish_save", "geometry", "journal", "open_document", "prepare_save", "recover",
    "restore_draft", "revisions", "save",
]  # fmt: skip
