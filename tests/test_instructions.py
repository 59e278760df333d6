"""The instructions beside the editor come from the item's published label schema."""

from __future__ import annotations

from pathlib import Path

from hitl_desktop.instructions import instructions_for
from hitl_desktop.schema import parse_schema, publish
from hitl_desktop.workspace import Profile, Workspace


def _schema(name: str, version: int, instructions: str) -> dict[str, object]:
    return {
        "name": name,
        "version": version,
        "instructions": instructions,
        "tasks": [{"name": "t", "kind": "boxes", "labels": [{"name": "field"}]}],
    }


def test_instructions_follow_the_schema_ref_and_fall_back_to_the_only_schema(
    tmp_path: Path,
) -> None:
    with Workspace.create(tmp_path / "ws", name="w", profile=Profile("eve", "expert")) as ws:
        assert instructions_for(ws, None) is None  # nothing published yet
        publish(ws, parse_schema(_schema("forms", 1, "Box every *field*.")))
        publish(ws, parse_schema(_schema("forms", 2, "Box every field, not stamps.")))
        assert instructions_for(ws, "forms@1") == "Box every *field*."
        # no ref, or a ref that is not a published schema (a model's label set): the latest
        assert instructions_for(ws, None) == "Box every field, not stamps."
        assert instructions_for(ws, "sentiment@1") == "Box every field, not stamps."
        publish(ws, parse_schema(_schema("letters", 1, "")))
        assert instructions_for(ws, None) is None  # two schemas: which one is not known
        assert instructions_for(ws, "letters@1") is None  # published without instructions
