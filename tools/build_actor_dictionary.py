"""Compile person knowledge from published actor dictionaries into geodiscourse's rule data.

Sources (copies kept in ``../shared/reference``, never read by the product at run time):

- PETRARCH2's Phoenix actor dictionaries, ``petrarch2/Phoenix.Countries.actors.txt``,
  ``petrarch2/Phoenix.International.actors.txt`` and ``petrarch2/Phoenix.MilNonState.actors.txt``
  (TABARI ``.actors`` format, described in ``petrarch2/dictionaries.rst``):
  github.com/openeventdata/petrarch2 at 676801cd9cb2924bbbad09f86d15c9323e7097bf, MIT,
  Copyright (c) 2015 Open Event Data Alliance.
- The US Congress legislators data, ``us-congress/legislators-current.yaml`` (current members
  of Congress and their terms) and ``us-congress/executive.yaml`` (presidents and vice
  presidents and their terms): github.com/unitedstates/congress-legislators at
  dfa9622263dd4c8d08636926e498f1845704d7eb, CC0 1.0 (public domain).

Output (committed; ``tests/rules/test_generated_actor_dictionary.py`` checks that it is
exactly what this script writes):

- ``geodiscourse/rules/actors/compiled_persons.json``: persons with their spellings and
  dated roles (state ISO3 code or null, Phoenix sector code or null, start and end dates).

Which Phoenix entries are persons is decided by the entry's name (2-5 name-like tokens,
none of NON_PERSON_WORDS) and its codes (at least one role in a state or an IGO, and no
bare state code, which marks a place). Which codes are states is decided by the project's
own ``geodiscourse/rules/actors/gazetteer_states.csv`` plus the former states and CAMEO
aliases below. Persons with the same name (case and accents folded) are merged, and a US
record joins the person whose name is one of its spellings.

    python tools/build_actor_dictionary.py [--reference DIR] [--check]
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from build_outputs import ROOT, run

PERSONS_OUT = ROOT / "geodiscourse" / "rules" / "actors" / "compiled_persons.json"
STATES_CSV = ROOT / "geodiscourse" / "rules" / "actors" / "gazetteer_states.csv"
PETRARCH_SOURCE = "github.com/openeventdata/petrarch2@676801cd9cb2924bbbad09f86d15c9323e7097bf (MIT)"
CONGRESS_SOURCE = (
    "github.com/unitedstates/congress-legislators@dfa9622263dd4c8d08636926e498f1845704d7eb (CC0 1.0)"
)
PHOENIX_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)

try:  # the C loader reads the 1 MB legislators file several times faster
    _YamlLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _YamlLoader = yaml.SafeLoader

#: States that no longer exist, with their ISO 3166-3 codes (the Phoenix dictionaries date
#: roles in them): East Germany, Yugoslavia, the Soviet Union, Czechoslovakia, Serbia and
#: Montenegro.
FORMER_STATES = frozenset({"DDR", "YUG", "SUN", "CSK", "SCG"})
#: CAMEO country codes that are not ISO 3166 alpha-3 -> the code the project uses.
STATE_ALIASES = {
    "KSV": "XKX",  # Kosovo (the gazetteer's EU/IMF user code)
    "USR": "SUN",  # the Soviet Union
    "FRY": "YUG",  # the Federal Republic of Yugoslavia (ISO kept YUG for it until 2003)
    "TMP": "TLS",  # East Timor's former ISO code
}
#: CAMEO's transnational actor types: no state; the type is the role's sector.
TRANSNATIONAL = frozenset({"IGO", "NGO", "MNC", "IMG"})
#: CAMEO/Phoenix sector (role, religion and issue) codes, as used after the country code.
SECTORS = frozenset(
    {
        "GOV", "LEG", "MIL", "JUD", "ELI", "OPP", "REB", "BUS", "MED", "COP", "SPY", "CVL", "EDU",
        "HLH", "HRI", "AGR", "DEV", "ENV", "LAB", "REF", "CRM", "UAF", "PTY", "RAD", "REL", "MOD",
        "INS", "SEP", "MUS", "CHR", "JEW", "BUD", "HIN", "CTH", "PRO", "ORT", "SHI", "SUN", "PPL",
    }
)  # fmt: skip
#: Words that make a name no person's: organisations, offices, political titles, groups,
#: nationalities and the function words of organisation names ("BANK OF ..."). Honorifics
#: and royal titles that news prints as part of a name (SIR, SHEIKH, KING) are not here,
#: nor are words that are also common surnames or given names (BLACK, YOUNG, JIHAD, IN, LE).
NON_PERSON_WORDS = frozenset(
    {
        # organisations and bodies
        "ACADEMY", "ADMINISTRATION", "AGENCY", "ALLIANCE", "ARMY", "ASSEMBLY", "ASSOCIATION",
        "AUTHORITY", "BANK", "BANCORP", "BATTALION", "BOARD", "BRIGADE", "BRIGADES", "BUREAU",
        "CABINET", "CELL", "CELLS", "CENTER", "CENTRE", "COALITION", "COLLEGE", "COMMAND",
        "COMMANDO", "COMMISSION", "COMMITTEE", "COMMUNITY", "COMPANY", "CONGRESS", "CORP",
        "CORPORATION", "CORPS", "COUNCIL", "COURT", "DEPARTMENT", "DIRECTORATE", "DIVISION",
        "FACTION", "FEDERATION", "FORCE", "FORCES", "FOUNDATION", "FRONT", "FUND", "GOVERNMENT",
        "GROUP", "GROUPS", "GUARD", "GUARDS", "HOLDINGS", "INC", "INSTITUTE", "LEAGUE", "LIMITED",
        "LTD", "MILITIA", "MINISTRY", "MISSION", "MOVEMENT", "NETWORK", "NEWS", "NUCLEI",
        "NUCLEUS", "OFFICE", "ORGANISATION", "ORGANIZATION", "PARLIAMENT", "PARTY", "POLICE",
        "PROGRAM", "PROGRAMME", "PROJECT", "REGIMENT", "SCHOOL", "SECRETARIAT", "SENATE",
        "SERVICE", "SERVICES", "SOCIETY", "TEAM", "TEAMS", "TREATY", "TRIBUNAL", "TRUST", "UNION",
        "UNIT", "UNIVERSITY", "VOLUNTEERS",
        # places and polities
        "CITY", "EMPIRE", "ISLAND", "ISLANDS", "KINGDOM", "NATIONS", "PROVINCE", "REGION",
        "REPUBLIC", "STATE", "STATES",
        # offices and political titles
        "ADMIRAL", "AMBASSADOR", "ATTORNEY", "CHAIRMAN", "CHAIRWOMAN", "CHANCELLOR", "CHIEF",
        "COLONEL", "COMMANDER", "CONGRESSMAN", "CONGRESSWOMAN", "DEPUTY", "DIRECTOR", "ENVOY",
        "FOREIGN", "FORMER", "GENERAL", "GOVERNOR", "LEADER", "LAWMAKER", "MAYOR", "MINISTER",
        "MP", "MR", "MRS", "MS", "OFFICIAL", "OFFICIALS", "PM", "PREMIER", "PRESIDENT", "PRIME",
        "PROSECUTOR", "REPRESENTATIVE", "SECRETARY", "SENATOR", "SPEAKER", "SPOKESMAN",
        "SPOKESPERSON", "SPOKESWOMAN", "VICE",
        # collective and political words of group names
        "ACTION", "AFFAIRS", "ANARCHIST", "ARMED", "CHILDREN", "COMMUNIST", "DEFENCE",
        "DEFENSE", "DEMOCRATIC", "DEVELOPMENT", "ECONOMIC", "EDUCATION", "ENERGY", "FEDERAL",
        "FIGHTERS", "FREEDOM", "GLOBAL", "HEALTH", "HUMAN", "INTELLIGENCE", "INTERNATIONAL",
        "ISLAMIC", "LIBERATION", "MUJAHIDEEN", "NATIONAL", "NATIONALIST", "PATRIOTIC", "PEOPLE",
        "PEOPLES", "POPULAR", "PROLETARIAN", "REBEL", "REBELS", "RELIEF", "RESISTANCE",
        "REVOLUTION", "REVOLUTIONARY", "RIGHTS", "SECURITY", "SOCIALIST", "SOLIDARITY",
        "STRUGGLE", "TRADE", "UNITED", "UNITY", "WOMEN", "WORLD", "YOUTH", "YOUTHS",
        "ANSAR", "CARTEL", "CATHOLIC", "CLAN", "CLIMATE", "COMANDO", "CONTINGENT", "DEFENDERS",
        "GANG", "GUERRILLAS", "HAWKS", "HOLY", "HOUSE", "INDIES", "INTERNET", "LASKAR", "LEGION",
        "MUJAHEDIN", "MUSLIM", "ORDER", "PANEL", "PANTHERS", "REGIME", "REICH", "SKINHEADS",
        "TIGERS", "TRIBE", "WARRIORS", "WING",
        # days and months that are no given names
        "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "JANUARY",
        "FEBRUARY", "MARCH", "JULY", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER",
        # nationalities and regions
        "AFGHAN", "AFRICAN", "AMERICAN", "ARAB", "ASIAN", "BRITISH", "CHINESE", "EUROPEAN",
        "IRANIAN", "IRAQI", "ISRAELI", "KURDISH", "LEBANESE", "PALESTINIAN", "RUSSIAN", "SYRIAN",
        "TURKISH", "DUTCH", "CALEDONIA", "CALEDONIAN", "EASTERN", "NORTHERN", "SOUTHERN", "WESTERN",
        # abbreviations and function words
        "AKA", "AND", "EU", "FOR", "NATO", "OF", "THE", "TO", "UK", "UN", "US", "USA", "AGAINST",
    }
)  # fmt: skip
#: Name particles written in lower case unless they begin the name.
PARTICLES = frozenset(
    {"al", "el", "bin", "bint", "ibn", "de", "del", "della", "der", "den", "di", "da", "das", "do",
     "dos", "du", "van", "von", "y", "e", "zu", "ter", "ten"}
)  # fmt: skip
#: "La"/"Le" are particles only after another particle ("de la Rua"); "Le Pen" keeps its capital.
SECOND_PARTICLES = frozenset({"la", "le", "las", "los"})
#: Mac- surnames whose next letter is a capital (elsewhere "Mac" is part of the word: Machado).
MAC_NAMES = frozenset(
    {"MACARTHUR", "MACDONALD", "MACDOUGALL", "MACGREGOR", "MACKAY", "MACKENZIE", "MACKINNON",
     "MACLEAN", "MACLEOD", "MACNEIL", "MACINTYRE", "MACASKILL"}
)  # fmt: skip
ROMAN = frozenset({"II", "III", "IV", "VI", "VII", "VIII", "IX"})
_TOKEN = re.compile(r"(?:[^\W\d_]\.)+|[^\W\d_]+(?:['’-][^\W\d_]+)*\.?")


# ------------------------------------------------------------------------------ roles


@dataclass(frozen=True)
class Role:
    country: str | None
    sector: str | None
    start: str | None
    end: str | None

    def sort_key(self) -> tuple[bool, str, bool, str, str, str]:
        """By start (open starts first), then end (open ends last)."""
        return (
            self.start is not None,
            self.start or "",
            self.end is None,
            self.end or "",
            self.country or "",
            self.sector or "",
        )

    def as_json(self) -> dict[str, str | None]:
        return {"country": self.country, "sector": self.sector, "start": self.start, "end": self.end}


@dataclass
class Person:
    spellings: list[str]
    roles: list[Role] = field(default_factory=list)
    source: str = "phoenix"
    #: One-word names that stand for the person alone: Phoenix's one-word synonyms
    #: ("+PUTIN_", "+ASSAD"). At run time one resolves to the person who held a role on the
    #: text's date, or to the only person listing it.
    alone: list[str] = field(default_factory=list)
    #: A US president's or vice president's surname, which stands for them alone only
    #: while in office ("Trump" in 2018; "Clinton" in 2016 is not Bill Clinton).
    alone_in_office: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.spellings[0]


def load_states(path: Path = STATES_CSV) -> frozenset[str]:
    """The project's state codes (first column of the gazetteer) and the former states."""
    codes = set(FORMER_STATES)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            codes.add(line.split(",", 1)[0].strip())
    return frozenset(codes)


def parse_date(text: str) -> str | None:
    """``YYMMDD`` or ``YYYYMMDD`` -> ISO date; None when malformed. Two-digit years 00-30
    are 20YY and the others 19YY, as PETRARCH's ``dstr_to_ordate`` reads them."""
    if not re.fullmatch(r"\d{6}|\d{8}", text):
        return None
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_restriction(text: str) -> tuple[str | None, str | None]:
    """A date restriction -> (start, end): ``>D`` from D, ``<D`` until D, ``D-D`` between,
    a bare ``D`` from D, nothing: always. Malformed dates give an open bound; a range given
    end first is read the other way round."""
    text = "".join(text.split())
    if not text:
        return None, None
    if text.startswith(">"):
        return parse_date(text[1:]), None
    if text.startswith("<"):
        return None, parse_date(text[1:])
    if "-" in text:
        first, _, second = text.partition("-")
        start, end = parse_date(first), parse_date(second)
        if start is not None and end is not None and start > end:
            start, end = end, start
        return start, end
    return parse_date(text), None


def parse_code(code: str, states: frozenset[str]) -> tuple[str | None, str | None] | None:
    """A Phoenix code -> (state, sector): ``USAGOVLEG`` -> (USA, GOV), ``IGOUNOKID`` ->
    (None, IGO), ``ELI`` -> (None, ELI); None when it names neither (``---``, regions)."""
    if not re.fullmatch(r"[A-Z]{3,}", code):
        return None
    top = STATE_ALIASES.get(code[:3], code[:3])
    groups = [code[i : i + 3] for i in range(3, len(code), 3)]
    sector = next((g for g in groups if g in SECTORS), None)
    if top in states:
        return top, sector
    if top in TRANSNATIONAL or top in SECTORS:
        return None, top
    return (None, sector) if sector else None


# ----------------------------------------------------------------------------- names


def name_tokens(phrase: str) -> list[str] | None:
    """The tokens of a phrase that reads as a person's name, else None: 2-5 alphabetic
    tokens (hyphens, apostrophes, initials allowed), none a non-person word, one at least
    a word of two letters or more."""
    tokens = [t for t in re.split(r"[_\s]+", phrase) if t]
    if not 2 <= len(tokens) <= 5:
        return None
    for token in tokens:
        if not _TOKEN.fullmatch(token):
            return None
        upper = token.upper().rstrip(".")
        if upper in NON_PERSON_WORDS or any(p in NON_PERSON_WORDS for p in re.split(r"[-’']", upper)):
            return None
    if not any(len(t.rstrip(".")) > 1 and "." not in t for t in tokens):
        return None
    return tokens


def _cap(word: str) -> str:
    """One word (no hyphen) capitalised: O'Neill, D'Alema, Ng'andu, McCain, MacDonald."""
    upper = word.upper()
    if "'" in word or "’" in word:
        mark = "'" if "'" in word else "’"
        head, _, tail = word.partition(mark)
        if len(head) == 1:
            return head.upper() + mark + _cap(tail)
        return head.capitalize() + mark + tail.lower()
    if upper.startswith("MC") and len(word) > 3:
        return "Mc" + word[2:].capitalize()
    if upper in MAC_NAMES:
        return "Mac" + word[3:].capitalize()
    if upper in ROMAN:
        return upper
    if "." in word:  # initials: R.K.
        return upper
    return word.capitalize()


def title_case(tokens: list[str]) -> str:
    """UPPER tokens -> a name as news writes it: particles lower case unless first."""
    out: list[str] = []
    for index, token in enumerate(tokens):
        parts = token.split("-")
        words = []
        for part_index, part in enumerate(parts):
            lower = part.lower()
            first = index == 0 and part_index == 0
            after_particle = part_index == 0 and bool(out) and out[-1].lower() in PARTICLES
            if not first and (
                (lower in PARTICLES and (part_index < len(parts) - 1 or len(parts) == 1))
                or (lower in SECOND_PARTICLES and after_particle)
            ):
                words.append(lower)
            else:
                words.append(_cap(part))
        out.append("-".join(words))
    return " ".join(out)


def fold(text: str) -> str:
    """Case and accents folded: the merge key of a name."""
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def _dedupe(spellings: Iterable[str]) -> list[str]:
    """Spellings in order, the first of those equal but for case kept."""
    seen: set[str] = set()
    out: list[str] = []
    for spelling in spellings:
        spelling = " ".join(spelling.split())
        if spelling and spelling.casefold() not in seen:
            seen.add(spelling.casefold())
            out.append(spelling)
    return out


# --------------------------------------------------------------------------- Phoenix


@dataclass
class Entry:
    """One record of a TABARI .actors file: its phrase, synonyms and codes."""

    phrase: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)  # (code, date restriction)


_BRACKET = re.compile(r"\[([^\]]*)\]")


def _codes(text: str) -> list[tuple[str, str]]:
    out = []
    for match in _BRACKET.finditer(text):
        code, _, restriction = match.group(1).strip().partition(" ")
        if code:
            out.append((code, restriction.strip()))
    return out


def parse_entries(text: str) -> list[Entry]:
    """Records: a primary phrase line (with an optional default code), ``+`` synonym lines,
    and indented date-restriction lines; ``#`` starts a comment."""
    entries: list[Entry] = []
    current: Entry | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0] in " \t":
            if current is not None:
                current.codes.extend(_codes(line))
            continue
        phrase = _BRACKET.split(line, 1)[0].strip()
        if line.startswith("+"):
            if current is not None:
                current.synonyms.append(phrase[1:].strip())
            continue
        current = Entry(phrase=phrase, codes=_codes(line))
        entries.append(current)
    return entries


def entry_person(entry: Entry, states: frozenset[str]) -> Person | None:
    """The person an entry names, or None for organisations, places and offices."""
    tokens = name_tokens(entry.phrase)
    if tokens is None:
        return None
    roles: list[Role] = []
    for code, restriction in entry.codes:
        parsed = parse_code(code, states)
        if parsed is None:
            continue
        country, sector = parsed
        if country is not None and len(code) == 3:
            return None  # a bare state code: the entry is the state or one of its places
        if sector in TRANSNATIONAL and len(code) == 3 and not restriction.strip():
            return None  # an undated bare IGO/NGO code: an organisation
        start, end = parse_restriction(restriction)
        roles.append(Role(country, sector, start, end))
    if not any(r.country is not None or r.sector == "IGO" for r in roles):
        return None
    spellings = [title_case(tokens)]
    alone = []
    for synonym in entry.synonyms:
        synonym_tokens = name_tokens(synonym)
        if synonym_tokens is not None:
            spellings.append(title_case(synonym_tokens))
        elif (word := alone_word(synonym)) is not None:
            alone.append(word)
    return Person(_dedupe(spellings), roles, "phoenix", _dedupe(alone))


def alone_word(phrase: str) -> str | None:
    """A one-word synonym that names a person alone ("PUTIN_" -> "Putin"): alphabetic, three
    letters or more, no word of organisations or offices."""
    tokens = [t for t in re.split(r"[_\s]+", phrase) if t]
    if len(tokens) != 1 or not re.fullmatch(r"[^\W\d_]{3,}(?:-[^\W\d_]+)*", tokens[0]):
        return None
    if tokens[0].upper() in NON_PERSON_WORDS:
        return None
    return title_case(tokens)


def parse_phoenix(text: str, states: frozenset[str]) -> list[Person]:
    return [p for p in (entry_person(e, states) for e in parse_entries(text)) if p is not None]


# ------------------------------------------------------------------------ US Congress


def _us_spellings(name: dict[str, Any], with_middle: bool) -> list[str]:
    first, last = str(name.get("first", "")).strip(), str(name.get("last", "")).strip()
    spellings = []
    if name.get("official_full"):
        spellings.append(str(name["official_full"]))
    spellings.append(f"{first} {last}")
    if with_middle and name.get("middle"):
        spellings.append(f"{first} {name['middle']} {last}")
    if name.get("nickname"):
        spellings.append(f"{name['nickname']} {last}")
    return _dedupe(spellings)


def _us_persons(text: str, sector: str, types: tuple[str, ...], source: str) -> list[Person]:
    persons = []
    for record in yaml.load(text, Loader=_YamlLoader) or []:
        roles = [
            Role(
                "USA",
                sector,
                str(t["start"]) if t.get("start") else None,
                str(t["end"]) if t.get("end") else None,
            )
            for t in record.get("terms", [])
            if t.get("type") in types
        ]
        if roles:
            in_office = [str(record["name"]["last"])] if source == "executive" else []
            persons.append(
                Person(_us_spellings(record["name"], source == "executive"), roles, source, [], in_office)
            )
    return persons


def parse_legislators(text: str) -> list[Person]:
    """Current members of Congress: one LEG role per term in the Senate or the House."""
    return _us_persons(text, "LEG", ("sen", "rep"), "congress")


def parse_executive(text: str) -> list[Person]:
    """Presidents and vice presidents: one GOV role per term."""
    return _us_persons(text, "GOV", ("prez", "viceprez"), "executive")


# ------------------------------------------------------------------------------ merge


def merge(persons: list[Person]) -> list[Person]:
    """Persons with the same folded name become one (spellings and roles united, roles in
    date order); a US record also joins the person whose name is one of its spellings.
    The result is sorted by name."""
    parent = list(range(len(persons)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    by_name: dict[str, int] = {}
    for index, person in enumerate(persons):
        key = fold(person.name)
        if key in by_name:
            union(by_name[key], index)
        else:
            by_name[key] = index
    for index, person in enumerate(persons):
        if person.source != "phoenix":
            for spelling in person.spellings[1:]:
                other = by_name.get(fold(spelling))
                if other is not None:
                    union(other, index)
    groups: dict[int, list[Person]] = {}
    for index, person in enumerate(persons):
        groups.setdefault(find(index), []).append(person)
    merged = []
    for members in groups.values():
        members.sort(key=lambda p: p.source == "phoenix")  # US records' spellings first: cased
        roles = sorted({r for p in members for r in p.roles}, key=Role.sort_key)
        spellings = _dedupe(s for p in members for s in p.spellings)
        alone = _dedupe(w for p in members for w in p.alone)
        in_office = _dedupe(w for p in members for w in p.alone_in_office)
        sources = "+".join(sorted({p.source for p in members}))
        merged.append(Person(spellings, roles, sources, alone, in_office))
    merged.sort(key=lambda p: (fold(p.name), p.name))
    return merged


# ------------------------------------------------------------------------------- main

ABOUT = (
    "GENERATED by tools/build_actor_dictionary.py -- do not edit; edit the script. "
    "Persons named in PETRARCH2's Phoenix actor dictionaries (Phoenix.Countries, "
    f"Phoenix.International and Phoenix.MilNonState .actors files, {PETRARCH_SOURCE}, "
    "Copyright (c) 2015 Open Event Data Alliance) and in the unitedstates/congress-legislators "
    f"data (legislators-current.yaml and executive.yaml, {CONGRESS_SOURCE}). "
    "A Phoenix entry is a person when its name has 2-5 name-like words, none a word of "
    "organisations, offices or groups, and one of its codes places it in a state or an IGO; "
    "its spellings are the name and the synonyms that pass the same test, title-cased. "
    "Each role: country (ISO3 code, null for IGOs and other transnational actors), sector "
    "(the first Phoenix sector code, e.g. GOV, LEG, MIL, ELI, IGO; null if none), start and "
    "end (ISO dates, null when open; two-digit years 00-30 are 20YY). Members of Congress "
    "have one LEG role per term, presidents and vice presidents one GOV role per term, both "
    "in USA. 'alone': Phoenix's one-word synonyms, which stand for the person alone, resolved "
    "at run time to the person holding a role on the text's date or to the only person listing "
    "the word; 'alone_in_office': a president's or vice president's surname, which stands for "
    "them alone only on a date in their term. "
    "Persons with the same name (case and accents folded) are merged. "
    "Rebuild: python tools/build_actor_dictionary.py [--reference ../shared/reference]."
)


def persons_json(persons: list[Person]) -> str:
    data = {
        "_about": ABOUT,
        "persons": [
            {"name": p.name, "spellings": p.spellings, "roles": [r.as_json() for r in p.roles]}
            | ({"alone": p.alone} if p.alone else {})
            | ({"alone_in_office": p.alone_in_office} if p.alone_in_office else {})
            for p in persons
        ],
    }
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def collect(reference: Path) -> dict[str, list[Person]]:
    """The persons of each source, before merging."""
    states = load_states()
    phoenix: list[Person] = []
    for name in PHOENIX_FILES:
        phoenix.extend(parse_phoenix((reference / "petrarch2" / name).read_text(encoding="utf-8"), states))
    congress = reference / "us-congress"
    return {
        "phoenix": phoenix,
        "congress": parse_legislators((congress / "legislators-current.yaml").read_text(encoding="utf-8")),
        "executive": parse_executive((congress / "executive.yaml").read_text(encoding="utf-8")),
    }


def build(reference: Path, report: bool = False) -> dict[Path, str]:
    """The output file; ``report``: print each source's counts and the merged ones to stderr."""
    sources = collect(reference)
    merged = merge([p for persons in sources.values() for p in persons])
    if report:
        for source, persons in [*sources.items(), ("merged", merged)]:
            print(
                f"{source}: {len(persons)} persons, {sum(len(p.spellings) for p in persons)} spellings, "
                f"{sum(len(p.roles) for p in persons)} roles",
                file=sys.stderr,
            )
        print(f"merged: {sum('+' in p.source for p in merged)} from more than one source", file=sys.stderr)
    return {PERSONS_OUT: persons_json(merged)}


def main() -> None:
    run(__doc__, lambda reference: build(reference, report=True))


if __name__ == "__main__":
    main()
