"""Small self-contained SVG charts for the stakeholder report (no Qt, no plotting library).

Each function returns one ``<svg>`` document with a ``<title>`` (read by screen readers and
shown as a tooltip). Text is escaped and drawn with ``unicode-bidi: plaintext`` so right-to-left
names lay out correctly; sizes are in CSS pixels.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from html import escape

__all__ = ["PALETTE", "bar_chart", "data_uri", "flow_chart", "heatmap", "line_chart"]

PALETTE = ("#3366aa", "#e08a1e", "#3a9a5b", "#b5443c", "#7a5aa6", "#5f6b73")
_FONT = "font-family:DejaVu Sans,Segoe UI,Arial,sans-serif;unicode-bidi:plaintext"
_TEXT = "#222"


def _svg(width: int, height: int, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" style="{_FONT}">'
        f"<title>{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, text: str, *, size: int = 12, anchor: str = "start",
          weight: str = "normal", fill: str = _TEXT) -> str:  # fmt: skip
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'font-weight="{weight}" fill="{fill}">{escape(text)}</text>'
    )


def _short(text: str, n: int = 28) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def data_uri(svg: str) -> str:
    """The SVG as a ``data:`` URI (for ``<img>``: browsers and Qt's printer both read it)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def bar_chart(
    title: str, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]], *,
    fmt: str = "{:,.0f}", max_value: float | None = None, width: int = 640,
) -> str:  # fmt: skip
    """Horizontal bars, one group per label, one bar per series (a legend when several).
    ``None`` values are drawn as "n/a" (no data, rather than zero)."""
    bar, gap, left, right = 14, 10, 190, 70
    top = 28 + (18 if len(series) > 1 else 0)
    group = bar * len(series) + gap
    height = top + group * max(len(labels), 1) + 10
    values = [v for _, vs in series for v in vs if v is not None]
    top_value = max_value if max_value is not None else max(values, default=0.0) or 1.0
    span = width - left - right
    body = [_text(0, 16, title, size=14, weight="bold")]
    if len(series) > 1:
        x = 0.0
        for i, (name, _) in enumerate(series):
            body.append(f'<rect x="{x:.1f}" y="26" width="10" height="10" '
                        f'fill="{PALETTE[i % len(PALETTE)]}"/>')  # fmt: skip
            body.append(_text(x + 14, 35, name, size=11))
            x += 24 + 7 * len(name)
    for row, label in enumerate(labels):
        y0 = top + row * group
        body.append(_text(left - 8, y0 + group / 2, _short(label), anchor="end", size=11))
        for i, (_, vs) in enumerate(series):
            v = vs[row] if row < len(vs) else None
            y = y0 + i * bar
            if v is None:
                body.append(_text(left + 4, y + bar - 3, "n/a", size=10, fill="#777"))
                continue
            w = max(0.0, span * min(v / top_value, 1.0))
            body.append(f'<rect x="{left}" y="{y:.1f}" width="{w:.1f}" height="{bar - 2}" '
                        f'fill="{PALETTE[i % len(PALETTE)]}"/>')  # fmt: skip
            body.append(_text(left + w + 4, y + bar - 3, fmt.format(v), size=10))
    return _svg(width, int(height), title, body)


def line_chart(
    title: str, x_labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]], *,
    y_max: float | None = None, fmt: str = "{:.2f}", width: int = 640, height: int = 240,
) -> str:  # fmt: skip
    """Lines over ordered buckets; a gap where a value is ``None`` (too few samples)."""
    left, right, top, bottom = 48, 16, 28 + (16 if len(series) > 1 else 0), 36
    values = [v for _, vs in series for v in vs if v is not None]
    hi = y_max if y_max is not None else max(values, default=1.0) or 1.0
    n = max(len(x_labels), 1)
    plot_w, plot_h = width - left - right, height - top - bottom

    def xy(i: int, v: float) -> tuple[float, float]:
        x = left + (plot_w * (i + 0.5) / n)
        return x, top + plot_h * (1 - min(max(v / hi, 0.0), 1.0))

    body = [_text(0, 16, title, size=14, weight="bold")]
    for frac in (0.0, 0.5, 1.0):
        y = top + plot_h * (1 - frac)
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
                    'stroke="#ddd"/>')  # fmt: skip
        body.append(_text(left - 6, y + 4, fmt.format(hi * frac), size=10, anchor="end"))
    step = max(1, n // 8)
    for i, lab in enumerate(x_labels):
        if i % step == 0:
            body.append(_text(xy(i, 0)[0], height - bottom + 16, lab, size=10, anchor="middle"))
    for k, (name, vs) in enumerate(series):
        colour = PALETTE[k % len(PALETTE)]
        if len(series) > 1:
            body.append(f'<rect x="{k * 140}" y="24" width="10" height="10" fill="{colour}"/>')
            body.append(_text(k * 140 + 14, 33, name, size=11))
        run: list[str] = []
        for i, v in enumerate(vs):
            if v is None:
                if len(run) > 1:
                    body.append(_polyline(run, colour))
                run = []
                continue
            x, y = xy(i, v)
            run.append(f"{x:.1f},{y:.1f}")
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>')
        if len(run) > 1:
            body.append(_polyline(run, colour))
    return _svg(width, height, title, body)


def _polyline(points: list[str], colour: str) -> str:
    return f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" stroke-width="2"/>'


def heatmap(title: str, labels: Sequence[str], matrix: Sequence[Sequence[int]]) -> str:
    """A confusion matrix: rows are the adjudicated truth, columns the model's answer."""
    cell, left, top = 36, 150, 70
    n = len(labels)
    width, height = left + cell * n + 20, top + cell * n + 20
    peak = max((v for row in matrix for v in row), default=0) or 1
    body = [_text(0, 16, title, size=14, weight="bold"),
            _text(left, 34, "model's answer →", size=11),
            _text(0, top - 8, "adjudicated ↓", size=11)]  # fmt: skip
    for j, lab in enumerate(labels):
        x = left + j * cell + cell / 2
        body.append(_text(x, top - 8, _short(lab, 6), size=10, anchor="middle"))
    for i, lab in enumerate(labels):
        y = top + i * cell
        body.append(_text(left - 6, y + cell / 2 + 4, _short(lab, 20), size=11, anchor="end"))
        for j in range(n):
            v = matrix[i][j] if i < len(matrix) and j < len(matrix[i]) else 0
            shade = int(245 - 190 * (v / peak))
            fill = f"rgb({shade},{shade + 5 if shade < 250 else 250},255)"
            body.append(f'<rect x="{left + j * cell}" y="{y}" width="{cell - 1}" '
                        f'height="{cell - 1}" fill="{fill}"/>')  # fmt: skip
            colour = "#fff" if v / peak > 0.6 else _TEXT
            body.append(_text(left + j * cell + cell / 2, y + cell / 2 + 4, f"{v:,}", size=10,
                              anchor="middle", fill=colour))  # fmt: skip
    return _svg(width, height, title, body)


def flow_chart(title: str, stages: Sequence[tuple[str, int]], width: int = 760) -> str:
    """Stages left to right (sources → items → … → exported), each box as tall as its count
    relative to the items, with the count written in it."""
    n = max(len(stages), 1)
    box_w, gap, top, max_h = (width - 20 * (n - 1)) / n, 20, 30, 120
    peak = max((c for _, c in stages[1:]), default=0) or max((c for _, c in stages), default=1)
    body = [_text(0, 16, title, size=14, weight="bold")]
    for i, (name, count) in enumerate(stages):
        x = i * (box_w + gap)
        h = max(24.0, max_h * min(count / peak, 1.0)) if peak else 24.0
        y = top + (max_h - h) / 2
        body.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{box_w:.1f}" height="{h:.1f}" '
                    f'rx="4" fill="{PALETTE[i % len(PALETTE)]}" fill-opacity="0.85"/>')  # fmt: skip
        body.append(_text(x + box_w / 2, top + max_h / 2 + 5, f"{count:,}", size=14,
                          anchor="middle", weight="bold", fill="#fff"))  # fmt: skip
        body.append(_text(x + box_w / 2, top + max_h + 18, name, size=11, anchor="middle"))
        if i:
            ax = x - gap + 3
            body.append(f'<path d="M{ax:.1f},{top + max_h / 2:.1f} l{gap - 8},0 l-5,-4 m5,4 '
                        'l-5,4" stroke="#555" fill="none"/>')  # fmt: skip
    return _svg(width, top + max_h + 28, title, body)
