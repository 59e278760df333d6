"""Practice mode (no Qt): a new worker labels gold items and sees how close they came.

Gold items are items whose expected answer is a known revision. They will come from review
(the review issue adds a ``gold`` flag to accepted decisions); until then ``gold_from_log``
finds none, and any other source of gold (a mapping item → revision hash) can be passed in.

The score compares the actor's latest revision of each gold item with the gold revision:
boxes match when their labels agree and they overlap by IoU >= ``BOX_IOU``; every other
annotation (spans, classifications, points, polygons, transcriptions) must agree exactly in
kind, label and shape. An item counts as correct when every annotation matched.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .annotate.revisions import revision_payload
from .workspace import Workspace

BOX_IOU = 0.5

GoldSource = Callable[[sqlite3.Connection], Mapping[str, str]]
"""Gold answers: item id → the hash of the revision that is the expected answer."""


def gold_from_log(_conn: sqlite3.Connection) -> dict[str, str]:
    """The gold revisions recorded in the log: none until review marks decisions ``gold``."""
    return {}


@dataclass(frozen=True)
class ItemScore:
    item_id: str
    matched: int
    expected: int  # annotations in the gold revision
    given: int  # annotations in the actor's revision

    @property
    def f1(self) -> float:
        total = self.expected + self.given
        return 1.0 if total == 0 else 2 * self.matched / total

    @property
    def correct(self) -> bool:
        return self.matched == self.expected == self.given


@dataclass(frozen=True)
class PracticeScore:
    actor: str
    gold_items: int  # how many gold items the workspace has
    items: tuple[ItemScore, ...]  # the gold items the actor has labelled

    @property
    def attempted(self) -> int:
        return len(self.items)

    @property
    def correct(self) -> int:
        return sum(1 for s in self.items if s.correct)

    @property
    def accuracy(self) -> float | None:
        """Share of attempted gold items labelled exactly right; None before any attempt."""
        return self.correct / self.attempted if self.items else None

    @property
    def mean_f1(self) -> float | None:
        return sum(s.f1 for s in self.items) / self.attempted if self.items else None

    @property
    def message(self) -> str:
        if self.gold_items == 0:
            return "No gold items yet: practice needs items a checker has marked as gold."
        if not self.items:
            return f"{self.actor} has not labelled any of the {self.gold_items} gold items yet."
        return (
            f"{self.actor}: {self.correct} of {self.attempted} gold items right "
            f"({self.accuracy:.0%}; annotation F1 {self.mean_f1:.2f}); "
            f"{self.gold_items - self.attempted} still to do."
        )


def _iou(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    w = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
    h = min(a["y1"], b["y1"]) - max(a["y0"], b["y0"])
    inter = max(w, 0.0) * max(h, 0.0)
    area = (a["x1"] - a["x0"]) * (a["y1"] - a["y0"]) + (b["x1"] - b["x0"]) * (b["y1"] - b["y0"])
    union = area - inter
    return inter / union if union > 0 else float(a == b)


def _same(gold: Mapping[str, Any], given: Mapping[str, Any]) -> bool:
    if gold["kind"] != given["kind"] or gold.get("label", "") != given.get("label", ""):
        return False
    if gold["kind"] == "box":
        return _iou(gold["shape"], given["shape"]) >= BOX_IOU
    if gold["kind"] == "classification":
        return set(gold["shape"]["labels"]) == set(given["shape"]["labels"])
    return bool(gold["shape"] == given["shape"])


def compare(gold: list[Mapping[str, Any]], given: list[Mapping[str, Any]]) -> int:
    """How many gold annotations ``given`` matches, each given one used at most once."""
    left = list(given)
    matched = 0
    for want in gold:
        hit = next((i for i, g in enumerate(left) if _same(want, g)), None)
        if hit is not None:
            left.pop(hit)
            matched += 1
    return matched


def _latest_by(conn: sqlite3.Connection, item_id: str, actor: str) -> str | None:
    row = conn.execute(
        "SELECT hash FROM annotation_revisions WHERE item_id = ? AND actor = ? "
        "ORDER BY rev_key DESC LIMIT 1",
        (item_id, actor),
    ).fetchone()
    return str(row[0]) if row else None


def score_against_gold(
    ws: Workspace, actor: str, *, gold: GoldSource = gold_from_log
) -> PracticeScore:
    """Score ``actor``'s latest revision of each gold item against its gold revision."""
    conn = ws.reader()
    answers = dict(gold(conn))
    scores = []
    for item_id, gold_hash in sorted(answers.items()):
        mine = _latest_by(conn, item_id, actor)
        if mine is None or mine == gold_hash:
            continue  # not attempted, or the actor wrote the answer itself
        expected = revision_payload(conn, gold_hash)["annotations"]
        given = revision_payload(conn, mine)["annotations"]
        scores.append(ItemScore(item_id, compare(expected, given), len(expected), len(given)))
    return PracticeScore(actor, len(answers), tuple(scores))
