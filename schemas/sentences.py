"""The sentences table: each document's clean_text split into sentences."""

from __future__ import annotations

import pandera.polars as pa


class SentencesSchema(pa.DataFrameModel):
    """One row per sentence; offsets index documents.clean_text, end exclusive."""

    sentence_id: str = pa.Field(unique=True, description="Id derived from doc_id and the sentence's offsets.")
    doc_id: str = pa.Field(description="The document -> documents.doc_id.")
    position: int = pa.Field(ge=0, description="0-based order of the sentence in its document.")
    char_start: int = pa.Field(ge=0, description="Start offset in clean_text.")
    char_end: int = pa.Field(ge=1, description="End offset in clean_text (exclusive).")
    text: str = pa.Field(description="The sentence as it stands in clean_text.")

    class Config:
        strict = True
        coerce = False
