"""Small self-contained charts: a timeline of a dyad's events per period, both directions
and their sum. The chart is laid out once as a list of marks (lines, polylines, dots,
labels) and drawn by two renderers: SVG (no script, nothing fetched, every label escaped)
and PNG (Pillow), so the two files show the same chart."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT, MARGIN = 640, 280, 48
COLOURS = ("#1f6feb", "#d1242f", "#57606a")  # A -> B, B -> A, total
AXIS, GRID = "#8c959f", "#d0d7de"


@dataclass(frozen=True)
class Line:
    points: tuple[tuple[float, float], ...]
    colour: str
    width: float = 1.0
    dashed: bool = False


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    colour: str
    radius: float = 3.0


@dataclass(frozen=True)
class Label:
    x: float
    y: float  # the text's baseline
    text: str
    size: int = 11
    anchor: str = "start"  # start | middle | end
    colour: str = "#1f2328"


def timeline_marks(periods: list[str], series: dict[str, list[float | None]], title: str) -> list:
    """The chart's marks: one point per period for each named series (None: no value)."""
    values = [v for column in series.values() for v in column if v is not None]
    low, high = min([0.0, *values]), max([1.0, *values])
    span = (high - low) or 1.0
    step = (WIDTH - 2 * MARGIN) / max(len(periods) - 1, 1)

    def x(i: int) -> float:
        return MARGIN + i * step

    def y(v: float) -> float:
        return HEIGHT - MARGIN - (v - low) / span * (HEIGHT - 2 * MARGIN)

    marks: list = [Label(MARGIN, 20, title, size=14),
                   Line(((MARGIN, y(low)), (WIDTH - MARGIN, y(low))), AXIS),
                   Line(((MARGIN, MARGIN), (MARGIN, HEIGHT - MARGIN)), AXIS)]
    if low < 0 < high:
        marks.append(Line(((MARGIN, y(0)), (WIDTH - MARGIN, y(0))), GRID, dashed=True))
    marks += [Label(MARGIN - 6, y(value) + 4, f"{value:g}", anchor="end") for value in (low, high)]
    for i in sorted({0, len(periods) - 1, *range(0, len(periods), max(len(periods) // 6, 1))}):
        if 0 <= i < len(periods):
            marks.append(Label(x(i), HEIGHT - MARGIN + 16, periods[i], anchor="middle"))
    right = WIDTH - MARGIN  # the legend, right-aligned, the last series rightmost
    for number, (name, column) in reversed(list(enumerate(series.items()))):
        colour = COLOURS[number % len(COLOURS)]
        points = tuple((x(i), y(v)) for i, v in enumerate(column) if v is not None)
        if len(points) > 1:
            marks.append(Line(points, colour, width=2))
        marks += [Dot(px, py, colour) for px, py in points]
        marks.append(Label(right, 38, name, anchor="end", colour=colour))
        right -= 6.5 * len(name) + 18  # about a label's width at 11 px, and a gap
    return marks


def svg_timeline(periods: list[str], series: dict[str, list[float | None]], title: str) -> str:
    """The timeline as one SVG document."""
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}">',
             f'<title>{escape(title)}</title>']
    for mark in timeline_marks(periods, series, title):
        if isinstance(mark, Line):
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in mark.points)
            dash = ' stroke-dasharray="4 3"' if mark.dashed else ""
            parts.append(f'<polyline fill="none" stroke="{mark.colour}" stroke-width="{mark.width:g}"{dash} '
                         f'points="{path}"/>')
        elif isinstance(mark, Dot):
            parts.append(f'<circle cx="{mark.x:.1f}" cy="{mark.y:.1f}" r="{mark.radius:g}" fill="{mark.colour}"/>')
        else:
            parts.append(f'<text x="{mark.x:.1f}" y="{mark.y:.1f}" font-family="sans-serif" '
                         f'font-size="{mark.size}" text-anchor="{mark.anchor}" fill="{mark.colour}">'
                         f'{escape(mark.text)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def png_timeline(periods: list[str], series: dict[str, list[float | None]], title: str, scale: int = 2) -> bytes:
    """The same timeline as PNG bytes, drawn at `scale` times the SVG's size."""
    from io import BytesIO

    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", (WIDTH * scale, HEIGHT * scale), "white")
    draw = ImageDraw.Draw(image)
    fonts: dict[int, object] = {}
    for mark in timeline_marks(periods, series, title):
        if isinstance(mark, Line):
            points = [(px * scale, py * scale) for px, py in mark.points]
            if mark.dashed:
                _dashed(draw, points, mark.colour, int(mark.width * scale), 4 * scale, 3 * scale)
            else:
                draw.line(points, fill=mark.colour, width=int(mark.width * scale), joint="curve")
        elif isinstance(mark, Dot):
            r = mark.radius * scale
            draw.ellipse((mark.x * scale - r, mark.y * scale - r, mark.x * scale + r, mark.y * scale + r),
                         fill=mark.colour)
        else:
            font = fonts.setdefault(mark.size, ImageFont.load_default(size=mark.size * scale))
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[mark.anchor]
            draw.text((mark.x * scale, mark.y * scale), mark.text, fill=mark.colour, font=font, anchor=anchor)
    out = BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _dashed(draw, points, colour: str, width: int, on: float, off: float) -> None:
    """A dashed straight segment (Pillow draws no dashes of its own)."""
    (x0, y0), (x1, y1) = points[0], points[-1]
    length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 or 1.0
    position = 0.0
    while position < length:
        end = min(position + on, length)
        draw.line([(x0 + (x1 - x0) * position / length, y0 + (y1 - y0) * position / length),
                   (x0 + (x1 - x0) * end / length, y0 + (y1 - y0) * end / length)], fill=colour, width=width)
        position = end + off
