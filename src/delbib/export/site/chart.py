"""Bar charts as inline SVG, drawn at build time so they read without JavaScript.

Each chart is an ``<svg role="img">`` with a ``<title>`` naming what it counts and a text
label on every bar, so a screen reader and a reader without colours both get the numbers.
"""

from __future__ import annotations

from html import escape

_BAR = "#3b6ea5"
_TEXT = "#1f2328"


def _svg(width: int, height: int, label: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" class="chart">'
        f"<title>{escape(label)}</title>" + "".join(body) + "</svg>"
    )


def columns(counts: list[tuple[str, int]], label: str) -> str:
    """Vertical bars, one per (name, count), left to right (papers per year)."""
    step, top, bottom, height = 34, 18, 22, 150
    peak = max((n for _, n in counts), default=0) or 1
    width = max(step * len(counts), 120)
    body = []
    for i, (name, n) in enumerate(counts):
        bar = round((height - top - bottom) * n / peak)
        x, y = i * step + 4, height - bottom - bar
        body.append(
            f'<rect x="{x}" y="{y}" width="{step - 8}" height="{bar}" fill="{_BAR}">'
            f"<title>{escape(name)}: {n}</title></rect>"
            f'<text x="{x + (step - 8) / 2:g}" y="{y - 4}" font-size="11" '
            f'text-anchor="middle" fill="{_TEXT}">{n}</text>'
            f'<text x="{x + (step - 8) / 2:g}" y="{height - 6}" font-size="11" '
            f'text-anchor="middle" fill="{_TEXT}">{escape(name)}</text>'
        )
    return _svg(width, height, label, body)


def rows(counts: list[tuple[str, int]], label: str) -> str:
    """Horizontal bars, one per (name, count), top to bottom (papers per category)."""
    step, names, bars = 22, 230, 300
    peak = max((n for _, n in counts), default=0) or 1
    width, height = names + bars + 50, max(step * len(counts), step)
    body = []
    for i, (name, n) in enumerate(counts):
        bar = round(bars * n / peak)
        y = i * step
        shown = name if len(name) <= 34 else name[:33] + "\u2026"
        body.append(
            f'<text x="{names - 6}" y="{y + 15}" font-size="12" text-anchor="end" '
            f'fill="{_TEXT}">{escape(shown)}</text>'
            f'<rect x="{names}" y="{y + 3}" width="{bar}" height="{step - 6}" fill="{_BAR}">'
            f"<title>{escape(name)}: {n}</title></rect>"
            f'<text x="{names + bar + 5}" y="{y + 15}" font-size="12" fill="{_TEXT}">{n}</text>'
        )
    return _svg(width, height, label, body)
