"""Claims: declarative statements that could be true or false, and who makes them.

Grain: one row per claim a sentence makes. A sentence in the author's voice is one
claim (its text is the sentence). A sentence that reports speech or belief gives one
row per report, whose text is the reported content and whose claimant is the speaker
("the embargo is likely to be lifted ...", claimant "UK Foreign Secretary Jack
Straw"), plus one author row for each coordinated main clause the author asserts
alongside ("Britain has been more cautious, but Mr Straw said ..."). For negative
reports ("advisers denied global warming is taking place") the text keeps the verb, so
it reads as what the claimant asserts.

Confidence (the scorer and analysts take the most confident claim of a sentence): a raw
score by the kind of row (``_RAW``: a resolved speaker's report above the author's
sentence above an unresolved speaker's, and so on; see ``_confidence``), which
bench/calibration.py maps to measured precision.
"""

from __future__ import annotations

import logging

from spacy.tokens import Span, Token

from geodiscourse.core.ids import row_id
from geodiscourse.core.rows import ClaimRow, RecommendationRow
from geodiscourse.extract.attribution import Attribution, attributions_for_document, reporting_lexicon
from geodiscourse.extract.attribution.spans import trim_edges
from geodiscourse.extract.claims.cues import claim_cues
from geodiscourse.extract.claims.filters import claim_gate, is_advice, sentence_gate
from geodiscourse.extract.claims.hedging import is_hedged
from geodiscourse.extract.claims.types import claim_type
from geodiscourse.extract.quantities import extract_quantities
from geodiscourse.extract.recommendations import extract_recommendations
from geodiscourse.nlp.context import DocContext
from geodiscourse.nlp.text import span_text, span_tokens

__all__ = ["extract_claims"]

log = logging.getLogger(__name__)

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its"})
#: Conjunctions left dangling at the end of a clause cut from a reporting sentence.
_DANGLING = (" but", " and", " or", " yet")


def _clip(ctx: DocContext, sent: Span, start: int, end: int) -> Span | None:
    start, end = max(start, sent.start_char), min(end, sent.end_char)
    if end <= start:
        return None
    return ctx.doc.char_span(start, end, alignment_mode="expand")


def _cue_token(sent: Span, report: Attribution) -> Token | None:
    """The reporting verb of a report, found outside its content."""
    last = report.cue.split()[-1] if report.cue else ""
    candidates = [
        t
        for t in span_tokens(sent)
        if t.lower_ == last and not (report.content_start <= t.idx < report.content_end)
    ]
    return min(candidates, key=lambda t: abs(t.idx - report.content_start), default=None)


def _confidence(report: Attribution | None, whole_sentence: bool, hedged: bool, span: Span) -> float:
    """A raw score whose order is that of the share of rows right on the dev gold sets
    (`bench/calibration.py` maps it to that share): a resolved speaker's report (0.91
    right), the author's whole sentence (0.72), a named speaker no actor stands for
    (0.50), an unnamed source, an author clause beside a report or a pronoun nothing
    resolves (0.00 to 0.13). Hedging barely changes the share (0.70 against 0.72 for the
    author, 0.90 against 0.91 for resolved speakers), nor does a speaker carried over from
    another sentence of a quotation (0.89) or a content under five words (0.82 for resolved
    speakers): they only break ties."""
    if report is None:
        score = _RAW["author sentence"] if whole_sentence else _RAW["author clause"]
    elif report.speaker_actor_id is not None:
        score = _RAW["resolved speaker"]
    elif report.speaker_text is None:
        score = _RAW["unnamed source"]
    elif report.speaker_text.lower() in _PRONOUNS:
        score = _RAW["unresolved pronoun"]
    else:
        score = _RAW["unresolved speaker"]
    if report is not None and report.cue == "quote":
        score -= _RAW["carried-over speaker"]
    if hedged:
        score -= _RAW["hedged"]
    if sum(1 for t in span if t.is_alpha) < 5:
        score -= _RAW["under five words"]
    return round(max(0.05, min(1.0, score)), 3)


#: Raw scores and deductions (see _confidence); the order between kinds is what matters.
_RAW = {
    "resolved speaker": 0.8,
    "author sentence": 0.75,
    "unresolved speaker": 0.62,
    "unnamed source": 0.5,
    "author clause": 0.5,
    "unresolved pronoun": 0.46,
    "carried-over speaker": 0.02,
    "hedged": 0.01,
    "under five words": 0.03,
}


def _row(
    ctx: DocContext, sent: Span, span: Span, report: Attribution | None, whole: bool, cue: Token | None = None
) -> ClaimRow:
    hedged = is_hedged(span)
    start, end = span.start_char, span.end_char
    return ClaimRow(
        claim_id=row_id("c", ctx.doc_id, start, end, "claim"),
        doc_id=ctx.doc_id,
        sentence_id=ctx.sentence_id(sent),
        text=span.text,
        is_author=report is None,
        claimant_actor_id=None if report is None else report.speaker_actor_id,
        claimant_text=None if report is None else report.speaker_text,
        claim_type=claim_type(
            span,
            future_in_past=cue is not None and cue.tag_ in ("VBD", "VBN"),
            predictive_cue=cue is not None and cue.lemma_.lower() in claim_cues().predictive.words,
        ),
        hedged=hedged,
        quantities=extract_quantities(span),
        char_start=start,
        char_end=end,
        confidence=_confidence(report, whole, hedged, span),
    )


def _trim_clause(sent: Span, start_char: int, end_char: int) -> tuple[int, int]:
    """Without edge punctuation and a dangling conjunction ("..., but")."""
    base = sent.start_char
    start, end = trim_edges(span_text(sent), start_char - base, end_char - base, _DANGLING)
    return base + start, base + end


def _is_accusation(ctx: DocContext, report: Attribution) -> bool:
    """An accusation's content opens with its verb ("accusing him of ..."): a report
    inside a clause the author still asserts ("Ms Sturgeon wrote to him, accusing ...")."""
    span = ctx.doc.char_span(report.content_start, report.content_end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].lemma_.lower() in reporting_lexicon().accusation


def _author_clauses(ctx: DocContext, sent: Span, reports: list[Attribution]) -> list[Span]:
    """Main clauses of a reporting sentence that the author asserts in their own voice."""
    if not reports:
        return [sent]
    lex = reporting_lexicon()
    root = sent.root
    heads = [root] + [
        c
        for c in root.children
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and sent.start <= c.i < sent.end
    ]
    out = []
    for head in heads:
        if head.i != root.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            continue  # "... but said ...": shares the root's subject, no clause of its own
        excluded = {t.i for h in heads if h.i != head.i and h.head.i == head.i for t in h.subtree}
        tokens = [t for t in head.subtree if t.i not in excluded and sent.start <= t.i < sent.end]
        if not tokens:
            continue
        first, last = tokens[0], tokens[-1]
        if any(r.content_start == head.idx for r in reports):
            continue  # "He accused X of Y": the clause is the accusation's report
        blocking = [r for r in reports if not _is_accusation(ctx, r)]
        if any(r.content_start < last.idx + len(last.text) and first.idx < r.content_end for r in blocking):
            continue
        # with accusations alone, the author asserts the clause around them ("X wrote, accusing ...")
        if blocking and any(
            t.lemma_.lower() in lex.verbs - lex.accusation or t.lower_ == "according" for t in tokens
        ):
            continue
        start, end = _trim_clause(sent, first.idx, last.idx + len(last.text))
        span = _clip(ctx, sent, start, end)
        if span is not None:
            out.append(span)
    return out


def _report_span(ctx: DocContext, sent: Span, report: Attribution) -> tuple[Span | None, Token | None]:
    """The claim span of a report and its reporting verb, if found."""
    cue = _cue_token(sent, report)
    start, end = report.content_start, report.content_end
    if cue is not None and cue.lemma_.lower() in reporting_lexicon().negative:
        start, end = min(start, cue.idx), max(end, cue.idx + len(cue.text))
    return _clip(ctx, sent, start, end), cue


def _advice_ranges(recommendations: list[RecommendationRow]) -> dict[str, list[tuple[int, int]]]:
    ranges: dict[str, list[tuple[int, int]]] = {}
    for rec in recommendations:
        ranges.setdefault(rec["sentence_id"], []).append((rec["char_start"], rec["char_end"]))
    return ranges


def extract_claims(
    ctx: DocContext,
    attributions: dict[int, list[Attribution]] | None = None,
    recommendations: list[RecommendationRow] | None = None,
) -> list[ClaimRow]:
    """The claims of one document, in text order. ``recommendations`` are the
    document's recommendation rows, computed here when not given."""
    if attributions is None:
        attributions = attributions_for_document(ctx)
    if recommendations is None:
        recommendations = extract_recommendations(ctx, attributions)
    advice = _advice_ranges(recommendations)
    rows: list[ClaimRow] = []
    for index, sent in enumerate(ctx.sentences):
        if sentence_gate(sent) is not None:
            continue
        reports = attributions.get(index, [])
        ranges = advice.get(ctx.sentence_id(sent), [])
        seen: set[tuple[int, int]] = set()
        for report in reports:
            span, cue = _report_span(ctx, sent, report)
            if span is None or (span.start_char, span.end_char) in seen or claim_gate(span, False):
                continue
            if cue is not None and cue.lemma_.lower() in claim_cues().question_verbs:
                continue  # "'What is happening there,' he asked": a question reported

            if is_advice(span, ranges):
                continue
            seen.add((span.start_char, span.end_char))
            rows.append(_row(ctx, sent, span, report, False, cue))
        for span in _author_clauses(ctx, sent, reports):
            whole = span.start_char == sent.start_char and span.end_char == sent.end_char
            if (span.start_char, span.end_char) in seen or claim_gate(span, whole or not reports):
                continue
            if is_advice(span, ranges):
                continue
            seen.add((span.start_char, span.end_char))
            rows.append(_row(ctx, sent, span, None, whole))
    rows.sort(key=lambda r: (r["char_start"], r["char_end"]))
    return rows
