"""Edit commands and the undo stack: what a worker sees when pressing Ctrl+Z and Ctrl+Shift+Z."""

from __future__ import annotations

import random

import pytest

from hitl_desktop.annotate import (
    Annotation,
    Box,
    Document,
    EditError,
    OcrLine,
    Origin,
    Point,
    Polygon,
    commands,
)

OCR_EVENT, NER_EVENT = "0c" * 32, "9e" * 32


def quad(x: float, y: float) -> tuple[tuple[float, float], ...]:
    return ((x, y), (x + 50, y), (x + 50, y + 10), (x, y + 10))


def page() -> Document:
    """A page with two boxes, and three OCR lines suggested by an engine."""
    lines = [
        Annotation(
            OcrLine(quad(10, 10 + 20 * i), f"line {i}", i),  # type: ignore[arg-type]
            "line",
            origin=Origin("ocr", OCR_EVENT, "rapidocr@3.10.0", 0.9 - i / 10),
        )
        for i in range(3)
    ]
    boxes = [Annotation(Box(100, 100, 150, 130), "total"), Annotation(Box(5, 5, 20, 20), "logo")]
    return Document("item-1", boxes, suggestions=lines, size=(400, 300))


def state(doc: Document) -> tuple[object, ...]:
    snap = doc.snapshot()
    return ([a.to_json() for a in snap.annotations], snap.base, sorted(snap.replaces),
            sorted(s.id for s in snap.suggestions))  # fmt: skip


def random_edit(doc: Document, rng: random.Random) -> commands.Command:
    images = [a for a in doc.annotations if a.kind in ("box", "polygon", "point")]
    roll = rng.randrange(9)
    if roll == 0 or not images:
        return commands.add(doc, Annotation(Point(rng.uniform(0, 400), rng.uniform(0, 300)), "pin"))
    target = rng.choice(images)
    if roll == 1:
        return commands.delete([target.id])
    if roll == 2:
        return commands.move(doc, [target.id], rng.uniform(-50, 50), rng.uniform(-50, 50))
    if roll == 3 and target.kind == "box":
        return commands.resize(doc, target.id, rng.randrange(8), rng.uniform(0, 400), 10)
    if roll == 4:
        return commands.relabel(doc, [target.id], rng.choice(["total", "date", "name"]))
    if roll == 5:
        return commands.set_attribute(doc, [target.id], "checked", rng.choice([True, False, None]))
    if roll == 6 and doc.suggestions:
        return commands.accept_suggestions(doc, [rng.choice(doc.suggestions).id])
    if roll == 7:
        return commands.set_classification(doc, rng.sample(["invoice", "receipt", "form"], 2))
    tri = Polygon(((0, 0), (rng.uniform(1, 99), 0), (0, 40)))
    return commands.add(doc, Annotation(tri, "stamp"))


def test_undo_and_redo_walk_back_and_forth_through_exact_states() -> None:
    doc = page()
    rng = random.Random(5)
    states = [state(doc)]
    for _ in range(120):
        doc.push(random_edit(doc, rng))
        states.append(state(doc))
    assert len(doc.stack) == 120
    for expected in reversed(states[:-1]):
        assert doc.undo()
        assert state(doc) == expected
    assert not doc.undo() and not doc.dirty
    for expected in states[1:]:
        assert doc.redo()
        assert state(doc) == expected
    assert not doc.redo()


def test_a_drag_is_one_undo_step_and_the_next_drag_another() -> None:
    doc = page()
    total = doc.annotations[0]
    for _ in range(30):  # one mouse drag: press, 30 moves, release
        doc.push(commands.move(doc, [total.id], 2, 1, gesture="drag-1"))
    assert doc.get(total.id).shape == Box(160, 130, 210, 160)
    doc.push(commands.move(doc, [total.id], 0, 10, gesture="drag-2"))
    assert len(doc.stack) == 2 and doc.stack.undo_text == "Move"
    doc.undo()
    assert doc.get(total.id).shape == Box(160, 130, 210, 160)
    doc.undo()
    assert doc.get(total.id).shape == Box(100, 100, 150, 130) and not doc.dirty
    doc.redo()
    assert doc.get(total.id).shape == Box(160, 130, 210, 160)


def test_moves_stay_on_the_page_and_resizes_are_clipped_to_it() -> None:
    doc = page()
    total = doc.annotations[0].id
    doc.push(commands.move(doc, [total], 1000, 1000, gesture="g"))
    assert doc.get(total).shape == Box(350, 270, 400, 300)
    doc.push(commands.resize(doc, total, 0, -40, 290))
    assert doc.get(total).shape == Box(0, 290, 400, 300)


def test_typing_a_transcription_undoes_word_by_word_not_key_by_key() -> None:
    doc = page()
    doc.push(commands.accept_suggestions(doc))
    line = doc.ocr_lines()[0]
    for i, _ in enumerate("TOTAL"):  # one typing burst on one line
        doc.push(
            commands.edit_transcription(doc, line.id, "line 0 " + "TOTAL"[: i + 1], gesture="t1")
        )
    doc.push(commands.edit_transcription(doc, line.id, "line 0 TOTAL 9.00", gesture="t2"))
    assert doc.get(line.id).shape.text == "line 0 TOTAL 9.00"  # type: ignore[union-attr]
    doc.undo()
    assert doc.get(line.id).shape.text == "line 0 TOTAL"  # type: ignore[union-attr]
    doc.undo()
    assert doc.get(line.id).shape.text == "line 0"  # type: ignore[union-attr]
    # the accepted line keeps its OCR provenance, now marked as corrected by a person
    origin = doc.get(line.id).origin
    assert (origin.kind, origin.event, origin.model, origin.edited) == (
        "ocr", OCR_EVENT, "rapidocr@3.10.0", False)  # fmt: skip
    doc.redo()
    assert doc.get(line.id).origin.edited is True


def test_accepting_selected_or_all_prelabels_keeps_their_provenance() -> None:
    doc = page()
    first = doc.suggestions[0]
    doc.push(commands.accept_suggestions(doc, [first.id]))
    assert [a.id for a in doc.ocr_lines()] == [first.id] and len(doc.suggestions) == 2
    assert doc.get(first.id).origin == first.origin and doc.replaces == {OCR_EVENT}
    doc.push(commands.accept_suggestions(doc))
    assert len(doc.ocr_lines()) == 3 and doc.suggestions == []
    assert {a.origin.event for a in doc.ocr_lines()} == {OCR_EVENT}
    assert {a.origin.score for a in doc.ocr_lines()} == {0.9, 0.8, 0.7}
    doc.undo()
    doc.undo()
    assert len(doc.suggestions) == 3 and doc.ocr_lines() == [] and doc.replaces == set()
    with pytest.raises(EditError, match="not pending"):
        doc.push(commands.accept_suggestions(doc, ["nope"]))


def test_reading_order_classification_and_attributes() -> None:
    doc = page()
    doc.push(commands.accept_suggestions(doc))
    a, b, c = (x.id for x in doc.ocr_lines())
    doc.push(commands.reorder_lines(doc, [c, a, b]))
    assert [x.id for x in doc.ocr_lines()] == [c, a, b]
    with pytest.raises(EditError, match="every OCR line"):
        commands.reorder_lines(doc, [c, a])
    doc.push(commands.set_classification(doc, ["receipt"]))
    doc.push(commands.set_classification(doc, ["receipt", "invoice"]))
    assert doc.classification().shape.labels == ("receipt", "invoice")  # type: ignore[union-attr]
    doc.push(commands.set_classification(doc, []))
    assert doc.classification() is None
    total = doc.annotations[0].id
    doc.push(commands.set_attribute(doc, [total], "currency", "EUR"))
    doc.push(commands.relabel(doc, [total], "amount"))
    assert doc.get(total).attributes == {"currency": "EUR"} and doc.get(total).label == "amount"
    for _ in range(6):
        doc.undo()
    assert [x.id for x in doc.ocr_lines()] == [a, b, c]
    assert doc.get(total).label == "total" and doc.get(total).attributes == {}


def test_clean_mark_no_merge_across_a_save_and_the_limit() -> None:
    doc = page()
    total = doc.annotations[0].id
    doc.push(commands.move(doc, [total], 1, 0, gesture="g"))
    doc.stack.set_clean()  # saved here
    doc.push(commands.move(doc, [total], 1, 0, gesture="g"))  # same drag id, after the save
    assert len(doc.stack) == 2 and doc.dirty
    doc.undo()
    assert not doc.dirty
    doc.undo()
    assert doc.dirty  # before the save is unsaved too
    doc.push(commands.relabel(doc, [total], "x"))  # branch away: the saved state is gone
    assert doc.dirty and not doc.stack.can_redo
    small = Document("item-2", [Annotation(Box(0, 0, 1, 1), "a")], undo_limit=3)
    ann = small.annotations[0].id
    for i in range(5):
        small.push(commands.relabel(small, [ann], f"l{i}"))
    assert len(small.stack) == 3
    while small.undo():
        pass
    assert small.get(ann).label == "l1" and small.dirty


def test_a_failing_edit_changes_nothing() -> None:
    doc = page()
    before = state(doc)
    with pytest.raises(EditError, match="not in item"):
        doc.push(commands.delete([doc.annotations[0].id, "missing"]))
    dup = doc.annotations[0]
    with pytest.raises(EditError, match="already in item"):
        doc.push(commands.AddAnnotations([Annotation(Point(1, 1), "p"), dup]))
    assert state(doc) == before and not doc.stack.can_undo
    with pytest.raises(EditError, match="no shape on the image"):
        doc.push(commands.set_classification(doc, ["x"]))
        commands.move(doc, [doc.classification().id], 1, 1)  # type: ignore[union-attr]


def test_listeners_hear_every_change() -> None:
    doc = page()
    seen: list[int] = []
    doc.listeners.append(lambda d: seen.append(len(d)))
    doc.push(commands.add(doc, Annotation(Point(1, 1), "p")))
    doc.undo()
    doc.redo()
    assert seen == [3, 2, 3]


def test_vertex_drags_merge_and_spans_come_and_go() -> None:
    doc = Document("t", text="Zoë wohnt in Zürich")
    tri = Annotation(Polygon(((0, 0), (10, 0), (0, 10))), "stamp")
    doc.push(commands.add(doc, tri))
    for step in range(1, 6):
        doc.push(commands.move_vertex(doc, tri.id, 1, 10 + step, step, gesture="v"))
    assert doc.get(tri.id).shape == Polygon(((0, 0), (15, 5), (0, 10))) and len(doc.stack) == 2
    doc.push(commands.add_span(doc, 13, 19, "PLACE"))
    span = doc.annotations[-1]
    assert doc.span_text(span.id) == "Zürich"
    doc.push(commands.delete([span.id]))
    assert span.id not in doc
    doc.undo()
    doc.undo()
    doc.undo()
    assert doc.get(tri.id).shape == tri.shape and len(doc) == 1
