"""CoNLL-2003 BIO tags of the spans of text items.

Four space-separated columns (``token -X- _ TAG``, the POS and chunk columns unused), a
``-DOCSTART- -X- -X- O`` line and a blank line before each item, a blank line between
sentences (the text's lines). Tokens are runs of letters/digits (with inner ``-``/``'``) or
single punctuation marks; a span that starts or ends inside a token tags the whole token
and is reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .context import Context
from .model import SPLITS, ExportItem

TAKES = ("text",)
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


def tag(text: str, spans: list[tuple[int, int, str]]) -> tuple[list[list[tuple[str, str]]], int]:
    """Sentences of (token, BIO tag) and how many spans had a boundary inside a token."""
    sentences: list[list[tuple[str, str]]] = []
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    starts = {s for s, _e, _t in tokens}
    ends = {e for _s, e, _t in tokens}
    misaligned = sum(1 for s, e, _ in spans if s not in starts or e not in ends)
    ordered = sorted(spans)
    previous: tuple[int, int, str] | None = None
    line_of = 0
    current: list[tuple[str, str]] = []
    for s, e, tok in tokens:
        newlines = text.count("\n", line_of, s)
        line_of = s
        if newlines and current:
            sentences.append(current)
            current = []
            previous = None
        hit = next((sp for sp in ordered if sp[0] < e and s < sp[1]), None)
        if hit is None:
            current.append((tok, "O"))
        else:
            current.append((tok, f"{'I' if hit == previous else 'B'}-{hit[2]}"))
        previous = hit
    if current:
        sentences.append(current)
    return sentences, misaligned


def write(items: Sequence[ExportItem], ctx: Context) -> None:
    out: dict[str, list[str]] = {}
    misaligned = 0
    for n, item in enumerate(items, 1):
        ctx.tick(n, len(items))
        if item.text is None:
            continue
        spans = [(a["shape"]["start"], a["shape"]["end"], a["label"])
                 for a in item.annotations if a.get("kind") == "span"]  # fmt: skip
        sentences, bad = tag(item.text, spans)
        misaligned += bad
        ctx.count("annotations", len(spans))
        lines = out.setdefault(item.split or "all", [])
        lines += ["-DOCSTART- -X- -X- O", ""]
        for sent in sentences:
            lines += [f"{tok} -X- _ {t}" for tok, t in sent] + [""]
    if misaligned:
        ctx.problems.append(f"{misaligned} span(s) start or end inside a word; the whole word "
                            "was tagged")  # fmt: skip
    for split in (*SPLITS, "all"):
        if split in out:
            (ctx.root / f"{split}.conll").write_text("\n".join(out[split]) + "\n", "utf-8")
