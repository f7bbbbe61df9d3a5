"""A back-off reading for sentences that name an act but yield no event under the strict
rules.

The strict rules (``_verbal_event``) keep a trigger only when its frame's actor
conditions hold: the codebook's "requires recipient", actor kinds, a named agent. On
text no rule was written for, most missed events are triggers whose frame matched but
whose actors did not resolve or were not of the kind a frame asks ("Nunes issued
subpoenas to the firm", "The company handed over the ads to the special counsel"). A
sentence that reports an act is still an event report, so when a sentence has no event
at all, its most prominent verbal trigger is kept:

- the trigger nearest the sentence's root, as the sentence's own event is the one its
  main clause reports (the same choice ``bench/plover_gsr.py`` makes among rows);
- a frame whose object matched is preferred to a bare verb reading ("attack the convoy"
  is ASSAULT, not verbal criticism);
- the frame's participants must exist, though they need not resolve: a side the frame
  needs is a named actor, a name, a personal pronoun or an unnamed group of people
  ("officials", "the founders"), never a thing ("visited the tomb", "the war dominated
  the campaign"); and a resolved political actor or an unnamed group takes part (firms
  alone make no political event: "Airbus overtook Boeing");
- a verb whose content is a clause ("pledged to cut taxes", "decided to fire Comey")
  leaves the act to the clause's verb, and hand-written frames are tried before compiled
  ones, as in the strict rules;
- verbs of saying and thinking, and verbs with a clause as content, are left out: the
  content they report is read by the other rules.

With no verbal reading, the most prominent event noun with an actor of its own is kept
instead, from the hand-written nouns or those compiled from the CAMEO verbs
(``rules/events/cameo_nouns.json``). Further verbs of a sentence that has events are
kept only with a named agent, and its most prominent act only when it stands above every
event read so far.

Its confidence is the frame's scaled by ``BACKOFF_FACTOR``, so users who filter on
confidence keep the strict rows only.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Span, Token

from geodiscourse.extract.attribution.lexicon import reporting_lexicon
from geodiscourse.extract.events.fits import POLITICAL_KINDS, needs_met
from geodiscourse.extract.events.lexicon import Lexicon, NounEntry, VerbFrame, compiled_nouns, plover_lexicon
from geodiscourse.extract.events.roles import (
    is_group_agent,
    nominal_roles,
    passive_agent,
    phrase_actor,
    subject_of,
    verbal_target,
)
from geodiscourse.extract.events.triggers import VerbalCandidate, compiled_veto, excluded_by_modifier
from geodiscourse.nlp.context import DocContext
from geodiscourse.nlp.text import span_tokens

__all__ = [
    "BACKOFF_FACTOR",
    "BackoffReading",
    "NominalBackoff",
    "backoff_readings",
    "depth",
    "nominal_backoff",
]

#: Confidence of a back-off row relative to its frame's.
BACKOFF_FACTOR = 0.5


@cache
def _reporting_verbs() -> frozenset[str]:
    """Verbs of saying and thinking (rules/attribution/reporting_verbs.yaml): their events
    are in what they report ("suggested that", "expects it to be lifted"). Verbs of
    accusing and denying stay: the act is the saying."""
    lex = reporting_lexicon()
    spoken = lex.speech - lex.accusation - lex.negative
    return (
        spoken
        | lex.belief
        | lex.believer_xcomp
        | lex.animate_subject_only
        | lex.quote_only
        | lex.raising_passive
    )


def _reports_content(verb: Token) -> bool:
    """Is the verb one of saying or thinking, or does it take a clause as its content
    ("pledged to cut taxes", "decided to fire Comey": the act is the clause's)?"""
    return (
        verb.lemma_.lower() in _reporting_verbs()
        or verb.lower_ == "according"
        or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
    )


@dataclass(frozen=True)
class BackoffReading:
    verb: Token
    frame: VerbFrame
    theme: Token | None
    source: str | None
    target: str | None


def depth(token: Token) -> int:
    """How many steps below its sentence's root the token sits."""
    depth = 0
    while token.head.i != token.i and depth < 50:
        token, depth = token.head, depth + 1
    return depth


#: Pronouns that stand for people even when they do not resolve.
_PERSONAL = frozenset({"i", "we", "he", "she", "they", "me", "us", "him", "her", "them"})
#: Entity labels of names of people, groups and organisations.
_PEOPLE_ENTS = frozenset({"PERSON", "ORG", "NORP"})


def _person_like(token: Token | None, event_type: str) -> bool:
    """Could the phrase name someone though no actor resolves: a name, a personal
    pronoun, or an unnamed group of people ("officials", "the founders")?"""
    if token is None:
        return False
    if token.lower_ in _PERSONAL or is_group_agent(token, event_type):
        return True
    return token.pos_ == "PROPN" and token.ent_type_ in _PEOPLE_ENTS


def _objects(verb: Token) -> list[Token]:
    """The verb's object, dative, passive subject and objects of its prepositions."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "dative", "nsubjpass")]
    out += [g for c in verb.children if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]
    return out


def _acted_by_a_thing(verb: Token, event_type: str) -> bool:
    """Does a passive's "by" phrase name a thing, not someone or a weapon ("hurt by
    one-off factors", "damaged by the crisis"; not "hit by Russian missiles")?"""
    noun = passive_agent(verb)
    if noun is None:
        return False
    lexicon = plover_lexicon()
    lemma = noun.lemma_.lower()
    someone = (
        lemma in lexicon.people_nouns or _person_like(noun, event_type) or noun.ent_type_ in ("GPE", "NORP")
    )
    return not (someone or lemma in lexicon.instrument_subjects or lemma in lexicon.violent_agent_nouns)


def _kinds_fit(
    ctx: DocContext,
    actor_kinds: frozenset[str],
    target_kinds: frozenset[str],
    source: str | None,
    target: str | None,
) -> bool:
    """The kinds of actor a frame or noun entry asks for, where its actors resolved."""
    if actor_kinds and (source or target) and ctx.kind_of(source or target) not in actor_kinds:
        return False
    return not (target_kinds and target and ctx.kind_of(target) not in target_kinds)


def _participants_fit(
    ctx: DocContext,
    verb: Token,
    frame: VerbFrame,
    subject: Token | None,
    source: str | None,
    target: str | None,
) -> bool:
    """Do the frame's participants exist, resolved or not? The back-off relaxes the
    resolution of actors ("Nunes issued subpoenas to the founders"), not what the frame
    needs: a side the frame needs must be someone, not a thing ("visited the tomb",
    "hosted a website"); and a political actor must take part ("Airbus overtook Boeing"
    is no event)."""
    objects = _objects(verb)
    has_source = source is not None or _person_like(subject, frame.event_type)
    someone_acted_on = any(_person_like(o, frame.event_type) for o in objects)
    # the codebook's "requires recipient" (compiled frames) asks for a party, not a bare
    # pronoun: "Zambia extradited him" names no second party of a judicial cooperation
    named_acted_on = any(_person_like(o, frame.event_type) and o.lower_ not in _PERSONAL for o in objects)
    has_target = target is not None or (named_acted_on if frame.compiled else someone_acted_on)
    # relaxed to "someone takes part", but for what the frame makes of the target: an
    # actor it must be ("visited the tomb"), and a recipient the codebook requires
    if frame.target_is_actor:
        needs = "target"
    elif frame.compiled and frame.needs == "both":
        needs = "both"
    else:
        needs = "any"
    if needs == "none":
        needs = "any"
    if needs == "any" and not (has_source or has_target):
        return False
    if needs == "both" and not (has_source and has_target):
        return False
    if needs == "source" and not has_source:
        return False
    if needs == "target" and not has_target:
        return False
    if subject is not None and source is None and not has_source and subject.dep_ == "nsubj":
        return False  # a thing does not act: "the Tsunami struck south Asia"
    if source is None and _acted_by_a_thing(verb, frame.event_type):
        return False  # nor in the passive: "trade with the US was hurt by one-off factors"
    if not _kinds_fit(ctx, frame.actor_kinds, frame.target_kinds, source, target):
        return False  # "Tony Blair stepped back from politics" is no state's retreat
    kinds = [ctx.kind_of(a) for a in (source, target) if a]
    groups = is_group_agent(subject, frame.event_type) or any(
        is_group_agent(o, frame.event_type) for o in objects
    )
    return any(k in POLITICAL_KINDS for k in kinds) or (not kinds and groups)


def backoff_readings(
    ctx: DocContext, candidates: Sequence[VerbalCandidate], lexicon: Lexicon
) -> Iterator[BackoffReading]:
    """The verbal triggers with someone acting or acted on, most prominent first (nearest
    the root, then in text order), read lazily: a sentence with no event needs only the
    first."""
    for cand in sorted(candidates, key=lambda c: (depth(c.verb), c.verb.i)):
        reading = _reading(ctx, cand, lexicon)
        if reading is not None:
            yield reading


def _reading(ctx: DocContext, cand: VerbalCandidate, lexicon: Lexicon) -> BackoffReading | None:
    verb = cand.verb
    if (
        _reports_content(verb)
        or ctx.mention_at(verb) is not None
        or verb.lemma_.lower() in lexicon.general_verbs
        or compiled_veto(verb)
    ):
        return None
    # hand frames over compiled ones (the hand list overrides CAMEO where both know the
    # verb: "extradited him" is no cooperation), then object frames first
    hand = [pair for pair in cand.frames if not pair[0].compiled]
    frame, theme = sorted(hand or cand.frames, key=lambda pair: pair[1] is None)[0]
    subject = subject_of(verb)
    source = phrase_actor(ctx, subject, strict=True)  # "Russia's quest" is no actor
    target = verbal_target(ctx, verb, frame, theme)
    if source is not None and source == target:
        target = None
    if not _participants_fit(ctx, verb, frame, subject, source, target):
        return None
    return BackoffReading(verb, frame, theme, source, target)


@dataclass(frozen=True)
class NominalBackoff:
    noun: Token
    entry: NounEntry
    source: str | None
    target: str | None


def nominal_backoff(ctx: DocContext, sent: Span, lexicon: Lexicon) -> NominalBackoff | None:
    """The most prominent event noun with an actor of its own ("Trump's ban on travellers",
    "opposition from the US and Japan", "a deal between X and Y"), hand-written or
    compiled from the CAMEO verbs, for a sentence with no event and no verbal reading.
    Nouns are tried nearest the root first; the first that qualifies wins."""
    compiled = compiled_nouns()
    nouns = []
    for token in span_tokens(sent):
        if token.pos_ != "NOUN":
            continue
        lemma = token.lemma_.lower()
        entry = lexicon.nouns.get(lemma) or compiled.get(lemma)
        if entry is not None and ctx.mention_at(token) is None and not excluded_by_modifier(token, entry):
            nouns.append((depth(token), token.i, token, entry))
    for _, _, token, entry in sorted(nouns, key=lambda n: (n[0], n[1])):
        # an actor of the noun's own: a possessor or a preposition ("Trump's ban", "opposition
        # from the US"), not a modifier that may name its topic ("EU rules")
        own = replace(entry, roles={**entry.roles, "compound": "none", "amod": "none"})
        source, target = nominal_roles(ctx, token, own, None)
        if source is not None and source == target:
            target = None
        kinds = [ctx.kind_of(a) for a in (source, target) if a]
        if (
            needs_met(entry.needs, source, target)
            and any(k in POLITICAL_KINDS for k in kinds)
            and _kinds_fit(ctx, entry.actor_kinds, frozenset(), source, target)
        ):
            return NominalBackoff(token, entry, source, target)
    return None
