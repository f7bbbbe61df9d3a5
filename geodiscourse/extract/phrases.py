"""Which actor a noun phrase stands for, for every extractor that needs one.

Events read their source and target this way and coreference reads antecedents this
way; both must agree on what "officials from the EU", "Germany and France" or "his
concerns" names, so the walk lives once, here.
"""

from __future__ import annotations

from spacy.tokens import Token

from geodiscourse.extract.events.lexicon import plover_lexicon
from geodiscourse.nlp.context import DocContext
from geodiscourse.rules.word_lists import is_political_agent, phoenix_agents

#: Prepositions through which an agent noun names whom it represents ("officials from the EU").
_REPRESENTED_BY = frozenset({"of", "from", "for"})


def represented_actor(ctx: DocContext, token: Token, *, strict: bool) -> str | None:
    """The actor a phrase headed by ``token`` names: its head's or modifiers' mention,
    that of the first conjunct that has one ("Germany and France"), or the "of/from"
    phrase of an agent noun ("officials from the EU").

    ``strict``: the phrase must itself stand for an actor, so its head is a mention or
    an agent noun ("British officials"), not a thing owned by one ("his concerns").
    """
    agents = plover_lexicon().agent_nouns
    for part in (token, *token.conjuncts):
        is_agent = part.lemma_.lower() in agents or part.lower_ in agents or _is_people(part)
        if strict and ctx.mention_at(part) is None and not is_agent:
            continue
        found = ctx.actor_of(part)
        if found is not None:
            return found
        if is_agent:
            for prep in part.children:
                if prep.dep_ == "prep" and prep.lower_ in _REPRESENTED_BY:
                    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                    if pobj is not None and (found := ctx.actor_of(pobj)) is not None:
                        return found
    return None


def _is_people(token: Token) -> bool:
    """Does the noun name people of some standing, who act for the actor that modifies
    them ("ISIS guards", "Kenyan students", "Chinese firms"), as Phoenix codes a country
    with a sector? Phoenix's agent nouns of political sectors act alone too ("militiamen");
    the others only with such a modifier."""
    lemma = token.lemma_.lower()
    if is_political_agent(lemma):
        return True
    if lemma not in phoenix_agents() and lemma not in plover_lexicon().victim_nouns:
        return False
    return any(c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < token.i for c in token.children)
