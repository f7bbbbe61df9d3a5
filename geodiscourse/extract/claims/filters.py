"""What is not a claim: questions, advice, headings, list proposals, boilerplate.

A claim is a declarative statement that could be true or false. Sentence-level gates
(boilerplate, headings, verbless lines such as the gerund items of a list of proposals)
apply to a whole sentence; the question and advice gates apply to each claim's own
text, so "X must act, Mary Robinson has said" is reported advice, not a claim.
:func:`is_advice` is the one advice test: what the recommendations extractor found,
and beyond it any main clause headed by a prescriptive modal ("should", "must", "ought
to", "needs to", "would do well to"), whose modal and semi-modal words and modal test
are the extractor's own.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from geodiscourse.extract.claims.cues import claim_cues, folded
from geodiscourse.extract.recommendations.lexicon import load_rules
from geodiscourse.extract.recommendations.prescription import command_lead, prescriptive_modal
from geodiscourse.nlp.text import span_text, span_tokens

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_TERMINAL = ".!?:;\"'”’)…"
_MIN_WORDS = 3


def clause_heads(span: Span) -> list[Token]:
    """The span's root and the verbs conjoined to it (its coordinated main clauses)."""
    root = span.root
    heads = [root]
    heads.extend(
        c
        for c in root.children
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and span.start <= c.i < span.end
    )
    return heads


def is_finite(span: Span) -> bool:
    """Does the span's main clause have a finite verb? Headings and proposal items
    ("Upgrading security at nuclear arms stores") do not."""
    for head in clause_heads(span):
        if head.tag_ in _FINITE_TAGS:
            return True
        if any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in head.children):
            return True
        if (
            head.pos_ in ("VERB", "AUX")
            and head.tag_ != "VBG"
            and any(c.dep_ == "nsubj" for c in head.children)
        ):
            return True  # a present tense the tagger took for a bare verb ("interests ... create")
    return False


def is_question(span: Span) -> bool:
    """Ends with a question mark (also just outside it, before a closing quote: a claim
    span stops short of the punctuation), holds a quoted question ('"How much tax ...?"
    he asked'), or opens with a wh-word or an auxiliary followed by its subject."""
    if any(t.text == "?" for t in span):
        return True
    after = next((t for t in span.doc[span.end : span.end + 3] if not (t.is_quote or t.is_space)), None)
    if after is not None and after.text == "?":
        return True
    first = span[0] if len(span) else None
    if first is None or len(span) < 2 or span.root.i == first.i:
        return False
    subjects = [t.i for t in span.root.children if t.dep_ in ("nsubj", "nsubjpass")]
    if first.pos_ == "AUX" and first.lower_ in claim_cues().question_auxiliaries and first.head == span.root:
        return bool(subjects) and min(subjects) > first.i
    return bool(
        first.tag_ in ("WRB", "WP") and span[1].pos_ == "AUX" and any(i > span[1].i for i in subjects)
    )


def _framed_opinions(span: Span, heads: list[Token]) -> list[Token]:
    """The complements of "I think (that) ...", "we believe ...": the speaker's own view
    they frame is what the sentence says."""
    cues = claim_cues()
    return [
        c
        for head in heads
        if head.lemma_.lower() in cues.opinion_frame_verbs
        and any(s.dep_ == "nsubj" and s.lower_ in cues.first_person_pronouns for s in head.children)
        for c in head.children
        if c.dep_ == "ccomp" and span.start <= c.i < span.end
    ]


def is_prescriptive(span: Span) -> bool:
    """Does a prescriptive modal, semi-modal or phrase head one of the span's main clauses
    (or the view an "I think" frames)? Also when it predicts ("the deal should go
    through") or describes a rule ("will have to pay"): such a clause states no fact."""
    cues, rules = claim_cues(), load_rules()
    if cues.prescriptive_phrases is not None and cues.prescriptive_phrases.search(folded(span.text)):
        return True
    heads = clause_heads(span)
    for head in heads + _framed_opinions(span, heads):
        children = list(head.children)
        modal = next((c for c in children if prescriptive_modal(c, rules) is not None), None)
        if modal is not None:
            perfect = any(c.lemma_ == "have" and c.dep_ == "aux" and c.i > modal.i for c in children)
            if not perfect:  # "must have been", "should have known": inference or hindsight
                return True
        if head.lemma_.lower() in rules.semi_modals and head.pos_ == "VERB" and head.tag_ != "VBD":
            # "needs to", "has to" — not "had to" (a past fact) nor "has yet to" (not yet done)
            nxt = head.nbor(1) if head.i + 1 < len(head.doc) else None
            xcomp = next((c for c in children if c.dep_ == "xcomp"), None)
            if nxt is not None and nxt.lower_ == "to" and xcomp is not None:
                return True
    return False


def is_heading(sent: Span) -> bool:
    """A short line of its own without closing punctuation ("The Persistence of ...")."""
    doc = sent.doc
    before = sent.start == 0 or "\n" in doc[sent.start - 1].text + doc[sent.start - 1].whitespace_
    last = doc[sent.end - 1]
    after = sent.end == len(doc) or "\n" in last.whitespace_ + doc[sent.end].text
    words = sum(1 for t in span_tokens(sent) if t.is_alpha)
    return before and after and not span_text(sent).rstrip().endswith(tuple(_TERMINAL)) and words <= 15


def is_imperative(span: Span) -> bool:
    """Is the span a command ("Then fund the wall", "Stop this now")? Its root is a bare
    verb with no subject, no "to" and no auxiliary: it tells someone to act, which is
    advice, not a statement that could be true or false."""
    return command_lead(span.root, span.start) is not None


def sentence_gate(sent: Span) -> str | None:
    """Why a whole sentence yields no claims, or None."""
    if sum(1 for t in span_tokens(sent) if t.is_alpha) < _MIN_WORDS:
        return "fragment"
    stripped = span_text(sent).lstrip(" -•*–—\t")
    if any(p.search(stripped) for p in claim_cues().boilerplate):
        return "boilerplate"
    if is_heading(sent):
        return "heading"
    return None


def claim_gate(span: Span, whole_sentence: bool) -> str | None:
    """Why a claim candidate is none, or None."""
    if sum(1 for t in span if t.is_alpha) < _MIN_WORDS:
        return "fragment"
    if is_question(span):
        return "question"
    if is_imperative(span):
        return "imperative"
    if whole_sentence and not is_finite(span):
        return "no finite verb"
    return None


def is_advice(span: Span, advice: list[tuple[int, int]]) -> bool:
    """Is the span advice rather than a claim? Yes when one of the recommendation rows'
    ``advice`` char ranges holds one of its main verbs: the recommendations extractor
    decides what is advice, so the two tables never disagree on a clause ("America
    needed to listen to the world too, he said"). Yes also when a prescriptive modal
    heads it where the extractor found no advice (:func:`is_prescriptive`)."""
    return is_prescriptive(span) or any(
        start <= head.idx < end for head in clause_heads(span) for start, end in advice
    )
