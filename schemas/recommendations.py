"""The recommendations table: prescriptive statements, who makes them and to whom."""

from __future__ import annotations

import pandera.polars as pa

STRENGTHS = ["strong", "moderate", "weak"]


class RecommendationsSchema(pa.DataFrameModel):
    """One row per recommendation (an item of a proposal list is one row)."""

    recommendation_id: str = pa.Field(unique=True, description="Id derived from doc_id and the offsets.")
    doc_id: str = pa.Field(description="-> documents.doc_id.")
    sentence_id: str = pa.Field(description="-> sentences.sentence_id.")
    text: str = pa.Field(description="The recommendation as written.")
    recommender_actor_id: str = pa.Field(
        nullable=True, description="-> actors.actor_id; null when the article's author recommends it."
    )
    recommender_text: str = pa.Field(
        nullable=True, description="The recommender as written, when not the author."
    )
    addressee_actor_id: str = pa.Field(
        nullable=True, description="-> actors.actor_id; who is told to act; null when nobody is named."
    )
    action: str = pa.Field(description="What the addressee should do.")
    modal: str = pa.Field(
        description="The expression that makes it prescriptive ('should', 'must', 'needs to')."
    )
    strength: str = pa.Field(
        isin=STRENGTHS, description="strong (must, need to), moderate (should), weak (could)."
    )
    condition: str = pa.Field(
        nullable=True, description="The condition attached ('if ...', 'on the condition that ...')."
    )
    char_start: int = pa.Field(ge=0, description="Start offset in clean_text.")
    char_end: int = pa.Field(ge=1, description="End offset in clean_text (exclusive).")
    confidence: float = pa.Field(
        ge=0.0,
        le=1.0,
        description="Calibrated confidence in [0, 1]: the share of rows like it found right on the gold sets (rules/quality/calibration.json).",
    )

    class Config:
        strict = True
        coerce = False
