"""What a matcher found: one prescriptive expression and the parts a row is built from.

Matchers (``modals``, ``frames``) only find expressions; the package's entry point
turns them into rows (addressee, recommender, action, condition). Keeping the two apart
lets the tests check detection on its own, sentence by sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from geodiscourse.extract.recommendations.lexicon import PrescriptiveRules
from geodiscourse.nlp.text import span_text

#: Tags of adverbs and negation skipped between a modal and its verb ("should not now act").
ADVERB_TAGS = frozenset({"RB", "RBR", "RBS"})
#: Pronouns that stand for the sentence's own speaker or audience.
FIRST_SECOND_PERSON = frozenset({"i", "you", "one", "me"})


@dataclass(frozen=True)
class Prescription:
    """One prescriptive expression in a sentence.

    ``start`` is the first token of the recommendation's text (its subject or frame),
    ``action_start`` the first token of what is to be done, ``action_head`` the word
    whose subtree the action is; ``subject`` is who is told to act, as written.
    """

    modal: str
    strength: str
    kind: str  # modal, semi_modal, phrase, impersonal, need, course, demand, imperative
    start: int
    action_start: int
    action_head: Token
    subject: Token | None
    passive: bool = False
    copula: bool = False
    backshifted: bool = False
    speaker: Token | None = None  # for demand verbs: who demands ("his report")


def prescriptive_modal(token: Token, rules: PrescriptiveRules) -> str | None:
    """The strength of a modal auxiliary of obligation or advice ("must", "should",
    "ought"), None for any other token. The one test of a prescriptive modal: the
    recommendation matchers and the claims' advice gate both ask it."""
    return rules.modal_auxiliaries.get(token.lower_) if token.tag_ == "MD" else None


def is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")


def child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def has_negation(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def next_content(sent: Span, i: int) -> Token | None:
    """The first token at or after doc index ``i`` inside the sentence that is no adverb,
    negation or quotation mark: what a modal governs when the parse is unsure. A quote
    may open between a modal and its verb ('must "augment and support" the process')."""
    doc = sent.doc
    while i < sent.end:
        token = doc[i]
        if token.tag_ in ADVERB_TAGS or token.dep_ == "neg" or token.is_quote:
            i += 1
            continue
        return token
    return None


def after_parenthetical(sent: Span, i: int, reach: int = 8) -> Token | None:
    """What a modal governs past a parenthetical: "must, if necessary, raise taxes"."""
    token = next_content(sent, i)
    if token is None or token.text != ",":
        return token
    doc = sent.doc
    for j in range(token.i + 1, min(token.i + reach, sent.end)):
        if doc[j].text == ",":
            return next_content(sent, j + 1)
    return token


def grammatical_subject(verb: Token) -> Token | None:
    """The subject of a verb, inherited through coordination ("must realise ... and should
    focus") and from a relative pronoun's antecedent ("allies, who should ...")."""
    token = verb
    for _ in range(4):
        subject = child(token, "nsubj", "nsubjpass", "csubj")
        if subject is not None:
            if subject.tag_ in ("WDT", "WP") and token.dep_ == "relcl":
                return token.head
            return subject
        if token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
            continue
        return None
    return None


def sentence_is_question(sent: Span) -> bool:
    text = span_text(sent).rstrip(" \"'”’)")
    return text.endswith("?")


#: Dependents that make a bare verb no command: a subject, an auxiliary ("to"), a marker.
_NO_COMMAND_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "aux", "auxpass", "mark"})
#: Words that may open a command before its verb: "Then fund the wall", "Please listen".
_COMMAND_LEAD_DEPS = frozenset({"advmod", "intj", "cc", "discourse"})


def command_lead(verb: Token, start: int) -> list[Token] | None:
    """The words before ``verb`` (from token ``start``) if it heads a command ("Then fund
    the wall", "Stop this now"): a bare verb with no subject, "to", auxiliary or marker,
    preceded by nothing but adverbs, interjections and conjunctions; else None. The one
    test of a command: claims leave commands out, recommendations take them in reported
    speech."""
    support = _negative_do(verb)
    if verb.tag_ != "VB" or any(c.dep_ in _NO_COMMAND_DEPS and c not in support for c in verb.children):
        return None
    lead = [t for t in verb.doc[start : verb.i] if not (t.is_punct or t.is_quote)]
    return lead if all(t.dep_ in _COMMAND_LEAD_DEPS or t in support for t in lead) else None


def _negative_do(verb: Token) -> tuple[Token, ...]:
    """The "Do" and "not" of a negative command ("Don't let Washington ruin you", "Do not
    accept the shame"): a bare "do" right before the verb's negation."""
    aux = [c for c in verb.children if c.dep_ == "aux" and c.i < verb.i]
    neg = [c for c in verb.children if c.dep_ == "neg" and c.i < verb.i]
    if (
        len(aux) == 1
        and len(neg) == 1
        and aux[0].lower_ == "do"
        and aux[0].tag_ in ("VB", "VBP")
        and aux[0].i < neg[0].i
    ):
        return (aux[0], neg[0])
    return ()
