"""Validation catches each kind of broken release and names table, column and check.

The valid release they break is ``make_tables()`` of release_tables.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pandera.errors as pa_errors
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geodiscourse.release.validate import ValidationReport, validate_tables
from geodiscourse.schemas import TABLES
from geodiscourse.schemas.events import PLOVER_TYPES
from geodiscourse.schemas.plover_vocabulary import ALL_MODES, PLOVER_MODES
from tests.release.release_tables import CLEAN, DUPLICATE, EMPTY, INPUTS, SOURCE, frame, make_tables

SOURCE_NAMES = [i.source_name for i in INPUTS]


def test_valid_tables_pass() -> None:
    report = validate_tables(make_tables(), source_names=SOURCE_NAMES)
    assert report.ok, report.to_text()
    assert report.rows["mentions"] == 6
    assert "Validation passed" in report.to_text()


def test_lazy_frames_are_accepted() -> None:
    tables = {name: df.lazy() for name, df in make_tables().items()}
    assert validate_tables(tables).ok


def _set(table: str, column: str, value: Any, row: int = 0) -> Callable[[dict[str, pl.DataFrame]], None]:
    def apply(tables: dict[str, pl.DataFrame]) -> None:
        df = tables[table]
        series = df[column].clone()
        series[row] = value
        tables[table] = df.with_columns(series)

    return apply


def _event(row: int, **values: Any) -> Callable[[dict[str, pl.DataFrame]], None]:
    """Set columns of one events row, list columns included (a Series cannot be set to a list)."""

    def apply(tables: dict[str, pl.DataFrame]) -> None:
        rows = tables["events"].to_dicts()
        rows[row].update(values)
        tables["events"] = frame("events", rows)

    return apply


def _shift(table: str, by: int) -> Callable[[dict[str, pl.DataFrame]], None]:
    def apply(tables: dict[str, pl.DataFrame]) -> None:
        tables[table] = tables[table].with_columns(pl.col("char_start") + by, pl.col("char_end") + by)

    return apply


def _duplicate_first_row(table: str) -> Callable[[dict[str, pl.DataFrame]], None]:
    def apply(tables: dict[str, pl.DataFrame]) -> None:
        tables[table] = pl.concat([tables[table], tables[table].head(1)])

    return apply


def _drop(table: str) -> Callable[[dict[str, pl.DataFrame]], None]:
    def apply(tables: dict[str, pl.DataFrame]) -> None:
        del tables[table]

    return apply


def _drop_column(table: str, column: str) -> Callable[[dict[str, pl.DataFrame]], None]:
    def apply(tables: dict[str, pl.DataFrame]) -> None:
        tables[table] = tables[table].drop(column)

    return apply


def _cast(table: str, column: str, dtype: Any) -> Callable[[dict[str, pl.DataFrame]], None]:
    def apply(tables: dict[str, pl.DataFrame]) -> None:
        tables[table] = tables[table].with_columns(pl.col(column).cast(dtype))

    return apply


BROKEN = [
    # (what is broken, table, column, check prefix)
    (_set("mentions", "actor_id", "FRA"), "mentions", "actor_id", "foreign_key(actors.actor_id)"),
    (_set("events", "target_actor_id", "nobody"), "events", "target_actor_id", "foreign_key(actors"),
    (_set("claims", "sentence_id", "s_0000000000000000"), "claims", "sentence_id", "foreign_key(sentences"),
    (_set("sentences", "doc_id", "ffffffffffffffff"), "sentences", "doc_id", "foreign_key(documents"),
    (
        _set("recommendations", "char_end", 500),
        "recommendations",
        "char_start,char_end",
        "span_inside_sentence",
    ),
    (_shift("events", 30), "events", "char_start,char_end", "span_inside_sentence"),
    (_set("mentions", "char_start", 8), "mentions", "char_start,char_end", "span_inside_sentence"),
    (_set("mentions", "text", "Rusia"), "mentions", "text", "text_matches_clean_text"),
    (_set("sentences", "char_end", 10_000), "sentences", "char_start,char_end", "span_inside_document"),
    (_set("sentences", "text", "Something else."), "sentences", "text", "text_matches_clean_text"),
    (_set("sentences", "position", 0, row=1), "sentences", "position", "position_unique_in_document"),
    (_set("events", "event_type", "INVADE"), "events", "event_type", "isin"),
    (_set("events", "modality", "probable"), "events", "modality", "isin"),
    # row 1 is a SANCTION; row 0 an AGREE, a type with no modes. A mode of another type is
    # a check of the whole row, reported under no column.
    (_event(1, event_mode="visit"), "events", None, "event_mode_of_event_type"),
    (_event(0, event_mode="visit"), "events", None, "event_mode_of_event_type"),
    (_event(1, event_mode="bribe"), "events", "event_mode", "isin"),
    (_event(1, event_mode="Discontinue"), "events", "event_mode", "isin"),
    (_event(1, event_contexts=["economic", "space"]), "events", "event_contexts", "contexts_in_plover"),
    (_event(1, event_contexts=["economic", None]), "events", "event_contexts", "contexts_in_plover"),
    (_event(1, event_contexts=["Economic"]), "events", "event_contexts", "contexts_in_plover"),
    (_event(1, event_contexts=None), "events", "event_contexts", "not_nullable"),
    (_set("claims", "confidence", 1.5), "claims", "confidence", "less_than_or_equal_to"),
    (_set("actors", "actor_id", "Not A Slug"), "actors", "actor_id", "str_matches"),
    (_set("mentions", "text", None), "mentions", "text", "not_nullable"),
    (_duplicate_first_row("events"), "events", "event_id", "primary_key_unique"),
    (_duplicate_first_row("actors"), "actors", "actor_id", "field_uniqueness"),
    (_drop("claims"), "claims", None, "table_present"),
    (_drop_column("mentions", "method"), "mentions", "method", "column_in_dataframe"),
    (_cast("sentences", "position", pl.Int32), "sentences", "position", "dtype("),
]


@pytest.mark.parametrize(("breakage", "table", "column", "check"), BROKEN)
def test_each_breakage_is_reported(
    breakage: Callable[[dict[str, pl.DataFrame]], None], table: str, column: str | None, check: str
) -> None:
    tables = make_tables()
    breakage(tables)
    report = validate_tables(tables, source_names=SOURCE_NAMES)
    assert not report.ok
    found = report.find(table, column, check)
    assert found, report.to_text()
    assert found[0].count >= 1 and found[0].column == column
    text = report.to_text()
    assert f"table {table}" in text and check.split("(")[0] in text


@pytest.mark.parametrize(
    ("event_type", "mode", "contexts"),
    [
        ("SANCTION", "discontinue", ["economic"]),  # a mode the codebook lists for the type
        ("CONSULT", "visit", ["diplomatic", "military"]),
        ("COERCE", "arrest", ["repression", "legal"]),
        ("AGREE", None, ["military"]),  # AGREE has no modes: null is its only mode
        ("SANCTION", None, []),  # mode unknown, no context
        ("SANCTION", "convict", []),  # contexts determined and none applies (the data contract)
    ],
)
def test_plover_modes_and_contexts_that_pass(event_type: str, mode: str | None, contexts: Any) -> None:
    tables = make_tables()
    _event(1, event_type=event_type, event_mode=mode, event_contexts=contexts)(tables)
    report = validate_tables(tables, source_names=SOURCE_NAMES)
    assert report.ok, report.to_text()


def test_a_mode_passes_exactly_with_the_types_the_codebook_lists_it_under() -> None:
    """Every (type, mode) pair at once: the failing rows are exactly the pairs PLOVER lacks."""
    assert list(PLOVER_MODES) == PLOVER_TYPES  # the generated vocabulary covers exactly our types
    event = make_tables()["events"].head(1)
    pairs = pl.DataFrame(
        [(t, m) for t in PLOVER_MODES for m in ALL_MODES], schema=["event_type", "event_mode"], orient="row"
    )
    rows = (
        event.drop("event_type", "event_mode")
        .join(pairs, how="cross")
        .with_columns(event_id=pl.concat_str("event_type", pl.lit(":"), "event_mode"))
        .select(event.columns)
    )
    try:
        TABLES["events"].model.validate(rows, lazy=True)
    except pa_errors.SchemaErrors as exc:
        failed = set(exc.failure_cases["index"].drop_nulls().to_list())
    else:
        failed = set()
    rejected = {rows["event_id"][i] for i in failed}
    assert rejected == {f"{t}:{m}" for t in PLOVER_MODES for m in ALL_MODES if m not in PLOVER_MODES[t]}


def test_report_carries_example_rows_and_counts() -> None:
    tables = make_tables()
    tables["mentions"] = tables["mentions"].with_columns(actor_id=pl.lit("FRA"))
    report = validate_tables(tables)
    (failure,) = report.find("mentions", "actor_id", "foreign_key")
    assert failure.count == 6
    assert len(failure.examples) == 3
    assert failure.examples[0]["actor_id"] == "FRA" and "mention_id" in failure.examples[0]
    as_json = json.loads(report.to_json())
    assert as_json["ok"] is False
    assert as_json["failures"][0]["examples"][0]["actor_id"] == "FRA"


def test_long_example_values_are_shortened() -> None:
    tables = make_tables()
    tables["sentences"] = tables["sentences"].with_columns(text=pl.lit("x" * 1000))
    report = validate_tables(tables)
    (failure,) = report.find("sentences", "text", "text_matches_clean_text")
    assert len(failure.examples[0]["text"]) < 300


def test_null_foreign_keys_are_allowed() -> None:
    tables = make_tables()
    tables["events"] = tables["events"].with_columns(source_actor_id=pl.lit(None, pl.Utf8))
    assert validate_tables(tables).ok


@pytest.mark.parametrize(
    ("source_names", "check", "table"),
    [
        ([*SOURCE_NAMES, "003_lost.txt"], "input_accounted_for", "documents"),
        ([SOURCE, DUPLICATE], "source_is_an_input", "rejected"),
        ([DUPLICATE, EMPTY], "source_is_an_input", "documents"),
    ],
)
def test_every_input_is_a_document_or_rejected(source_names: list[str], check: str, table: str) -> None:
    report = validate_tables(make_tables(), source_names=source_names)
    assert report.find(table, "source_name", check), report.to_text()


def test_structural_failures_do_not_crash_cross_table_checks() -> None:
    tables = make_tables()
    tables["sentences"] = (
        tables["sentences"].drop("char_start").with_columns(pl.col("doc_id").cast(pl.Categorical))
    )
    report = validate_tables(tables)
    assert report.find("sentences", "char_start", "column_in_dataframe")
    assert report.find("sentences", "doc_id", "dtype(")


def test_unknown_table_is_reported() -> None:
    tables = make_tables()
    tables["extra"] = pl.DataFrame({"a": [1]})
    assert ValidationReport.find(validate_tables(tables), "extra", None, "table_in_schema")


@settings(max_examples=25, deadline=None)
@given(
    start=st.integers(min_value=-5, max_value=len(CLEAN) + 5), length=st.integers(min_value=-3, max_value=40)
)
def test_a_mention_span_passes_only_when_inside_its_sentence(start: int, length: int) -> None:
    """Property: the span check agrees with the definition, for any offsets."""
    tables = make_tables()
    sentence = tables["sentences"].row(0, named=True)
    end = start + length
    inside = sentence["char_start"] <= start < end <= sentence["char_end"]
    text = CLEAN[start:end] if start >= 0 else "x"
    tables["mentions"] = tables["mentions"].with_columns(
        pl.when(pl.col("text") == "Russia").then(start).otherwise(pl.col("char_start")).alias("char_start"),
        pl.when(pl.col("text") == "Russia").then(end).otherwise(pl.col("char_end")).alias("char_end"),
        pl.when(pl.col("text") == "Russia").then(pl.lit(text or "x")).otherwise(pl.col("text")).alias("text"),
    )
    report = validate_tables(tables)
    if inside:
        assert report.ok, report.to_text()
    else:
        assert not report.ok
        if start >= 0 and end >= 1:  # otherwise pandera's ge checks catch it first
            assert report.find("mentions", "char_start,char_end", "span_inside_sentence")
