"""The events table: who did what to whom, when, typed with PLOVER."""

from __future__ import annotations

import datetime
from typing import Annotated

import pandera.polars as pa
import polars as pl

from geodiscourse.schemas.plover_vocabulary import ALL_MODES, PLOVER_CONTEXTS, PLOVER_MODES

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
#: "TYPE:mode" for each mode the PLOVER codebook lists under each type.
_TYPE_MODES = [f"{event_type}:{mode}" for event_type, modes in PLOVER_MODES.items() for mode in modes]


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
    event_mode: str = pa.Field(
        nullable=True,
        isin=ALL_MODES,
        description=(
            "PLOVER mode, one the codebook lists for this event_type ('visit' for CONSULT, 'arrest' "
            "for COERCE); null when unknown or the type has none."
        ),
    )
    event_contexts: Annotated[pl.List, pl.Utf8()] = pa.Field(
        nullable=False,
        description=(
            "PLOVER general contexts that apply (list of str: 'military', 'economic', ...), as far as "
            "the matched pattern determines them; empty when none."
        ),
    )
    trigger: str = pa.Field(description="The word(s) that express the event.")
    char_start: int = pa.Field(ge=0, description="Start offset of the trigger in clean_text.")
    char_end: int = pa.Field(ge=1, description="End offset of the trigger in clean_text (exclusive).")
    confidence: float = pa.Field(
        ge=0.0,
        le=1.0,
        description="Calibrated confidence in [0, 1]: the share of rows like it found right on the gold sets (rules/quality/calibration.json); filter on it to trade recall for precision.",
    )

    @pa.check("event_contexts", name="contexts_in_plover")
    @classmethod
    def _contexts_in_plover(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """Every element is one of PLOVER's general contexts (a null element is not)."""
        known = pl.element().is_in(PLOVER_CONTEXTS).fill_null(False)
        return data.lazyframe.select(pl.col(data.key).list.eval(known).list.all())

    @pa.dataframe_check(name="event_mode_of_event_type")
    @classmethod
    def _mode_of_type(cls, data: pa.PolarsData) -> pl.LazyFrame:
        """event_mode, when given, is one of the modes PLOVER lists for the row's event_type."""
        pair = pl.concat_str(pl.col("event_type"), pl.lit(":"), pl.col("event_mode"))
        return data.lazyframe.select(pl.col("event_mode").is_null() | pair.is_in(_TYPE_MODES))

    class Config:
        strict = True
        coerce = False
