"""Typed rows, one TypedDict per release table, before they become DataFrames.

Extractors return lists of these; ``geodiscourse.core.tables`` turns them into polars
frames with exactly the dtypes of the pandera models in ``schemas/``. Keeping the rows
typed lets mypy catch a misspelt column long before pandera would.
"""

from __future__ import annotations

import datetime
from typing import TypedDict


class DocumentRow(TypedDict):
    doc_id: str
    source_name: str
    title: str | None
    author: str | None
    outlet: str | None
    published_date: datetime.date | None
    clean_text: str
    cited_urls: list[str]
    duplicate_names: list[str]
    encoding: str
    source_format: str
    url: str | None
    language: str
    date_source: str | None


class SentenceRow(TypedDict):
    sentence_id: str
    doc_id: str
    position: int
    char_start: int
    char_end: int
    text: str


class ActorRow(TypedDict):
    actor_id: str
    name: str
    kind: str
    country: str | None
    sector: str | None


class MentionRow(TypedDict):
    mention_id: str
    doc_id: str
    sentence_id: str
    actor_id: str
    char_start: int
    char_end: int
    text: str
    method: str


class EventRow(TypedDict):
    event_id: str
    doc_id: str
    sentence_id: str
    event_type: str
    source_actor_id: str | None
    target_actor_id: str | None
    date_start: datetime.date | None
    date_end: datetime.date | None
    date_precision: str | None
    date_text: str | None
    modality: str
    event_mode: str | None
    event_contexts: list[str]
    trigger: str
    char_start: int
    char_end: int
    confidence: float


class Quantity(TypedDict):
    value: float
    unit: str
    text: str


class ClaimRow(TypedDict):
    claim_id: str
    doc_id: str
    sentence_id: str
    text: str
    is_author: bool
    claimant_actor_id: str | None
    claimant_text: str | None
    claim_type: str
    hedged: bool
    quantities: list[Quantity]
    char_start: int
    char_end: int
    confidence: float


class RecommendationRow(TypedDict):
    recommendation_id: str
    doc_id: str
    sentence_id: str
    text: str
    recommender_actor_id: str | None
    recommender_text: str | None
    addressee_actor_id: str | None
    action: str
    modal: str
    strength: str
    condition: str | None
    char_start: int
    char_end: int
    confidence: float


class RejectedRow(TypedDict):
    source_name: str
    sha256: str
    reason: str
    detail: str
