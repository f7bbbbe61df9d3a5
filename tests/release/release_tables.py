"""One small, valid release built by hand, for every release test to break or publish.

``make_tables()`` returns the tables of one article with sentences, actors, mentions,
events (with PLOVER contexts, one with a mode), a claim with a quantity and a
recommendation, plus a rejected empty file; ``INPUTS`` are the raw files it stands for.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import polars as pl

from geodiscourse.core.ids import doc_id_for, row_id, sentence_id_for, sha256_hex
from geodiscourse.schemas import TABLES

RAW = (
    b"Russia and Ukraine signed a ceasefire in Minsk on Tuesday. "
    b"Putin said NATO must stop expanding eastwards.\n"
    b"About 90,000 troops remain near the border. The West imposed sanctions on Moscow."
)
CLEAN = RAW.decode("utf-8")
SOURCE, DUPLICATE, EMPTY = "001_test.txt", "copies/001_test.txt", "002_empty.txt"


@dataclass(frozen=True)
class Input:
    """What publish_release needs to know of a raw file (the pipeline's InputFile has these)."""

    source_name: str
    sha256: str
    size_bytes: int


INPUTS = (
    Input(SOURCE, sha256_hex(RAW), len(RAW)),
    Input(DUPLICATE, sha256_hex(RAW), len(RAW)),
    Input(EMPTY, sha256_hex(b""), 0),
)


def polars_schema(table: str) -> dict[str, Any]:
    return {name: col.dtype.type for name, col in TABLES[table].model.to_schema().columns.items()}


def frame(table: str, rows: list[dict[str, Any]]) -> pl.DataFrame:
    return pl.DataFrame(rows, schema=polars_schema(table), orient="row")


def _span(text: str, after: int = 0) -> tuple[int, int]:
    start = CLEAN.index(text, after)
    return start, start + len(text)


def make_tables(clean: str = CLEAN) -> dict[str, pl.DataFrame]:
    """A small valid release: one document, its three sentences and what they say."""
    doc = doc_id_for(RAW)
    sentence_texts = [
        "Russia and Ukraine signed a ceasefire in Minsk on Tuesday.",
        "Putin said NATO must stop expanding eastwards.",
        "About 90,000 troops remain near the border.",
        "The West imposed sanctions on Moscow.",
    ]
    sentences, sid = [], {}
    for position, text in enumerate(sentence_texts):
        start, end = _span(text)
        sid[position] = sentence_id_for(doc, start, end)
        sentences.append(
            {
                "sentence_id": sid[position],
                "doc_id": doc,
                "position": position,
                "char_start": start,
                "char_end": end,
                "text": text,
            }
        )

    def mention(text: str, actor: str, position: int, method: str = "gazetteer") -> dict[str, Any]:
        start, end = _span(text)
        return {
            "mention_id": row_id("m", doc, start, end, actor),
            "doc_id": doc,
            "sentence_id": sid[position],
            "actor_id": actor,
            "char_start": start,
            "char_end": end,
            "text": text,
            "method": method,
        }

    def event(
        trigger: str,
        etype: str,
        src: str | None,
        tgt: str | None,
        position: int,
        mode: str | None = None,
        contexts: list[str] | None = None,
    ) -> dict[str, Any]:
        contexts = [] if contexts is None else contexts
        start, end = _span(trigger)
        day = datetime.date(2014, 9, 9) if position == 0 else None  # the second event states no date
        return {
            "event_id": row_id("e", doc, start, end, etype),
            "doc_id": doc,
            "sentence_id": sid[position],
            "event_type": etype,
            "source_actor_id": src,
            "target_actor_id": tgt,
            "date_start": day,
            "date_end": day,
            "date_precision": "day" if day else None,
            "date_text": "on Tuesday" if day else None,
            "modality": "asserted",
            "event_mode": mode,
            "event_contexts": contexts,
            "trigger": trigger,
            "char_start": start,
            "char_end": end,
            "confidence": 0.8,
        }

    claim_start, claim_end = _span(sentence_texts[2])
    rec_start, rec_end = _span("NATO must stop expanding eastwards")
    return {
        "documents": frame(
            "documents",
            [
                {
                    "doc_id": doc,
                    "source_name": SOURCE,
                    "title": None,
                    "author": None,
                    "outlet": None,
                    "published_date": datetime.date(2014, 9, 10),
                    "clean_text": clean,
                    "cited_urls": ["https://example.org/source"],
                    "duplicate_names": [DUPLICATE],
                    "encoding": "utf-8",
                    "source_format": "text",
                    "url": "https://example.org/article",
                    "language": "en",
                    "date_source": "metadata",
                },
            ],
        ),
        "sentences": frame("sentences", sentences),
        "actors": frame(
            "actors",
            [
                {"actor_id": "NATO", "name": "NATO", "kind": "igo", "country": None},
                {"actor_id": "RUS", "name": "Russia", "kind": "state", "country": "RUS"},
                {"actor_id": "UKR", "name": "Ukraine", "kind": "state", "country": "UKR"},
                {"actor_id": "WEST", "name": "the West", "kind": "bloc", "country": None},
                {"actor_id": "vladimir-putin", "name": "Vladimir Putin", "kind": "person", "country": "RUS"},
            ],
        ),
        "mentions": frame(
            "mentions",
            [
                mention("Russia", "RUS", 0),
                mention("Ukraine", "UKR", 0),
                mention("Putin", "vladimir-putin", 1, "alias"),
                mention("NATO", "NATO", 1),
                mention("The West", "WEST", 3),
                mention("Moscow", "RUS", 3),
            ],
        ),
        "events": frame(
            "events",
            [
                event("signed a ceasefire", "AGREE", "RUS", "UKR", 0, contexts=["military"]),
                event("imposed sanctions", "SANCTION", "WEST", "RUS", 3, "discontinue", ["economic"]),
            ],
        ),
        "claims": frame(
            "claims",
            [
                {
                    "claim_id": row_id("c", doc, claim_start, claim_end),
                    "doc_id": doc,
                    "sentence_id": sid[2],
                    "text": sentence_texts[2],
                    "is_author": True,
                    "claimant_actor_id": None,
                    "claimant_text": None,
                    "claim_type": "factual",
                    "hedged": True,
                    "quantities": [{"value": 90000.0, "unit": "troops", "text": "90,000 troops"}],
                    "char_start": claim_start,
                    "char_end": claim_end,
                    "confidence": 0.7,
                },
            ],
        ),
        "recommendations": frame(
            "recommendations",
            [
                {
                    "recommendation_id": row_id("r", doc, rec_start, rec_end),
                    "doc_id": doc,
                    "sentence_id": sid[1],
                    "text": "NATO must stop expanding eastwards",
                    "recommender_actor_id": "vladimir-putin",
                    "recommender_text": "Putin",
                    "addressee_actor_id": "NATO",
                    "action": "stop expanding eastwards",
                    "modal": "must",
                    "strength": "strong",
                    "condition": None,
                    "char_start": rec_start,
                    "char_end": rec_end,
                    "confidence": 0.9,
                },
            ],
        ),
        "rejected": frame(
            "rejected",
            [
                {
                    "source_name": EMPTY,
                    "sha256": sha256_hex(b""),
                    "reason": "empty",
                    "detail": "The file is empty: delete it or replace it with the article's text.",
                },
            ],
        ),
    }
