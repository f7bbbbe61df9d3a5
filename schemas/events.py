"""The events table: who did what to whom, when, typed with PLOVER."""

from __future__ import annotations

import datetime

import pandera.polars as pa

PLOVER_TYPES = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
MODALITIES = ["asserted", "negated", "hypothetical"]
DATE_PRECISIONS = ["day", "month", "year", "decade"]


class EventsSchema(pa.DataFrameModel):
    """One row per event mention (the same real event in two sentences gives two rows)."""

    event_id: str = pa.Field(unique=True, description="Id derived from doc_id, trigger offsets and type.")
    doc_id: str = pa.Field(description="-> documents.doc_id.")
    sentence_id: str = pa.Field(description="-> sentences.sentence_id.")
    event_type: str = pa.Field(isin=PLOVER_TYPES, description="One of the 16 PLOVER types.")
    source_actor_id: str = pa.Field(nullable=True, description="The actor who acts -> actors.actor_id.")
    target_actor_id: str = pa.Field(nullable=True, description="The actor acted upon -> actors.actor_id.")
    date_start: datetime.date = pa.Field(
        nullable=True, description="Start of the interval the date expression denotes."
    )
    date_end: datetime.date = pa.Field(nullable=True, description="End of that interval (inclusive).")
    date_precision: str = pa.Field(
        nullable=True, isin=DATE_PRECISIONS, description="day, month, year or decade."
    )
    date_text: str = pa.Field(
        nullable=True, description="The date expression as written ('in 2008', 'last Tuesday')."
    )
    modality: str = pa.Field(isin=MODALITIES, description="asserted, negated or hypothetical.")
    trigger: str = pa.Field(description="The word(s) that express the event.")
    char_start: int = pa.Field(ge=0, description="Start offset of the trigger in clean_text.")
    char_end: int = pa.Field(ge=1, description="End offset of the trigger in clean_text (exclusive).")
    confidence: float = pa.Field(
        ge=0.0, le=1.0, description="Rule confidence in [0, 1]; filter on it to trade recall for precision."
    )

    class Config:
        strict = True
        coerce = False
