"""Importers of existing annotations (no Qt): COCO, Label Studio, YOLO, PaddleOCR Label.txt.

Images come in through the normal ingest path (provenance "imported from <format>, <file>",
dedup by hash, thumbnails); annotations become revisions attributed to a named annotator, or
pre-labels. Everything is checked before anything is written; see ``run.py``.
"""

from .model import FORMAT_NAMES, FORMATS, AnnotationImportError, RecordError
from .report import AnnotationImportReport, RecordResult
from .run import AnnotationImportOptions, import_annotations, parse_file, parse_label_map

__all__ = [
    "FORMATS", "FORMAT_NAMES", "AnnotationImportError", "AnnotationImportOptions",
    "AnnotationImportReport", "RecordError", "RecordResult", "import_annotations", "parse_file",
    "parse_label_map",
]  # fmt: skip
