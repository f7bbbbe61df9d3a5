"""The actor lexicon: the gazetteer data files of ``geodiscourse/rules`` as typed records.

Everything here is data about the world (states, metonyms, organisations, titles, known
persons); the rules that use it live in ``gazetteer.py``, ``persons.py`` and ``pronouns.py``.
The lexicon is built once per process by :func:`load_lexicon` (a cached function, never at
import time) and is immutable afterwards, so worker processes can share the code path safely.
"""

from __future__ import annotations

import datetime
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import spacy
from spacy.tokenizer import Tokenizer

from geodiscourse.core.built_rules import built_once
from geodiscourse.extract.actors.slugs import fold, key
from geodiscourse.rules import RuleFileError, read_csv_rows, read_yaml, rule_text

log = logging.getLogger(__name__)

_FUNCTION_WORDS = frozenset({"and", "of", "the", "to", "for"})
ACTOR_KINDS = frozenset(
    {"state", "igo", "bloc", "person", "organization", "group", "region", "media", "other"}
)


#: The sector an actor of a kind always has: an outlet is media, an IGO intergovernmental.
_KIND_SECTORS = {"media": "media", "igo": "igo"}


@dataclass(frozen=True)
class Actor:
    """A canonical actor known to the gazetteer."""

    actor_id: str
    name: str
    kind: str
    country: str | None
    #: A person introduced with this actor ("UK Foreign Secretary", "Conservative MP",
    #: "the Kremlin's envoy") belongs to ``country``: true of states and parties, not of
    #: NGOs, media or IGOs.
    affiliates: bool
    #: The actor's sector (rules/actors/sectors.yaml), where the gazetteer says: media for
    #: outlets, party for parties; None for states and others.
    sector: str | None = None


@dataclass(frozen=True)
class ContextRule:
    """An ambiguous name resolves only in documents that mention one of these."""

    actors: frozenset[str]
    words: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Alias:
    """One way of writing an actor's name, as a token sequence."""

    text: str
    actor: Actor | None  # None: a blocker phrase that names no actor
    exact: bool  # match case-sensitively (short acronyms: "US" is not "us")
    #: Which token must be capitalised in the text, as an offset into the alias (its last
    #: word: "Labour", not "labour"; "Number 10", not "number 10"); None: no such word.
    cased: int | None
    demonym: bool  # an adjective or people noun ("Russian", "Britons"): never takes "the"
    context: ContextRule | None


@dataclass(frozen=True)
class Role:
    """A dated role of a known person: the state (None for an IGO) and sector it was held in."""

    country: str | None
    sector: str | None
    start: datetime.date | None
    end: datetime.date | None

    def holds_on(self, day: datetime.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class KnownPerson:
    name: str
    country: str | None
    #: Dated roles from the compiled dictionaries (none for a person only the hand-written
    #: list has, whose entry gives the state alone).
    roles: tuple[Role, ...] = ()
    #: Listed in the hand-written gazetteer_persons.yaml (whose surnames may stand alone).
    by_hand: bool = False

    def holds_role_on(self, day: datetime.date) -> bool:
        return any(r.holds_on(day) for r in self.roles)

    def role_on(self, day: datetime.date | None) -> Role | None:
        """The role held on ``day``; without a date or a role held then, the latest one."""
        if not self.roles:
            return None
        if day is not None:
            held = [r for r in self.roles if r.holds_on(day)]
            if held:
                return held[-1]
        return max(self.roles, key=lambda r: (r.start or datetime.date.min, r.end or datetime.date.max))


@dataclass(frozen=True)
class Lexicon:
    """All actor data, indexed for matching token sequences."""

    actors: dict[str, Actor]
    exact_aliases: dict[tuple[str, ...], Alias]
    folded_aliases: dict[tuple[str, ...], Alias]
    #: Longest alias length starting with a given first-token key, per index.
    exact_longest: dict[str, int]
    folded_longest: dict[str, int]
    honorific_gender: dict[str, str | None]  # "Mr" -> "m", "Dr" -> None
    kept_honorifics: frozenset[str]
    titles: dict[tuple[str, ...], str | None]  # lower-case title tokens -> state or None
    title_words: frozenset[str]  # every lower-case word of a title
    title_modifiers: dict[str, str]
    title_gender: dict[str, str]  # "prince" -> "m"
    role_heads: frozenset[str]
    contextual_heads: frozenset[str]
    known_persons: dict[tuple[str, ...], KnownPerson]  # folded lower-case name tokens
    known_surnames: dict[str, frozenset[str]]  # surname key -> states of listed persons with it
    surname_persons: dict[str, frozenset[str]]  # surname key -> names of listed persons with it
    organisation_words: frozenset[str]
    title_cues: frozenset[str]  # words before a quoted title of a work
    first_name_gender: dict[str, str]
    #: One-word names that stand for a person alone ("Putin", "Assad"), from the compiled
    #: dictionary: folded word -> the persons listing it (see affiliation._alone_person).
    alone_names: dict[str, tuple[KnownPerson, ...]] = field(default_factory=dict)
    #: Surnames that stand for a US president or vice president alone while in office ("Trump").
    in_office_names: dict[str, tuple[KnownPerson, ...]] = field(default_factory=dict)
    #: First words of the listed full names: a capitalised word that begins none of them
    #: begins no listed name, and most do not (persons._dictionary_names skips them).
    known_first_words: frozenset[str] = frozenset()
    #: Family names written first (Korean, Chinese): "Kim" of "Kim Jong-un" is his surname.
    family_first_names: frozenset[str] = frozenset()
    #: Sector a title's last word says ("senator" -> legislature), rules/actors/sectors.yaml.
    title_sectors: dict[str, str] = field(default_factory=dict)
    #: Sector each Phoenix sector code stands for ("GOV" -> government).
    phoenix_sectors: dict[str, str] = field(default_factory=dict)


def read_rule_file(name: str) -> Any:
    """One data file of ``geodiscourse/rules``, parsed (YAML) or as rows (CSV)."""
    return read_csv_rows(name) if name.endswith(".csv") else read_yaml(name)


def _actor_from(record: dict[str, Any], source: str) -> Actor:
    missing = [field for field in ("id", "name", "kind") if not record.get(field)]
    if missing:
        raise RuntimeError(f"geodiscourse/rules/{source}: entry {record!r} lacks {', '.join(missing)}")
    if record["kind"] not in ACTOR_KINDS:
        raise RuntimeError(
            f"geodiscourse/rules/{source}: {record['id']} has kind {record['kind']!r}; "
            f"use one of {', '.join(sorted(ACTOR_KINDS))}"
        )
    return Actor(
        actor_id=str(record["id"]),
        name=str(record["name"]),
        kind=str(record["kind"]),
        country=record.get("country"),
        affiliates=bool(record.get("affiliates", False)),
        sector=record.get("sector")
        or ("party" if record["kind"] == "organization" and record.get("affiliates") else None)
        or _KIND_SECTORS.get(str(record["kind"])),
    )


class _Builder:
    """Collects aliases while the lexicon is built; the first definition of an alias wins."""

    def __init__(self, tokenizer: Tokenizer, contexts: dict[str, ContextRule]) -> None:
        self.tokenizer = tokenizer
        self.contexts = contexts
        self.actors: dict[str, Actor] = {}
        self.exact: dict[tuple[str, ...], Alias] = {}
        self.folded: dict[tuple[str, ...], Alias] = {}

    def tokens(self, text: str) -> list[str]:
        return [t.text for t in self.tokenizer(text)]

    def add_actor(self, actor: Actor) -> None:
        if actor.actor_id in self.actors and self.actors[actor.actor_id] != actor:
            raise RuntimeError(
                f"actor id {actor.actor_id} is defined twice in geodiscourse/rules/gazetteer_*"
            )
        self.actors[actor.actor_id] = actor

    def add_alias(self, text: str, actor: Actor | None, demonym: bool = False) -> None:
        words = self.tokens(text)
        if not words:
            return
        letters = "".join(ch for ch in text.removeprefix("the ") if ch.isalpha())
        exact = bool(letters) and letters.isupper() and len(letters) <= 5
        alias = Alias(
            text=text,
            actor=actor,
            exact=exact,
            cased=_cased_word(words),
            demonym=demonym,
            context=self.contexts.get(text),
        )
        index, token_key = (self.exact, fold) if exact else (self.folded, key)
        index.setdefault(tuple(token_key(w) for w in words), alias)


def _cased_word(words: list[str]) -> int | None:
    """Offset of the alias's last word with letters, if that word is capitalised."""
    for offset in range(len(words) - 1, -1, -1):
        if any(ch.isalpha() for ch in words[offset]):
            return offset if fold(words[offset])[:1].isupper() else None
    return None


def _context_rules(data: dict[str, Any], tokenizer: Tokenizer) -> dict[str, ContextRule]:
    rules: dict[str, ContextRule] = {}
    for entry in data.get("ambiguous") or []:
        rule = ContextRule(
            actors=frozenset(entry.get("actors") or []),
            words=tuple(tuple(t.text for t in tokenizer(w)) for w in entry.get("words") or []),
        )
        for name in entry["names"]:
            rules[name] = rule
    return rules


def _add_states(builder: _Builder) -> None:
    metonyms = read_rule_file("actors/gazetteer_metonyms.yaml")
    for row in read_rule_file("actors/gazetteer_states.csv"):
        code = row["iso3"]
        state = Actor(code, row["name"], "state", code, affiliates=True)
        builder.add_actor(state)
        for alias in filter(None, row["aliases"].split("|")):
            builder.add_alias(alias, state)
        for demonym in filter(None, row["demonyms"].split("|")):
            builder.add_alias(demonym, state, demonym=True)
    for code, names in [*(metonyms.get("states") or {}).items(), *(metonyms.get("epithets") or {}).items()]:
        if code not in builder.actors:
            raise RuntimeError(
                f"geodiscourse/rules/actors/gazetteer_metonyms.yaml: {code} is no state of gazetteer_states.csv"
            )
        for name in names or []:
            builder.add_alias(name, builder.actors[code])
    usa = builder.actors["USA"]
    for surname in metonyms.get("us_administrations") or []:
        builder.add_alias(f"{surname} administration", usa)
        builder.add_alias(f"{surname} White House", usa)


def _add_entities(builder: _Builder, source: str) -> None:
    for record in read_rule_file(source) or []:
        actor = _actor_from(record, source)
        builder.add_actor(actor)
        for alias in record.get("aliases") or []:
            builder.add_alias(str(alias), actor)
        for demonym in record.get("demonyms") or []:
            builder.add_alias(str(demonym), actor, demonym=True)


def _longest(index: dict[tuple[str, ...], Alias]) -> dict[str, int]:
    longest: dict[str, int] = {}
    for tokens in index:
        longest[tokens[0]] = max(longest.get(tokens[0], 0), len(tokens))
    return longest


COMPILED_PERSONS = "actors/compiled_persons.json"


def _known_persons(tokenizer: Tokenizer) -> dict[tuple[str, ...], KnownPerson]:
    """Full names of well-known persons: the hand-written list first (it wins where both
    list a name), then the persons compiled from Phoenix and the US Congress."""
    known: dict[tuple[str, ...], KnownPerson] = {}

    def add(spelling: str, person: KnownPerson, words: tuple[str, ...] | None = None) -> None:
        if words is None:
            words = tuple(key(t.text) for t in tokenizer(spelling) if t.text != ".")
        if len(words) >= 2:
            known.setdefault(words, person)
        elif words and person.by_hand:
            known.setdefault(words, person)  # the hand list's "Saddam", "Putin"

    for country, entries in (read_rule_file("actors/gazetteer_persons.yaml") or {}).items():
        for entry in entries or []:
            spellings = [s.strip() for s in str(entry).split("|")]
            person = KnownPerson(spellings[0], country, by_hand=True)
            for spelling in spellings:
                add(spelling, person)
    for person, spellings in compiled_persons():
        for spelling in spellings:
            words = tuple(key(w) for w in name_words(spelling))
            listed = known.get(words)
            if listed is not None and listed.by_hand and not listed.roles and _same_state(listed, person):
                # the hand list keeps its name and state, the dictionary adds the dated roles
                known[words] = KnownPerson(listed.name, listed.country, person.roles, by_hand=True)
            else:
                add(spelling, person, words)
    return known


#: A word of a person's name as the parser's tokenizer splits it: a hyphen between
#: letters is a token of its own ("Jong-un" -> "Jong", "-", "un"); initials keep their
#: full stop ("V."), apostrophes stay inside ("O'Brien").
_NAME_WORD = re.compile(r"[,\"()]|(?<=\w)-(?=\w)|[^\s\-,\"()]+(?:-(?!\w)[^\s\-,\"()]*)*")


def name_words(name: str) -> list[str]:
    """The tokens of a clean name from the compiled dictionary, as spaCy's tokenizer
    would give them: tokenizing 20,000 names with spaCy costs seconds per worker, and these
    names hold little punctuation (hyphens, apostrophes, initials, a nickname in quotes).
    About 20 of the 20,000 differ from spaCy's split (upper-case abbreviations such as
    "GEN."), names no text writes that way."""
    return [w for w in _NAME_WORD.findall(name) if w != "."]


def _same_state(listed: KnownPerson, compiled: KnownPerson) -> bool:
    return listed.country in {r.country for r in compiled.roles}


def _date(text: str | None) -> datetime.date | None:
    return None if text is None else datetime.date.fromisoformat(text)


def _alone_names(
    known: dict[tuple[str, ...], KnownPerson], in_office: bool = False
) -> dict[str, tuple[KnownPerson, ...]]:
    """Each one-word name of the compiled dictionary (``alone``, or ``alone_in_office``),
    with the persons (as known by their full name: the hand list's record where it has one)
    that list it."""
    found: dict[str, list[KnownPerson]] = {}
    for person, spellings, alone, office in _compiled_records():
        full = tuple(key(w) for w in name_words(spellings[0]))
        listed = known.get(full, person)
        for word in office if in_office else alone:
            persons = found.setdefault(key(word), [])
            if listed not in persons:
                persons.append(listed)
    return {word: tuple(persons) for word, persons in found.items()}


def compiled_persons() -> list[tuple[KnownPerson, list[str]]]:
    """The persons of rules/actors/compiled_persons.json (built by
    tools/build_actor_dictionary.py) with their spellings."""
    return [(person, spellings) for person, spellings, _, _ in _compiled_records()]


@lru_cache(maxsize=1)
def _compiled_records() -> list[tuple[KnownPerson, list[str], list[str], list[str]]]:
    try:
        data = json.loads(rule_text(COMPILED_PERSONS))
    except json.JSONDecodeError as err:
        raise RuleFileError(f"geodiscourse/rules/{COMPILED_PERSONS} is not valid JSON: {err}") from err
    out: list[tuple[KnownPerson, list[str], list[str], list[str]]] = []
    for record in data.get("persons") or []:
        roles = tuple(
            Role(r.get("country"), r.get("sector"), _date(r.get("start")), _date(r.get("end")))
            for r in record.get("roles") or []
        )
        countries = {r.country for r in roles if r.country}
        country = next(iter(countries)) if len(countries) == 1 else None
        out.append(
            (
                KnownPerson(str(record["name"]), country, roles),
                [str(s) for s in record["spellings"]],
                [str(w) for w in record.get("alone") or []],
                [str(w) for w in record.get("alone_in_office") or []],
            )
        )
    return out


def _by_surname(
    known: dict[tuple[str, ...], KnownPerson], value: Callable[[KnownPerson], str | None]
) -> dict[str, frozenset[str]]:
    """``value`` of every known person, grouped by surname (the last word of a name of two
    words or more)."""
    groups: dict[str, set[str]] = {}
    for words, person in known.items():
        # the hand-written list only: a surname alone is read as one person's only where
        # that list says so, not wherever a dictionary of thousands has a namesake
        if len(words) >= 2 and person.by_hand:
            found = value(person)
            if found is not None:
                groups.setdefault(words[-1], set()).add(found)
    return {surname: frozenset(found) for surname, found in groups.items()}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon, built once per machine from the gazetteer files (see core.built_rules)."""
    return built_once("actor-lexicon", _build_lexicon)


def _build_lexicon() -> Lexicon:
    tokenizer = spacy.blank("en").tokenizer  # same tokenizer rules as the parsing model
    ambiguous = read_rule_file("actors/gazetteer_ambiguous.yaml") or {}
    builder = _Builder(tokenizer, _context_rules(ambiguous, tokenizer))
    _add_entities(builder, "actors/gazetteer_media.yaml")  # before states: "the Times", "China Daily"
    _add_entities(builder, "actors/gazetteer_organisations.yaml")
    _add_entities(builder, "actors/gazetteer_igos.yaml")
    _add_states(builder)
    _add_entities(builder, "actors/gazetteer_regions.yaml")
    for phrase in ambiguous.get("blockers") or []:
        builder.add_alias(str(phrase), None)

    titles_data = read_rule_file("actors/gazetteer_titles.yaml")
    honorifics = titles_data["honorifics"]
    gender: dict[str, str | None] = {}
    for group, code in (("male", "m"), ("female", "f"), ("neutral", None)):
        for word in honorifics.get(group) or []:
            gender[word] = code
    titles = {
        tuple(t.text.lower() for t in tokenizer(str(title))): country
        for title, country in (titles_data.get("titles") or {}).items()
    }
    metonyms = read_rule_file("actors/gazetteer_metonyms.yaml")
    known = _known_persons(tokenizer)
    first_names = read_rule_file("actors/gazetteer_first_names.yaml") or {}
    sectors = read_rule_file("actors/sectors.yaml") or {}
    lexicon = Lexicon(
        actors=builder.actors,
        exact_aliases=builder.exact,
        folded_aliases=builder.folded,
        exact_longest=_longest(builder.exact),
        folded_longest=_longest(builder.folded),
        honorific_gender=gender,
        kept_honorifics=frozenset(honorifics.get("kept") or []),
        titles=titles,
        title_words=frozenset(
            word
            for title in titles
            for word in title
            if word.rstrip(".").isalpha() and word not in _FUNCTION_WORDS
        ),
        title_modifiers=dict(titles_data.get("title_modifiers") or {}),
        title_gender={
            word: code
            for group, code in (("male", "m"), ("female", "f"))
            for word in (titles_data.get("gendered_titles") or {}).get(group) or []
        },
        role_heads=frozenset(titles_data.get("role_heads") or []),
        contextual_heads=frozenset(metonyms.get("contextual_heads") or []),
        known_persons=known,
        known_first_words=frozenset(k[0] for k in known if len(k) >= 2),
        known_surnames=_by_surname(known, lambda person: person.country),
        surname_persons=_by_surname(known, lambda person: person.name),
        organisation_words=frozenset(titles_data.get("organisation_words") or []),
        title_cues=frozenset(str(w).split()[-1] for w in ambiguous.get("title_cues") or []),
        first_name_gender={
            name: code
            for group, code in (("male", "m"), ("female", "f"))
            for name in first_names.get(group) or []
        },
        alone_names=_alone_names(known),
        in_office_names=_alone_names(known, in_office=True),
        family_first_names=frozenset(key(str(n)) for n in first_names.get("family_first") or []),
        title_sectors={str(k): str(v) for k, v in (sectors.get("title_heads") or {}).items()},
        phoenix_sectors={str(k): str(v) for k, v in (sectors.get("phoenix_codes") or {}).items()},
    )
    log.info(
        "actor lexicon: %d actors, %d aliases, %d known persons",
        len(lexicon.actors),
        len(lexicon.exact_aliases) + len(lexicon.folded_aliases),
        len(lexicon.known_persons),
    )
    return lexicon
