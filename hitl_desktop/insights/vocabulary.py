"""Vocabulary drift: the share of the current window's words never seen in the reference
window (language evolves: new products, names, slang the model never met).

Texts are those of the items imported in each window: a text item's own text, and for a page
the text of its latest OCR run. Words are runs of letters, case-folded; CJK and other
ideographic characters count one word each (they are written without spaces). Each window
reads at most ``max_items`` items (spread by content hash, so the same log reads the same
ones), and the result gives how many it read.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .query import source_join
from .windows import NO_FILTER, Filters, Period, Window

ReadText = Callable[[str], str | None]  # blob sha256 -> text; None when the blob is missing
_WORD = re.compile(r"[^\W\d_]+")
_IDEOGRAPHIC = 0x2E80  # CJK radicals onward: ideographs, kana, hangul, ...


@dataclass(frozen=True, slots=True)
class VocabularyDrift:
    reference_items: int  # items whose text was read
    current_items: int
    reference_vocabulary: int  # distinct words in the reference window
    current_words: int  # words (occurrences) in the current window
    unseen_words: int  # of those, words not in the reference vocabulary
    unseen_share: float | None  # unseen_words / current_words
    new_terms: tuple[tuple[str, int], ...]  # most frequent unseen words
    missing: int  # texts that could not be read (blob missing)
    note: str


def words(text: str) -> Iterator[str]:
    for run in _WORD.findall(text.casefold()):
        if max(map(ord, run)) < _IDEOGRAPHIC:
            yield run
        else:
            buf = ""
            for ch in run:
                if ord(ch) >= _IDEOGRAPHIC:
                    if buf:
                        yield buf
                        buf = ""
                    yield ch
                else:
                    buf += ch
            if buf:
                yield buf


def _texts(
    conn: sqlite3.Connection, window: Window, filters: Filters, read: ReadText, limit: int
) -> tuple[list[str], int]:
    join, params = source_join(filters, "i.item_id")
    rows = conn.execute(
        f"""SELECT coalesce(it.text_sha256, it.blob_sha256) AS sha FROM insights_items i {join}
            JOIN items it ON it.id = i.item_id
            WHERE i.kind = 'text' AND i.day BETWEEN ? AND ? ORDER BY sha LIMIT ?""",
        [*params, window.first, window.last, limit],
    ).fetchall()
    texts, missing = [], 0
    for (sha,) in rows:
        text = read(sha)
        if text is None:
            missing += 1
        else:
            texts.append(text)
    left = limit - len(rows)
    if left > 0:
        texts += [
            str(t)
            for (t,) in conn.execute(
                f"""SELECT group_concat(l.text, ' ') FROM insights_items i {join}
                    JOIN ocr_latest o ON o.item_id = i.item_id
                    JOIN ocr_lines l ON l.run_hash = o.run_hash
                    WHERE i.day BETWEEN ? AND ? GROUP BY o.run_hash ORDER BY o.run_hash
                    LIMIT ?""",
                [*params, window.first, window.last, left],
            )
            if t
        ]
    return texts, missing


def vocabulary_drift(
    conn: sqlite3.Connection,
    period: Period,
    read: ReadText,
    filters: Filters = NO_FILTER,
    *,
    max_items: int = 2000,
    min_samples: int = 30,
) -> VocabularyDrift:
    ref_texts, ref_missing = _texts(conn, period.reference, filters, read, max_items)
    cur_texts, cur_missing = _texts(conn, period.current, filters, read, max_items)
    vocabulary = {w for t in ref_texts for w in words(t)}
    current: Counter[str] = Counter(w for t in cur_texts for w in words(t))
    total = sum(current.values())
    unseen = Counter({w: n for w, n in current.items() if w not in vocabulary})
    unseen_n = sum(unseen.values())
    smallest = min(len(ref_texts), len(cur_texts))
    if smallest < min_samples:
        note = f"too few texts (n={smallest} < {min_samples}): read it as a hint only"
    elif total == 0:
        note = "no words in the current window"
    else:
        note = f"{unseen_n / total:.1%} of the current window's words are new"
    return VocabularyDrift(
        len(ref_texts), len(cur_texts), len(vocabulary), total, unseen_n,
        unseen_n / total if total else None,
        tuple(sorted(unseen.items(), key=lambda x: (-x[1], x[0]))[:15]),
        ref_missing + cur_missing, note,
    )  # fmt: skip
