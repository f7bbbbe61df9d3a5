"""Can a subject act? The test that tells deontic from epistemic modals.

"London should offer talks" advises; "the talks should end by Friday" predicts. The
difference lies in the subject: someone who can act (a resolved actor, a person
pronoun, a named entity, a noun for people or institutions) or a thing. A passive
("measures should be considered") advises whoever would act, so it needs no agent.
"""

from __future__ import annotations

from spacy.tokens import Token

from geodiscourse.extract.recommendations.lexicon import PrescriptiveRules
from geodiscourse.nlp.context import DocContext

_AGENT_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def noun_can_act(token: Token, ctx: DocContext, rules: PrescriptiveRules) -> bool:
    """Does the phrase headed by ``token`` name someone who can act?"""
    if ctx.mention_at(token) is not None:
        return True  # "Washington", "the Kremlin"; but not "his bid", whose possessor acts
    lower, lemma = token.lower_, token.lemma_.lower()
    if lower in rules.agent_pronouns or lemma in rules.agent_pronouns:
        return True
    if token.ent_type_ in _AGENT_ENTITIES:
        return True
    if lemma in rules.agent_nouns or lower in rules.agent_nouns:
        return True
    if lemma in rules.partitive_nouns or lower in rules.partitive_nouns:
        # "the rest of the world", "most of Europe": the part acts if the whole can
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whole = None if of is None else next((c for c in of.children if c.dep_ == "pobj"), None)
        if whole is not None and noun_can_act(whole, ctx, rules):
            return True
    # "the UK and US": any conjunct that can act makes the whole subject an agent
    return any(
        ctx.mention_at(c) is not None
        or c.ent_type_ in _AGENT_ENTITIES
        or c.lemma_.lower() in rules.agent_nouns
        for c in token.conjuncts
    )


def is_experiencer_use(verb: Token, rules: PrescriptiveRules) -> bool:
    """Does the subject undergo rather than act? Then the modal predicts: "investors
    should find the terms attractive", "voters should see lower bills". "Find a way
    to" is still an act."""
    lemma = verb.lemma_.lower()
    if lemma not in rules.experiencer_verbs:
        return False
    if lemma == "find":
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        if any(o.lemma_.lower() in rules.agentive_find_objects for o in objects):
            return False
    return True
