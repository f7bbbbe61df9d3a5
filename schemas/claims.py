"""The claims table: assertions that could be true or false, and who makes them."""

from __future__ import annotations

from typing import Annotated

import pandera.polars as pa
import polars as pl

CLAIM_TYPES = ["factual", "causal", "predictive", "evaluative"]
QUANTITY = pl.Struct({"value": pl.Float64, "unit": pl.Utf8, "text": pl.Utf8})


class ClaimsSchema(pa.DataFrameModel):
    """One row per claim; reported claims carry their claimant."""

    claim_id: str = pa.Field(unique=True, description="Id derived from doc_id and the claim's offsets.")
    doc_id: str = pa.Field(description="-> documents.doc_id.")
    sentence_id: str = pa.Field(description="-> sentences.sentence_id.")
    text: str = pa.Field(description="The claim as written.")
    is_author: bool = pa.Field(description="True when the article's author asserts it; false when reported.")
    claimant_actor_id: str = pa.Field(
        nullable=True, description="-> actors.actor_id; the speaker or believer of a reported claim."
    )
    claimant_text: str = pa.Field(
        nullable=True, description="The claimant as written ('Many analysts', 'Mr Straw')."
    )
    claim_type: str = pa.Field(isin=CLAIM_TYPES, description="factual, causal, predictive or evaluative.")
    hedged: bool = pa.Field(
        description="True when the claim is qualified (may, might, could, appears, likely)."
    )
    quantities: Annotated[pl.List, QUANTITY] = pa.Field(
        description="Numbers the claim asserts: list of {value, unit, text}; empty when none."
    )
    char_start: int = pa.Field(ge=0, description="Start offset of the claim in clean_text.")
    char_end: int = pa.Field(ge=1, description="End offset of the claim in clean_text (exclusive).")
    confidence: float = pa.Field(
        ge=0.0,
        le=1.0,
        description="Calibrated confidence in [0, 1]: the share of rows like it found right on the gold sets (rules/quality/calibration.json).",
    )

    class Config:
        strict = True
        coerce = False
