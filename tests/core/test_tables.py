"""Rows become frames with the schemas' dtypes, sorted by key; actors merge stably."""

from __future__ import annotations

import datetime

import polars as pl
import pytest

from geodiscourse.core.tables import frame, merge_actors, polars_schema
from geodiscourse.schemas import TABLES


@pytest.mark.parametrize("table", list(TABLES))
def test_empty_frame_has_the_schema_dtypes(table: str) -> None:
    df = frame(table, [])
    assert df.height == 0
    assert df.schema == polars_schema(table)


def test_frame_sorts_by_primary_key_and_keeps_dates() -> None:
    rows = [
        {"source_name": "b.txt", "sha256": "", "reason": "empty", "detail": "x"},
        {"source_name": "a.txt", "sha256": "", "reason": "binary", "detail": "y"},
    ]
    assert frame("rejected", rows)["source_name"].to_list() == ["a.txt", "b.txt"]
    doc = {
        "doc_id": "0123456789abcdef",
        "source_name": "a.txt",
        "title": None,
        "author": None,
        "outlet": None,
        "published_date": datetime.date(2025, 12, 7),
        "clean_text": "Text.",
        "cited_urls": ["https://x"],
        "duplicate_names": [],
        "encoding": "utf-8",
        "source_format": "text",
        "url": None,
        "language": "en",
        "date_source": "text",
    }
    df = frame("documents", [doc])
    assert df["published_date"].to_list() == [datetime.date(2025, 12, 7)]
    assert df.schema["cited_urls"] == pl.List(pl.String)


@pytest.mark.parametrize(
    ("parts", "expected_country"),
    [
        ([[("jack-straw", None)], [("jack-straw", "GBR")]], "GBR"),
        ([[("jack-straw", "GBR")], [("jack-straw", "GBR")], [("jack-straw", "USA")]], "GBR"),
        ([[("jack-straw", "USA")], [("jack-straw", "GBR")]], "GBR"),  # a tie: alphabetical, order-free
        ([[("jack-straw", None)]], None),
    ],
)
def test_merge_actors_takes_the_most_frequent_non_null_value(
    parts: list[list[tuple[str, str | None]]], expected_country: str | None
) -> None:
    frames = [
        frame(
            "actors",
            [
                {"actor_id": a, "name": "Jack Straw", "kind": "person", "country": c, "sector": None}
                for a, c in part
            ],
        )
        for part in parts
    ]
    merged = merge_actors(frames)
    assert merged.height == 1
    assert merged["country"].to_list() == [expected_country]
    assert merge_actors(list(reversed(frames))).equals(merged)
