"""Is a claim qualified? ("may", "might", "could", "appears", "likely", "it is not clear")

A hedge lowers the speaker's commitment to the claim, which analysts filter on. Modal
hedges count only as modal verbs (tag MD), so the month "May" and "military might" do
not; "would" (conditional), "can" (ability) and approximations of numbers ("about",
"an estimated") are not hedges.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from geodiscourse.extract.claims.cues import claim_cues, folded
from geodiscourse.nlp.text import span_text, span_words


def _is_modal_use(token: Token) -> bool:
    """A modal verb followed (past adverbs and 'not') by a bare verb: 'may come', 'could
    not undermine'; not 'military might has grown'."""
    doc = token.doc
    i = token.i + 1
    while i < len(doc) and doc[i].tag_ in ("RB", "RBR", "RBS"):
        i += 1
    return i < len(doc) and doc[i].tag_ == "VB"


def is_hedged(span: Span) -> bool:
    cues = claim_cues()
    if not cues.hedge_modals.isdisjoint(span_words(span)) and any(
        t.tag_ == "MD" and t.lower_ in cues.hedge_modals and _is_modal_use(t) for t in span
    ):
        return True
    return cues.hedges.in_span(span, folded(span_text(span)))
