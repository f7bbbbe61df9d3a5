"""The few SVG pieces the release charts are made of: text, rectangles, axes, a legend.

The charts are bars and a grid of cells, so their SVG is written directly rather than
through a plotting library (importing and running matplotlib took most of a small
run's publishing time). Nothing here reads the machine (no fonts, dates or random ids),
so the same numbers always give the same bytes. Labels are actor names taken from web
pages, so every piece of text goes through ``escape``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape as _xml_escape

FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
FONT_SIZE = 11
SMALL_SIZE = 9
TITLE_SIZE = 14
#: Mean glyph width per unit of font size: labels are laid out without font metrics.
CHAR_WIDTH = 0.6
#: Longest label drawn; the full text is in the mark's tooltip and the numbers table.
MAX_LABEL_CHARS = 36
TEXT_COLOUR = "#222"
MUTED_COLOUR = "#666"
AXIS_COLOUR = "#444"
GRID_COLOUR = "#e3e3e3"
#: matplotlib's "tab10": the colours the charts had before, distinct for ten types.
PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
)
#: ColorBrewer's "Blues" (matplotlib's too), light to dark, for counts in a grid.
BLUES = (
    "#f7fbff",
    "#deebf7",
    "#c6dbef",
    "#9ecae1",
    "#6baed6",
    "#4292c6",
    "#2171b5",
    "#08519c",
    "#08306b",
)

# Characters XML 1.0 forbids: one in a scraped name would make the whole figure unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ENTITIES = {'"': "&quot;", "'": "&apos;"}


def escape(text: str) -> str:
    """``text`` safe as element content and inside a double-quoted attribute."""
    return _xml_escape(_NOT_XML.sub("\ufffd", text), _ENTITIES)


def short(label: str, limit: int = MAX_LABEL_CHARS) -> str:
    """``label`` on one line and at most ``limit`` characters, so it cannot push the plot
    off the figure."""
    line = " ".join(label.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def text_width(text: str, size: float = FONT_SIZE) -> float:
    return len(text) * size * CHAR_WIDTH


def num(value: float) -> str:
    """A coordinate with at most two decimals, so float noise never reaches the file."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def nice_ticks(top: int, most: int = 6) -> list[int]:
    """Ticks from 0 to at least ``top`` in steps of 1, 2 or 5 times a power of ten,
    as a reader counts."""
    top = max(top, 1)
    power = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * power
            if math.ceil(top / step) < most:
                return list(range(0, math.ceil(top / step) * step + 1, step))
        power *= 10


def blue(share: float) -> str:
    """The "Blues" colour of ``share`` (0 to 1), interpolated between its stops."""
    position = min(max(share, 0.0), 1.0) * (len(BLUES) - 1)
    low = int(position)
    high = min(low + 1, len(BLUES) - 1)
    mix = position - low
    channels = (
        round(int(BLUES[low][i : i + 2], 16) * (1 - mix) + int(BLUES[high][i : i + 2], 16) * mix)
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{c:02x}" for c in channels)


@dataclass
class Canvas:
    """An SVG document being written, one element per call, in drawing order."""

    width: float
    height: float
    title: str
    parts: list[str] = field(default_factory=list)

    def rect(self, x: float, y: float, w: float, h: float, fill: str, tip: str = "", mark: str = "") -> None:
        """A rectangle; ``mark`` names a data mark's class, ``tip`` is its hover text."""
        cls = f' class="{mark}"' if mark else ""
        attrs = f'x="{num(x)}" y="{num(y)}" width="{num(w)}" height="{num(h)}" fill="{fill}"{cls}'
        body = f"<title>{escape(tip)}</title>" if tip else ""
        self.parts.append(f"<rect {attrs}>{body}</rect>" if body else f"<rect {attrs}/>")

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str = AXIS_COLOUR) -> None:
        self.parts.append(
            f'<line x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}" stroke="{stroke}"/>'
        )

    def text(
        self,
        x: float,
        y: float,
        content: str,
        *,
        anchor: str = "start",
        size: float = FONT_SIZE,
        fill: str = TEXT_COLOUR,
        rotate: float = 0,
        bold: bool = False,
    ) -> None:
        """Text whose middle sits at ``y`` (``dy`` centres it: renderers differ on baselines)."""
        attrs = f'x="{num(x)}" y="{num(y)}" dy="0.35em" font-size="{num(size)}"'
        if anchor != "start":
            attrs += f' text-anchor="{anchor}"'
        if fill != TEXT_COLOUR:
            attrs += f' fill="{fill}"'
        if bold:
            attrs += ' font-weight="bold"'
        if rotate:
            attrs += f' transform="rotate({num(rotate)} {num(x)} {num(y)})"'
        self.parts.append(f"<text {attrs}>{escape(content)}</text>")

    def heading(self, text: str) -> None:
        self.text(self.width / 2, 18, text, anchor="middle", size=TITLE_SIZE, bold=True)

    def to_svg(self) -> str:
        w, h = num(self.width), num(self.height)
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
            f'role="img" font-family="{FONT}" fill="{TEXT_COLOUR}">\n'
            f"<title>{escape(self.title)}</title>\n"
            f'<rect width="{w}" height="{h}" fill="#ffffff"/>\n' + "\n".join(self.parts) + "\n</svg>\n"
        )


@dataclass(frozen=True)
class Plot:
    """The plotting area of a canvas, in canvas coordinates."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.bottom - self.top


def value_axis_x(canvas: Canvas, plot: Plot, ticks: Sequence[int], label: str) -> None:
    """A horizontal count axis under ``plot``: gridlines, tick labels and its name."""
    for tick in ticks:
        x = plot.left + plot.width * tick / ticks[-1]
        canvas.line(x, plot.top, x, plot.bottom, GRID_COLOUR)
        canvas.line(x, plot.bottom, x, plot.bottom + 4)
        canvas.text(x, plot.bottom + 12, f"{tick:,}", anchor="middle", size=SMALL_SIZE)
    canvas.line(plot.left, plot.bottom, plot.right, plot.bottom)
    canvas.text((plot.left + plot.right) / 2, plot.bottom + 28, label, anchor="middle")


def value_axis_y(canvas: Canvas, plot: Plot, ticks: Sequence[int], label: str) -> None:
    """A vertical count axis left of ``plot``: gridlines, tick labels and its name."""
    for tick in ticks:
        y = plot.bottom - plot.height * tick / ticks[-1]
        canvas.line(plot.left, y, plot.right, y, GRID_COLOUR)
        canvas.line(plot.left - 4, y, plot.left, y)
        canvas.text(plot.left - 6, y, f"{tick:,}", anchor="end", size=SMALL_SIZE)
    canvas.line(plot.left, plot.top, plot.left, plot.bottom)
    widest = max(text_width(f"{t:,}", SMALL_SIZE) for t in ticks)
    canvas.text(plot.left - widest - 18, (plot.top + plot.bottom) / 2, label, anchor="middle", rotate=-90)


def legend(canvas: Canvas, x: float, y: float, entries: Sequence[tuple[str, str]]) -> None:
    """One swatch and label per (label, colour), top to bottom from (x, y)."""
    for i, (label, colour) in enumerate(entries):
        row = y + i * 16
        canvas.rect(x, row - 5, 10, 10, colour)
        canvas.text(x + 15, row, label, size=SMALL_SIZE + 1)


def legend_width(labels: Sequence[str]) -> float:
    return 15 + max((text_width(label, SMALL_SIZE + 1) for label in labels), default=0)


def message(title: str, text: str, width: float) -> str:
    """A chart with nothing to draw: its title and why, instead of empty axes."""
    canvas = Canvas(width, 120, title)
    canvas.heading(title)
    canvas.text(width / 2, 70, text, anchor="middle", fill=MUTED_COLOUR)
    return canvas.to_svg()
