"""Ingest: files (scans, images, text) into items, with provenance, validation and dedup."""

from .errors import Refused
from .importer import expand_paths, import_paths
from .options import ImportOptions
from .report import FileResult, ImportReport
from .retire import UnknownSource, retire_item, retire_source
from .watch import watch_folder

__all__ = [
    "FileResult", "ImportOptions", "ImportReport", "Refused", "UnknownSource", "expand_paths",
    "import_paths", "retire_item", "retire_source", "watch_folder",
]  # fmt: skip
