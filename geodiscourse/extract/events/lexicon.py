"""The PLOVER trigger lexicon and the modality word lists, loaded once and checked.

Both live as commented YAML under ``geodiscourse/rules/`` so that adding a verb or a
hedge word is a data change a reviewer can read; this module turns them into frozen
dataclasses and fails loudly, naming the file and entry, when an entry is malformed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from importlib import resources
from typing import Any

from geodiscourse.extract.events.compiled import compiled_verbs
from geodiscourse.rules import RuleFileError, read_yaml_mapping
from geodiscourse.rules.word_lists import word_list
from geodiscourse.schemas.events import PLOVER_TYPES as SCHEMA_PLOVER_TYPES
from geodiscourse.schemas.plover_vocabulary import PLOVER_CONTEXTS, PLOVER_MODES

PLOVER_TYPES = frozenset(SCHEMA_PLOVER_TYPES)
ROLES = frozenset({"source", "target", "both", "owner", "none"})
NEEDS = frozenset({"any", "source", "target", "both", "none"})
_VERB_KEYS = frozenset(
    {
        "type",
        "confidence",
        "objects",
        "particles",
        "exclude_particles",
        "targets",
        "needs",
        "actor_kinds",
        "target_kinds",
        "needs_xcomp",
        "exclude_xcomp",
        "intransitive",
        "target_is_actor",
        "active_only",
        "present_is_state",
        "date_suffices",
        "theme_via_xcomp",
        "subjects",
        "named_object",
        "exclude_deps",
        "mode",
        "contexts",
    }
)
_NOUN_KEYS = frozenset(
    {
        "type",
        "confidence",
        "roles",
        "alone",
        "needs",
        "exclude_modifiers",
        "actor_kinds",
        "needs_prep",
        "needs_modifier",
        "needs_plural",
        "date_suffices",
        "retype",
        "for_clause",
        "mode",
        "contexts",
        "light_types",
        "light_only",
        "modifier_types",
    }
)


#: A rule file or entry is missing or malformed; the message names the file and the entry.
LexiconError = RuleFileError


@dataclass(frozen=True)
class VerbFrame:
    """One reading of a trigger verb (see the header of rules/events/plover.yaml)."""

    lemma: str
    event_type: str
    confidence: float
    objects: frozenset[str]
    particles: frozenset[str]
    exclude_particles: frozenset[str]
    targets: tuple[str, ...]
    needs: str
    actor_kinds: frozenset[str]
    target_kinds: frozenset[str]
    needs_xcomp: bool
    exclude_xcomp: frozenset[str]
    intransitive: bool
    target_is_actor: bool
    active_only: bool
    present_is_state: bool
    date_suffices: bool
    theme_via_xcomp: bool
    #: the frame needs an active subject with one of these lemmas ("protesters gathered")
    subjects: frozenset[str] = frozenset()
    #: the frame needs a person's name or pronoun as its object ("fired James Comey",
    #: "fired him"), so that other objects ("fired four shells") read the verb otherwise
    named_object: bool = False
    #: the frame does not apply when the verb has a dependent of one of these kinds
    #: ("called him a liar": oprd, a naming, not a phone call)
    exclude_deps: frozenset[str] = frozenset()
    #: PLOVER mode and contexts the frame determines (codebook names), if any.
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    #: Compiled from the CAMEO dictionary (see geodiscourse.extract.events.compiled).
    compiled: bool = False


@dataclass(frozen=True)
class NounEntry:
    """A nominal event trigger (see the header of rules/events/plover.yaml)."""

    lemma: str
    event_type: str
    confidence: float
    roles: Mapping[str, str]
    alone: bool
    needs: str
    actor_kinds: frozenset[str]
    needs_prep: frozenset[str]
    needs_modifier: frozenset[str]
    needs_plural: bool
    date_suffices: bool
    retype: tuple[str, frozenset[str]] | None  # (type, actor kinds) for a second reading
    for_clause: bool = False  # an event alone with "for X to ..." ("an EU demand for Turkey to ...")
    #: Modifiers that make the noun no event: "a good deal of money" is no agreement.
    exclude_modifiers: frozenset[str] = frozenset()
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    #: Light verbs that give the noun another type and mode: "held a call" is a phone
    #: consultation, not a request.
    light_types: Mapping[str, tuple[str, str | None]] = field(default_factory=dict)
    #: The only light verbs the noun takes, if set: "increased trade", not "had trade".
    light_only: frozenset[str] = frozenset()
    #: Modifiers that give the noun another type and mode: a "hunger strike" is a protest.
    modifier_types: Mapping[str, tuple[str, str | None]] = field(default_factory=dict)

    def retypings(self) -> list[tuple[str, str | None]]:
        """The (type, mode) readings a light verb or modifier may give the noun."""
        return [*self.light_types.values(), *self.modifier_types.values()]


@dataclass(frozen=True)
class Lexicon:
    verbs: Mapping[str, tuple[VerbFrame, ...]]
    nouns: Mapping[str, NounEntry]
    #: Modifiers with which a compiled noun names no event ("presidential bid").
    compiled_noun_exclusions: Mapping[str, frozenset[str]]
    light_verbs: frozenset[str]
    announcing_verbs: frozenset[str]
    #: Verbs that carry a speech-act noun like a light verb ("repeated calls for X").
    reiterating_verbs: frozenset[str]
    occurrence_verbs: frozenset[str]
    families: Mapping[str, frozenset[str]]
    symmetric_types: frozenset[str]
    speech_types: frozenset[str]
    agent_nouns: frozenset[str]
    person_agent_nouns: frozenset[str]
    #: Verbs whose compiled default reading is ignored (see plover.yaml general_verbs).
    general_verbs: frozenset[str] = frozenset()
    #: Subjects that stand for an unnamed attacker (see plover.yaml instrument_subjects).
    instrument_subjects: frozenset[str] = frozenset()
    #: Verbs whose subject claims "responsibility for" an event (plover.yaml).
    responsibility_verbs: frozenset[str] = frozenset()
    #: The project's own agent nouns that act as an unnamed group (plover.yaml).
    group_agent_nouns: frozenset[str] = frozenset()
    violent_agent_nouns: frozenset[str] = frozenset()
    #: Default roles of an event noun's dependents (plover.yaml noun_roles).
    noun_roles: Mapping[str, str] = field(default_factory=dict)
    #: People an unnamed hand acts on in a passive, and the types that may report it.
    victim_nouns: frozenset[str] = frozenset()
    #: Light verbs of a two-sided exchange ("traded insults"): the subject's conjuncts are both sides.
    reciprocal_light_verbs: frozenset[str] = frozenset()
    #: Verbs whose subject undergoes the event noun they govern ("Kenya has experienced attacks").
    undergoing_verbs: frozenset[str] = frozenset()
    confinement_nouns: frozenset[str] = frozenset()
    victim_types: frozenset[str] = frozenset()
    #: Types whose passive with people accused by no named hand is specific (plover.yaml).
    accused_types: frozenset[str] = frozenset()
    #: Verbs whose patient is a person by the verb's meaning ("was jailed for life").
    person_patient_verbs: frozenset[str] = frozenset()
    group_patient_types: frozenset[str] = frozenset()
    owner_acts_types: frozenset[str] = frozenset()
    #: Participles whose compounded actor acts ("Iraqi-led attack"; plover.yaml).
    agentive_participles: frozenset[str] = frozenset()

    @cached_property
    def people_nouns(self) -> frozenset[str]:
        """Nouns for people no actor stands for, from every list of them: victims, agents,
        groups ("civilians", "officials", "protesters")."""
        return self.victim_nouns | self.agent_nouns | self.person_agent_nouns | self.group_agent_nouns


@dataclass(frozen=True)
class ModalityRules:
    """The word lists of rules/events/event_modality.yaml (see the comments there)."""

    modal_auxiliaries: frozenset[str]
    negators: frozenset[str]
    negating_determiners: frozenset[str]
    negating_verbs: frozenset[str]
    negating_adjectives: frozenset[str]
    negating_nouns: frozenset[str]
    negating_prepositions: frozenset[str]
    hypothetical_adjectives: frozenset[str]
    hypothetical_nouns: frozenset[str]
    implicative_verbs: frozenset[str]
    attempt_verbs: frozenset[str]
    attempted_types: frozenset[str]
    future_governors: frozenset[str]
    hypothetical_clause_verbs: frozenset[str]
    factive_verbs: frozenset[str]
    conditional_marks: frozenset[str]
    conditioned_speech_acts: frozenset[str]
    inquiry_verbs: frozenset[str]
    purpose_marks: frozenset[str]
    prospective_marks: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    preventive_verbs: frozenset[str]
    hypothetical_object_verbs: frozenset[str]
    desiderative_verbs: frozenset[str]
    desiderative_for_verbs: frozenset[str]
    causative_verbs: frozenset[str]
    refusal_types: frozenset[str]
    refusal_reporting_verbs: frozenset[str]
    refusal_modals: frozenset[str]
    refusal_main_clause_exclusions: frozenset[str]
    refusal_verbs: frozenset[str]
    commitment_verbs: frozenset[str]
    commitment_adjectives: frozenset[str]
    future_modals: frozenset[str]
    commitment_agree_types: frozenset[str]
    commitment_concede_types: frozenset[str]
    commitment_threaten_types: frozenset[str]
    commitment_refusal_verbs: frozenset[str]
    prediction_voices: frozenset[str]
    #: the REJECT mode of a refused type (CONSULT -> meet); a mapping, not a word list
    refusal_modes: Mapping[str, str] = field(default_factory=dict)


def _refusal_modes(value: object, where: str) -> dict[str, str]:
    """The refused type -> REJECT mode table, each mode one the codebook lists for REJECT."""
    if not isinstance(value, dict):
        raise LexiconError(f"{where} must be a mapping of event type to REJECT mode")
    modes = {str(k).upper(): str(v) for k, v in value.items()}
    unknown = {m for m in modes.values() if m not in PLOVER_MODES["REJECT"]}
    if unknown:
        raise LexiconError(f"{where}: {sorted(unknown)} are not REJECT modes {PLOVER_MODES['REJECT']}")
    return modes


def _words(value: object, where: str) -> frozenset[str]:
    """A word list (plain, or over the shared lists), lower-cased; none when absent."""
    if value is None:
        return frozenset()
    return word_list(value, where)


def _expand(words: Iterable[str], families: Mapping[str, frozenset[str]], where: str) -> frozenset[str]:
    out: set[str] = set()
    for word in words:
        if word.upper() == word and word.isalpha() and len(word) > 1:
            if word not in families:
                raise LexiconError(
                    f"{where}: unknown object family {word!r} (define it under object_families)"
                )
            out |= families[word]
        else:
            out.add(word.lower())
    return frozenset(out)


def _check_type(entry: Mapping[str, Any], where: str) -> str:
    event_type = entry.get("type")
    if event_type not in PLOVER_TYPES:
        raise LexiconError(f"{where}: type {event_type!r} is not one of the 16 PLOVER types")
    return str(event_type)


def _confidence(entry: Mapping[str, Any], where: str) -> float:
    value = float(entry.get("confidence", 0.7))
    if not 0.0 < value <= 1.0:
        raise LexiconError(f"{where}: confidence must be in (0, 1], got {value}")
    return value


def _needs(raw: Mapping[str, Any], where: str) -> str:
    needs = str(raw.get("needs", "any"))
    if needs not in NEEDS:
        raise LexiconError(f"{where}: needs must be one of {sorted(NEEDS)}, got {needs!r}")
    return needs


def _verb_frame(
    lemma: str, raw: Mapping[str, Any], families: Mapping[str, frozenset[str]], where: str
) -> VerbFrame:
    unknown = set(raw) - _VERB_KEYS
    if unknown:
        raise LexiconError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_VERB_KEYS)}")
    needs = _needs(raw, where)
    objects = [str(o) for o in raw.get("objects") or []]
    return VerbFrame(
        lemma=lemma,
        event_type=_check_type(raw, where),
        confidence=_confidence(raw, where),
        objects=_expand(objects, families, where),
        particles=_words(raw.get("particles"), f"{where} particles"),
        exclude_particles=_words(raw.get("exclude_particles"), f"{where} exclude_particles"),
        targets=tuple(str(t).lower() for t in raw.get("targets") or ["dobj"]),
        needs=needs,
        actor_kinds=_words(raw.get("actor_kinds"), f"{where} actor_kinds"),
        target_kinds=_words(raw.get("target_kinds"), f"{where} target_kinds"),
        needs_xcomp=bool(raw.get("needs_xcomp", False)),
        exclude_xcomp=_words(raw.get("exclude_xcomp"), f"{where} exclude_xcomp"),
        intransitive=bool(raw.get("intransitive", False)),
        target_is_actor=bool(raw.get("target_is_actor", False)),
        active_only=bool(raw.get("active_only", False)),
        present_is_state=bool(raw.get("present_is_state", False)),
        date_suffices=bool(raw.get("date_suffices", False)),
        theme_via_xcomp=bool(raw.get("theme_via_xcomp", False)),
        subjects=_expand([str(o) for o in raw.get("subjects") or []], families, where),
        named_object=bool(raw.get("named_object", False)),
        exclude_deps=frozenset(str(d).lower() for d in raw.get("exclude_deps") or ()),
        mode=_mode(raw, where),
        contexts=_contexts(raw, where),
    )


def _noun_entry(lemma: str, raw: Mapping[str, Any], defaults: Mapping[str, str], where: str) -> NounEntry:
    unknown = set(raw) - _NOUN_KEYS
    if unknown:
        raise LexiconError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_NOUN_KEYS)}")
    roles = dict(defaults)
    for key, role in (raw.get("roles") or {}).items():
        role = str(role).lower()
        if role not in ROLES:
            raise LexiconError(f"{where}: role of {key!r} must be one of {sorted(ROLES)}, got {role!r}")
        roles[str(key).lower()] = role
    return NounEntry(
        lemma=lemma,
        event_type=_check_type(raw, where),
        confidence=_confidence(raw, where),
        roles=roles,
        alone=bool(raw.get("alone", True)),
        needs=_needs(raw, where),
        actor_kinds=_words(raw.get("actor_kinds"), f"{where} actor_kinds"),
        needs_prep=_words(raw.get("needs_prep"), f"{where} needs_prep"),
        needs_modifier=_words(raw.get("needs_modifier"), f"{where} needs_modifier"),
        needs_plural=bool(raw.get("needs_plural", False)),
        date_suffices=bool(raw.get("date_suffices", False)),
        retype=_retype(raw.get("retype"), where),
        for_clause=bool(raw.get("for_clause", False)),
        exclude_modifiers=_words(raw.get("exclude_modifiers"), f"{where} exclude_modifiers"),
        mode=_mode(raw, where),
        contexts=_contexts(raw, where),
        light_types=_retypings_of(raw.get("light_types"), where),
        modifier_types=_retypings_of(raw.get("modifier_types"), where),
        light_only=_words(raw.get("light_only"), f"{where} light_only"),
    )


def _retypings_of(raw: object, where: str) -> dict[str, tuple[str, str | None]]:
    """light_types or modifier_types: a word -> (type, mode) from "TYPE" or "TYPE/mode"."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: light_types and modifier_types map a word to TYPE or TYPE/mode")
    out: dict[str, tuple[str, str | None]] = {}
    for verb, value in raw.items():
        event_type, _, mode = str(value).partition("/")
        _check_type({"type": event_type}, f"{where} light_types.{verb}")
        if mode and mode not in PLOVER_MODES[event_type]:
            raise LexiconError(f"{where} light_types.{verb}: {mode!r} is not a PLOVER mode of {event_type}")
        out[str(verb).lower()] = (event_type, mode or None)
    return out


def _mode(raw: Mapping[str, Any], where: str) -> str | None:
    mode = raw.get("mode")
    if mode is None:
        return None
    if str(mode) not in PLOVER_MODES.get(str(raw.get("type")), ()):
        raise LexiconError(f"{where}: mode {mode!r} is not a PLOVER mode of {raw.get('type')}")
    return str(mode)


def _contexts(raw: Mapping[str, Any], where: str) -> tuple[str, ...]:
    contexts = tuple(str(c) for c in raw.get("contexts") or ())
    unknown = [c for c in contexts if c not in PLOVER_CONTEXTS]
    if unknown:
        raise LexiconError(f"{where}: {unknown} are not PLOVER contexts")
    return contexts


def _retype(raw: object, where: str) -> tuple[str, frozenset[str]] | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: retype must be a mapping with type and actor_kinds")
    return _check_type(raw, f"{where} retype"), _words(raw.get("actor_kinds"), f"{where} retype.actor_kinds")


def _with_compiled_mode(frame: VerbFrame) -> VerbFrame:
    """A hand-written frame that names no mode or context takes those of the compiled
    CAMEO default of its verb when both code the same type ("arrest": COERCE, mode
    arrest, context legal); the codebook's modes then reach the hand-written rules too."""
    if frame.mode is not None or frame.contexts:
        return frame
    for reading in compiled_verbs().get(frame.lemma, ()):
        default = reading.default
        if reading.particle is None and default is not None and default.event_type == frame.event_type:
            return replace(frame, mode=default.mode, contexts=default.contexts)
    return frame


@cache
def plover_lexicon() -> Lexicon:
    """rules/events/plover.yaml as checked frames; raises LexiconError naming a bad entry."""
    name = "events/plover.yaml"
    data = read_yaml_mapping(name)
    families = {
        str(k): _words(v, f"{name} object_families.{k}")
        for k, v in (data.get("object_families") or {}).items()
    }
    defaults = {str(k).lower(): str(v).lower() for k, v in (data.get("noun_roles") or {}).items()}
    verbs: dict[str, tuple[VerbFrame, ...]] = {}
    for lemma, frames in (data.get("verbs") or {}).items():
        where = f"{name} verbs.{lemma}"
        if not isinstance(frames, list) or not frames:
            raise LexiconError(f"{where} must be a non-empty list of frames")
        verbs[str(lemma)] = tuple(
            _verb_frame(str(lemma), frame, families, f"{where}[{i}]") for i, frame in enumerate(frames)
        )
    verbs = {lemma: tuple(_with_compiled_mode(f) for f in frames) for lemma, frames in verbs.items()}
    nouns = {
        str(lemma): _noun_entry(str(lemma), entry, defaults, f"{name} nouns.{lemma}")
        for lemma, entry in (data.get("nouns") or {}).items()
    }
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        compiled_noun_exclusions={
            str(noun): _words(words, f"{name} compiled_noun_exclusions.{noun}")
            for noun, words in (data.get("compiled_noun_exclusions") or {}).items()
        },
        light_verbs=_words(data.get("light_verbs"), f"{name} light_verbs"),
        announcing_verbs=_words(data.get("announcing_verbs"), f"{name} announcing_verbs"),
        reiterating_verbs=_words(data.get("reiterating_verbs"), f"{name} reiterating_verbs"),
        occurrence_verbs=_words(data.get("occurrence_verbs"), f"{name} occurrence_verbs"),
        reciprocal_light_verbs=_words(data.get("reciprocal_light_verbs"), f"{name} reciprocal_light_verbs"),
        undergoing_verbs=_words(data.get("undergoing_verbs"), f"{name} undergoing_verbs"),
        confinement_nouns=_words(data.get("confinement_nouns"), f"{name} confinement_nouns"),
        families=families,
        symmetric_types=frozenset(str(t).upper() for t in data.get("symmetric_types") or []),
        speech_types=frozenset(str(t).upper() for t in data.get("speech_types") or []),
        agent_nouns=_words(data.get("agent_nouns"), f"{name} agent_nouns"),
        person_agent_nouns=_words(data.get("person_agent_nouns"), f"{name} person_agent_nouns"),
        general_verbs=_words(data.get("general_verbs"), f"{name} general_verbs"),
        instrument_subjects=_words(data.get("instrument_subjects"), f"{name} instrument_subjects"),
        agentive_participles=_words(data.get("agentive_participles"), f"{name} agentive_participles"),
        responsibility_verbs=_words(data.get("responsibility_verbs"), f"{name} responsibility_verbs"),
        group_agent_nouns=_words(data.get("group_agent_nouns"), f"{name} group_agent_nouns"),
        violent_agent_nouns=_words(data.get("violent_agent_nouns"), f"{name} violent_agent_nouns"),
        victim_nouns=_words(data.get("victim_nouns"), f"{name} victim_nouns"),
        victim_types=frozenset(str(t).upper() for t in data.get("victim_types") or []),
        accused_types=frozenset(str(t).upper() for t in data.get("accused_types") or []),
        person_patient_verbs=_words(data.get("person_patient_verbs"), f"{name} person_patient_verbs"),
        group_patient_types=frozenset(str(t).upper() for t in data.get("group_patient_types") or []),
        owner_acts_types=frozenset(str(t).upper() for t in data.get("owner_acts_types") or []),
        noun_roles=defaults,
    )


@cache
def modality_rules() -> ModalityRules:
    """rules/events/event_modality.yaml as word sets."""
    name = "events/event_modality.yaml"
    data = read_yaml_mapping(name)
    fields = ModalityRules.__dataclass_fields__
    missing = [key for key in fields if key not in data]
    if missing:
        raise LexiconError(f"{name} lacks the list(s) {missing}")
    rules: dict[str, Any] = {
        key: _words(data[key], f"{name} {key}") for key in fields if key != "refusal_modes"
    }
    for key in fields:
        if key.endswith("_types"):
            rules[key] = frozenset(t.upper() for t in rules[key])
    rules["refusal_modes"] = _refusal_modes(data["refusal_modes"], f"{name} refusal_modes")
    return ModalityRules(**rules)


#: Base confidence of a noun compiled from the CAMEO verbs (rules/events/cameo_nouns.json):
#: lower than most hand entries, as a derived noun may name the act less surely.
COMPILED_NOUN_CONFIDENCE = 0.5


@cache
def compiled_nouns() -> Mapping[str, NounEntry]:
    """The nouns of the CAMEO verbs' events (tools/build_event_nouns.py), as entries with
    plover.yaml's default noun roles; hand-written nouns are not among them."""
    lexicon = plover_lexicon()
    defaults, hand = lexicon.noun_roles, lexicon.nouns
    raw = json.loads(
        resources.files("geodiscourse.rules.events").joinpath("cameo_nouns.json").read_text(encoding="utf-8")
    )["nouns"]
    return {
        noun: _noun_entry(
            noun,
            {
                "type": entry["type"],
                "confidence": COMPILED_NOUN_CONFIDENCE,
                "exclude_modifiers": sorted(lexicon.compiled_noun_exclusions.get(noun, ())),
                **({"mode": entry["mode"]} if "mode" in entry else {}),
                **({"contexts": entry["contexts"]} if "contexts" in entry else {}),
            },
            defaults,
            f"events/cameo_nouns.json nouns.{noun}",
        )
        for noun, entry in raw.items()
        if noun not in hand
    }
