"""The report's and the data card's charts, as static SVG written by hand (``svg.py``).

SVG needs no JavaScript and no network: the same file shows in the offline report
(inlined), on a Git host or a dataset hub (the release's ``figures/`` folder), and in a
PDF. The charts are plain bars and a grid, so they are written as text instead of drawn
with a plotting library: publishing stays fast, and the same release gives
byte-identical figures because nothing but its numbers goes into them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import polars as pl

from geodiscourse.release import svg
from geodiscourse.release.report_data import ReportData
from geodiscourse.release.svg import Canvas, Plot

#: Event types stacked in the chart over time (the most frequent); the rest are left out.
MAX_TYPES = 10
WIDTH = 800.0
TIMELINE_HEIGHT = 360.0
#: Height of one bar's row in the horizontal bar charts.
ROW = 22.0
#: Largest side of one cell of the actor matrix.
CELL = 40.0
#: A matrix cell darker than this share of the largest count gets white text.
DARK_SHARE = 0.5


def _month_ticks(canvas: Canvas, plot: Plot, months: Sequence[str], slot: float) -> None:
    """Month labels under the bars, slanted, at most about twelve so they never overlap."""
    step = max(1, len(months) // 12)
    for i in range(0, len(months), step):
        x = plot.left + slot * (i + 0.5)
        canvas.line(x, plot.bottom, x, plot.bottom + 4)
        canvas.text(x, plot.bottom + 10, months[i], anchor="end", size=svg.SMALL_SIZE, rotate=-45)
    canvas.line(plot.left, plot.bottom, plot.right, plot.bottom)
    canvas.text((plot.left + plot.right) / 2, canvas.height - 12, "month", anchor="middle")


def _stacked_bars(title: str, months: list[str], counts: dict[str, list[int]]) -> str:
    """One bar per month, stacked by type in ``counts``' order, with a legend beside it."""
    types = list(counts)
    colours = dict(zip(types, svg.PALETTE, strict=False))
    totals = [sum(counts[t][i] for t in types) for i in range(len(months))]
    ticks = svg.nice_ticks(max(totals))
    labels = [svg.short(t, 24) for t in types]
    left = 30 + max(svg.text_width(f"{t:,}", svg.SMALL_SIZE) for t in ticks)
    plot = Plot(left, 40, WIDTH - svg.legend_width(labels) - 30, TIMELINE_HEIGHT - 78)
    canvas = Canvas(WIDTH, TIMELINE_HEIGHT, title)
    canvas.heading(title)
    svg.value_axis_y(canvas, plot, ticks, "events")
    slot, scale = plot.width / len(months), plot.height / ticks[-1]
    for i, month in enumerate(months):
        base = plot.bottom
        for event_type in types:
            value = counts[event_type][i]
            if value:
                tip = f"{month}, {event_type}: {value:,}"
                x, height = plot.left + slot * (i + 0.1), value * scale
                canvas.rect(x, base - height, slot * 0.8, height, colours[event_type], tip, "bar")
                base -= height
    _month_ticks(canvas, plot, months, slot)
    svg.legend(canvas, plot.right + 20, plot.top + 6, list(zip(labels, svg.PALETTE, strict=False)))
    return canvas.to_svg()


def events_over_time(data: ReportData) -> str:
    """Events per PLOVER type and month (the event's date, else its document's)."""
    title = "Events per type and month"
    df = data.events_by_month
    if df.is_empty():
        return svg.message(title, "no event or document in this release has a date", WIDTH)
    wide = df.pivot(on="event_type", index="month", values="events").fill_null(0).sort("month")
    types = sorted(wide.columns[1:], key=lambda t: (-int(wide[t].sum()), t))[:MAX_TYPES]
    return _stacked_bars(title, wide["month"].to_list(), {t: wide[t].to_list() for t in types})


def _barh(names: list[tuple[str, str]], values: list[int], title: str, xlabel: str) -> str:
    """Horizontal bars, largest first, each with its (name, detail) label and its value
    written at its end so no count has to be read off the axis."""
    if not names:
        return svg.message(title, "nothing to show in this release", WIDTH)
    labels = [f"{svg.short(name)} ({svg.short(detail, 16)})" for name, detail in names]
    ticks = svg.nice_ticks(max(values))
    rows = max(len(labels), 3)
    left = 16 + max(svg.text_width(label) for label in labels)
    right = WIDTH - 16 - svg.text_width(f"{max(values):,}", svg.SMALL_SIZE)
    plot = Plot(left, 40, right, 40 + rows * ROW)
    canvas = Canvas(WIDTH, plot.bottom + 44, title)
    canvas.heading(title)
    svg.value_axis_x(canvas, plot, ticks, xlabel)
    for i, ((name, detail), label, value) in enumerate(zip(names, labels, values, strict=True)):
        middle, width = plot.top + (i + 0.5) * ROW, plot.width * value / ticks[-1]
        tip = f"{name} ({detail}): {value:,}"
        canvas.rect(plot.left, middle - ROW * 0.35, width, ROW * 0.7, svg.PALETTE[0], tip, "bar")
        canvas.text(plot.left - 6, middle, label, anchor="end")
        canvas.text(plot.left + width + 4, middle, f"{value:,}", size=svg.SMALL_SIZE)
    canvas.line(plot.left, plot.top, plot.left, plot.bottom)
    return canvas.to_svg()


def top_actors(data: ReportData) -> str:
    """Actors most often source or target of an event, all types together."""
    totals = data.top_actors
    return _barh(
        list(totals.select("actor", "role").rows()),
        totals["events"].to_list(),
        "Top actors of events (source / target)",
        "events",
    )


def _grid(title: str, actors: list[str], counts: dict[tuple[str, str], int]) -> str:
    """Counts in a square grid, rows acting on columns, darker for more, each written out."""
    labels = [svg.short(a, 28) for a in actors]
    label_width = max(svg.text_width(label) for label in labels)
    cell = min(CELL, (WIDTH - label_width - 80) / len(actors))
    side = cell * len(actors)
    left = 40 + label_width
    plot = Plot(left, 40, left + side, 40 + side)
    height = plot.bottom + label_width * 0.71 + 44
    canvas = Canvas(max(plot.right + 30, svg.text_width(title, svg.TITLE_SIZE) + 40), height, title)
    canvas.heading(title)
    canvas.rect(plot.left, plot.top, side, side, svg.BLUES[0])
    largest = max(counts.values())
    for (source, target), count in sorted(counts.items()):
        x, y = plot.left + actors.index(target) * cell, plot.top + actors.index(source) * cell
        share = count / largest
        canvas.rect(
            x + 0.5, y + 0.5, cell - 1, cell - 1, svg.blue(share), f"{source} → {target}: {count:,}", "cell"
        )
        ink = "#ffffff" if share > DARK_SHARE else svg.TEXT_COLOUR
        canvas.text(x + cell / 2, y + cell / 2, f"{count:,}", anchor="middle", size=svg.SMALL_SIZE, fill=ink)
    for i, label in enumerate(labels):
        middle = plot.top + (i + 0.5) * cell
        canvas.text(plot.left - 6, middle, label, anchor="end")
        canvas.text(plot.left + (i + 0.5) * cell, plot.bottom + 8, label, anchor="end", rotate=-45)
    canvas.text((plot.left + plot.right) / 2, height - 12, "target", anchor="middle")
    canvas.text(14, (plot.top + plot.bottom) / 2, "source", anchor="middle", rotate=-90)
    return canvas.to_svg()


def actor_matrix(data: ReportData) -> str:
    """Who acts on whom: events from each row's actor to each column's actor."""
    title = "Who acts on whom (events)"
    df = data.actor_matrix
    if df.is_empty():
        return svg.message(title, "no event with both a source and a target actor", WIDTH)
    counts: dict[tuple[str, str], int] = {}
    for source, target, count in df.rows():  # two actors may share a name: add them up
        counts[(source, target)] = counts.get((source, target), 0) + count
    return _grid(title, sorted(set(df["source"]) | set(df["target"])), counts)


def recommendations_by_addressee(data: ReportData) -> str:
    df = data.recommendations_by_addressee
    return _barh(
        list(df.select("addressee", "recommender").rows()),
        df["recommendations"].to_list(),
        "Recommendations by addressee and recommender",
        "recommendations",
    )


def claims_by_claimant(data: ReportData) -> str:
    df = data.claims_by_claimant
    return _barh(
        list(df.select("claimant", "claim_type").rows()),
        df["claims"].to_list(),
        "Claims by claimant and type",
        "claims",
    )


def _top_actors_numbers(data: ReportData) -> pl.DataFrame:
    """The overall top actors, then the top three per event type."""
    overall = data.top_actors.select(pl.lit("all").alias("event_type"), "role", "actor", "events")
    return pl.concat([overall, data.top_actors_by_type])


@dataclass(frozen=True)
class Chart:
    """A chart: its title, how it is drawn, and the table of numbers shown beside it."""

    title: str
    draw: Callable[[ReportData], str]
    numbers: Callable[[ReportData], pl.DataFrame]


#: Each chart by its file name in a release's figures/ folder, in the report's order.
CHARTS: dict[str, Chart] = {
    "events-over-time": Chart(
        "Events per PLOVER type over time", events_over_time, lambda d: d.events_by_month
    ),
    "top-actors": Chart("Top source and target actors", top_actors, _top_actors_numbers),
    "actor-matrix": Chart("Who acts on whom", actor_matrix, lambda d: d.actor_matrix),
    "recommendations": Chart(
        "Recommendations by addressee and recommender",
        recommendations_by_addressee,
        lambda d: d.recommendations_by_addressee,
    ),
    "claims": Chart("Claims by claimant and type", claims_by_claimant, lambda d: d.claims_by_claimant),
}


def render_charts(data: ReportData) -> dict[str, str]:
    """Every chart as SVG text, by file stem."""
    return {name: chart.draw(data) for name, chart in CHARTS.items()}
