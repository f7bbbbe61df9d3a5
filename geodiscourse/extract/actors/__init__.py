"""Actors and their mentions: who a document talks about, resolved to canonical ids.

``resolve_mentions(doc)`` is the one entry point: it returns every mention of a state, IGO,
bloc, organisation, outlet, region or person in a parsed article, with the actor rows they
point to. Extractors never resolve names themselves; they ask ``DocContext.actor_of``.
The rules are in the modules below, the lexicons in ``geodiscourse/rules/gazetteer_*``:

- ``lexicon``: the gazetteer files as typed, indexed records (loaded once);
- ``gazetteer``: state, metonym, organisation, outlet and region names in a Doc;
- ``persons``: person names, their short and honorific forms; ``affiliation``: their state;
- ``pronouns``: role nouns ("the prime minister") and pronouns ("he said");
- ``resolve``: the passes in order, institutional nouns, NER-only organisations.
"""

from geodiscourse.extract.actors.resolve import ActorResolution, resolve_mentions

__all__ = ["ActorResolution", "resolve_mentions"]
