"""Embedded tweets: the paragraph before "— Donald J. Trump (@realDonaldTrump) April 2,
2018" is the tweeter's words.

Web articles paste tweets as a paragraph that ends with the embed's signature: a dash,
the account's display name, its handle in brackets and the date. No reporting verb
introduces them, so without this pattern every tweet reads as the author's claim (and
its advice as the author's). The speaker is the display name (its actor where actor
resolution found one there); the content, each sentence of the paragraph up to the
signature.
"""

from __future__ import annotations

import re

from geodiscourse.extract.attribution.spans import Attribution, Report, trimmed
from geodiscourse.nlp.context import DocContext
from geodiscourse.nlp.text import doc_text

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: The signature of an embedded tweet: "— Name (@handle) Month D, YYYY".
SIGNATURE = re.compile(
    r"[\u2014\u2013-]\s*(?P<name>[^\n\u2014\u2013()@]{1,60}?)\s*\(@\w{1,30}\)\s*(?:"
    + _MONTHS
    + r")\s+\d{1,2},\s+\d{4}"
)


def tweet_reports(ctx: DocContext) -> dict[int, list[Report]]:
    """Reports of the sentences of each embedded tweet, keyed by sentence index."""
    text = doc_text(ctx.doc)
    found: dict[int, list[Report]] = {}
    for match in SIGNATURE.finditer(text):
        body_start = text.rfind("\n", 0, match.start()) + 1
        name_start, name_end = match.span("name")
        speaker_text = text[name_start:name_end].strip()
        speaker = _actor_at(ctx, name_start, name_end)
        for index, sent in enumerate(ctx.sentences):
            if sent.end_char <= body_start or sent.start_char >= match.start():
                continue
            span = trimmed(sent, max(sent.start_char, body_start), min(sent.end_char, match.start()))
            if span is None:
                continue
            found.setdefault(index, []).append(
                Report(Attribution(speaker_text, speaker, "tweet", *span), None)
            )
    return found


def _actor_at(ctx: DocContext, start: int, end: int) -> str | None:
    """The actor of a mention lying inside the signature's name."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    return next((m.actor_id for m in ctx.mentions_in(span)), None)
