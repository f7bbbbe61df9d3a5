"""Validation catches each kind of broken release and names table, column and check.

``make_tables()`` builds one small, valid release by hand (one article with sentences,
actors, mentions, events, a claim with a quantity and a recommendation); the other
release tests import it.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geodiscourse.core.ids import doc_id_for, row_id, sentence_id_for, sha256_hex
from geodiscourse.release.validate import ValidationReport, validate_tables
from geodiscourse.schemas import TABLES

RAW = (
    b"Russia and Ukraine signed a ceasefire in Minsk on Tuesday. "
    b"Putin said NATO must stop expanding eastwards.\n"
    b"About 90,000 troops remain near the border. The West imposed sanctions on Moscow."
)
CLEAN = RAW.decode("utf-8")
SOURCE, DUPLICATE, EMPTY = "001_test.txt", "copies/001_test.txt", "002_empty.txt"


@dataclass(frozen=True)
class Input:
    """What publish_release needs to know of a raw file (the pipeline's InputFile has these)."""

    source_name: str
    sha256: str
    size_bytes: int


INPUTS = (
    Input(SOURCE, sha256_hex(RAW), len(RAW)),
    Input(DUPLICATE, sha256_hex(RAW), len(RAW)),
    Input(EMPTY, sha256_hex(b""), 0),
)


def polars_schema(table: str) -> dict[str, Any]:
    return {name: col.dtype.type for name, col in TABLES[table].model.to_schema().columns.items()}


def frame(table: str, rows: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=polars_schema(table), orient="row")


def _span(text: str, after: int = 0) -> tuple[int, int]:
    start = CLEAN.index(text, after)
    return start, start + len(text)


def make_tables(clean: str = CLEAN) -> dict[str, pl.DataFrame]:
    """A small valid release: one document, its three sentences and what they say."""
    doc = doc_id_for(RAW)
    sentence_texts = [
        "Russia and Ukraine signed a ceasefire in Minsk on Tuesday.",
        "Putin said NATO must stop expanding eastwards.",
        "About 90,000 troops remain near the border.",
        "The West imposed sanctions on Moscow.",
    ]
    sentences, sid = [], {}
    for position, text in enumerate(sentence_texts):
        start, end = _span(text)
        sid[position] = sentence_id_for(doc, start, end)
        sentences.append(
            {
                "sentence_id": sid[position],
                "doc_id": doc,
                "position": position,
                "char_start": start,
                "char_end": end,
                "text": text,
            }
        )

    def mention(text: str, actor: str, position: int, method: str = "gazetteer") -> dict[str, Any]:
        start, end = _span(text)
        return {
            "mention_id": row_id("m", doc, start, end, actor),
            "doc_id": doc,
            "sentence_id": sid[position],
            "actor_id": actor,
            "char_start": start,
            "char_end": end,
            "text": text,
            "method": method,
        }

    def event(trigger: str, etype: str, src: str | None, tgt: str | None, position: int) -> dict[str, Any]:
        start, end = _span(trigger)
        day = datetime.date(2014, 9, 9) if position == 0 else None  # the second event states no date
        return {
            "event_id": row_id("e", doc, start, end, etype),
            "doc_id": doc,
            "sentence_id": sid[position],
            "event_type": etype,
            "source_actor_id": src,
            "target_actor_id": tgt,
            "date_start": day,
            "date_end": day,
            "date_precision": "day" if day else None,
            "date_text": "on Tuesday" if day else None,
            "modality": "asserted",
            "trigger": trigger,
            "char_start": start,
            "char_end": end,
            "confidence": 0.8,
        }

    claim_start, claim_end = _span(sentence_texts[2])
    rec_start, rec_end = _span("NATO must stop expanding eastwards")
    return {
        "documents": frame(
            "documents",
            [
                {
                    "doc_id": doc,
                    "source_name": SOURCE,
                    "title": None,
                    "author": None,
                    "outlet": None,
                    "published_date": datetime.date(2014, 9, 10),
                    "clean_text": clean,
                    "cited_urls": ["https://example.org/source"],
                    "duplicate_names": [DUPLICATE],
                    "encoding": "utf-8",
                    "source_format": "text",
                },
            ],
        ),
        "sentences": frame("sentences", sentences),
        "actors": frame(
            "actors",
            [
                {"actor_id": "NATO", "name": "NATO", "kind": "igo", "country": None},
                {"actor_id": "RUS", "name": "Russia", "kind": "state", "country": "RUS"},
                {"actor_id": "UKR", "name": "Ukraine", "kind": "state", "country": "UKR"},
                {"actor_id": "WEST", "name": "the West", "kind": "bloc", "country": None},
                {"actor_id": "vladimir-putin", "name": "Vladimir Putin", "kind": "person", "country": "RUS"},
            ],
        ),
        "mentions": frame(
            "mentions",
            [
                mention("Russia", "RUS", 0),
                mention("Ukraine", "UKR", 0),
                mention("Putin", "vladimir-putin", 1, "alias"),
                mention("NATO", "NATO", 1),
                mention("The West", "WEST", 3),
                mention("Moscow", "RUS", 3),
            ],
        ),
        "events": frame(
            "events",
            [
                event("signed a ceasefire", "AGREE", "RUS", "UKR", 0),
                event("imposed sanctions", "SANCTION", "WEST", "RUS", 3),
            ],
        ),
        "claims": frame(
            "claims",
            [
                {
                    "claim_id": row_id("c", doc, claim_start, claim_end),
                    "doc_id": doc,
                    "sentence_id": sid[2],
                    "text": sentence_texts[2],
                    "is_author": True,
                    "claimant_actor_id": None,
                    "claimant_text": None,
                    "claim_type": "factual",
                    "hedged": True,
                    "quantities": [{"value": 90000.0, "unit": "troops", "text": "90,000 troops"}],
                    "char_start": claim_start,
                    "char_end": claim_end,
                    "confidence": 0.7,
                },
            ],
        ),
        "recommendations": frame(
            "recommendations",
            [
                {
                    "recommendation_id": row_id("r", doc, rec_start, rec_end),
                    "doc_id": doc,
                    "sentence_id": sid[1],
                    "text": "NATO must stop expanding eastwards",
                    "recommender_actor_id": "vladimir-putin",
                    "recommender_text": "Putin",
                    "addressee_actor_id": "NATO",
                    "action": "stop expanding eastwards",
                    "modal": "must",
                    "strength": "strong",
                    "condition": None,
                    "char_start": rec_start,
                    "char_end": rec_end,
                    "confidence": 0.9,
                },
            ],
        ),
        "rejected": frame(
            "rejected",
            [
                {
                    "source_name": EMPTY,
                    "sha256": sha256_hex(b""),
                    "reason": "empty",
                    "detail": "The file is empty: delete it or replace it with the article's text.",
                },
            ],
        ),
    }


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
    assert found[0].count >= 1
    text = report.to_text()
    assert f"table {table}" in text and check.split("(")[0] in text


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
