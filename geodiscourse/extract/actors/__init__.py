"""Actors and their mentions: who a document talks about, resolved to canonical ids.

``resolve.resolve_mentions(doc)`` is the one entry point: it returns every mention of a
state, IGO, bloc, organisation, outlet, region or person in a parsed article, with the
actor rows they point to. Extractors never resolve names themselves; they ask
``DocContext.actor_of``. The rules are in the modules below, the lexicons in
``geodiscourse/rules/actors/gazetteer_*``:

- ``lexicon``: the gazetteer files as typed, indexed records (loaded once);
- ``gazetteer``: state, metonym, organisation, outlet and region names in a Doc;
- ``persons``: person names, their short and honorific forms; ``affiliation``: their state;
- ``resolve``: the passes in order, institutional nouns, NER-only organisations; role
  nouns and personal pronouns come from ``extract.coreference.persons``.

This package's ``__init__`` imports nothing, so coreference can use the modules above
while actor resolution uses coreference's person pass, with no import cycle.
"""
