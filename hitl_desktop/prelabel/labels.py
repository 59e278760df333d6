"""Label sets: a named, versioned list of labels with descriptions, read from JSON.

Minimal schema support until label schemas land: ``{"name": "sms", "version": 1,
"labels": [{"name": "spam", "description": "unsolicited advertising, prizes"}, …]}``.
Descriptions matter: zero-shot pre-labellers compare texts with them.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)  # fmt: skip

from .errors import LabelSetError

__all__ = ["Label", "LabelSet", "load_label_set", "parse_label_set"]


def _nfc_stripped(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


Text = Annotated[str, AfterValidator(_nfc_stripped)]


class Label(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Annotated[Text, Field(max_length=200)]
    description: Text = ""

    @field_validator("name")
    @classmethod
    def _name_not_blank(cls, v: str) -> str:
        if not v:
            raise ValueError("a label name cannot be blank")
        return v

    @property
    def prompt(self) -> str:
        """What zero-shot models compare texts with: ``name: description``, or the name."""
        return f"{self.name}: {self.description}" if self.description else self.name


class LabelSet(BaseModel):
    """A label set; label names are unique (compared after NFC normalisation)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Annotated[Text, Field(max_length=200)]
    version: int = Field(ge=1)
    labels: list[Label] = Field(min_length=2)

    @field_validator("name")
    @classmethod
    def _name_not_blank(cls, v: str) -> str:
        if not v:
            raise ValueError("a label set name cannot be blank")
        return v

    @field_validator("labels")
    @classmethod
    def _unique_names(cls, labels: list[Label]) -> list[Label]:
        names = [lb.name for lb in labels]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"label names must be unique; repeated: {', '.join(dupes)}")
        return labels

    @property
    def names(self) -> list[str]:
        return [lb.name for lb in self.labels]

    @property
    def ref(self) -> str:
        """``name@version``: recorded as the schema_ref of pre-labels made with this set."""
        return f"{self.name}@{self.version}"


def parse_label_set(data: object, *, origin: str = "label set") -> LabelSet:
    """Validate JSON data as a label set, with one readable line per problem."""
    try:
        return LabelSet.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'top level'}: {e['msg']}" for e in exc.errors()
        )
        raise LabelSetError(f"{origin} is not a valid label set: {problems}") from None


def load_label_set(path: Path) -> LabelSet:
    """Read a label set file (UTF-8 JSON)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LabelSetError(f"label set file {path} not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LabelSetError(f"cannot read label set file {path}: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LabelSetError(
            f"{path} is not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    return parse_label_set(data, origin=str(path))
