"""The label schema: named tasks, their labels and attributes, instructions, review policy.

A schema version is a frozen pydantic model; every text is NFC. ``parse_schema`` checks
what pydantic cannot see alone (duplicates, hotkey clashes across the whole schema) and
reports every problem with its path, e.g. ``tasks[0].labels[2].hotkey``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from .errors import SchemaError

__all__ = [
    "ANNOTATION_KINDS", "Attribute", "Label", "ReviewPolicy", "Schema", "TASK_KINDS", "Task",
    "load_schema", "parse_schema",
]  # fmt: skip

TaskKind = Literal[
    "classification_single", "classification_multi", "boxes", "polygons", "points", "spans",
    "transcription",
]  # fmt: skip
TASK_KINDS: tuple[str, ...] = TaskKind.__args__  # type: ignore[attr-defined]
# the annotation shape kind (``hitl_desktop.annotate``) each task kind produces
ANNOTATION_KINDS: dict[str, str] = {
    "classification_single": "classification", "classification_multi": "classification",
    "boxes": "box", "polygons": "polygon", "points": "point", "spans": "span",
    "transcription": "ocr_line",
}  # fmt: skip
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_HOTKEY = re.compile(r"^[1-9a-zA-Z]$")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


Text = Annotated[str, AfterValidator(_nfc)]
Name = Annotated[Text, Field(min_length=1, max_length=200)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Attribute(_Model):
    """An attribute a label carries: text, number, choice (one of ``choices``) or boolean."""

    name: Name
    type: Literal["text", "number", "choice", "boolean"]
    required: bool = False
    choices: list[Text] = Field(default_factory=list)
    description: Text = ""


class Label(_Model):
    name: Name
    description: Text = ""
    colour: Text = "#888888"
    hotkey: Text | None = None  # "1".."9" or a letter
    attributes: list[Attribute] = Field(default_factory=list)
    renamed_from: Text | None = None  # the label's name in the parent version, when renamed


class Task(_Model):
    name: Name
    kind: TaskKind
    labels: list[Label] = Field(min_length=1)
    description: Text = ""

    @property
    def annotation_kind(self) -> str:
        return ANNOTATION_KINDS[self.kind]

    def label(self, name: str) -> Label | None:
        return next((lb for lb in self.labels if lb.name == name), None)


class ReviewPolicy(_Model):
    overlap: float = Field(default=0.0, ge=0, le=1)  # fraction of items labelled twice
    agreement: float = Field(default=0.8, ge=0, le=1)  # below this, items go to review


class Schema(_Model):
    """One version of a label schema; ``ref`` (``name@version``) names it in events."""

    name: Name
    version: int = Field(ge=1)
    parent_version: int | None = Field(default=None, ge=1)
    tasks: list[Task] = Field(min_length=1)
    instructions: str = ""  # Markdown
    review: ReviewPolicy = Field(default_factory=ReviewPolicy)

    @property
    def ref(self) -> str:
        return f"{self.name}@{self.version}"

    def task(self, name: str) -> Task | None:
        return next((t for t in self.tasks if t.name == name), None)

    def tasks_for(self, annotation_kind: str) -> list[Task]:
        return [t for t in self.tasks if t.annotation_kind == annotation_kind]

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def _loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "top level"


def _rule_problems(s: Schema) -> list[str]:
    """What field validation alone cannot see: duplicates, clashes, missing choices."""
    problems: list[str] = []
    names = [t.name for t in s.tasks]
    for i, t in enumerate(s.tasks):
        if names.index(t.name) != i:
            problems.append(f"tasks[{i}].name: duplicate task name {t.name!r}")
    hotkeys: dict[str, str] = {}
    for i, t in enumerate(s.tasks):
        seen: set[str] = set()
        for j, lb in enumerate(t.labels):
            at = f"tasks[{i}].labels[{j}]"
            if lb.name in seen:
                problems.append(f"{at}.name: duplicate label name {lb.name!r} in task {t.name!r}")
            seen.add(lb.name)
            if not _COLOUR.match(lb.colour):
                problems.append(f"{at}.colour: {lb.colour!r} is not a colour like '#1f77b4'")
            if lb.hotkey is not None:
                key = lb.hotkey.lower()
                if not _HOTKEY.match(lb.hotkey) or lb.hotkey == "0":
                    problems.append(f"{at}.hotkey: {lb.hotkey!r} must be 1-9 or a single letter")
                elif key in hotkeys:
                    problems.append(f"{at}.hotkey: hotkey {lb.hotkey!r} of label {lb.name!r} "
                                    f"clashes with {hotkeys[key]}")  # fmt: skip
                else:
                    hotkeys[key] = f"label {lb.name!r} in task {t.name!r}"
            attr_names: set[str] = set()
            for k, a in enumerate(lb.attributes):
                where = f"{at}.attributes[{k}]"
                if a.name in attr_names:
                    problems.append(f"{where}.name: duplicate attribute {a.name!r} "
                                    f"on label {lb.name!r}")  # fmt: skip
                attr_names.add(a.name)
                if a.type == "choice" and not a.choices:
                    problems.append(f"{where}.choices: choice attribute {a.name!r} of label "
                                    f"{lb.name!r} lists no choices")  # fmt: skip
                if a.type != "choice" and a.choices:
                    problems.append(f"{where}.choices: only choice attributes have choices "
                                    f"({a.name!r} is {a.type})")  # fmt: skip
                if len(set(a.choices)) != len(a.choices):
                    problems.append(f"{where}.choices: choices repeat in {a.name!r}")
    if s.parent_version is not None and s.parent_version >= s.version:
        problems.append(f"parent_version: {s.parent_version} must be below version {s.version}")
    return problems


def parse_schema(data: object, *, origin: str = "schema") -> Schema:
    """Validate JSON-like data as a schema version; ``SchemaError`` lists every problem."""
    try:
        schema = Schema.model_validate(data)
    except ValidationError as exc:
        problems = []
        for e in exc.errors():
            msg = e["msg"]
            if e["type"] == "literal_error" and e["loc"][-1:] == ("kind",):
                msg = f"unknown task kind {e['input']!r}; expected one of {', '.join(TASK_KINDS)}"
            problems.append(f"{_loc(e['loc'])}: {msg}")
        raise SchemaError(f"{origin} is not a valid schema: " + "; ".join(problems)) from None
    rules = _rule_problems(schema)
    if rules:
        raise SchemaError(f"{origin} is not a valid schema: " + "; ".join(rules))
    return schema


def load_schema(path: Path) -> Schema:
    """Read a schema file: JSON, or YAML when the name ends in .yaml/.yml."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SchemaError(f"schema file {path} not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemaError(f"cannot read schema file {path}: {exc}") from None
    data: Any
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml  # safe_load only: a schema file is data, never code

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise SchemaError(f"{path} is not valid YAML: {exc}") from None
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SchemaError(
                f"{path} is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
            ) from None
    return parse_schema(data, origin=str(path))
