"""One parsed document to rows of every extracted table.

Actor resolution runs first, then coreference (pronouns, "the government") once for the
whole document; the mentions table and every other extractor read the one DocContext
they make, so the tables agree on who is who and every actor an event, claim or
recommendation names stands behind a mention row. Attribution of reported
speech is computed once and shared by claims and recommendations.
"""

from __future__ import annotations

import datetime
from typing import Any

from spacy.tokens import Doc

from geodiscourse.core.ids import row_id
from geodiscourse.core.rows import MentionRow, SentenceRow
from geodiscourse.core.timing import StageTimer
from geodiscourse.dates.full_dates import full_date_rules
from geodiscourse.dates.patterns import date_rules
from geodiscourse.extract.actors.gazetteer import name_abbreviations
from geodiscourse.extract.actors.lexicon import load_lexicon
from geodiscourse.extract.actors.organisations import not_organisations
from geodiscourse.extract.actors.resolve import resolve_mentions
from geodiscourse.extract.attribution import attributions_for_document
from geodiscourse.extract.attribution.lexicon import reporting_lexicon
from geodiscourse.extract.calibration import calibrate_rows, calibration_points
from geodiscourse.extract.claims import extract_claims
from geodiscourse.extract.claims.cues import claim_cues
from geodiscourse.extract.coreference import resolve_coreference
from geodiscourse.extract.coreference.discourse import anaphoric_heads
from geodiscourse.extract.events import extract_events
from geodiscourse.extract.events.compiled import compiled_verbs
from geodiscourse.extract.events.evaluations import evaluation_rules
from geodiscourse.extract.events.lexicon import compiled_nouns, modality_rules, plover_lexicon
from geodiscourse.extract.events.obligations import obligation_words
from geodiscourse.extract.quantities import number_lexicon
from geodiscourse.extract.recommendations import extract_recommendations
from geodiscourse.extract.recommendations.lexicon import load_rules
from geodiscourse.nlp.context import DocContext, non_state_heads
from geodiscourse.nlp.text import forget_tokens, span_text


def load_extraction_rules() -> None:
    """Read and compile every rule file and lexicon the extractors use, once per process.

    Each is cached on first use, so without this the first document a worker extracts
    pays for all of them (about two seconds, mostly the actor lexicons) inside its
    extraction stages. A worker calls it when it loads the spaCy model, so the cost is
    counted where it belongs, with loading; extraction figures then measure extraction.
    """
    for load in (
        load_lexicon,
        name_abbreviations,
        anaphoric_heads,
        not_organisations,
        non_state_heads,
        reporting_lexicon,
        compiled_verbs,
        plover_lexicon,
        compiled_nouns,
        modality_rules,
        evaluation_rules,
        obligation_words,
        claim_cues,
        load_rules,
        number_lexicon,
        date_rules,
        full_date_rules,
        calibration_points,
    ):
        load()


def sentence_rows(ctx: DocContext) -> list[SentenceRow]:
    return [
        SentenceRow(
            sentence_id=ctx.sentence_id(sent),
            doc_id=ctx.doc_id,
            position=position,
            char_start=sent.start_char,
            char_end=sent.end_char,
            text=span_text(sent),
        )
        for position, sent in enumerate(ctx.sentences)
    ]


def mention_rows(ctx: DocContext) -> list[MentionRow]:
    """Mentions that lie inside a sentence (a mention across a sentence break, which
    the parser can produce around headings, cannot point at one sentence: dropped)."""
    rows: list[MentionRow] = []
    for mention in ctx.mentions:
        sent = ctx.sentence_of(ctx.doc[mention.token_start])
        if sent is None or mention.char_end > sent.end_char:
            continue
        rows.append(
            MentionRow(
                mention_id=row_id("m", ctx.doc_id, mention.char_start, mention.char_end, mention.actor_id),
                doc_id=ctx.doc_id,
                sentence_id=ctx.sentence_id(sent),
                actor_id=mention.actor_id,
                char_start=mention.char_start,
                char_end=mention.char_end,
                text=mention.text,
                method=mention.method,
            )
        )
    return rows


def extract_document(
    doc_id: str, doc: Doc, published_date: datetime.date | None, timer: StageTimer | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Rows by table name (sentences, mentions, actors, events, claims, recommendations)."""
    try:
        return _extract(doc_id, doc, published_date, timer or StageTimer())
    finally:
        forget_tokens(doc)  # the shared token list must not travel with the document


def _extract(
    doc_id: str, doc: Doc, published_date: datetime.date | None, timer: StageTimer
) -> dict[str, list[dict[str, Any]]]:
    with timer.stage("actors"):
        resolution = resolve_mentions(doc, published_date)
        ctx = DocContext(doc_id, doc, published_date, resolution.mentions, resolution.actors)
    with timer.stage("coreference"):
        ctx = resolve_coreference(ctx)
        mentions = mention_rows(ctx)
    with timer.stage("attribution"):
        attributions = attributions_for_document(ctx)
    with timer.stage("events"):
        events = extract_events(ctx, attributions)
    with timer.stage("recommendations"):
        recommendations = extract_recommendations(ctx, attributions)
    with timer.stage("claims"):  # reported advice is a recommendation, not a claim
        claims = extract_claims(ctx, attributions, recommendations=recommendations)
    # raw rule scores become measured precision (rules/quality/calibration.json); claims
    # were picked above on their raw scores
    calibrate_rows("events", events)
    calibrate_rows("claims", claims)
    calibrate_rows("recommendations", recommendations)
    used = {m["actor_id"] for m in mentions}
    for row in events:
        used.update(a for a in (row["source_actor_id"], row["target_actor_id"]) if a)
    for claim in claims:
        used.update(a for a in (claim["claimant_actor_id"],) if a)
    for rec in recommendations:
        used.update(a for a in (rec["recommender_actor_id"], rec["addressee_actor_id"]) if a)
    actors = [dict(resolution.actors[a]) for a in sorted(used) if a in resolution.actors]
    return {
        "sentences": [dict(r) for r in sentence_rows(ctx)],
        "mentions": [dict(r) for r in mentions],
        "actors": actors,
        "events": [dict(r) for r in events],
        "claims": [dict(r) for r in claims],
        "recommendations": [dict(r) for r in recommendations],
    }
