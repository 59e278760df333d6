"""Schema files: what a valid one holds, and precise messages for the invalid ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hitl_desktop.annotate import Annotation, Box, Classification, Point
from hitl_desktop.schema import SchemaError, annotation_problems, load_schema, parse_schema


def test_a_valid_schema_loads_from_json_and_yaml_alike(tmp_path: Path, v1: dict[str, Any]) -> None:
    import yaml

    (tmp_path / "s.json").write_text(json.dumps(v1), encoding="utf-8")
    (tmp_path / "s.yaml").write_text(yaml.safe_dump(v1, allow_unicode=True), encoding="utf-8")
    a, b = load_schema(tmp_path / "s.json"), load_schema(tmp_path / "s.yaml")
    assert a == b and a.ref == "forms@1"
    assert [lb.hotkey for lb in a.tasks[0].labels] == ["1", "2", "3"]
    assert a.review.overlap == 0.1 and a.instructions.startswith("# Forms")


def _problem(data: dict[str, Any]) -> str:
    with pytest.raises(SchemaError) as info:
        parse_schema(data, origin="forms.json")
    return str(info.value)


def test_duplicate_label_names_are_named_with_their_path(v1: dict[str, Any]) -> None:
    v1["tasks"][0]["labels"][2]["name"] = "header"
    v1["tasks"][0]["labels"][2]["hotkey"] = "9"
    msg = _problem(v1)
    assert msg.startswith("forms.json is not a valid schema")
    assert "tasks[0].labels[2].name: duplicate label name 'header' in task 'fields'" in msg


def test_a_hotkey_clash_across_tasks_names_both_labels(v1: dict[str, Any]) -> None:
    v1["tasks"][1]["labels"][0]["hotkey"] = "2"
    msg = _problem(v1)
    assert ("tasks[1].labels[0].hotkey: hotkey '2' of label 'spam' clashes with label "
            "'question' in task 'fields'") in msg  # fmt: skip
    v1["tasks"][1]["labels"][0]["hotkey"] = "S"  # letters clash whatever their case
    v1["tasks"][1]["labels"][1]["hotkey"] = "s"
    assert "hotkey 's' of label 'ham' clashes with label 'spam'" in _problem(v1)


def test_unknown_task_kind_bad_colour_and_choice_without_choices(v1: dict[str, Any]) -> None:
    v1["tasks"][0]["kind"] = "circles"
    msg = _problem(v1)
    assert "tasks[0].kind: unknown task kind 'circles'; expected one of" in msg
    assert "boxes" in msg and "transcription" in msg
    v1["tasks"][0]["kind"] = "boxes"
    v1["tasks"][0]["labels"][0]["colour"] = "blue"
    v1["tasks"][0]["labels"][1]["attributes"][0]["choices"] = []
    msg = _problem(v1)
    assert "tasks[0].labels[0].colour: 'blue' is not a colour" in msg
    assert ("tasks[0].labels[1].attributes[0].choices: choice attribute 'kind' of label "
            "'question' lists no choices") in msg  # fmt: skip


def test_unreadable_files_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(SchemaError, match=r"schema file .*missing\.json not found"):
        load_schema(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": ', encoding="utf-8")
    with pytest.raises(SchemaError, match=r"bad.json is not JSON \(line 1"):
        load_schema(bad)


def test_annotations_are_checked_against_a_version(v1: dict[str, Any]) -> None:
    schema = parse_schema(v1)
    ok = Annotation(Box(0, 0, 10, 10), "question", {"kind": "date"}, id="a1")
    assert annotation_problems(schema, ok) == []
    missing = Annotation(Box(0, 0, 10, 10), "question", id="a2")
    assert annotation_problems(schema, missing) == [
        "box annotation a2: label 'question' requires attribute 'kind'"
    ]
    wrong = Annotation(Box(0, 0, 10, 10), "question", {"kind": "colour", "x": 1}, id="a3")
    assert annotation_problems(schema, wrong) == [
        "box annotation a3: attribute 'kind' must be one of date, name, other; got 'colour'",
        "box annotation a3: label 'question' has no attribute 'x'",
    ]
    unknown = Annotation(Box(0, 0, 10, 10), "spam", id="a4")  # a label of another task kind
    assert annotation_problems(schema, unknown) == [
        "box annotation a4: label 'spam' is not in schema forms@1 (known: header, question, stamp)"
    ]
    assert annotation_problems(schema, Annotation(Point(1, 1), "header", id="a5")) == [
        "point annotation a5: schema forms@1 has no task for point annotations"
    ]
    two = Annotation(Classification(("spam", "ham")), id="a6")
    assert annotation_problems(schema, two) == [
        "classification annotation a6: a single-label classification holds 2 labels"
    ]
