"""Diffs between releases: ids added, removed and changed per table, by primary key."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from geodiscourse.release.changes import diff_releases, diff_table, diff_tables, format_changes
from geodiscourse.release.read import ReleaseNotFoundError
from tests.release.release_tables import make_tables
from tests.release.test_publish import publish


def _frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema={"event_id": pl.Utf8, "event_type": pl.Utf8, "confidence": pl.Float64})


OLD = _frame(
    [
        {"event_id": "e1", "event_type": "AGREE", "confidence": 0.5},
        {"event_id": "e2", "event_type": "ACCUSE", "confidence": 0.5},
        {"event_id": "e3", "event_type": None, "confidence": 0.5},
    ]
)


@pytest.mark.parametrize(
    ("new_rows", "added", "removed", "changed"),
    [
        (OLD.to_dicts(), [], [], []),
        (OLD.reverse().to_dicts(), [], [], []),  # row order is not a change
        ([*OLD.to_dicts(), {"event_id": "e4", "event_type": "AID", "confidence": 0.1}], ["e4"], [], []),
        (OLD.filter(pl.col("event_id") != "e2").to_dicts(), [], ["e2"], []),
        (OLD.with_columns(confidence=pl.lit(0.6)).to_dicts(), [], [], ["e1", "e2", "e3"]),
        (
            OLD.with_columns(event_type=pl.lit("AID")).to_dicts(),
            [],
            [],
            ["e1", "e2", "e3"],
        ),  # null -> value too
        (
            [
                {"event_id": "e0", "event_type": "AID", "confidence": 0.5},
                {**OLD.row(0, named=True), "confidence": 0.9},
            ],
            ["e0"],
            ["e2", "e3"],
            ["e1"],
        ),
    ],
)
def test_diff_table(
    new_rows: list[dict[str, Any]], added: list[str], removed: list[str], changed: list[str]
) -> None:
    diff = diff_table("events", OLD, _frame(new_rows))
    assert (diff.added, diff.removed, diff.changed) == (added, removed, changed)
    assert diff.unchanged == len(new_rows) - len(added) - len(changed)
    assert diff.is_empty == (not (added or removed or changed))


def test_list_and_struct_columns_are_compared() -> None:
    claims = make_tables()["claims"]
    edited = claims.with_columns(
        quantities=pl.lit(
            [{"value": 1.0, "unit": "troops", "text": "1 troop"}], dtype=claims.schema["quantities"]
        )
    )
    assert diff_table("claims", claims, edited).changed == claims["claim_id"].to_list()
    assert diff_table("claims", claims, claims.clone()).is_empty


def test_added_removed_and_retyped_columns() -> None:
    new = OLD.with_columns(pl.lit("x").alias("note"), pl.col("confidence").cast(pl.Float32)).drop(
        "event_type"
    )
    diff = diff_table("events", OLD, new)
    assert (diff.columns_added, diff.columns_removed, diff.columns_retyped) == (
        ["note"],
        ["event_type"],
        ["confidence"],
    )
    assert diff.changed == []


def test_first_release_has_everything_added() -> None:
    tables = make_tables()
    diff = diff_tables(None, tables, from_release=None, to_release="2026-11-22")
    assert diff.from_release is None
    assert diff.tables["mentions"].added == sorted(tables["mentions"]["mention_id"].to_list())
    assert "First release" in diff.to_markdown()


def test_a_table_missing_on_one_side() -> None:
    old = make_tables()
    new = dict(old)
    del new["claims"]
    diff = diff_tables(old, new, from_release="a", to_release="b")
    assert diff.tables["claims"].removed == old["claims"]["claim_id"].to_list()
    assert diff.tables["claims"].rows_after == 0


def test_diff_between_two_published_releases(tmp_path: Path) -> None:
    first = publish(tmp_path)
    tables = make_tables()
    dropped = tables["mentions"]["mention_id"][0]
    changed = tables["events"]["event_id"][1]
    tables["mentions"] = tables["mentions"].slice(1)
    tables["events"] = tables["events"].with_columns(
        pl.when(pl.col("event_id") == changed).then(0.1).otherwise(pl.col("confidence")).alias("confidence")
    )
    tables["actors"] = pl.concat(
        [
            tables["actors"],
            pl.DataFrame(
                [{"actor_id": "FRA", "name": "France", "kind": "state", "country": "FRA", "sector": None}]
            ),
        ]
    )
    second = publish(tmp_path, tables)

    assert second.diff.from_release == first.release_id
    stored = json.loads((second.path / "diff.json").read_text(encoding="utf-8"))
    assert stored["from_release"] == "2026-11-22" and stored["to_release"] == "2026-11-22.2"
    assert stored["tables"]["mentions"]["removed"] == [dropped]
    assert stored["tables"]["events"]["changed"] == [changed]
    assert stored["tables"]["actors"]["added"] == ["FRA"]
    assert stored["tables"]["documents"]["added"] == [] and stored["tables"]["documents"]["unchanged"] == 1

    changes = (second.path / "CHANGES.md").read_text(encoding="utf-8")
    assert "Compared with release 2026-11-22" in changes
    assert "| mentions | 6 | 5 | 0 | 1 | 0 |" in changes and "| actors | 5 | 6 | 1 | 0 | 0 |" in changes
    assert dropped not in changes and changed not in changes  # ids are in diff.json only

    by_id = diff_releases("2026-11-22", "latest", root=tmp_path)
    by_path = diff_releases(first.path, second.path)
    assert by_id.to_dict() == by_path.to_dict() == stored
    assert "events" in format_changes(by_id)
    assert diff_releases(second.path, first.path).tables["mentions"].added == [dropped]


def test_markdown_names_columns_added_removed_and_retyped() -> None:
    new = OLD.with_columns(pl.lit("x").alias("note"), pl.col("confidence").cast(pl.Float32)).drop(
        "event_type"
    )
    text = diff_tables({"events": OLD}, {"events": new}, from_release="a", to_release="b").to_markdown()
    assert "- events: columns added: note" in text and "- events: columns removed: event_type" in text
    assert "- events: columns with a new type (not compared): confidence" in text


def test_diff_of_an_unknown_release_says_what_exists(tmp_path: Path) -> None:
    publish(tmp_path)
    with pytest.raises(ReleaseNotFoundError, match="releases present: 2026-11-22"):
        diff_releases("2026-11-22", "2020-01-01", root=tmp_path)
