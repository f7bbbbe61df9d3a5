"""Hand-made DocContexts for extractor unit tests, and the attributions found in them.

Extractor tests mark actor mentions themselves, so they test one rule family at a time
and do not move when actor resolution changes.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping

from spacy.language import Language

from geodiscourse.core.rows import ActorRow
from geodiscourse.extract.attribution import Attribution, attributions_for_document
from geodiscourse.nlp.context import DocContext, ResolvedMention

#: surface form -> (actor_id, kind, country)
ActorTable = Mapping[str, tuple[str, str, str | None]]
PRONOUNS = frozenset({"he", "she", "his", "her", "him", "they"})


def context_with_actors(
    nlp: Language,
    text: str,
    actors: ActorTable,
    *,
    published: datetime.date | None = None,
    doc_id: str = "doc0000000000000",
) -> DocContext:
    """Parse ``text`` and mark every whole-word occurrence of a surface form as a mention
    (longest forms first, no overlaps; pronoun forms get method "pronoun")."""
    doc = nlp(text)
    mentions: list[ResolvedMention] = []
    rows: dict[str, ActorRow] = {}
    taken: set[int] = set()
    for surface in sorted(actors, key=len, reverse=True):
        actor_id, kind, country = actors[surface]
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or taken.intersection(range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            method = "pronoun" if surface.lower() in PRONOUNS else "gazetteer"
            mentions.append(
                ResolvedMention(
                    actor_id, span.start, span.end, span.start_char, span.end_char, span.text, method
                )
            )
            rows[actor_id] = ActorRow(
                actor_id=actor_id, name=surface, kind=kind, country=country, sector=None
            )
    mentions.sort(key=lambda m: m.token_start)
    return DocContext(doc_id, doc, published, mentions, rows)


def context_for(nlp: Language, text: str, actors: dict[str, str] | None = None) -> DocContext:
    """A DocContext whose mentions are every whole-word occurrence of the given surfaces."""
    table = {surface: (actor_id, "other", None) for surface, actor_id in (actors or {}).items()}
    return context_with_actors(nlp, text, table)


def reports(
    nlp: Language, text: str, actors: dict[str, str] | None = None
) -> list[tuple[int, Attribution, str]]:
    """(sentence index, attribution, content text) for every attribution of the text."""
    ctx = context_for(nlp, text, actors)
    found = attributions_for_document(ctx)
    return [(i, a, text[a.content_start : a.content_end]) for i, atts in sorted(found.items()) for a in atts]
