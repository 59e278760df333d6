"""Helpers that make realistic drafts for tests."""

from __future__ import annotations

import hashlib
import random

from hitl_desktop.lineage import EventDraft, Subject, uuid7
from hitl_desktop.workspace import Workspace


def imported(ws: Workspace, name: str, *, item: str | None = None) -> EventDraft:
    sha = hashlib.sha256(name.encode()).hexdigest()
    payload = {
        "kind": "image", "name": name, "media_type": "image/png", "blob_sha256": sha,
        "size_bytes": len(name), "source": "tests",
    }  # fmt: skip
    return ws.draft("item.imported", payload, subject=Subject(item or uuid7()))


def random_drafts(ws: Workspace, rng: random.Random, n: int, items: list[str]) -> list[EventDraft]:
    """A mix of imports, annotations, reviews, retirements and restores over ``items``."""
    drafts = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.3 or not items:
            item = uuid7()
            items.append(item)
            drafts.append(imported(ws, f"page-{rng.randrange(10**6)}.png", item=item))
            continue
        item = rng.choice(items)
        if roll < 0.7:
            payload = {"annotations": [{"label": rng.choice("abc"), "score": rng.random()}]}
            drafts.append(ws.draft("annotation.revised", payload, subject=Subject(item)))
        elif roll < 0.85:
            decision = rng.choice(["adjudicate", "reject", "merge"])
            payload = (
                {"decision": "reject", "reason": "blurry"}
                if decision == "reject"
                else {"decision": decision, "annotations": [{"label": rng.choice("abc")}]}
            )
            drafts.append(ws.draft("review.decided", payload, subject=Subject(item)))
        elif roll < 0.93:
            drafts.append(ws.draft("item.retired", {"reason": "stale"}, subject=Subject(item)))
        else:
            drafts.append(ws.draft("item.restored", {}, subject=Subject(item)))
    return drafts
