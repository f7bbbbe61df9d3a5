"""Report frames that are no reporting verb with a clausal complement.

Web commentary attributes views in more ways than "X said that ...", and a claimant
lost there becomes the author's claim. Four frames, each giving the speaker and the
content span as the verb patterns do (``spans.make_report``):

- "In Putin's view, Ukraine is not a country": the possessor of a view noun speaks the
  clause the phrase hangs on;
- "Russia is, as the strategy terms it, an acute threat": the subject of a parenthetical
  "as" clause speaks the rest of the sentence;
- "Biden made it clear that the US would defend Taiwan": "make (it) clear that" states
  its clause;
- "The Kremlin touts the deal as a victory": a presenting verb with "as" claims its
  object is what follows.

The word lists are in rules/attribution/reporting_verbs.yaml.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from geodiscourse.extract.attribution.lexicon import ReportingLexicon
from geodiscourse.extract.attribution.spans import Report, child, make_report, token_span
from geodiscourse.nlp.context import DocContext
from geodiscourse.nlp.text import span_tokens


def frame_reports(ctx: DocContext, sent: Span, lex: ReportingLexicon, quoted: bytearray) -> list[Report]:
    """The sentence's reports cued by one of the frames above, outside quotation marks."""
    reports: list[Report] = []
    for token in span_tokens(sent):
        if quoted[token.i]:
            continue
        report = (
            _view(ctx, sent, token, lex)
            or _as_frame(ctx, sent, token, lex)
            or _made_clear(ctx, sent, token, lex)
            or _presented(ctx, sent, token, lex)
        )
        if report is not None:
            reports.append(report)
    return reports


def _rest_of_clause(sent: Span, head: Token, skip: Token) -> tuple[int, int] | None:
    """The span of ``head``'s clause without the phrase ``skip`` heads (and its commas)."""
    lo, hi = max(head.left_edge.i, sent.start), min(head.right_edge.i, sent.end - 1)
    if skip.left_edge.i <= lo:
        return token_span(sent.doc, skip.right_edge.i + 1, hi, sent)
    if skip.right_edge.i >= hi:
        return token_span(sent.doc, lo, skip.left_edge.i - 1, sent)
    return token_span(sent.doc, lo, hi, sent)


def _view(ctx: DocContext, sent: Span, token: Token, lex: ReportingLexicon) -> Report | None:
    """ "In X's view, ..." -> X; the prepositional phrase must open the clause."""
    if token.lower_ != "in" or token.dep_ != "prep":
        return None
    noun = child(token, "pobj")
    owner = None if noun is None else child(noun, "poss")
    if noun is None or owner is None or noun.lemma_.lower() not in lex.view_nouns:
        return None
    head = token.head
    if head.pos_ not in ("VERB", "AUX") or token.i > head.i:
        return None
    return make_report(ctx, owner, f"in {noun.lower_}", _rest_of_clause(sent, head, token), token.i)


def _as_frame(ctx: DocContext, sent: Span, token: Token, lex: ReportingLexicon) -> Report | None:
    """ "..., as X terms it, ..." -> X speaks the sentence."""
    if token.lemma_.lower() not in lex.as_frame_verbs or not (
        token.tag_.startswith("VB") or token.dep_ == "advcl"
    ):
        return None
    mark = child(token, "mark")
    subject = child(token, "nsubj")
    if mark is None or mark.lower_ != "as" or subject is None or token.dep_ not in ("advcl", "parataxis"):
        return None
    if subject.lower_ in ("i", "we"):
        return None  # the author's own words
    # the parenthetical stays in the content: the parser often hangs the sentence's own
    # complement on it ("as the strategy terms it, an acute threat")
    span = token_span(sent.doc, sent.start, sent.end - 1, sent)
    return make_report(ctx, subject, "as " + token.lower_, span, token.i)


def _made_clear(ctx: DocContext, sent: Span, token: Token, lex: ReportingLexicon) -> Report | None:
    """ "X made (it) clear that ..." -> X states the that-clause."""
    if token.lemma_.lower() != "make" or token.pos_ != "VERB":
        return None
    subject = child(token, "nsubj")
    clear = next(
        (
            c
            for c in token.children
            if c.lower_ in lex.clarity_adjectives and c.dep_ in ("ccomp", "oprd", "acomp")
        ),
        None,
    )
    if subject is None or clear is None:
        return None
    clause = next(
        (
            c
            for c in [*clear.children, *token.children]
            if c.dep_ in ("advcl", "ccomp") and child(c, "mark") is not None
        ),
        None,
    )
    if clause is None or not any(m.lower_ == "that" for m in clause.children if m.dep_ == "mark"):
        return None
    span = token_span(sent.doc, clause.left_edge.i, min(clause.right_edge.i, sent.end - 1), sent)
    return make_report(ctx, subject, "made clear", span, token.i)


def _presented(ctx: DocContext, sent: Span, token: Token, lex: ReportingLexicon) -> Report | None:
    """ "X touts the deal as a victory" -> X claims the deal is a victory."""
    if token.lemma_.lower() not in lex.presenting_verbs or token.pos_ != "VERB":
        return None
    subject = child(token, "nsubj")
    obj = child(token, "dobj")
    as_phrase = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    if subject is None or obj is None or as_phrase is None:
        return None
    span = token_span(sent.doc, obj.left_edge.i, min(as_phrase.right_edge.i, sent.end - 1), sent)
    return make_report(ctx, subject, token.lower_, span, token.i)
