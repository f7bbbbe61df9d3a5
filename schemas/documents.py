"""The documents table: one row per article, with metadata read from its text."""

from __future__ import annotations

import datetime
from typing import Annotated

import pandera.polars as pa
import polars as pl


class DocumentsSchema(pa.DataFrameModel):
    """One row per article that became a document."""

    doc_id: str = pa.Field(
        unique=True,
        str_length={"min_value": 16, "max_value": 16},
        description="First 16 hex digits of the sha256 of the raw file's bytes; stable across releases.",
    )
    source_name: str = pa.Field(
        unique=True, description="The raw file's path relative to the raw folder, with / separators."
    )
    title: str = pa.Field(nullable=True, description="The headline; null where the text has none.")
    author: str = pa.Field(nullable=True, description="The byline's person, without 'by' or their role.")
    outlet: str = pa.Field(nullable=True, description="The publication, where the text names it.")
    published_date: datetime.date = pa.Field(
        nullable=True,
        description="Publication date stated in the text; null when unknown (never a run or file date).",
    )
    clean_text: str = pa.Field(
        description="The article body without navigation, byline, dateline, boilerplate, source list or pull quotes."
    )
    cited_urls: Annotated[pl.List, pl.Utf8()] = pa.Field(
        description="URLs the article lists as its sources, in order."
    )
    duplicate_names: Annotated[pl.List, pl.Utf8()] = pa.Field(
        description="Other raw files with exactly the same bytes (they become no documents of their own)."
    )
    encoding: str = pa.Field(
        description="How the raw bytes were decoded: utf-8, or the fallback used (cp1252, latin-1)."
    )
    source_format: str = pa.Field(
        isin=["text", "html"],
        description="text, or html when the page's main text was extracted by trafilatura.",
    )
    url: str = pa.Field(nullable=True, description="The article's URL, from the metadata sidecar.")
    language: str = pa.Field(
        str_length={"min_value": 2, "max_value": 3},
        description="Language of the clean text (ISO 639-1): en, since other languages are rejected.",
    )
    date_source: str = pa.Field(
        nullable=True,
        isin=["text", "metadata"],
        description="Where published_date came from: text (the file) or metadata (the sidecar); null without a date.",
    )

    class Config:
        strict = True
        coerce = False
