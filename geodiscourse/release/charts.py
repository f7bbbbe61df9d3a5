"""The report's and the data card's charts, drawn as static SVG with matplotlib.

SVG needs no JavaScript and no network: the same file shows in the offline report
(inlined), on a Git host or a dataset hub (the release's ``figures/`` folder), and in a
PDF. matplotlib's Agg backend renders without a display, and the SVG's ids are fixed
(``svg.hashsalt``) so the same release gives byte-identical figures.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

import polars as pl

from geodiscourse.release.report_data import ReportData

#: Event types in the codebook's order (cooperation to conflict) where a chart stacks them.
MAX_TYPES = 10
FIGURE_WIDTH_IN = 8.0


def _pyplot():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update(
        {"svg.hashsalt": "geodiscourse", "svg.fonttype": "none", "font.size": 9, "axes.titlesize": 11}
    )
    import matplotlib.pyplot as plt

    return plt


def _svg(draw: Callable[..., None], height: float) -> str:
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(FIGURE_WIDTH_IN, height))
    try:
        draw(ax)
        fig.tight_layout()
        out = io.StringIO()
        fig.savefig(out, format="svg", metadata={"Date": None, "Creator": "geodiscourse"})
    finally:
        plt.close(fig)
    return out.getvalue()


def _empty(ax, message: str) -> None:  # type: ignore[no-untyped-def]
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes)
    ax.set_axis_off()


def events_over_time(data: ReportData) -> str:
    """Events per PLOVER type and month (the event's date, else its document's)."""
    df = data.events_by_month

    def draw(ax) -> None:  # type: ignore[no-untyped-def]
        if df.is_empty():
            _empty(ax, "no event or document in this release has a date")
            return
        wide = df.pivot(on="event_type", index="month", values="events").fill_null(0).sort("month")
        types = sorted(wide.columns[1:], key=lambda t: -int(wide[t].sum()))[:MAX_TYPES]
        months = wide["month"].to_list()
        bottom = [0] * len(months)
        for event_type in types:
            values = wide[event_type].to_list()
            ax.bar(range(len(months)), values, bottom=bottom, label=event_type)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        step = max(1, len(months) // 12)
        ax.set_xticks(range(0, len(months), step), months[::step], rotation=45, ha="right")
        ax.set_ylabel("events")
        ax.set_title("Events per type and month")
        ax.legend(fontsize=7, ncols=2)

    return _svg(draw, 3.6)


def _barh(labels: list[str], values: list[int], title: str, xlabel: str) -> str:
    def draw(ax) -> None:  # type: ignore[no-untyped-def]
        if not labels:
            _empty(ax, "nothing to show in this release")
            return
        ax.barh(range(len(labels)), values)
        ax.set_yticks(range(len(labels)), labels)
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        ax.set_title(title)

    return _svg(draw, 0.6 + 0.28 * max(len(labels), 3))


def top_actors(data: ReportData) -> str:
    """Actors most often source or target of an event, all types together."""
    totals = data.top_actors
    labels = [f"{a} ({r})" for a, r in totals.select("actor", "role").rows()]
    return _barh(labels, totals["events"].to_list(), "Top actors of events (source / target)", "events")


def actor_matrix(data: ReportData) -> str:
    """Who acts on whom: events from each row's actor to each column's actor."""
    df = data.actor_matrix

    def draw(ax) -> None:  # type: ignore[no-untyped-def]
        if df.is_empty():
            _empty(ax, "no event with both a source and a target actor")
            return
        actors = sorted(set(df["source"]) | set(df["target"]))
        index = {a: i for i, a in enumerate(actors)}
        grid = [[0] * len(actors) for _ in actors]
        for source, target, count in df.rows():
            grid[index[source]][index[target]] = count
        ax.imshow(grid, cmap="Blues")
        ax.set_xticks(range(len(actors)), actors, rotation=60, ha="right")
        ax.set_yticks(range(len(actors)), actors)
        for i, row in enumerate(grid):
            for j, count in enumerate(row):
                if count:
                    ax.text(j, i, str(count), ha="center", va="center", fontsize=7)
        ax.set_xlabel("target")
        ax.set_ylabel("source")
        ax.set_title("Who acts on whom (events)")

    return _svg(draw, 6.0)


def recommendations_by_addressee(data: ReportData) -> str:
    df = data.recommendations_by_addressee
    labels = [f"{a} ({r})" for a, r in df.select("addressee", "recommender").rows()]
    return _barh(
        labels,
        df["recommendations"].to_list(),
        "Recommendations by addressee and recommender",
        "recommendations",
    )


def claims_by_claimant(data: ReportData) -> str:
    df = data.claims_by_claimant
    labels = [f"{c} ({t})" for c, t in df.select("claimant", "claim_type").rows()]
    return _barh(labels, df["claims"].to_list(), "Claims by claimant and type", "claims")


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
