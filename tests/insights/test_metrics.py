"""Correction rates, the confusion matrix, validation and vocabulary drift on hand-built
event sets with known answers."""

from __future__ import annotations

import pytest

from hitl_desktop.insights.confusion import confusion
from hitl_desktop.insights.corrections import correction_rates
from hitl_desktop.insights.validation import validation_summary
from hitl_desktop.insights.vocabulary import vocabulary_drift, words
from hitl_desktop.insights.windows import Filters, Window, last_days
from hitl_desktop.workspace import Workspace

from .events import (
    DAY0,
    adjudicated,
    as_person,
    classification,
    imported,
    prelabel,
    register_model,
    revised,
    set_day,
)


def _items(ws: Workspace, n: int, prefix: str, source: str = "tests") -> list[str]:
    drafts = [imported(ws, f"{prefix}{i}.png", source=source) for i in range(n)]
    ws.append(drafts)
    return [d.subject.item for d in drafts if d.subject is not None]


def test_correction_rate_per_model_and_label(workspace: Workspace) -> None:
    set_day(workspace, DAY0)
    m1, m2 = register_model(workspace, "spam-v1"), register_model(workspace, "spam-v2")
    items = _items(workspace, 6, "sms")
    # v1 suggests spam, spam, ham, ham; v2 suggests spam, spam on the last two items
    made = [prelabel(workspace, items[i], m1, top, other)
            for i, (top, other) in enumerate([("spam", "ham"), ("spam", "ham"),
                                              ("ham", "spam"), ("ham", "spam")])]  # fmt: skip
    made += [prelabel(workspace, items[i], m2, "spam", "ham") for i in (4, 5)]
    events = workspace.append(made)
    # people keep v1's first three suggestions, change the fourth (ham -> spam);
    # they change both of v2's (spam -> ham)
    answers = ["spam", "spam", "ham", "spam", "ham", "ham"]
    as_person(workspace, "ana")
    workspace.append([revised(workspace, items[i], classification(answers[i]),
                              base=[events[i].hash]) for i in range(6)])  # fmt: skip
    result = correction_rates(workspace.reader(), Window(DAY0, DAY0))
    by_model = {r.model: (r.accepted, r.changed, r.rate) for r in result.by_model}
    assert by_model == {m1: (4, 1, 0.25), m2: (2, 2, 1.0)}
    by_label = {(r.model, r.label): (r.accepted, r.changed) for r in result.by_label}
    assert by_label == {(m1, "spam"): (2, 0), (m1, "ham"): (2, 1), (m2, "spam"): (2, 2)}
    assert result.accepted == 6
    # filters: one model; one label; a person who did nothing; another day
    only = correction_rates(workspace.reader(), Window(DAY0, DAY0), Filters(model=m2))
    assert [r.model for r in only.by_model] == [m2]
    ham = correction_rates(workspace.reader(), Window(DAY0, DAY0), Filters(label="ham"))
    assert {r.model: r.rate for r in ham.by_model} == {m1: 0.5}
    assert (
        correction_rates(workspace.reader(), Window(DAY0, DAY0), Filters(person="ben")).accepted
        == 0
    )
    assert correction_rates(workspace.reader(), Window(DAY0 + 1, DAY0 + 5)).by_model == ()


def test_confusion_matrix_and_per_label_scores(workspace: Workspace) -> None:
    set_day(workspace, DAY0)
    m = register_model(workspace, "doc-type")
    pairs = [("a", "a")] * 3 + [("a", "b")] + [("b", "b")] * 2 + [("b", "a")] * 2
    items = _items(workspace, len(pairs) + 1, "page")
    workspace.append([prelabel(workspace, items[i], m, guess, "x")
                      for i, (_, guess) in enumerate(pairs)])  # fmt: skip
    # the last item was pre-labelled but never decided: not counted
    workspace.append([prelabel(workspace, items[-1], m, "a", "b")])
    as_person(workspace, "chris", "checker")
    workspace.append([adjudicated(workspace, items[i], truth)
                      for i, (truth, _) in enumerate(pairs)])  # fmt: skip
    [c] = confusion(workspace.reader(), Window(DAY0, DAY0))
    assert c.model == m and c.labels == ("a", "b")
    assert c.matrix == ((3, 1), (2, 2))  # rows: adjudicated, columns: the model
    assert c.items == 8 and c.accuracy == pytest.approx(5 / 8)
    a, b = c.scores
    assert (a.precision, a.recall, a.f1) == pytest.approx((3 / 5, 3 / 4, 6 / 9))
    assert (b.precision, b.recall, b.f1) == pytest.approx((2 / 3, 2 / 4, 4 / 7))
    assert confusion(workspace.reader(), Window(DAY0 + 1, DAY0 + 2)) == ()


def test_validation_balance_duplicates_and_outliers(workspace: Workspace) -> None:
    set_day(workspace, DAY0)
    drafts = [imported(workspace, f"p{i}.png", stats={"width": 1000, "height": 1300 + i % 3})
              for i in range(30)]  # fmt: skip
    drafts.append(imported(workspace, "huge.png", stats={"width": 9000, "height": 1301}))
    workspace.append(drafts)
    items = [d.subject.item for d in drafts if d.subject is not None]
    workspace.append([revised(workspace, it, classification("invoice" if i < 24 else "letter"))
                      for i, it in enumerate(items[:30])])  # fmt: skip
    v = validation_summary(workspace.reader())
    [balance] = v.balance
    assert balance.labels == ("invoice", "letter") and balance.counts == (24, 6)
    assert balance.imbalance == 4.0 and balance.majority_share == pytest.approx(0.8)
    width = next(o for o in v.outliers if o.stat == "width")
    # 30 of 31 widths are equal (MAD 0): the interquartile fences find the huge page
    assert width.count == 1 and width.examples[0].item_id == items[-1]
    assert width.examples[0].robust_z is None
    height = next(o for o in v.outliers if o.stat == "height")
    assert height.count == 0 and height.mad == 1.0
    assert v.near_duplicates.items == 31


def test_vocabulary_drift_share_of_unseen_words(workspace: Workspace) -> None:
    set_day(workspace, DAY0)
    workspace.append([imported(workspace, "r1.txt", kind="text", text="The cat sat."),
                      imported(workspace, "r2.txt", kind="text", text="the mat")])  # fmt: skip
    set_day(workspace, DAY0 + 8)
    workspace.append([imported(workspace, "c1.txt", kind="text", text="The DOG sat; dog!"),
                      imported(workspace, "c2.txt", kind="text", text="mat 42")])  # fmt: skip

    def read(sha: str) -> str | None:
        return workspace.blobs.read_bytes(sha).decode() if workspace.blobs.has(sha) else None

    v = vocabulary_drift(workspace.reader(), last_days(DAY0 + 13, 7), read)
    # current words: the, dog, sat, dog, mat (42 is no word); "dog" twice is new
    assert (v.current_words, v.unseen_words) == (5, 2)
    assert v.unseen_share == pytest.approx(0.4)
    assert v.new_terms == (("dog", 2),)
    assert (v.reference_items, v.current_items, v.reference_vocabulary) == (2, 2, 4)
    assert v.note.startswith("too few texts (n=2 < 30)")
    assert list(words("東京タワー Tokyo")) == ["東", "京", "タ", "ワ", "ー", "tokyo"]
