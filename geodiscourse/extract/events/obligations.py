"""Reported obligations as REQUEST events: "Russia said that Sudan must return the helicopter".

The PLOVER codebook counts every demand, request and order as REQUEST, and news reports
most demands as an obligation in reported speech rather than with a verb of demanding.
The construction is general: a reporting verb whose complement clause has an obligation
modal ("must", "should", "has to", "needs to"), or states a necessity of "it" ("it was
imperative for the FBI to explain"), and a subject other than the speaker. The
speaker acts, the obliged subject is the target; both must resolve to actors. The words
are in rules/events/obligations.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from geodiscourse.extract.events.roles import phrase_actor, subject_of
from geodiscourse.nlp.context import DocContext
from geodiscourse.nlp.text import span_tokens
from geodiscourse.rules import read_yaml_mapping
from geodiscourse.rules.word_lists import word_list

RULE_FILE = "events/obligations.yaml"


@dataclass(frozen=True)
class ObligationWords:
    modals: frozenset[str]
    need_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    necessity_predicates: frozenset[str]


@dataclass(frozen=True)
class Obligation:
    reporter: Token  # the reporting verb: the request's trigger
    clause: Token  # the obliged verb
    source: str
    target: str


@cache
def obligation_words() -> ObligationWords:
    data = read_yaml_mapping(RULE_FILE)
    return ObligationWords(
        **{
            key: word_list(data.get(key), f"{RULE_FILE} {key}")
            for key in ObligationWords.__dataclass_fields__
        }
    )


def _obliged(clause: Token, words: ObligationWords) -> Token | None:
    """The verb a clause obliges its subject to: "must return" -> return, "has to
    return" -> return; None when the clause states no obligation or denies one."""
    if any(c.dep_ == "neg" for c in clause.children):
        return None
    if any(c.dep_ == "aux" and c.lower_ in words.modals for c in clause.children):
        return clause
    if clause.lemma_.lower() in words.need_verbs:
        xcomp = next((c for c in clause.children if c.dep_ == "xcomp"), None)
        if xcomp is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in xcomp.children):
            return xcomp
    return None


def _impersonal_obligation(clause: Token, words: ObligationWords) -> tuple[Token, Token] | None:
    """An obligation stated of "it": "it was imperative for the FBI to explain", "it is
    incumbent on Russia to act", "it is time for Iran to leave", "it is essential that
    Russia withdraws". Returns the obliged verb and the phrase naming who is obliged."""
    if clause.lemma_ != "be" or any(c.dep_ == "neg" for c in clause.children):
        return None
    if not any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in clause.children):
        return None
    predicate = next(
        (
            c
            for c in clause.children
            if c.dep_ in ("acomp", "attr") and c.lemma_.lower() in words.necessity_predicates
        ),
        None,
    )
    if predicate is None:
        return None
    for verb in (*predicate.children, *clause.children):
        if verb.dep_ not in ("advcl", "xcomp", "ccomp", "relcl", "acl") or verb.pos_ not in ("VERB", "AUX"):
            continue
        if not any(
            (c.dep_ == "aux" and c.lower_ == "to") or (c.dep_ == "mark" and c.lower_ in ("that", "for"))
            for c in verb.children
        ):
            continue  # "because it lacked ...": a clause of its own, not what is necessary
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:  # "incumbent on the FBI to tell": the "on" phrase is obliged
            on = next((c for c in predicate.children if c.dep_ == "prep" and c.lower_ == "on"), None)
            subject = None if on is None else next((c for c in on.children if c.dep_ == "pobj"), None)
        if subject is not None:
            return verb, subject
    return None


def reported_obligations(ctx: DocContext, sent: Span, taken: frozenset[int]) -> Iterator[Obligation]:
    """The obligations reported in a sentence, except on reporting verbs in ``taken``
    (already the trigger of an event: "demanded that ...")."""
    words = obligation_words()
    for clause in span_tokens(sent):
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        reporter = clause.head
        if reporter.i in taken or reporter.lemma_.lower() not in words.reporting_verbs:
            continue
        obliged = _obliged(clause, words)
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if obliged is None:
            impersonal = _impersonal_obligation(clause, words)
            if impersonal is None:
                continue
            obliged, subject = impersonal
        target = phrase_actor(ctx, subject, strict=True)
        source = phrase_actor(ctx, subject_of(reporter))
        if source is None or target is None or source == target:
            continue
        yield Obligation(reporter=reporter, clause=obliged, source=source, target=target)
