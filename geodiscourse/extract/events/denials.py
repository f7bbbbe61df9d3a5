"""Denials: a speaker who insists on a negated clause rejects what it negates (REJECT).

"Trump Jr. insisted that his father knew nothing about the meeting" and "Russia maintains
that it never interfered in the election" report no verb of denying, yet the codebook's
REJECT ("all rejections and refusals") is what the speaker does. Only verbs of insisting
count (rules/events/evaluations.yaml, ``denial_verbs``): a plain "said ... not" mostly
reports a fact, not a denial. Whose claim is denied the text seldom says, so the target
is left null.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from geodiscourse.extract.events.evaluations import EvaluationRules, evaluation_rules
from geodiscourse.extract.events.lexicon import modality_rules
from geodiscourse.extract.events.roles import phrase_actor
from geodiscourse.nlp.context import DocContext
from geodiscourse.nlp.text import span_tokens

__all__ = ["Denial", "denials"]


@dataclass(frozen=True)
class Denial:
    source: str
    cue: Token  # the verb of insisting
    negation: Token  # the word that negates the clause insisted on


def _negation(clause: Token, rules: EvaluationRules) -> Token | None:
    """The word that negates the clause itself: its "not", a "never", or a negative
    pronoun as its subject or object ("knew nothing", "nobody was hurt")."""
    for child in clause.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in rules.denial_words):
            return child
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and child.lower_ in rules.denial_words:
            return child
    return None


def _affirmed(verb: Token) -> bool:
    """Is the verb of insisting itself said outright: no negation, modal or condition?"""
    conditional = modality_rules().conditional_marks
    return not any(
        c.dep_ == "neg" or c.tag_ == "MD" or (c.dep_ == "mark" and c.lower_ in conditional)
        for c in verb.children
    )


def denials(ctx: DocContext, sent: Span, taken: frozenset[int]) -> list[Denial]:
    """Denials in the sentence whose verb no event already holds."""
    rules = evaluation_rules()
    out: list[Denial] = []
    for verb in span_tokens(sent):
        if verb.i in taken or verb.pos_ != "VERB" or verb.lemma_.lower() not in rules.denial_verbs:
            continue
        if not _affirmed(verb):
            continue
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
        negation = None if clause is None else _negation(clause, rules)
        if negation is None:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        source = phrase_actor(ctx, subject) if subject is not None else None
        if source is None:
            continue
        out.append(Denial(source, verb, negation))
    return out
