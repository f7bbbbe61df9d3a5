"""The release charts are hand-written SVG: well-formed, the same bytes for the same
release, safe with names scraped from the web, and one mark per row of their numbers.

A figure that does not parse shows nothing on a Git host or a dataset hub, a figure that
changes between identical releases breaks their checksums' comparison, and an actor name
is arbitrary web text.
"""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import polars as pl
import pytest

from geodiscourse.release.charts import CHARTS, MAX_TYPES
from geodiscourse.release.report_data import ReportData, report_data
from tests.release.test_publish import publish

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>&"\x07'
#: What a reader sees of HOSTILE: the character XML forbids is replaced, nothing else.
HOSTILE_SHOWN = '<script>&"\ufffd'
EMPTY_MESSAGES = {
    "events-over-time": "no event or document in this release has a date",
    "top-actors": "nothing to show in this release",
    "actor-matrix": "no event with both a source and a target actor",
    "recommendations": "nothing to show in this release",
    "claims": "nothing to show in this release",
}


def _top_types(data: ReportData) -> pl.DataFrame:
    totals = data.events_by_month.group_by("event_type").agg(pl.col("events").sum())
    kept = totals.sort(["events", "event_type"], descending=[True, False]).head(MAX_TYPES)["event_type"]
    return data.events_by_month.filter(pl.col("event_type").is_in(kept.implode()))


#: The rows each chart draws one bar or cell for.
DRAWN_ROWS: dict[str, Callable[[ReportData], pl.DataFrame]] = {
    "events-over-time": _top_types,
    "top-actors": lambda d: d.top_actors,
    "actor-matrix": lambda d: d.actor_matrix.unique(["source", "target"]),
    "recommendations": lambda d: d.recommendations_by_addressee,
    "claims": lambda d: d.claims_by_claimant,
}


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> ReportData:
    return report_data(publish(tmp_path_factory.mktemp("charts")).path)


def _counts(columns: list[str], rows: list[tuple[str, str, int]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows, schema={columns[0]: pl.String, columns[1]: pl.String, columns[2]: pl.UInt32}, orient="row"
    )


@pytest.fixture(scope="module")
def hostile(data: ReportData) -> ReportData:
    """Every label a chart draws is HOSTILE or next to it."""
    return dataclasses.replace(
        data,
        events_by_month=_counts(
            ["month", "event_type", "events"],
            [("2026-10", HOSTILE, 3), ("2026-11", HOSTILE, 1), ("2026-11", "ACCUSE", 2)],
        ),
        top_actors=_counts(["actor", "role", "events"], [(HOSTILE, "source", 4), ("NATO", "target", 2)]),
        actor_matrix=_counts(["source", "target", "events"], [(HOSTILE, "NATO", 5), ("NATO", HOSTILE, 1)]),
        recommendations_by_addressee=_counts(
            ["addressee", "recommender", "recommendations"], [(HOSTILE, "author", 2)]
        ),
        claims_by_claimant=_counts(["claimant", "claim_type", "claims"], [(HOSTILE, "factual", 7)]),
    )


def _marks(root: ET.Element) -> list[ET.Element]:
    return [r for r in root.iter(f"{SVG}rect") if r.get("class") in ("bar", "cell")]


@pytest.mark.parametrize("name", CHARTS)
def test_chart_is_well_formed_svg_with_its_title_and_labels(name: str, data: ReportData) -> None:
    text = CHARTS[name].draw(data)
    assert text.startswith("<?xml")
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{SVG}svg" and root.get("viewBox")
    assert len(list(root.iter(f"{SVG}text"))) > 3  # title, axis names and tick labels


@pytest.mark.parametrize("name", CHARTS)
def test_chart_is_the_same_bytes_for_the_same_data(name: str, data: ReportData) -> None:
    assert CHARTS[name].draw(data) == CHARTS[name].draw(data)


def test_two_identical_releases_have_identical_figures(tmp_path: Path) -> None:
    first, second = publish(tmp_path / "a"), publish(tmp_path / "b")
    for name in CHARTS:
        figure = f"figures/{name}.svg"
        assert (first.path / figure).read_bytes() == (second.path / figure).read_bytes(), name


@pytest.mark.parametrize("name", CHARTS)
def test_hostile_labels_are_escaped_and_still_shown(name: str, hostile: ReportData) -> None:
    text = CHARTS[name].draw(hostile)
    assert "<script" not in text and "\x07" not in text
    root = ET.fromstring(text.encode("utf-8"))
    assert not list(root.iter(f"{SVG}script"))
    shown = [t for element in root.iter() for t in (element.text, element.tail) if t]
    assert any(HOSTILE_SHOWN in t for t in shown)


@pytest.mark.parametrize("name", CHARTS)
def test_one_bar_or_cell_per_data_row(name: str, data: ReportData, hostile: ReportData) -> None:
    for case in (data, hostile):
        rows = DRAWN_ROWS[name](case)
        assert rows.height > 0
        assert len(_marks(ET.fromstring(CHARTS[name].draw(case)))) == rows.height, name


def test_only_the_most_frequent_types_are_stacked(data: ReportData) -> None:
    many = [(f"2026-{m:02d}", f"TYPE{t:02d}", t + 1) for m in (1, 2) for t in range(MAX_TYPES + 3)]
    wide = dataclasses.replace(data, events_by_month=_counts(["month", "event_type", "events"], many))
    root = ET.fromstring(CHARTS["events-over-time"].draw(wide))
    assert len(_marks(root)) == 2 * MAX_TYPES
    legend = {t.text for t in root.iter(f"{SVG}text") if t.text and t.text.startswith("TYPE")}
    assert legend == {f"TYPE{t:02d}" for t in range(3, MAX_TYPES + 3)}


@pytest.mark.parametrize("name", CHARTS)
def test_empty_data_gives_a_message_not_empty_axes(name: str, data: ReportData) -> None:
    tables = {f.name: getattr(data, f.name) for f in dataclasses.fields(data)}
    empty = dataclasses.replace(
        data, **{k: v.clear() for k, v in tables.items() if isinstance(v, pl.DataFrame)}
    )
    root = ET.fromstring(CHARTS[name].draw(empty))
    assert EMPTY_MESSAGES[name] in [t.text for t in root.iter(f"{SVG}text")]
    assert not _marks(root)


def test_a_long_name_is_cut_on_the_chart_and_whole_in_its_tooltip(data: ReportData) -> None:
    name = "The Extraordinarily Long Name Of A Committee " * 3
    long = dataclasses.replace(data, top_actors=_counts(["actor", "role", "events"], [(name, "source", 3)]))
    root = ET.fromstring(CHARTS["top-actors"].draw(long))
    labels = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert any(label.endswith("… (source)") and len(label) < 50 for label in labels)
    assert [t.text for t in root.iter(f"{SVG}title")][1] == f"{name} (source): 3"
