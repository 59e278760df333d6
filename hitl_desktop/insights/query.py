"""SQL pieces the insights modules share: filters as joins and conditions, key bounds."""

from __future__ import annotations

from .windows import DAY_MS, Filters, Window


def source_join(filters: Filters, item_column: str) -> tuple[str, list[object]]:
    """A JOIN keeping rows whose item came from ``filters.source`` (nothing without one)."""
    if not filters.source:
        return "", []
    return (
        f"JOIN insights_items src ON src.item_id = {item_column} AND src.source = ?",
        [filters.source],
    )


def equals(column: str, value: str | None) -> tuple[str, list[object]]:
    """``AND column = ?`` when ``value`` is given, else nothing."""
    return (f"AND {column} = ?", [value]) if value else ("", [])


def key_bounds(window: Window) -> tuple[str, str]:
    """``order_key`` strings bounding the window: ``lo <= key < hi``."""
    return f"{window.first * DAY_MS:013d}", f"{(window.last + 1) * DAY_MS:013d}"
