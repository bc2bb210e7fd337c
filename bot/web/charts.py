"""Charts drawn on the server as SVG (the intranet may have no internet: no chart library from a CDN)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

BAR_HEIGHT = 22
LABEL_WIDTH = 150
BAR_WIDTH = 300


def bars(title: str, items: Sequence[tuple[str, float | None]]) -> str:
    """Horizontal bars, one per label, for shares between 0 and 1 (None: nothing to judge yet, no bar)."""
    height = BAR_HEIGHT * len(items) + 30
    width = LABEL_WIDTH + BAR_WIDTH + 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px" aria-label="{escape(title)}">',
        f'<text x="0" y="16" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for row, (label, share) in enumerate(items):
        y = 26 + row * BAR_HEIGHT
        parts.append(f'<text x="0" y="{y + 15}" font-size="13">{escape(label)}</text>')
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{BAR_WIDTH}" height="{BAR_HEIGHT - 8}" fill="#eee"/>'
        )
        if share is None:
            parts.append(f'<text x="{LABEL_WIDTH + 4}" y="{y + 15}" font-size="12" fill="#777">—</text>')
            continue
        share = min(max(share, 0.0), 1.0)
        color = "#2e9d4a" if share >= 0.9 else "#e6b800" if share >= 0.6 else "#d62d20"
        parts.append(
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{BAR_WIDTH * share:.1f}" '
            f'height="{BAR_HEIGHT - 8}" fill="{color}"/>'
        )
        parts.append(
            f'<text x="{LABEL_WIDTH + BAR_WIDTH + 6}" y="{y + 15}" font-size="13">{100 * share:.0f}%</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
