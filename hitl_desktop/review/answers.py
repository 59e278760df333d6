"""Every stored answer of a workspace, loaded at once, for the agreement and accuracy reports.

One query joins the revisions to their events, so a 100,000-item report reads each payload
once (orjson) and makes no per-item round trip. Parsing answers into ``Annotation`` objects
is the slow part, so it happens lazily and at most once per revision: identical answers are
recognised from their raw JSON (``answer_key``) and summarised from it directly.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from ..annotate.annotation import Annotation, annotations_from_json
from ..annotate.errors import InvalidAnnotation
from .compare import answer_key
from .fast import View, unpack, view

REGION_KINDS = ("box", "polygon")  # regions for F1 and IoU; OCR lines are scored by CER
SPAN_KINDS = ("span",)


@dataclass(slots=True, eq=False)
class Answer:
    """One revision of an item: who made it, when, and its stored annotation list.

    The list (``raw``) is read only when needed: answers of class labels, boxes and spans come
    with their view, kept by the review projection when the revision arrived."""

    hash: str
    item: str
    actor: str
    rev_key: str
    decision: str | None  # accept / merge / adjudicate for a checker's decision, else None
    _raw: list[dict[str, Any]] | None = None  # None: no annotation list (or not read yet)
    _key: tuple[bytes, ...] | None = field(default=None, repr=False)
    _parsed: list[Annotation] | None = field(default=None, repr=False)
    _view: View | None = field(default=None, repr=False)
    _viewed: bool = field(default=False, repr=False)
    _read: Callable[[str], list[dict[str, Any]] | None] | None = field(default=None, repr=False)

    @property
    def raw(self) -> list[dict[str, Any]] | None:
        """The stored annotation list; None when the payload holds none."""
        if self._read is not None:
            self._raw, self._read = self._read(self.hash), None
        return self._raw

    def view(self) -> View | None:
        """The raw view of class labels, boxes and spans (``fast``); None for other answers."""
        if not self._viewed:
            self._view, self._viewed = view(self.raw), True
        return self._view

    def key(self) -> tuple[bytes, ...]:
        """The answer's content without ids and origins (equal keys: identical answers)."""
        if self._key is None:
            self._key = answer_key(self.raw or [])
        return self._key

    def annotations(self) -> list[Annotation]:
        """The parsed annotations; raises ``InvalidAnnotation`` naming the revision."""
        if self._parsed is None:
            if self.raw is None:
                raise InvalidAnnotation(f"revision {self.hash[:12]} holds no annotation list")
            try:
                self._parsed = annotations_from_json(self.raw)
            except InvalidAnnotation as exc:
                raise InvalidAnnotation(f"revision {self.hash[:12]}: {exc}") from None
        return self._parsed

    def describe(self) -> str:
        return f"item {self.item}, {self.actor}'s revision {self.hash[:12]}"


def _annotations(body: str | bytes | None) -> list[dict[str, Any]] | None:
    if body is None:
        return None
    raw = orjson.loads(body)
    return raw if isinstance(raw, list) else None


def load_answers(conn: sqlite3.Connection) -> dict[str, list[Answer]]:
    """Every revision (decisions included) per item, oldest first (by ``rev_key``).

    Views come from the review projection's ``review_answers`` (one narrow scan); payloads
    are read only for answers without a view, and for any other answer on demand."""
    views = dict(conn.execute("SELECT hash, view FROM review_answers WHERE view IS NOT NULL"))

    def read(hash_: str) -> list[dict[str, Any]] | None:
        row = conn.execute(
            "SELECT json_extract(body, '$.payload.annotations') FROM events WHERE hash = ?",
            (hash_,),
        ).fetchone()
        return _annotations(row[0]) if row else None

    rows = conn.execute(
        """SELECT hash, item_id, actor, rev_key, decision FROM annotation_revisions
           ORDER BY item_id, rev_key"""
    ).fetchall()
    unviewed = {r[0] for r in rows if r[0] not in views}
    raws: dict[str, list[dict[str, Any]] | None] = {}
    if unviewed:  # one scan of the payloads beats a lookup each when there are many
        raws = {
            hash_: _annotations(raw)
            for hash_, raw in conn.execute(
                """SELECT hash, json_extract(body, '$.payload.annotations') FROM events
                   WHERE type IN ('annotation.revised', 'review.decided')"""
            )
            if hash_ in unviewed
        }
    out: dict[str, list[Answer]] = {}
    for hash_, item, actor, key, decision in rows:
        packed = views.get(hash_)
        if packed is None:
            answer = Answer(hash_, item, actor, key, decision, raws.get(hash_))
        else:
            answer = Answer(hash_, item, actor, key, decision, None, _view=unpack(packed),
                            _viewed=True, _read=read)  # fmt: skip
        if item in out:
            out[item].append(answer)
        else:
            out[item] = [answer]
    return out


def decision_bases(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """For each review decision that carries an answer, the revisions it decided between."""
    rows = conn.execute(
        """SELECT p.hash, p.parent FROM annotation_parents p
           JOIN annotation_revisions r ON r.hash = p.hash WHERE r.decision IS NOT NULL"""
    )
    out: dict[str, set[str]] = {}
    for hash_, parent in rows:
        out.setdefault(hash_, set()).add(parent)
    return out


def latest_by_worker(answers: Sequence[Answer]) -> dict[str, Answer]:
    """Each actor's latest revision that is not a review decision (``answers`` oldest first)."""
    out: dict[str, Answer] = {}
    for a in answers:
        if a.decision is None:
            out[a.actor] = a
    return out


def _dicts(raw: Iterable[Any] | None, kinds: tuple[str, ...]) -> list[Mapping[str, Any]]:
    return [d for d in raw or () if isinstance(d, Mapping) and d.get("kind") in kinds]


def class_set(raw: Iterable[Any] | None) -> frozenset[str]:
    """The item's class labels (every classification annotation's labels together)."""
    return frozenset(
        str(label)
        for d in _dicts(raw, ("classification",))
        if isinstance(d.get("shape"), Mapping)
        for label in d["shape"].get("labels") or ()
    )


def single_label(raw: Iterable[Any] | None) -> str | None:
    """The item's one class label; None for no label or a multi-label answer."""
    labels = [
        str(label)
        for d in _dicts(raw, ("classification",))
        if isinstance(d.get("shape"), Mapping)
        for label in d["shape"].get("labels") or ()
    ]
    return labels[0] if len(labels) == 1 else None


def labels_of(raw: Iterable[Any] | None, kinds: tuple[str, ...]) -> list[str]:
    """The labels of the annotations of ``kinds``, one per annotation."""
    return [str(d.get("label", "")) for d in _dicts(raw, kinds)]


def numeric_attributes(raw: Iterable[Any] | None) -> dict[str, float]:
    """Numbers the answer's classification carries as attributes (e.g. a 1-5 quality score).

    Only whole-item attributes: a region's attribute belongs to that region and has no unit
    shared by both annotators unless the regions match. Booleans are not numbers here.
    """
    out: dict[str, float] = {}
    for d in _dicts(raw, ("classification",)):
        attrs = d.get("attributes")
        if not isinstance(attrs, Mapping):
            continue
        for name, value in attrs.items():
            if isinstance(value, int | float) and not isinstance(value, bool):
                out.setdefault(str(name), float(value))
    return out
