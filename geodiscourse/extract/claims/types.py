"""What kind of claim: predictive, causal, evaluative or factual.

The first family that matches wins, in the guidelines' order: a prediction about a
cause ("sanctions will lead to ...") is filed as predictive. "would" makes a claim
predictive only as the future of a past report ("he said the ban would be lifted");
elsewhere it is conditional ("it would be troubling if ...") and left to the other cues.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from geodiscourse.extract.claims.cues import claim_cues, folded
from geodiscourse.nlp.text import span_text, span_words

CLAIM_TYPES = ("predictive", "causal", "evaluative", "factual")


#: Dependencies by which a word judges the predicate itself: "was brutal", "is a mistake",
#: "handled badly", "called it unjust".
_PREDICATE_DEPS = frozenset({"acomp", "attr", "advmod", "oprd", "xcomp", "ccomp"})
#: Heads whose own adjective judges the predicate: "was a brutal war", "waged a brutal war".
_PREDICATE_NOUN_DEPS = frozenset({"attr", "dobj", "oprd", "acomp"})


def _on_predicate(token: Token, span: Span) -> bool:
    """Does a judgement word qualify the claim's predicate, rather than name a thing inside
    it ("fair trade rules", "the Wrong Trousers")? The guidelines make a claim evaluative
    when a judgement word qualifies what is claimed."""
    root = span.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.i == root.i:
        return True
    head = token.head
    if token.dep_ in _PREDICATE_DEPS and head.pos_ in ("VERB", "AUX") and head.i in _clause_verbs(root):
        return True
    return (
        token.dep_ == "amod"
        and head.dep_ in _PREDICATE_NOUN_DEPS
        and head.head.i in _clause_verbs(root)
        # "fair trade rules": the adjective belongs to a compound, naming a kind of thing
        and not any(c.dep_ == "compound" and token.i < c.i < head.i for c in head.children)
    )


def _clause_verbs(root: Token) -> set[int]:
    """The root and the verbs coordinated with it or chained to it by an infinitive."""
    found = {root.i}
    for child in root.children:
        if child.dep_ in ("conj", "xcomp") and child.pos_ in ("VERB", "AUX"):
            found.add(child.i)
    return found


def claim_type(span: Span, future_in_past: bool = False, predictive_cue: bool = False) -> str:
    """``future_in_past``: the span is reported by a past-tense verb; ``predictive_cue``:
    by a verb of foresight ("he expects it to be lifted")."""
    cues = claim_cues()
    if predictive_cue:
        return "predictive"
    text = folded(span_text(span))
    words = span_words(span)
    asked = cues.predictive_modals | {"would"}  # the only modals asked about below
    modals = {t.lower_ for t in span if t.tag_ == "MD"} if not words.isdisjoint(asked) else set()
    if modals & cues.predictive_modals or cues.predictive.in_span(span, text):
        return "predictive"
    if future_in_past and "would" in modals and " if " not in f" {text} ":
        return "predictive"
    if cues.causal.in_span(span, text):
        return "causal"
    if not cues.evaluative.words.isdisjoint(words) and any(
        t.pos_ in ("ADJ", "ADV", "NOUN", "VERB")
        and t.lower_ in cues.evaluative.words
        and _on_predicate(t, span)
        for t in span
    ):
        return "evaluative"
    if cues.evaluative.phrases is not None and cues.evaluative.phrases.search(text):
        return "evaluative"
    return "factual"
