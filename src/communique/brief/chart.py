"""Small self-contained SVG charts (no script, nothing fetched): a timeline of a dyad's
events per period, both directions and their sum. Every label is escaped."""
from __future__ import annotations

from html import escape

WIDTH, HEIGHT, MARGIN = 640, 280, 48
COLOURS = ("#1f6feb", "#d1242f", "#57606a")  # A -> B, B -> A, total


def svg_timeline(periods: list[str], series: dict[str, list[float | None]], title: str) -> str:
    """A line chart: one point per period for each named series (None: no value)."""
    values = [v for column in series.values() for v in column if v is not None]
    low, high = min([0.0, *values]), max([1.0, *values])
    span = (high - low) or 1.0
    step = (WIDTH - 2 * MARGIN) / max(len(periods) - 1, 1)

    def x(i: int) -> float:
        return MARGIN + i * step

    def y(v: float) -> float:
        return HEIGHT - MARGIN - (v - low) / span * (HEIGHT - 2 * MARGIN)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}">',
             f'<title>{escape(title)}</title>',
             f'<text x="{MARGIN}" y="20" font-family="sans-serif" font-size="14">{escape(title)}</text>',
             f'<line x1="{MARGIN}" y1="{y(low):.1f}" x2="{WIDTH - MARGIN}" y2="{y(low):.1f}" stroke="#8c959f"/>',
             f'<line x1="{MARGIN}" y1="{MARGIN}" x2="{MARGIN}" y2="{HEIGHT - MARGIN}" stroke="#8c959f"/>']
    if low < 0 < high:
        parts.append(f'<line x1="{MARGIN}" y1="{y(0):.1f}" x2="{WIDTH - MARGIN}" y2="{y(0):.1f}" '
                     f'stroke="#d0d7de" stroke-dasharray="4 3"/>')
    for value in (low, high):
        parts.append(f'<text x="{MARGIN - 6}" y="{y(value) + 4:.1f}" font-family="sans-serif" font-size="11" '
                     f'text-anchor="end">{value:g}</text>')
    for i in sorted({0, len(periods) - 1, *range(0, len(periods), max(len(periods) // 6, 1))}):
        if 0 <= i < len(periods):
            parts.append(f'<text x="{x(i):.1f}" y="{HEIGHT - MARGIN + 16}" font-family="sans-serif" font-size="11" '
                         f'text-anchor="middle">{escape(periods[i])}</text>')
    for number, (name, column) in enumerate(series.items()):
        colour = COLOURS[number % len(COLOURS)]
        points = [(x(i), y(v)) for i, v in enumerate(column) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{path}"/>')
        parts += [f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{colour}"/>' for px, py in points]
        parts.append(f'<text x="{WIDTH - MARGIN - 110 * (len(series) - number) + 110}" y="38" font-family="sans-serif" '
                     f'font-size="11" text-anchor="end" fill="{colour}">{escape(name)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
