"""Values the exporters share: options, one exported item, the result, and the error type."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..workspace.errors import WorkspaceError

FORMATS: dict[str, str] = {
    "coco": "COCO instances JSON (boxes, polygons)",
    "yolo": "YOLO txt per image + data.yaml (boxes; YOLO-seg when polygons are present)",
    "voc": "Pascal VOC XML per image",
    "paddleocr": "PaddleOCR detection Label.txt and recognition rec_gt.txt with line crops",
    "labelstudio": "Label Studio JSON tasks with annotations and predictions",
    "jsonl": "JSON Lines, one item a line (class labels and spans)",
    "conll": "CoNLL-2003 BIO tags of the spans",
    "csv": "CSV, one annotation a row",
}
SPLITS = ("train", "val", "test")
REGION_KINDS = ("box", "polygon")
_IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp", ".bmp", ".gif",
                             ".txt", ".md"})  # fmt: skip


class ExportError(WorkspaceError, ValueError):
    """An export that cannot be made or checked; the message says what to change."""


def parse_revisions(value: str) -> str:
    """Check a ``--revisions`` value: adjudicated, latest or annotator:NAME."""
    if value in ("adjudicated", "latest"):
        return value
    if value.startswith("annotator:") and value[len("annotator:") :].strip():
        return value
    raise ExportError(
        f"--revisions {value!r}: use adjudicated (review decisions only), latest, or "
        "annotator:NAME (that person's latest revision of each item)"
    )


def parse_split(value: str | None) -> tuple[int, int, int] | None:
    """``80/10/10`` -> (80, 10, 10); percentages of train/val/test that add up to 100."""
    if not value:
        return None
    m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*/\s*(\d+)\s*", value)
    if m is None or sum(int(g) for g in m.groups()) != 100:
        raise ExportError(
            f"--split {value!r}: give train/val/test percentages adding up to 100, e.g. 80/10/10"
        )
    a, b, c = (int(g) for g in m.groups())
    return a, b, c


@dataclass(frozen=True)
class ExportOptions:
    """What goes into an export. Retired items stay out unless ``include_retired``."""

    revisions: str = "adjudicated"  # adjudicated | latest | annotator:NAME
    schema: str | None = None  # "name@version"; None: the workspace's latest schema
    include_retired: bool = False
    redact: bool = False  # blur regions flagged for redaction in exported images
    split: tuple[int, int, int] | None = None  # train/val/test percentages by item hash
    images: bool = True  # write the page images (off: labels only, naming the image files)

    def __post_init__(self) -> None:
        parse_revisions(self.revisions)
        if self.split is not None and (len(self.split) != 3 or sum(self.split) != 100):
            raise ExportError(f"split {self.split} must be three percentages adding up to 100")

    def to_json(self) -> dict[str, Any]:
        return {
            "revisions": self.revisions, "schema": self.schema,
            "include_retired": self.include_retired, "redact": self.redact,
            "split": list(self.split) if self.split else None, "images": self.images,
        }  # fmt: skip


@dataclass(frozen=True)
class Prediction:
    """A model's suggestion for an item (Label Studio exports them as predictions)."""

    event: str
    model_id: str
    labels: list[dict[str, Any]]  # [{"label", "score"}], best first
    spans: list[dict[str, Any]]
    boxes: list[dict[str, Any]]


@dataclass
class ExportItem:
    """One item as exported: its content, the chosen revision's annotations (stored JSON)."""

    id: str
    name: str
    kind: str  # image, scan_page, text
    media_type: str
    blob_sha256: str
    annotations: list[dict[str, Any]]
    revision: str = ""  # the revision (annotation.revised / review.decided) exported
    actor: str = ""
    decision: str | None = None
    schema_ref: str | None = None
    width: int = 0
    height: int = 0
    text: str | None = None
    text_sha256: str | None = None
    created_event: str = ""
    split: str = ""
    file: str = ""  # the image's path inside the export, once written
    predictions: list[Prediction] = field(default_factory=list)
    models: tuple[str, ...] = ()  # models whose accepted suggestions the answer holds

    @property
    def is_image(self) -> bool:
        return self.kind in ("image", "scan_page")

    @property
    def stem(self) -> str:
        """A file stem unique in the export: the item id's tail and the sanitised name."""
        name, ext = os.path.splitext(self.name)
        if ext.lower() not in _IMAGE_SUFFIXES:
            name = self.name  # "scan.pdf p2" keeps its page number
        name = os.path.basename(name)
        base = re.sub(r"[^\w.-]+", "_", name, flags=re.ASCII).strip("._")
        return f"{self.id[-12:]}_{base[:60] or 'item'}"


@dataclass
class ExportResult:
    out_dir: Path
    format: str
    items: int
    annotations: int
    files: int
    manifest_sha256: str
    export_sha256: str
    event_hash: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "out_dir": str(self.out_dir), "format": self.format, "items": self.items,
            "annotations": self.annotations, "files": self.files,
            "manifest_sha256": self.manifest_sha256, "export_sha256": self.export_sha256,
            "event": self.event_hash, "counts": self.counts, "problems": self.problems,
        }  # fmt: skip
