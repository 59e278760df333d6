"""Practice mode's score: a worker's latest revisions of gold items against the gold answers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hitl_desktop.annotate import Annotation, Box, Point, commands, open_document, save
from hitl_desktop.demo import create_demo_workspace
from hitl_desktop.practice import score_against_gold
from hitl_desktop.workspace import Workspace


def _image_items(ws: Workspace) -> list[str]:
    rows = ws.reader().execute("SELECT id FROM items WHERE kind = 'image' ORDER BY name")
    return [r[0] for r in rows]


def _save(ws: Workspace, item: str, anns: list[Annotation], actor: str, role: str) -> str:
    """A revision of ``item`` holding exactly ``anns``."""
    doc = open_document(ws, item)
    if doc.annotations:
        doc.push(commands.delete([x.id for x in doc.annotations]))
    for ann in anns:
        doc.push(commands.add(doc, ann))
    event = save(ws, doc, actor=actor, role=role)
    assert event is not None
    return event.hash


def test_no_gold_items_is_reported(tmp_path: Path) -> None:
    with create_demo_workspace(tmp_path / "demo") as ws:
        score = score_against_gold(ws, "ana")
    assert score.gold_items == 0 and score.accuracy is None
    assert score.message.startswith("No gold items yet")


def test_score_counts_items_right_and_annotation_f1(tmp_path: Path) -> None:
    with create_demo_workspace(tmp_path / "demo") as ws:
        a, b, c = _image_items(ws)[:3]
        gold = {
            a: _save(ws, a, [Annotation(Box(10, 10, 110, 60), "date")], "eve", "expert"),
            b: _save(ws, b, [Annotation(Box(10, 10, 110, 60), "total"),
                             Annotation(Point(5, 5), "stamp")], "eve", "expert"),
            c: _save(ws, c, [Annotation(Box(0, 0, 50, 50), "name")], "eve", "expert"),
        }  # fmt: skip

        def source(_conn: sqlite3.Connection) -> dict[str, str]:
            return gold

        assert score_against_gold(ws, "ana", gold=source).message == (
            "ana has not labelled any of the 3 gold items yet."
        )
        # item a: a slightly different box with the right label is right (IoU about 0.8)
        _save(ws, a, [Annotation(Box(15, 12, 112, 62), "date")], "ana", "worker")
        # item b: the box is right, the stamp is given the wrong label
        doc = open_document(ws, b)
        stamp = next(x for x in doc.annotations if x.kind == "point")
        doc.push(commands.relabel(doc, [stamp.id], "seal"))
        assert save(ws, doc, actor="ana", role="worker") is not None
        score = score_against_gold(ws, "ana", gold=source)
    assert (score.gold_items, score.attempted, score.correct) == (3, 2, 1)
    assert score.accuracy == 0.5
    by_item = {s.item_id: s for s in score.items}
    assert by_item[a].correct and by_item[a].f1 == 1.0
    assert (by_item[b].matched, by_item[b].expected, by_item[b].given) == (1, 2, 2)
    assert score.mean_f1 == 0.75
    assert score.message == (
        "ana: 1 of 2 gold items right (50%; annotation F1 0.75); 1 still to do."
    )
