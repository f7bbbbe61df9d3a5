"""Reported obligations as REQUEST events: "Russia said that Sudan must return the helicopter".

The PLOVER codebook counts every demand, request and order as REQUEST, and news reports
most demands as an obligation in reported speech rather than with a verb of demanding.
The construction is general: a reporting verb whose complement clause has an obligation
modal ("must", "should", "has to", "needs to") and a subject other than the speaker. The
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
from geodiscourse.rules import read_yaml_mapping
from geodiscourse.rules.word_lists import word_list

RULE_FILE = "events/obligations.yaml"


@dataclass(frozen=True)
class ObligationWords:
    modals: frozenset[str]
    need_verbs: frozenset[str]
    reporting_verbs: frozenset[str]


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


def reported_obligations(ctx: DocContext, sent: Span, taken: frozenset[int]) -> Iterator[Obligation]:
    """The obligations reported in a sentence, except on reporting verbs in ``taken``
    (already the trigger of an event: "demanded that ...")."""
    words = obligation_words()
    for clause in sent:
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        reporter = clause.head
        if reporter.i in taken or reporter.lemma_.lower() not in words.reporting_verbs:
            continue
        obliged = _obliged(clause, words)
        if obliged is None:
            continue
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        target = phrase_actor(ctx, subject, strict=True)
        source = phrase_actor(ctx, subject_of(reporter))
        if source is None or target is None or source == target:
            continue
        yield Obligation(reporter=reporter, clause=obliged, source=source, target=target)
