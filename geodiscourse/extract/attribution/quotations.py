"""Quotations without a reporting verb of their own.

BBC style re-opens a quotation at each sentence or paragraph that continues it, so
most quoted sentences name no speaker: they take the speaker of the verb that
introduced the quotation (which may stand in another sentence), of a verbless
introduction before a colon ("His central point: '...'"), or of the sentence just
before. These rules work on quotation segments across sentences, unlike the
sentence-bound verb patterns.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from geodiscourse.extract.attribution.blocks import lead_in_speaker
from geodiscourse.extract.attribution.lexicon import reporting_lexicon
from geodiscourse.extract.attribution.spans import (
    EDGE_CHARS,
    FINITE_TAGS,
    Attribution,
    Report,
    child,
    make_report,
    trimmed,
)
from geodiscourse.nlp.context import DocContext
from geodiscourse.nlp.quotations import QuoteSegment
from geodiscourse.nlp.text import span_text, span_tokens


def quote_pieces(sent: Span, segments: list[QuoteSegment]) -> list[tuple[int, int]]:
    """The parts of quotation segments that fall in the sentence, trimmed."""
    pieces = []
    for seg in segments:
        start, end = max(seg.start, sent.start_char), min(seg.end, sent.end_char)
        if start < end:
            span = trimmed(sent, start, end)
            if span is not None:
                pieces.append(span)
    return pieces


def is_clausal(doc: Doc, sent: Span, piece: tuple[int, int]) -> bool:
    """Is a quoted piece someone's statement rather than a scare-quoted phrase? A
    command counts: a quotation that opens with a bare verb ('"Stop the war now"')."""
    words = [t for t in span_tokens(sent) if piece[0] <= t.idx < piece[1]]
    if any(t.tag_ in FINITE_TAGS for t in words):
        return True
    if len(words) > 1 and words[0].tag_ == "VB" and words[0].text[:1].isupper():
        return True
    return (piece[1] - piece[0]) >= 0.6 * len(span_text(sent))


def _colon_speaker(sent: Span, piece: tuple[int, int]) -> Token | None:
    """'His central point: "..."' -> His (the possessor), else the phrase's head."""
    before = [t for t in span_tokens(sent) if t.idx < piece[0] and not t.is_quote]
    if not before or before[-1].text != ":" or any(t.pos_ in ("VERB", "AUX") for t in before):
        return None
    head = next((t for t in before if t.head.i == t.i or t.head.idx >= piece[0]), None)
    if head is None or head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return child(head, "poss") or head


def _frame_verb(sent: Span, piece: tuple[int, int]) -> Token | None:
    """The reporting verb of a quotation frame that splits a quotation around its speaker
    ("'George,' Putin said, 'you have to understand ...'"): a speech verb with a subject
    right after the quoted piece (past a comma and a closing quote), outside any quote, with
    no clausal complement of its own."""
    speech = reporting_lexicon().speech | reporting_lexicon().quote_only
    after = [t for t in span_tokens(sent) if t.idx >= piece[1]]
    words = [t for t in after if not (t.is_punct or t.is_quote)][:4]
    for token in words:
        if token.lemma_.lower() in speech and token.pos_ == "VERB" and child(token, "nsubj") is not None:
            if any(c.dep_ == "ccomp" and c.idx >= token.idx for c in token.children if not c.is_quote):
                return None
            return token
    return None


def _frame_after(ctx: DocContext, index: int, piece: tuple[int, int]) -> Token | None:
    """The frame of a quotation that ends its sentence, when the parser put the frame in a
    sentence of its own ('"... down your back?" | Thompson asked, holding up the folder.')."""
    sent = ctx.sentences[index]
    if index + 1 >= len(ctx.sentences) or span_text(sent)[piece[1] - sent.start_char :].strip(EDGE_CHARS):
        return None
    following = ctx.sentences[index + 1]
    if any(t.is_quote for t in following):
        return None  # a quotation of its own follows
    return _frame_verb(following, (following.start_char, following.start_char))


def attribute_quotations(
    ctx: DocContext, segments: list[QuoteSegment], found: dict[int, list[Report]]
) -> None:
    """Give each quotation's speaker to the sentences of it that have none."""
    starts = [s.start_char for s in ctx.sentences]
    by_group: dict[int, list[tuple[int, tuple[int, int]]]] = {}
    for seg in segments:
        first = max(0, bisect_right(starts, seg.start) - 1)
        for index in range(first, len(ctx.sentences)):
            sent = ctx.sentences[index]
            if sent.start_char >= seg.end:
                break
            for piece in quote_pieces(sent, [seg]):
                by_group.setdefault(seg.group, []).append((index, piece))
    for pieces in by_group.values():
        speaker = _quotation_speaker(ctx, pieces, found)
        if speaker is None:
            continue
        for index, piece in pieces:
            sent = ctx.sentences[index]
            if any(_overlaps(r.attribution, piece) for r in found.get(index, [])):
                continue
            if not is_clausal(ctx.doc, sent, piece):
                continue
            attribution = Attribution(speaker.speaker_text, speaker.speaker_actor_id, "quote", *piece)
            found.setdefault(index, []).append(Report(attribution, None))


def _overlaps(attribution: Attribution, piece: tuple[int, int]) -> bool:
    return attribution.content_start < piece[1] and piece[0] < attribution.content_end


def _quotation_speaker(
    ctx: DocContext, pieces: list[tuple[int, tuple[int, int]]], found: dict[int, list[Report]]
) -> Attribution | None:
    for index, piece in pieces:
        for report in found.get(index, []):
            if report.attribution.speaker_text is not None and _overlaps(report.attribution, piece):
                return report.attribution
    first, first_piece = pieces[0]
    sent = ctx.sentences[first]
    head = _colon_speaker(sent, first_piece)
    if head is not None:
        made = make_report(ctx, head, "quote", first_piece, None)
        return None if made is None else made.attribution
    for index, piece in pieces:
        verb = _frame_verb(ctx.sentences[index], piece)
        if verb is None and (index, piece) == pieces[-1]:
            verb = _frame_after(ctx, index, piece)
        if verb is not None:
            made = make_report(ctx, child(verb, "nsubj"), "quote", piece, verb.i)
            return None if made is None else made.attribution
    # a quotation that opens its sentence continues the speaker of the sentence before its
    # first one (a quotation of several sentences looks back from where it starts)
    opens_sentence = not span_text(sent)[: first_piece[0] - sent.start_char].strip(EDGE_CHARS)
    previous = found.get(first - 1, [])
    if opens_sentence and first > 0 and not found.get(first):
        named = [r.attribution for r in previous if r.attribution.speaker_text is not None]
        if named:
            return named[-1]
        lead = lead_in_speaker(ctx, ctx.sentences[first - 1])
        if lead is not None:
            made = make_report(ctx, lead, "quote", first_piece, None)
            return None if made is None else made.attribution
    return None
