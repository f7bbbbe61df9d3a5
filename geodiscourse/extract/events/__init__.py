"""Events: who did what to whom, when, typed with the 16 PLOVER types.

Triggers come from rules/events/plover.yaml (verbs with their frames, event nouns, light
verbs), roles from the dependency parse, modality from rules/events/event_modality.yaml and
dates from geodiscourse.dates.expressions. Precision matters as much as recall here: every row
claims that something happened, so a trigger with no resolvable actor is dropped
unless its frame is specific on its own ("the ban was imposed"), and a nominal event
needs an actor or a date ("the war" in general talk is no event).

Confidence is rule-based and documented so that users can filter on it::

    confidence = base (per lexicon entry) x actors x form
    actors: 1.0 with source and target, 0.85 with one of them, 0.65 with neither
    form:   1.0 for a verb or light-verb phrase, 0.9 for a bare nominal event

A coordinated subject ("Germany and France have called for ...") gives one row, with
the first conjunct that resolves to an actor as source.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from geodiscourse.core.ids import row_id
from geodiscourse.core.rows import EventRow
from geodiscourse.dates.attachment import DatedExpression, date_for_event, date_sentence, time_governor
from geodiscourse.extract.attribution import Attribution
from geodiscourse.extract.events.backoff import (
    BACKOFF_FACTOR,
    BackoffReading,
    NominalBackoff,
    backoff_readings,
    depth,
    nominal_backoff,
)
from geodiscourse.extract.events.denials import denials
from geodiscourse.extract.events.evaluations import evaluation_rules, judgments
from geodiscourse.extract.events.fits import frame_fits, has_object, is_reciprocal, needs_met
from geodiscourse.extract.events.intent import commitment
from geodiscourse.extract.events.lexicon import (
    Lexicon,
    ModalityRules,
    VerbFrame,
    modality_rules,
    plover_lexicon,
)
from geodiscourse.extract.events.modality import ASSERTED, HYPOTHETICAL, event_modality, refusal_head
from geodiscourse.extract.events.obligations import reported_obligations
from geodiscourse.extract.events.roles import (
    between_actors,
    conjunct_actor,
    group_target,
    is_group_agent,
    is_passive,
    modifier_actor,
    nominal_groups,
    nominal_roles,
    passive_agent,
    phrase_actor,
    restriction_roles,
    subject_of,
    verbal_target,
)
from geodiscourse.extract.events.triggers import (
    NominalCandidate,
    VerbalCandidate,
    compiled_veto,
    nominal_candidates,
    says_it_occurred,
    verbal_candidates,
)
from geodiscourse.extract.events.voiced import speaker_as_subject, speaker_of, voiced_threat
from geodiscourse.nlp.context import DocContext
from geodiscourse.nlp.text import doc_text, span_text, span_tokens

__all__ = ["extract_events"]

log = logging.getLogger(__name__)

_ACTOR_FACTOR = {2: 1.0, 1: 0.85, 0: 0.65}
#: Stands in for the source in the checks of what a frame needs when an unnamed group
#: acts ("Afghan rebels kidnapped ..."); the row's source stays null.
UNNAMED_GROUP = ""
#: Pronouns that stand for others: an accusation of them is of someone ("they are accused of").
_THIRD_PERSON_PRONOUNS = frozenset({"he", "she", "they"})
#: Pronouns that, unresolved, stand for a thing rather than someone: "it damaged relations".
_THING_PRONOUNS = frozenset({"it", "this", "that", "which"})
#: Confidence of a reported obligation read as a request ("said that Sudan must return").
OBLIGATION_CONFIDENCE = 0.6
_NOMINAL_FACTOR = 0.9
#: Definite determiners that make "the ban" refer back to a ban named before.
_ANAPHORIC_DETS = frozenset({"the", "this", "that", "its", "their"})
#: Nouns that, with "both" or "two", stand for the two sides last named ("both sides").
#: Kinds of actor a coordinated subject must name to become "both sides" of what follows.
_SIDE_KINDS = frozenset({"state", "igo", "bloc"})
_SIDE_NOUNS = frozenset({"side", "country", "nation", "party", "government", "leader", "bloc"})


@dataclass
class _Memory:
    """The last restriction named with its actors, for "the ban" further on."""

    source: str | None = None
    target: str | None = None
    #: The two sides of the last two-sided event, for "both sides agreed ..." further on.
    pair: tuple[str, str] | None = None


@dataclass(frozen=True)
class _Event:
    head: Token
    start: int  # first token of the trigger
    end: int  # last token of the trigger, inclusive
    event_type: str
    source: str | None
    target: str | None
    confidence: float
    anchors: frozenset[int]
    clause_head: Token
    nominal: bool
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    #: A back-off reading (backoff.py): kept as read, not turned into a commitment.
    backoff: bool = False


def extract_events(
    ctx: DocContext, attributions: Mapping[int, Sequence[Attribution]] | None = None
) -> list[EventRow]:
    """Event rows of one document, in text order. ``attributions`` (reported content by
    sentence index, from geodiscourse.extract.attribution) make events voiced by a named
    speaker that speaker's (see voiced.py)."""
    lexicon = plover_lexicon()
    rules = modality_rules()
    rows: list[EventRow] = []
    anchor = None
    memory = _Memory()
    for index, sent in enumerate(ctx.sentences):
        dated, anchor = date_sentence(sent, ctx.published_date, anchor, span_text(sent))
        voices = (attributions or {}).get(index, ())
        events = _sentence_events(ctx, sent, lexicon, memory, dated, voices)
        triggers = frozenset(e.head.i for e in events)
        for event in events:
            rows.append(_row(ctx, sent, event, dated, rules, triggers, voices))
    rows = _one_row_per_id(rows)
    log.debug("%s: %d events", ctx.doc_id, len(rows))
    return rows


def _one_row_per_id(rows: list[EventRow]) -> list[EventRow]:
    """One row per event id (same trigger span, same type), the most confident: two
    readings may reach one trigger ("he said X was interesting, and Y interesting too"
    judged twice by one word), and the id is the table's primary key."""
    kept: dict[str, EventRow] = {}
    for row in rows:
        held = kept.get(row["event_id"])
        if held is None or row["confidence"] > held["confidence"]:
            kept[row["event_id"]] = row
    return [row for row in rows if kept[row["event_id"]] is row]


def _restrictions(lexicon: Lexicon) -> frozenset[str]:
    return lexicon.families.get("RESTRICTIONS", frozenset())


def _remember_restrictions(ctx: DocContext, sent: Span, lexicon: Lexicon, memory: _Memory) -> None:
    family = _restrictions(lexicon)
    for token in span_tokens(sent):
        if token.pos_ == "NOUN" and token.lemma_.lower() in family:
            source, target = restriction_roles(ctx, token)
            if target is not None:
                memory.source, memory.target = source, target


def _recall(token: Token | None, lexicon: Lexicon, memory: _Memory) -> tuple[str | None, str | None]:
    """The remembered actors for an anaphoric restriction noun ("the 15-year-old ban")."""
    if token is None or token.lemma_.lower() not in _restrictions(lexicon):
        return None, None
    if not any(c.dep_ in ("det", "poss") and c.lower_ in _ANAPHORIC_DETS for c in token.children):
        return None, None
    return memory.source, memory.target


def _sentence_events(
    ctx: DocContext,
    sent: Span,
    lexicon: Lexicon,
    memory: _Memory,
    dated: list[DatedExpression],
    voices: Sequence[Attribution] = (),
) -> list[_Event]:
    events: list[_Event] = []
    used_verbs: set[int] = set()
    nominals = list(nominal_candidates(sent, lexicon))
    blockers = frozenset(n.noun.i for n in nominals)
    for nominal in nominals:
        if ctx.mention_at(nominal.noun) is not None:
            continue  # part of a name: "the Stop the War Coalition"
        event = _nominal_event(ctx, nominal, lexicon, dated, blockers)
        if event is not None:
            events.append(event)
            if nominal.light_verb is not None:
                used_verbs.add(nominal.light_verb.i)
    verbals = list(verbal_candidates(sent, lexicon, used_verbs))
    for verbal in verbals:
        event = _verbal_event(ctx, verbal, lexicon, memory, dated, blockers, voices)
        if event is not None:
            events.append(event)
    taken = _held(events, used_verbs)
    for obligation in reported_obligations(ctx, sent, taken):
        # the trigger is the obligation itself ("must return"); its reporter decides modality
        start = min([obligation.clause.i, *(c.i for c in obligation.clause.children if c.dep_ == "aux")])
        events.append(
            _Event(
                head=obligation.reporter,
                start=start,
                end=max(start, obligation.clause.i),
                event_type="REQUEST",
                source=obligation.source,
                target=obligation.target,
                confidence=OBLIGATION_CONFIDENCE,
                anchors=frozenset({obligation.reporter.i, obligation.clause.i}),
                clause_head=obligation.reporter,
                nominal=False,
            )
        )
    taken = _held(events, used_verbs)
    for judgment in judgments(ctx, sent, voices, taken):
        # "He said Mr Straw was 'naive beyond belief'": the trigger is the judging word,
        # the reporting verb decides modality and date
        actors = 1 + (judgment.target is not None)
        events.append(
            _Event(
                head=judgment.cue,
                start=judgment.word.i,
                end=judgment.word.i,
                event_type=judgment.event_type,
                source=judgment.source,
                target=judgment.target,
                confidence=evaluation_rules().confidence * _ACTOR_FACTOR[actors],
                anchors=frozenset({judgment.cue.i}),
                clause_head=judgment.cue,
                nominal=False,
                mode=judgment.mode,
            )
        )
    taken = _held(events, used_verbs)
    for denial in denials(ctx, sent, taken):
        # "insisted that his father knew nothing": the trigger runs from the verb of
        # insisting to the negation, and the verb decides modality and date
        events.append(
            _Event(
                head=denial.cue,
                start=min(denial.cue.i, denial.negation.i),
                end=max(denial.cue.i, denial.negation.i),
                event_type="REJECT",
                source=denial.source,
                target=None,
                confidence=evaluation_rules().confidence * _ACTOR_FACTOR[1],
                anchors=frozenset({denial.cue.i}),
                clause_head=denial.cue,
                nominal=False,
            )
        )
    readings = backoff_readings(ctx, verbals, lexicon)
    if not events:
        first = next(readings, None)
        if first is not None:
            events.append(_backoff_event(first))
        elif (noun_reading := nominal_backoff(ctx, sent, lexicon)) is not None:
            events.append(_nominal_backoff_event(noun_reading))
    else:
        held = _held(events, used_verbs)
        ranked = list(readings)
        # further acts with a named agent
        events.extend(_backoff_event(r) for r in ranked if r.verb.i not in held and r.source is not None)
        # the main clause's act outranks events read only in its dependents: "Dozens of
        # protesters gathered Saturday ... to talk about Trump"
        first = ranked[0] if ranked else None
        if (
            first is not None
            and first.verb.i not in held
            and first.source is None
            and depth(first.verb) < min(depth(e.clause_head) for e in events)
        ):
            events.append(_backoff_event(first))
    _remember_restrictions(ctx, sent, lexicon, memory)
    for event in events:
        if event.event_type in lexicon.symmetric_types and event.source and event.target:
            memory.pair = (event.source, event.target)
        elif event.source and not event.nominal and ctx.kind_of(event.source) in _SIDE_KINDS:
            # "the US and EU stepped back ...": coordinated states are "both sides" too
            # (firms are not: "Airbus and Boeing accuse each other")
            partner = conjunct_actor(ctx, subject_of(event.head), event.source)
            if partner is not None and ctx.kind_of(partner) in _SIDE_KINDS:
                memory.pair = (event.source, partner)
    return sorted(events, key=lambda e: e.start)


def _held(events: list[_Event], used_verbs: set[int]) -> frozenset[int]:
    """Tokens an event already holds (its head, or a light verb carrying a noun): a later
    reading of the sentence (obligation, judgment, denial, back-off) leaves them alone."""
    return frozenset(e.head.i for e in events) | frozenset(used_verbs)


def _backoff_event(reading: BackoffReading) -> _Event:
    """An act the strict rules did not read, at back-off confidence (backoff.py)."""
    start, end = _trigger_extent(reading.verb, reading.theme, reading.frame)
    actors = (reading.source is not None) + (reading.target is not None)
    return _Event(
        head=reading.verb,
        start=start,
        end=end,
        event_type=reading.frame.event_type,
        source=reading.source,
        target=reading.target,
        confidence=reading.frame.confidence * _ACTOR_FACTOR[actors] * BACKOFF_FACTOR,
        anchors=frozenset({reading.verb.i} | ({reading.theme.i} if reading.theme is not None else set())),
        clause_head=reading.verb,
        nominal=False,
        mode=reading.frame.mode,
        contexts=reading.frame.contexts,
        backoff=True,
    )


def _nominal_backoff_event(found: NominalBackoff) -> _Event:
    """An event noun with an actor of its own, for a sentence with no other event."""
    actors = (found.source is not None) + (found.target is not None)
    return _Event(
        head=found.noun,
        start=found.noun.i,
        end=found.noun.i,
        event_type=found.entry.event_type,
        source=found.source,
        target=found.target,
        confidence=found.entry.confidence * _ACTOR_FACTOR[actors] * _NOMINAL_FACTOR * BACKOFF_FACTOR,
        anchors=frozenset({found.noun.i}),
        clause_head=found.noun,
        nominal=True,
        mode=found.entry.mode,
        contexts=found.entry.contexts,
        backoff=True,
    )


def _nominal_event(
    ctx: DocContext,
    cand: NominalCandidate,
    lexicon: Lexicon,
    dated: list[DatedExpression],
    blockers: frozenset[int],
) -> _Event | None:
    noun, entry, light = cand.noun, cand.entry, cand.light_verb
    source, target = nominal_roles(ctx, noun, entry, light, cand.carrier)
    source = source or _claimant(ctx, noun, lexicon)
    if cand.for_subject is not None:
        # "an EU demand for Turkey to recognise Cyprus": the modifier asks, X is asked
        source = source or modifier_actor(ctx, noun)
        target = phrase_actor(ctx, cand.for_subject, strict=True) or target
        if light is None and (source is None or target is None):
            return None
    event_type, mode = entry.event_type, entry.mode
    if light is not None and light.lemma_.lower() in entry.light_types:
        event_type, mode = entry.light_types[light.lemma_.lower()]  # "held a call": a phone consultation
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.lower_ in entry.modifier_types:
            event_type, mode = entry.modifier_types[child.lower_]  # "a hunger strike": a protest
            break
    if (
        light is not None
        and target is None
        and (event_type in lexicon.symmetric_types or light.lemma_.lower() in lexicon.reciprocal_light_verbs)
        and not has_object(noun)
    ):
        target = conjunct_actor(ctx, subject_of(light), source)
    if source is not None and source == target:
        target = None
    group_agent, group_patient = nominal_groups(noun, entry)
    group = source is None and (
        group_agent or (light is not None and is_group_agent(subject_of(light), event_type))
    )
    patients = target is None and group_patient
    if source is None and target is None and light is None and not _determined(noun):
        group = patients = False  # a bare plural is generic: "attacks on civilians are a war crime"
    if source is None and target is None and not group and not patients:
        # "the war" in general talk names no specific event; "the bombing of 1999" does
        if light is not None or not (entry.date_suffices or event_type in lexicon.victim_types):
            return None
        if date_for_event(dated, {noun.i}, noun, blockers) is None and not _placed_act(noun, lexicon):
            return None
    elif entry.needs != "any" and not needs_met(
        entry.needs, UNNAMED_GROUP if group else source, UNNAMED_GROUP if patients else target
    ):
        return None
    if entry.actor_kinds and ctx.kind_of(source or target) not in entry.actor_kinds:
        return None
    if entry.retype is not None and ctx.kind_of(source or target) in entry.retype[1]:
        event_type = entry.retype[0]
    start, end = cand.start, noun.i
    anchors = {noun.i}
    if light is not None:
        start, end = min(start, light.i), max(end, light.i)
        anchors.add(light.i)
    actors = (source is not None) + (target is not None)
    confidence = entry.confidence * _ACTOR_FACTOR[actors] * (1.0 if light is not None else _NOMINAL_FACTOR)
    return _Event(
        head=noun,
        start=start,
        end=end,
        event_type=event_type,
        source=source,
        target=target,
        confidence=confidence,
        anchors=frozenset(anchors),
        clause_head=light or cand.carrier or noun,
        nominal=True,
        mode=mode if event_type in (entry.event_type, *(t for t, _ in entry.retypings())) else None,
        contexts=entry.contexts,
    )


#: Entity types of a place that makes an act of force a specific one.
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
#: Prepositions that place an act: "the shooting in Las Vegas", "the attack on Mosul".
_PLACING_PREPS = frozenset({"in", "at", "near", "on", "outside"})


def _placed_act(noun: Token, lexicon: Lexicon) -> bool:
    """Is an act of force with no named actor a specific one, as a date makes it: placed by
    a name ("the Las Vegas concert shooting", "the attack on Mosul") or said to have taken
    place ("the bombing that happened on Sunday")? "Attacks on civilians are a war crime"
    is neither."""
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "nmod", "amod")]
    modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children if g.dep_ == "compound"]
    if any(m.ent_type_ in _PLACE_ENTITIES for m in modifiers):
        return True  # "the Las Vegas concert shooting"
    for child in noun.children:
        if (
            child.dep_ == "prep"
            and child.lower_ in _PLACING_PREPS
            and any(g.dep_ == "pobj" and g.ent_type_ in _PLACE_ENTITIES for g in child.children)
        ):
            return True
        if child.dep_ == "relcl" and says_it_occurred(child, lexicon):
            return True  # "the shooting that took place on Sunday"
    return False


def _determined(noun: Token) -> bool:
    """Is the noun phrase specific, with a determiner, number or possessor ("the attacks",
    "a dozen attacks", "their strike"), not a bare generic plural?"""
    return any(c.dep_ in ("det", "nummod", "poss", "quantmod") for c in noun.children)


def _violent_event_subject(subject: Token | None, frame: VerbFrame, lexicon: Lexicon) -> bool:
    """Is the subject of an act of force itself such an act, standing for its unnamed
    perpetrators ("a gun and suicide bomb attack targeted the mausoleum", "the
    bombings killed 40")?"""
    if subject is None or frame.event_type not in lexicon.victim_types:
        return False
    entry = lexicon.nouns.get(subject.lemma_.lower())
    return entry is not None and entry.event_type in lexicon.victim_types


def _unnamed_victims(verb: Token, frame: VerbFrame, lexicon: Lexicon) -> bool:
    """Is the verb a passive assault or coercion of people by no named hand ("at least
    seven people were killed", "80 suspects have been arrested", "85 terrorists have been
    hit by coalition air strikes", "a branch manager was jailed": a verb that acts only on
    people makes any noun its victim)? The act is specific though neither side resolves."""
    accused = frame.event_type in lexicon.accused_types
    if not (frame.event_type in lexicon.victim_types or accused) or (
        frame.compiled and frame.needs == "both"
    ):
        return False
    victim = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if victim is None or not (
        victim.lemma_.lower() in lexicon.victim_nouns
        or (verb.lemma_.lower() in lexicon.person_patient_verbs and victim.pos_ == "NOUN")
        # "they are accused of disrespecting the anthem", "executives are suspected of ..."
        or (
            accused
            and (victim.lower_ in _THIRD_PERSON_PRONOUNS or victim.lemma_.lower() in lexicon.people_nouns)
        )
    ):
        return False
    by = passive_agent(verb)
    if by is not None:
        lemma = by.lemma_.lower()
        unnamed_hand = by.pos_ == "NOUN" and (
            lemma in lexicon.people_nouns or lemma in lexicon.violent_agent_nouns
        )
        if not (unnamed_hand or lemma in lexicon.instrument_subjects):
            return False  # "by a gunman", "by air strikes": an unnamed hand; "by a car crash": none
    return not compiled_veto(verb)  # "three people were killed in a car crash"


def _unnamed_people(
    verb: Token, frame: VerbFrame, theme: Token | None, source: str | None, lexicon: Lexicon
) -> bool:
    """Does the act of a named actor fall on people no actor stands for ("the UN will
    provide food aid to refugees", "police arrested 12 demonstrators")?"""
    return (
        source is not None
        and frame.event_type in lexicon.group_patient_types
        and not frame.target_kinds
        and group_target(verb, frame, theme)
    )


def _claimant(ctx: DocContext, noun: Token, lexicon: Lexicon) -> str | None:
    """Who claims responsibility for the event: "ISIS claimed responsibility for the attacks"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() != "responsibility":
        return None
    verb = prep.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lexicon.responsibility_verbs:
        return None
    return phrase_actor(ctx, subject_of(verb))


def _both_sides(subject: Token | None, memory: _Memory) -> tuple[str | None, str | None]:
    """The two actors "both sides" or "the two countries" stand for: those of the last
    two-sided event."""
    if subject is None or memory.pair is None:
        return None, None
    if subject.lower_ == "both" and not any(c.dep_ == "prep" for c in subject.children):
        return memory.pair  # "Both exchanged prisoners", after a two-sided event
    if subject.lemma_.lower() not in _SIDE_NOUNS:
        return None, None
    if any(c.lower_ in ("both", "two") and c.dep_ in ("det", "nummod", "predet") for c in subject.children):
        return memory.pair
    return None, None


def _verbal_event(
    ctx: DocContext,
    cand: VerbalCandidate,
    lexicon: Lexicon,
    memory: _Memory,
    dated: list[DatedExpression],
    blockers: frozenset[int],
    voices: Sequence[Attribution] = (),
) -> _Event | None:
    verb = cand.verb
    if ctx.mention_at(verb) is not None:
        return None
    subject = subject_of(verb)
    by_agent = subject is not None and subject.head.dep_ == "agent"
    speaker = speaker_as_subject(subject, voices)
    lenient = phrase_actor(ctx, subject, strict=by_agent) or speaker
    strict = phrase_actor(ctx, subject, strict=True) or speaker
    side_source, side_target = _both_sides(subject, memory) if strict is None else (None, None)
    for frame, theme in cand.frames:
        source = lenient if frame.event_type in lexicon.speech_types else strict
        target = verbal_target(ctx, verb, frame, theme)
        if source is None and side_source is not None:
            source, target = side_source, target or side_target
        if target is None and is_reciprocal(verb):
            target = conjunct_actor(ctx, subject, source)  # "Airbus and Boeing accuse each other"
        if target is None and (
            frame.event_type in lexicon.symmetric_types
            or verb.lemma_.lower() in lexicon.reciprocal_light_verbs
        ):
            # "Blair and Bush met", "Egypt and Israel signed a protocol" (the object is the
            # frame's theme): the other side; with another object they act together
            # ("Labour and the Conservatives are telephoning voters")
            if theme is not None or not has_object(verb):
                target = conjunct_actor(ctx, subject, source)
            if target is None:
                first, second = between_actors(ctx, (verb, theme))  # "signed between X and Y"
                if source is None or source == first:
                    source, target = first, second
                else:
                    target = first
        frame_source = source
        if (
            frame_source is None
            and subject is None
            and theme is not None
            and frame.event_type in lexicon.owner_acts_types
            and is_passive(verb)
        ):
            frame_source = modifier_actor(ctx, theme)  # "British troops were deployed to Iraq"
        if frame.objects and target is None:
            remembered_source, target = _recall(theme, lexicon, memory)
            frame_source = frame_source or (remembered_source if frame.event_type == "SANCTION" else None)
        if frame_source is not None and frame_source == target:
            target = None
        # an unnamed group ("Afghan rebels", "2,000 protesters") acts, though no actor resolves
        group = frame_source is None and (
            is_group_agent(subject, frame.event_type)
            # "the attack targeted the mausoleum": only with a victim named ("the war dominated the campaign")
            or (target is not None and _violent_event_subject(subject, frame, lexicon))
        )
        victims = target is None and _unnamed_victims(verb, frame, lexicon)
        if victims and frame_source is None:
            group = True  # "the girls were raped": by an unnamed hand
        if frame_source is None and target is None and frame.date_suffices and not group:
            # only where no agent is named at all ("an agreement reached in 1992"): a
            # named agent that is no political actor ("the club agreed a plan") is no event
            if (
                subject is not None
                or date_for_event(
                    dated, {verb.i} | ({theme.i} if theme is not None else set()), None, blockers
                )
                is None
            ):
                continue
        elif not frame_fits(
            ctx,
            frame,
            UNNAMED_GROUP if group else frame_source,
            UNNAMED_GROUP
            if victims or (target is None and _unnamed_people(verb, frame, theme, frame_source, lexicon))
            else target,
            verb,
        ):
            continue
        elif (
            subject is not None
            and frame_source is None
            and not group
            and not by_agent
            and frame.event_type not in lexicon.speech_types
            and (frame.compiled or subject.lemma_.lower() not in lexicon.instrument_subjects)
            and (subject.pos_ in ("NOUN", "PROPN") or subject.lower_ in _THING_PRONOUNS)
        ):
            continue  # a subject that names no one does not act: "hurricanes have killed 332 Americans"
        start, end = _trigger_extent(verb, theme, frame)
        actors = (frame_source is not None) + (target is not None)
        anchors = {verb.i} | ({theme.i} if theme is not None else set())
        return _Event(
            head=verb,
            start=start,
            end=end,
            event_type=frame.event_type,
            source=frame_source,
            target=target,
            confidence=frame.confidence * _ACTOR_FACTOR[actors],
            anchors=frozenset(anchors),
            clause_head=verb,
            nominal=False,
            mode=frame.mode,
            contexts=frame.contexts,
        )
    return None


def _attempted(head: Token, sent: Span, rules: ModalityRules) -> bool:
    """Is the trigger the infinitive of a verb of attempting that is itself asserted
    ("she tried to defend Bergdahl", not "she may try to defend him")?"""
    governor = head.head
    if head.dep_ != "xcomp" or governor.i == head.i or governor.lemma_.lower() not in rules.attempt_verbs:
        return False
    return event_modality(governor, governor, False, sent, rules) == ASSERTED


def _trigger_extent(verb: Token, theme: Token | None, frame: VerbFrame) -> tuple[int, int]:
    """First and last token of a verbal trigger: the verb with the particles right
    after it ("cracked down on", "called for"), stretched to the object noun of an
    object frame ("imposed sanctions")."""
    doc = verb.doc
    start = end = verb.i
    while (
        end + 1 < len(doc)
        and doc[end + 1].head.i == verb.i
        and (doc[end + 1].dep_ == "prt" or doc[end + 1].lower_ in frame.particles)
    ):
        end += 1
    if theme is not None and abs(theme.i - verb.i) <= 8:
        start, end = min(start, theme.i), max(end, theme.i)
    return start, end


def _row(
    ctx: DocContext,
    sent: Span,
    event: _Event,
    dated: list[DatedExpression],
    rules: ModalityRules,
    triggers: frozenset[int],
    voices: Sequence[Attribution] = (),
) -> EventRow:
    doc = ctx.doc
    char_start = doc[event.start].idx
    char_end = doc[event.end].idx + len(doc[event.end].text)
    modality = event_modality(event.head, event.clause_head, event.nominal, sent, rules)
    event_type = event.event_type
    mode = event.mode
    if (
        modality == HYPOTHETICAL
        and not event.backoff
        and not (event.nominal and event.clause_head.i == event.head.i)
    ):
        committed = commitment(event_type, event.clause_head, sent, rules)
        if committed is not None and (
            committed.governor.i == event.clause_head.i or committed.governor.i not in triggers
        ):
            event_type, modality, mode = committed.event_type, ASSERTED, committed.mode
    if modality == HYPOTHETICAL and voices and not event.nominal:
        speaker = speaker_of(voices, char_start, char_end)
        if (
            speaker is not None
            and event.source in (None, speaker)
            and voiced_threat(event.head, event_type, rules)
        ):
            # "'We will strike back,' Kim said": a threat the speaker made
            event = replace(event, source=speaker)
            event_type, modality, mode = "THREATEN", ASSERTED, None
    if (
        modality == HYPOTHETICAL
        and event_type in rules.attempted_types
        and _attempted(event.head, sent, rules)
    ):
        modality = ASSERTED  # "tried to discredit the writer": the verbal act is made
    if event_type in rules.refusal_types and not event.nominal:
        refusal = refusal_head(event.head, sent, rules)
        # "refused to lift sanctions" is already a rejection by "refused" itself
        if refusal is not None and (refusal.i == event.head.i or refusal.i not in triggers):
            event_type, modality, mode = "REJECT", ASSERTED, rules.refusal_modes.get(event_type)
    found = date_for_event(
        dated,
        set(event.anchors),
        event.head if event.nominal else None,
        triggers,
        governor=None if event.nominal else time_governor(event.head),
    )
    date = found.resolved if found is not None else None
    return EventRow(
        event_id=row_id("ev", ctx.doc_id, char_start, char_end, event_type),
        doc_id=ctx.doc_id,
        sentence_id=ctx.sentence_id(sent),
        event_type=event_type,
        source_actor_id=event.source,
        target_actor_id=event.target,
        date_start=None if date is None else date.start,
        date_end=None if date is None else date.end,
        date_precision=None if date is None else date.precision,
        date_text=None if date is None else date.text,
        modality=modality,
        event_mode=mode,
        event_contexts=list(event.contexts),
        trigger=doc_text(doc)[char_start:char_end],
        char_start=char_start,
        char_end=char_end,
        confidence=round(min(1.0, event.confidence), 3),
    )
