"""What kind of claim: predictive, causal, evaluative or factual.

The first family that matches wins, in the guidelines' order: a prediction about a
cause ("sanctions will lead to ...") is filed as predictive. "would" makes a claim
predictive only as the future of a past report ("he said the ban would be lifted");
elsewhere it is conditional ("it would be troubling if ...") and left to the other cues.
"""

from __future__ import annotations

from spacy.tokens import Span

from geodiscourse.extract.claims.cues import claim_cues, folded

CLAIM_TYPES = ("predictive", "causal", "evaluative", "factual")


def claim_type(span: Span, future_in_past: bool = False, predictive_cue: bool = False) -> str:
    """``future_in_past``: the span is reported by a past-tense verb; ``predictive_cue``:
    by a verb of foresight ("he expects it to be lifted")."""
    cues = claim_cues()
    if predictive_cue:
        return "predictive"
    text = folded(span.text)
    modals = {t.lower_ for t in span if t.tag_ == "MD"}
    if modals & cues.predictive_modals or cues.predictive.in_span(span, text):
        return "predictive"
    if future_in_past and "would" in modals and " if " not in f" {text} ":
        return "predictive"
    if cues.causal.in_span(span, text):
        return "causal"
    if any(t.pos_ in ("ADJ", "ADV", "NOUN", "VERB") and t.lower_ in cues.evaluative.words for t in span):
        return "evaluative"
    if cues.evaluative.phrases is not None and cues.evaluative.phrases.search(text):
        return "evaluative"
    return "factual"
