"""One pandera DataFrameModel per release table (polars backend).

These models are the single source of truth for a release's columns: validation, the
README's column tables, the release's datapackage.json and its data card are all
generated from them, so they cannot drift apart. Table and column names follow
../shared/spec/data-contract.md, a promise to users.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandera.polars as pa

from geodiscourse.schemas.actors import ActorsSchema
from geodiscourse.schemas.claims import ClaimsSchema
from geodiscourse.schemas.documents import DocumentsSchema
from geodiscourse.schemas.events import EventsSchema
from geodiscourse.schemas.mentions import MentionsSchema
from geodiscourse.schemas.recommendations import RecommendationsSchema
from geodiscourse.schemas.rejected import RejectedSchema
from geodiscourse.schemas.sentences import SentencesSchema

#: Bumped on any change to a contract column's name, type or meaning (major), or on
#: an added column (minor). Recorded in every release's manifest.
SCHEMA_VERSION = "1.3.0"


@dataclass(frozen=True)
class ForeignKey:
    """A column whose non-null values must appear in another table's key column."""

    column: str
    ref_table: str
    ref_column: str


@dataclass(frozen=True)
class TableSpec:
    """What a release promises about one table beyond its columns."""

    name: str
    model: type[pa.DataFrameModel]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    description: str = ""


_DOC = ForeignKey("doc_id", "documents", "doc_id")
_SENT = ForeignKey("sentence_id", "sentences", "sentence_id")


def _actor(column: str) -> ForeignKey:
    return ForeignKey(column, "actors", "actor_id")


TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec("documents", DocumentsSchema, ("doc_id",), description="One row per article."),
        TableSpec("sentences", SentencesSchema, ("sentence_id",), (_DOC,), "Sentences of each clean_text."),
        TableSpec("actors", ActorsSchema, ("actor_id",), description="One row per canonical actor."),
        TableSpec(
            "mentions",
            MentionsSchema,
            ("mention_id",),
            (_DOC, _SENT, _actor("actor_id")),
            "One row per resolved actor mention.",
        ),
        TableSpec(
            "events",
            EventsSchema,
            ("event_id",),
            (_DOC, _SENT, _actor("source_actor_id"), _actor("target_actor_id")),
            "Who did what to whom, when (PLOVER types).",
        ),
        TableSpec(
            "claims",
            ClaimsSchema,
            ("claim_id",),
            (_DOC, _SENT, _actor("claimant_actor_id")),
            "Assertions that could be true or false, with their claimant.",
        ),
        TableSpec(
            "recommendations",
            RecommendationsSchema,
            ("recommendation_id",),
            (_DOC, _SENT, _actor("recommender_actor_id"), _actor("addressee_actor_id")),
            "Prescriptive statements: someone should do something.",
        ),
        TableSpec(
            "rejected", RejectedSchema, ("source_name",), description="Input files that became no document."
        ),
    )
}

__all__ = ["SCHEMA_VERSION", "TABLES", "ForeignKey", "TableSpec"]
