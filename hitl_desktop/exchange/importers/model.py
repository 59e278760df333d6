"""What a parsed annotation file holds, before anything touches the workspace.

Parsers turn a file in some format into ``Record`` values (one per image) and
``RecordError`` values (one per problem, naming the file and the record). Geometry stays as
the file gave it: pixels, or fractions of the image size (``relative``), converted once the
image's real size is known.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

FORMATS = ("coco", "labelstudio", "yolo", "paddle")
FORMAT_NAMES = {"coco": "COCO", "labelstudio": "Label Studio", "yolo": "YOLO",
                "paddle": "PaddleOCR"}  # fmt: skip
ShapeKind = Literal["box", "polygon", "point", "ocr_line", "classification"]
XY = tuple[float, float]


class AnnotationImportError(Exception):
    """The import as a whole cannot go on (unreadable file, unknown format, bad option)."""


@dataclass(frozen=True)
class RecordError:
    """One problem in one record of one file; the record's other annotations are not used."""

    file: str
    record: str
    message: str

    def __str__(self) -> str:
        return (
            f"{self.file}: {self.record}: {self.message}"
            if self.record
            else (f"{self.file}: {self.message}")
        )

    def to_json(self) -> dict[str, str]:
        return {"file": self.file, "record": self.record, "message": self.message}


@dataclass(frozen=True)
class Found:
    """One annotation as the file has it.

    ``points`` are (x, y) pairs: a box is its top-left and bottom-right corners, a polygon its
    vertices, an OCR line its 4 corners clockwise from the top-left. ``relative`` points are
    fractions of the image's width and height. A classification has ``labels`` and no points.
    """

    kind: ShapeKind
    label: str
    points: tuple[XY, ...] = ()
    relative: bool = False
    text: str = ""  # an OCR line's transcription
    labels: tuple[str, ...] = ()  # a classification's labels
    score: float | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    where: str = ""  # e.g. "annotation id 7": added to errors about this one
    bare: bool = False  # a region drawn without a label (it needs a transcription)


@dataclass
class Group:
    """Annotations made together: one person's answer, or one model's prediction."""

    found: list[Found]
    annotator: str | None = None  # as the file names them (Label Studio's completed_by)
    prediction: bool = False  # a model's output in the file (Label Studio predictions)
    model_version: str = ""
    score: float | None = None  # the prediction's overall score


@dataclass
class Record:
    """One image of the file and its annotations."""

    key: str  # how errors name it, e.g. "image id 3 (receipt.jpg)"
    image_ref: str  # the image as the file names it
    image: Path | None  # where it was found; None when no candidate exists
    groups: list[Group] = field(default_factory=list)
    width: int | None = None  # the size the file declares, when it does
    height: int | None = None

    @property
    def found_count(self) -> int:
        return sum(len(g.found) for g in self.groups)


@dataclass
class Parsed:
    """A parsed annotation file: its records and the problems met while reading it."""

    format: str
    file: Path
    records: list[Record] = field(default_factory=list)
    errors: list[RecordError] = field(default_factory=list)

    def error(self, record: str, message: str) -> None:
        self.errors.append(RecordError(str(self.file), record, message))


def find_image(name: str, folders: list[Path]) -> Path | None:
    """The first existing file for ``name`` (as written in the file) among ``folders``.

    Tries the name as a relative path under each folder, then its last component alone.
    Absolute names are tried as they are first. Names never escape to other folders than
    those given (no ``..`` walking out), except an absolute name the file itself states.
    """
    if not name:
        return None
    candidate = Path(name)
    if candidate.is_absolute() and candidate.is_file():
        return candidate
    parts = [p for p in Path(name.replace("\\", "/")).parts if p not in ("/", "..", ".")]
    tries: list[Path] = []
    for folder in folders:
        if parts:
            tries.append(folder.joinpath(*parts))
            tries.append(folder / parts[-1])
    return next((t for t in tries if t.is_file()), None)
