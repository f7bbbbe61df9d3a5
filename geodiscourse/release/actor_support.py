"""Cross-table check: every actor a row names is mentioned in its document.

Events, claims and recommendations name actors by id; the mentions table is where a
reader sees the text those ids were read from. Extraction resolves names and
pronouns once per document and every table reads that one resolution, so an actor id
in an event, claim or recommendation always has a mention row with that id in the
same document (usually in the same sentence; a quotation running over several
sentences or a restriction carried to the next one names it a sentence or two before).
A row that breaks this names an actor nobody can trace back to the text.

``validate.validate_tables`` reports the failures of ``actor_support_failures`` as the
check "actor_mentioned_in_document"; ``actor_support_shares`` measures how often the
mention is in the row's own sentence.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from geodiscourse.release.validation_report import ValidationFailure, failure

#: The actor-id columns of each table, all referring to actors.actor_id.
ACTOR_COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("source_actor_id", "target_actor_id"),
    "claims": ("claimant_actor_id",),
    "recommendations": ("recommender_actor_id", "addressee_actor_id"),
}
CHECK = "actor_mentioned_in_document"
_NEEDED = {"mentions": ("doc_id", "sentence_id", "actor_id")}


def _usable(
    tables: Mapping[str, pl.DataFrame], unfit: Mapping[str, set[str]] | None, table: str, *cols: str
) -> bool:
    bad = (unfit or {}).get(table, set())
    return table in tables and all(c in tables[table].columns and c not in bad for c in cols)


def _columns(
    tables: Mapping[str, pl.DataFrame], unfit: Mapping[str, set[str]] | None
) -> list[tuple[str, str]]:
    if not _usable(tables, unfit, "mentions", *_NEEDED["mentions"]):
        return []
    return [
        (table, column)
        for table, columns in ACTOR_COLUMNS.items()
        for column in columns
        if _usable(tables, unfit, table, "doc_id", "sentence_id", column)
    ]


def unsupported_rows(tables: Mapping[str, pl.DataFrame], table: str, column: str) -> pl.DataFrame:
    """Rows of ``table`` whose ``column`` names an actor no mention of their document has."""
    mentioned = tables["mentions"].select("doc_id", pl.col("actor_id").alias(column)).unique()
    named = tables[table].filter(pl.col(column).is_not_null())
    return named.join(mentioned, on=["doc_id", column], how="anti")


def actor_support_failures(
    tables: Mapping[str, pl.DataFrame], unfit: Mapping[str, set[str]] | None = None
) -> list[ValidationFailure]:
    """One failure per actor column with rows naming an actor their document never
    mentions. ``unfit`` lists columns per table that are missing or mistyped (as the
    schema checks found them): those are skipped, as validate's own checks do."""
    failures = []
    for table, column in _columns(tables, unfit):
        bad = unsupported_rows(tables, table, column)
        if bad.height:
            failures.append(failure(table, column, CHECK, bad))
    return failures


def actor_support_shares(tables: Mapping[str, pl.DataFrame]) -> dict[str, tuple[int, int, int]]:
    """For each "table.column": (actor ids named, mentioned in the document, mentioned in
    the row's own sentence)."""
    shares: dict[str, tuple[int, int, int]] = {}
    for table, column in _columns(tables, None):
        named = tables[table].filter(pl.col(column).is_not_null())
        in_sentence = named.join(
            tables["mentions"].select("sentence_id", pl.col("actor_id").alias(column)).unique(),
            on=["sentence_id", column],
            how="semi",
        )
        supported = named.height - unsupported_rows(tables, table, column).height
        shares[f"{table}.{column}"] = (named.height, supported, in_sentence.height)
    return shares
