"""The mentions table: every resolved mention of an actor, with its span."""

from __future__ import annotations

import pandera.polars as pa


class MentionsSchema(pa.DataFrameModel):
    """One row per resolved actor mention (pronouns resolved to an antecedent included)."""

    mention_id: str = pa.Field(unique=True, description="Id derived from doc_id, offsets and actor.")
    doc_id: str = pa.Field(description="-> documents.doc_id.")
    sentence_id: str = pa.Field(description="-> sentences.sentence_id.")
    actor_id: str = pa.Field(description="-> actors.actor_id.")
    char_start: int = pa.Field(ge=0, description="Start offset in clean_text.")
    char_end: int = pa.Field(ge=1, description="End offset in clean_text (exclusive).")
    text: str = pa.Field(description="The surface form as written ('the Kremlin', 'Putin', 'he').")
    method: str = pa.Field(
        isin=["gazetteer", "ner", "alias", "title", "pronoun"],
        description="How it was resolved: gazetteer entry, named entity, in-document alias, title, or pronoun.",
    )

    class Config:
        strict = True
        coerce = False
