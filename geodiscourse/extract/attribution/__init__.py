"""Who says what: attributing reported content to its speaker.

Claims and recommendations both ask, of every sentence, whether it is the author's
voice or reports someone else's words or beliefs, and whose. Answering it once, here,
keeps both tables agreeing on who said what. Four patterns are recognised:

- a reporting verb with a clausal complement, wherever the speaker stands ("X said
  ...", "..., X has said", "..., said a spokesman"), including passive raising ("X is
  said to believe ..." makes X the believer) and impersonal passives ("it is
  understood that ...", no named speaker): ``verbs``;
- "according to X, ..." and "per X, ...": here;
- direct quotations, attributed to the speaker of the verb that introduces them, which
  may stand in another sentence of the same quotation (BBC style re-opens a quote at
  each sentence or paragraph that continues it), or to the speaker of the sentence just
  before a quotation that has no speaker of its own: ``quotations``;
- a verbless introduction before a colon ("His central point: '...'"): ``quotations``;
- a paragraph with no quotation marks after a lead-in ending in a colon that names a
  speaker (a block quotation whose marks were lost): ``blocks``.

A reporting verb inside a quotation is part of the quoted words, and one inside the
content of another report is nested speech: neither makes an attribution of its own.
``spans`` builds the content span and speaker phrase all patterns share, ``lexicon``
loads the reporting-verb lists.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Span, Token

from geodiscourse.extract.attribution.blocks import attribute_blocks
from geodiscourse.extract.attribution.frames import frame_reports
from geodiscourse.extract.attribution.lexicon import ReportingLexicon, reporting_lexicon
from geodiscourse.extract.attribution.quotations import attribute_quotations, is_clausal, quote_pieces
from geodiscourse.extract.attribution.spans import Attribution, Report, child, make_report, token_span
from geodiscourse.extract.attribution.tweets import tweet_reports
from geodiscourse.extract.attribution.verbs import verb_reports
from geodiscourse.nlp.context import DocContext
from geodiscourse.nlp.quotations import QuoteSegment, quote_segments, quoted_tokens
from geodiscourse.nlp.text import doc_text, span_tokens

__all__ = ["Attribution", "ReportingLexicon", "attributions_for_document", "reporting_lexicon"]


def _per_source(token: Token, lex: ReportingLexicon) -> Token | None:
    """The source of "per Bannon, Moore served in Vietnam": "per" on a clause's verb with a
    name, pronoun or speaking noun, not a rate ("$50 per barrel")."""
    source = child(token, "pobj")
    if token.dep_ != "prep" or token.head.pos_ not in ("VERB", "AUX") or source is None:
        return None
    if source.pos_ in ("PROPN", "PRON") or source.lemma_.lower() in lex.speaker_nouns:
        return source
    return None


def _according_to(ctx: DocContext, sent: Span, lex: ReportingLexicon) -> list[Report]:
    """ "According to X, ..." and "per X, ..." reports."""
    reports = []
    for token in span_tokens(sent):
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            source = None if to is None else child(to, "pobj")
        elif token.lower_ == "per":
            source = _per_source(token, lex)
        else:
            continue
        if source is None:
            continue
        head = token.head
        lo, hi = max(head.left_edge.i, sent.start), min(head.right_edge.i, sent.end - 1)
        if token.left_edge.i <= lo:
            span = token_span(sent.doc, token.right_edge.i + 1, hi, sent)
        else:
            span = token_span(sent.doc, lo, token.left_edge.i - 1, sent)
        cue = "according to" if token.lower_ == "according" else "per"
        report = make_report(ctx, source, cue, span, token.i)
        if report is not None:
            reports.append(report)
    return reports


def attributions_for_document(ctx: DocContext) -> dict[int, list[Attribution]]:
    """Reported content of each sentence, keyed by its index in ``ctx.sentences``;
    sentences in the author's own voice have no entry."""
    lex = reporting_lexicon()
    segments = quote_segments(doc_text(ctx.doc))
    quoted = quoted_tokens(ctx.doc, segments)
    seg_starts = [s.start for s in segments]
    found: dict[int, list[Report]] = {}
    for index, sent in enumerate(ctx.sentences):
        near = _segments_in(segments, seg_starts, sent)
        pieces = [p for p in quote_pieces(sent, near) if is_clausal(ctx.doc, sent, p)]
        reports = verb_reports(ctx, sent, lex, quoted, pieces, near) + _according_to(ctx, sent, lex)
        covered = [r for r in reports if r.attribution.speaker_text is not None]
        reports += [
            r for r in frame_reports(ctx, sent, lex, quoted) if not any(_same_content(r, c) for c in covered)
        ]
        if reports:
            found[index] = reports
    for index, reports in tweet_reports(ctx).items():
        # a tweet's words are its tweeter's, unless a verb already reports them
        held = found.setdefault(index, [])
        held.extend(r for r in reports if not any(_same_content(r, h) for h in held))
    attribute_quotations(ctx, segments, found)
    attribute_blocks(ctx, found)
    return {
        index: sorted((r.attribution for r in reports), key=lambda a: (a.content_start, a.content_end))
        for index, reports in sorted(found.items())
        if reports
    }


def _same_content(one: Report, other: Report) -> bool:
    """Do two reports' contents overlap (a frame adds nothing where a verb already reports)?"""
    a, b = one.attribution, other.attribution
    return a.content_start < b.content_end and b.content_start < a.content_end


def _segments_in(segments: list[QuoteSegment], seg_starts: list[int], sent: Span) -> list[QuoteSegment]:
    """Segments overlapping a sentence (a quotation opened earlier may run into it)."""
    i = max(0, bisect_right(seg_starts, sent.start_char) - 1)
    out = []
    while i < len(segments) and segments[i].start < sent.end_char:
        if segments[i].end > sent.start_char:
            out.append(segments[i])
        i += 1
    return out
