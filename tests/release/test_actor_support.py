"""The cross-table check that every actor a row names is mentioned in its document."""

from __future__ import annotations

import polars as pl
import pytest

from geodiscourse.release.actor_support import CHECK, actor_support_failures, actor_support_shares


def tables(
    source: str | None = "RUS", claimant: str | None = "putin", sentence: str = "s1"
) -> dict[str, pl.DataFrame]:
    return {
        "mentions": pl.DataFrame(
            {"doc_id": ["d1", "d1"], "sentence_id": ["s1", "s2"], "actor_id": ["RUS", "putin"]}
        ),
        "events": pl.DataFrame(
            {
                "doc_id": ["d1"],
                "sentence_id": [sentence],
                "source_actor_id": [source],
                "target_actor_id": [None],
            },
            schema_overrides={"target_actor_id": pl.String, "source_actor_id": pl.String},
        ),
        "claims": pl.DataFrame(
            {"doc_id": ["d1"], "sentence_id": ["s1"], "claimant_actor_id": [claimant]},
            schema_overrides={"claimant_actor_id": pl.String},
        ),
        "recommendations": pl.DataFrame(
            {"doc_id": [], "sentence_id": [], "recommender_actor_id": [], "addressee_actor_id": []},
            schema={
                c: pl.String for c in ("doc_id", "sentence_id", "recommender_actor_id", "addressee_actor_id")
            },
        ),
    }


def test_mentioned_actors_and_nulls_pass() -> None:
    assert actor_support_failures(tables()) == []
    assert actor_support_failures(tables(source=None, claimant=None)) == []


@pytest.mark.parametrize(
    ("kwargs", "table", "column"),
    [
        ({"source": "USA"}, "events", "source_actor_id"),
        ({"claimant": "blair"}, "claims", "claimant_actor_id"),
    ],
)
def test_an_actor_its_document_never_mentions_fails(kwargs: dict[str, str], table: str, column: str) -> None:
    failures = actor_support_failures(tables(**kwargs))
    assert [(f.table, f.column, f.check, f.count) for f in failures] == [(table, column, CHECK, 1)]


def test_a_mention_in_another_document_is_no_support() -> None:
    frames = tables()
    frames["mentions"] = frames["mentions"].with_columns(pl.lit("d2").alias("doc_id"))
    assert {f.column for f in actor_support_failures(frames)} == {"source_actor_id", "claimant_actor_id"}


def test_unfit_or_missing_columns_are_skipped() -> None:
    frames = tables(source="USA")
    assert actor_support_failures(frames, {"events": {"source_actor_id"}}) == []
    del frames["mentions"]
    assert actor_support_failures(frames) == []


def test_shares_count_named_supported_and_same_sentence() -> None:
    shares = actor_support_shares(tables(claimant="putin"))
    assert shares["events.source_actor_id"] == (1, 1, 1)
    assert shares["claims.claimant_actor_id"] == (1, 1, 0)  # putin is mentioned in s2 only
    assert shares["recommendations.addressee_actor_id"] == (0, 0, 0)
