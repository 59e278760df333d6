"""Answers imported under other people's names: a role question (checkers, experts and admins
may), refused before anything is written, with the ways to import instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from hitl_desktop.exchange.importers import AnnotationImportError
from hitl_desktop.workspace import Workspace
from hitl_desktop.workspace.workspace import Profile

from .import_helpers import item_names, make_image, revisions, run, write_json


def _coco(tmp_path: Path) -> Path:
    make_image(tmp_path / "images" / "a.png", 64, 48, seed=3)
    return write_json(tmp_path / "instances.json", {
        "images": [{"id": 1, "file_name": "a.png", "width": 64, "height": 48}],
        "categories": [{"id": 1, "name": "cat"}],
        "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [4, 4, 20, 20]}],
    })  # fmt: skip


def _workspace(tmp_path: Path, role: str) -> Workspace:
    return Workspace.create(tmp_path / f"ws-{role}", name="Credit", profile=Profile("wen", role))


def test_a_worker_cannot_credit_someone_else_and_nothing_is_written(tmp_path):
    ws = _workspace(tmp_path, "worker")
    try:
        with pytest.raises(AnnotationImportError) as err:
            run(ws, _coco(tmp_path), "coco", annotator="dana")
        text = str(err.value)
        assert "Only checkers and experts import answers credited to other people" in text
        assert "dana" in text and "--annotator wen" in text and "--as-prelabels" in text
        assert item_names(ws) == [] and revisions(ws) == []
        # the ways out work
        assert run(ws, _coco(tmp_path), "coco", annotator="wen").ok
        assert [r["actor"] for r in revisions(ws)] == ["wen"]
    finally:
        ws.close()


def test_a_checker_credits_the_annotator_and_names_themselves_as_importer(tmp_path):
    ws = _workspace(tmp_path, "checker")
    try:
        assert run(ws, _coco(tmp_path), "coco", annotator="dana").ok
        (rev,) = revisions(ws)
        assert rev["actor"] == "dana"
        assert rev["agent"]["name"] == "import:coco"
        assert rev["agent"]["parameters"]["imported_by"] == "wen"
    finally:
        ws.close()
