"""The rejected table: every input file that became no document, and why."""

from __future__ import annotations

import pandera.polars as pa

REJECT_REASONS = ["empty", "binary", "encoding", "too_large", "not_english", "unreadable", "no_content"]


class RejectedSchema(pa.DataFrameModel):
    """One row per rejected input file; empty when nothing was rejected."""

    source_name: str = pa.Field(unique=True, description="The raw file's path relative to the raw folder.")
    sha256: str = pa.Field(
        str_matches=r"^([0-9a-f]{64})?$", description="sha256 of the raw bytes (empty when unreadable)."
    )
    reason: str = pa.Field(isin=REJECT_REASONS, description="Short code: " + ", ".join(REJECT_REASONS) + ".")
    detail: str = pa.Field(description="One sentence an operator can act on.")

    class Config:
        strict = True
        coerce = False
