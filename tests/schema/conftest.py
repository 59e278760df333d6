"""Schemas for the tests: a first version, and a second that renames one label and drops one."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
FUNSD_PAGE = DATA / "funsd" / "images" / "0000971160.png"
SMS = DATA / "textcls" / "sms_spam_2000.tsv"

V1: dict[str, Any] = {
    "name": "forms",
    "version": 1,
    "instructions": "# Forms\nBox every **field**.",
    "review": {"overlap": 0.1, "agreement": 0.8},
    "tasks": [
        {
            "name": "fields",
            "kind": "boxes",
            "labels": [
                {"name": "header", "description": "a form's title", "colour": "#1f77b4",
                 "hotkey": "1"},
                {"name": "question", "description": "a field's prompt", "colour": "#ff7f0e",
                 "hotkey": "2",
                 "attributes": [{"name": "kind", "type": "choice", "required": True,
                                 "choices": ["date", "name", "other"]}]},
                {"name": "stamp", "description": "an ink stamp", "colour": "#2ca02c",
                 "hotkey": "3"},
            ],
        },
        {
            "name": "message",
            "kind": "classification_single",
            "labels": [
                {"name": "spam", "description": "unsolicited", "colour": "#d62728", "hotkey": "s"},
                {"name": "ham", "description": "ordinary", "colour": "#9467bd", "hotkey": "h"},
            ],
        },
    ],
}  # fmt: skip


def v2_from(v1: dict[str, Any]) -> dict[str, Any]:
    """Version 2: "header" becomes "title" (explicitly), "stamp" is removed, "answer" added."""
    v2 = copy.deepcopy(v1)
    v2["version"] = 2
    labels = v2["tasks"][0]["labels"]
    labels[0] = {**labels[0], "name": "title", "renamed_from": "header"}
    del labels[2]
    labels.append({"name": "answer", "description": "a field's value", "colour": "#8c564b",
                   "hotkey": "4"})  # fmt: skip
    v2["tasks"][1]["labels"][1]["name"] = "legit"  # implicit rename: same description and colour
    return v2


@pytest.fixture
def v1() -> dict[str, Any]:
    return copy.deepcopy(V1)


@pytest.fixture
def v2() -> dict[str, Any]:
    return v2_from(V1)
