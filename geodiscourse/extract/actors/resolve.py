"""One document's actor mentions: gazetteer names, persons, role nouns, pronouns, institutions.

The order of the passes is the order of trust: gazetteer names first (states, metonyms,
organisations, outlets), then persons (an honorific beats the gazetteer: "Mr Jordan"), then
mentions without a name that point back at a person (role nouns, pronouns), then bare
institutional nouns ("the government", "Parliament") for the document's dominant state, and
last organisations only spaCy's NER knows (organisations.py). A token belongs to at most one mention.
"""

from __future__ import annotations

import datetime
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from geodiscourse.core.rows import ActorRow
from geodiscourse.extract.actors.affiliation import gather_evidence
from geodiscourse.extract.actors.gazetteer import GazetteerMatch, match_gazetteer, token_owner
from geodiscourse.extract.actors.lexicon import Actor, Lexicon, load_lexicon
from geodiscourse.extract.actors.organisations import organisation_mentions
from geodiscourse.extract.actors.persons import CONTEXT, PersonCluster, PersonMention, find_persons
from geodiscourse.extract.coreference.persons import resolve_pronouns, resolve_roles
from geodiscourse.nlp.context import ResolvedMention
from geodiscourse.nlp.text import doc_text, doc_tokens

log = logging.getLogger(__name__)

#: The dominant state must be named at least this often, and this many times as often as the next.
_DOMINANT_MIN_COUNT = 2
_DOMINANT_RATIO = 1.5
_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


@dataclass(frozen=True)
class ActorResolution:
    """A document's mentions (sorted by token_start, never overlapping) and their actors."""

    mentions: list[ResolvedMention]
    actors: dict[str, ActorRow]


def _sentence_maps(doc: Doc) -> tuple[list[int], list[int]]:
    """For each token: the index of its sentence and the sentence's first token."""
    index = [0] * len(doc)
    start = [0] * len(doc)
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = number
            start[i] = sent.start
    return index, start


def _mention(doc: Doc, actor_id: str, start: int, end: int, method: str) -> ResolvedMention:
    tokens = doc_tokens(doc)
    last = tokens[end - 1]
    char_start, char_end = tokens[start].idx, last.idx + len(last.text)
    return ResolvedMention(
        actor_id=actor_id,
        token_start=start,
        token_end=end,
        char_start=char_start,
        char_end=char_end,
        text=doc_text(doc)[char_start:char_end],
        method=method,
    )


def dominant_state(
    matches: Sequence[GazetteerMatch], persons: Sequence[PersonMention], clusters: Sequence[PersonCluster]
) -> str | None:
    """The state a document is mostly about, counting states, their institutions and parties,
    and persons belonging to them; None when no state clearly dominates."""
    counts: Counter[str] = Counter()
    for match in matches:
        actor = match.alias.actor
        if actor is not None and actor.country and (actor.kind in ("state", "region") or actor.affiliates):
            counts[actor.country] += 1
    for person in persons:
        country = clusters[person.cluster].country()
        if country:
            counts[country] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _DOMINANT_MIN_COUNT:
        return None
    if len(ranked) > 1 and ranked[0][1] < _DOMINANT_RATIO * ranked[1][1]:
        return None
    return ranked[0][0]


def _people_of(dominant: str, clusters: Sequence[PersonCluster]) -> None:
    """A person whom neither the text nor a dictionary places ("Abbie Hoffman", "Mr Wang",
    "Attorney General Jones") is, most likely, of the state the document is about, as a
    reader takes them to be: the weakest evidence, which any other outweighs. Measured on
    the twelve dev gold sets when it replaced the rule for office holders alone: mentions
    +0.01 to +0.08 per set, none lower."""
    for cluster in clusters:
        if cluster.country() is None:
            cluster.add_evidence(CONTEXT, dominant)


def _institution_state(token: Token, owner: Sequence[GazetteerMatch | None]) -> str | None:
    """For "the government of Iraq": the state its of-phrase names."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for obj in prep.children:
                match = owner[obj.i]
                if obj.dep_ == "pobj" and match is not None and match.alias.actor is not None:
                    return match.alias.actor.country if match.alias.actor.kind == "state" else None
    return None


def _institution_end(doc: Doc, end: int, lexicon: Lexicon) -> int:
    """Where a state's mention ends when the state names the institution after it: "the
    Russian government", "the UK government" and "the US administration" are the state's
    mention as a whole, as readers and annotators delimit it."""
    if end >= len(doc):
        return end
    head = doc[end]
    modifier = doc[end - 1]
    if (
        head.lower_ in lexicon.contextual_heads
        and modifier.head.i == head.i
        and modifier.dep_ in ("amod", "compound")
    ):
        return end + 1
    return end


def _contextual_mentions(
    doc: Doc,
    taken: list[bool],
    owner: Sequence[GazetteerMatch | None],
    dominant: str | None,
    lexicon: Lexicon,
    possessor_state: dict[int, str] | None = None,
) -> list[ResolvedMention]:
    """Bare institutional nouns ("the government", "Parliament") for the dominant state, unless
    a modifier names another ("the Iraqi government" is left to its modifier); and "his
    government", "its parliament" for the state of whoever the possessive stands for
    (``possessor_state``: token index of a resolved possessive -> that actor's state)."""
    found: list[ResolvedMention] = []
    for token in doc_tokens(doc):
        if taken[token.i] or token.lower_ not in lexicon.contextual_heads or token.tag_ not in ("NN", "NNP"):
            continue
        possessor = next((c for c in token.children if c.dep_ == "poss"), None)
        owned = (
            None
            if possessor is None or possessor.pos_ != "PRON"
            else (possessor_state or {}).get(possessor.i)
        )
        if owned is not None:  # "Putin urged his government to act"
            found.append(_mention(doc, owned, token.i, token.i + 1, "gazetteer"))
            taken[token.i] = True
            continue
        has_the = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        if not (has_the or token.text[:1].isupper()):
            continue
        modifiers = [c for c in token.children if c.dep_ in _MODIFIER_DEPS]
        if any(taken[c.i] or c.text[:1].isupper() or c.pos_ in ("PRON", "PROPN") for c in modifiers):
            continue  # "the Iraqi government", "his government", "the Blair government"
        of_state = _institution_state(token, owner)
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children) and of_state is None:
            continue
        state = of_state or dominant
        if state is None:
            continue
        start = (
            token.i - 1
            if token.i > 0 and doc[token.i - 1].lower_ == "the" and not taken[token.i - 1]
            else token.i
        )
        found.append(_mention(doc, state, start, token.i + 1, "gazetteer"))
        for i in range(start, token.i + 1):
            taken[i] = True
    return found


def _state_of(actor_id: str, actors: dict[str, ActorRow]) -> str | None:
    """The state an actor is or belongs to: a state itself, or a person's country."""
    row = actors.get(actor_id)
    if row is None or row["kind"] not in ("state", "person"):
        return None
    return actor_id if row["kind"] == "state" else row["country"]


def _actor_row(actor: Actor) -> ActorRow:
    return ActorRow(
        actor_id=actor.actor_id, name=actor.name, kind=actor.kind, country=actor.country, sector=actor.sector
    )


def _person_rows(clusters: Sequence[PersonCluster], lexicon: Lexicon) -> dict[str, ActorRow]:
    rows: dict[str, ActorRow] = {}
    for cluster in clusters:
        actor_id = cluster.actor_id
        country = cluster.country()
        sector = cluster.sector(lexicon.title_sectors)
        if actor_id not in rows or (rows[actor_id]["country"] is None and country is not None):
            rows[actor_id] = ActorRow(
                actor_id=actor_id, name=cluster.name, kind="person", country=country, sector=sector
            )
    return rows


def _without_overlaps(mentions: list[ResolvedMention], size: int) -> list[ResolvedMention]:
    """Mentions in order of trust, each kept only if its tokens are still free."""
    taken = [False] * size
    kept: list[ResolvedMention] = []
    for mention in mentions:
        if any(taken[mention.token_start : mention.token_end]):
            log.debug("dropped overlapping mention %r", mention)
            continue
        for i in range(mention.token_start, mention.token_end):
            taken[i] = True
        kept.append(mention)
    return sorted(kept, key=lambda m: m.token_start)


def resolve_mentions(doc: Doc, published: datetime.date | None = None) -> ActorResolution:
    """Every actor mention of a parsed document, resolved to canonical actors; a known
    person's state and sector are those of their role on the publication date."""
    lexicon = load_lexicon()
    sentence_index, sentence_start = _sentence_maps(doc)
    matches, blocked = match_gazetteer(doc, lexicon)
    persons, clusters, overridden = find_persons(doc, lexicon, token_owner(matches, len(doc)))
    matches = [m for m in matches if m not in overridden]
    owner = token_owner(matches, len(doc))
    gather_evidence(doc, persons, clusters, owner, sentence_start, lexicon, published)
    dominant = dominant_state(matches, persons, clusters)
    if dominant is not None:
        _people_of(dominant, clusters)
    roles = resolve_roles(doc, persons, clusters, owner, sentence_index, lexicon, dominant)
    pronouns = resolve_pronouns(doc, [*persons, *roles], clusters, sentence_index)

    actors: dict[str, ActorRow] = {}
    mentions: list[ResolvedMention] = []
    for match in matches:
        actor = match.alias.actor
        assert actor is not None
        actors[actor.actor_id] = _actor_row(actor)
        end = _institution_end(doc, match.end, lexicon) if actor.kind == "state" else match.end
        mentions.append(_mention(doc, actor.actor_id, match.start, end, "gazetteer"))
    actors.update(_person_rows(clusters, lexicon))
    for person in [*persons, *roles, *pronouns]:
        mentions.append(
            _mention(doc, clusters[person.cluster].actor_id, person.start, person.end, person.method)
        )
    taken = [False] * len(doc)
    for mention in mentions:
        for i in range(mention.token_start, mention.token_end):
            taken[i] = True
    possessor_state = {
        m.token_start: owner_state
        for m in mentions
        if m.token_end - m.token_start == 1 and (owner_state := _state_of(m.actor_id, actors)) is not None
    }
    extra = _contextual_mentions(doc, taken, owner, dominant, lexicon, possessor_state)
    for mention in extra:
        state = lexicon.actors[mention.actor_id]
        actors[state.actor_id] = _actor_row(state)
    extra += organisation_mentions(doc, taken, lexicon, actors, blocked)
    kept = _without_overlaps([*mentions, *extra], len(doc))
    used = {m.actor_id for m in kept}
    return ActorResolution(mentions=kept, actors={a: row for a, row in actors.items() if a in used})
