"""Persons: find name mentions, group a document's forms of one name, tell each person's state.

A person's id is the slug of the fullest form of the name the document gives ("Jack Straw");
surname and honorific forms ("Straw", "Mr Straw") link to it. Names come from spaCy's PERSON
entities, from honorifics ("Mrs Robinson", "Prof Etzioni") and from office titles ("President
Bush"), and must look like names (capitalised proper nouns, no digits, no all-caps headings), so
junk entities never become persons.

A person's state comes from the document first: a state, demonym or party in front of the name
("Russian President Vladimir Putin", "Conservative shadow foreign secretary Michael Ancram"), or in
an appositive ("his U.S. counterpart, President George W. Bush"). Only then from the list of
well-known persons, and last from an office title that exists in one state only ("senator").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from geodiscourse.dates.patterns import date_rules
from geodiscourse.extract.actors.gazetteer import GazetteerMatch, name_abbreviations
from geodiscourse.extract.actors.lexicon import Lexicon
from geodiscourse.extract.actors.slugs import key, slugify
from geodiscourse.nlp.text import doc_tokens

#: Lower-case words that may sit inside a name ("Osama bin Laden", "Dominique de Villepin").
_PARTICLES = frozenset(
    {"bin", "al", "el", "de", "da", "di", "van", "von", "der", "den", "du", "la", "le", "ibn", "y"}
)
_INITIAL = re.compile(r"^[A-Z]\.$")
_MAX_NAME_TOKENS = 5
#: Honorifics used with a given name in British usage ("Sir Alan" for Sir Alan Budd).
_FIRST_NAME_HONORIFICS = frozenset({"Sir", "Dame"})
#: Evidence tiers for a person's state, strongest first. CONTEXT is the weakest: the state
#: a document is mostly about, for a person it gives a political office and nothing else
#: places ("Attorney General Loretta Lynch" in a report on US politics).
EXPLICIT, LISTED, TITLE, CONTEXT = 0, 1, 2, 3


@dataclass
class PersonCluster:
    """All mentions of one person in a document."""

    words: tuple[str, ...]  # fullest form of the name, as written
    keys: tuple[str, ...]  # matching keys of ``words`` (no lone full stops)
    gender: str | None = None
    titles: list[tuple[str, ...]] = field(default_factory=list)
    evidence: list[Counter[str]] = field(default_factory=lambda: [Counter(), Counter(), Counter(), Counter()])
    canonical: str | None = None  # the known person's name when listed
    listed_sector: str | None = None  # the sector of the listed person's role at the document's date
    text_sector: str | None = None  # a sector the text states outright (a party-state tag: "R-S.C.")

    @property
    def name(self) -> str:
        return self.canonical or _join(self.words)

    @property
    def actor_id(self) -> str:
        return slugify(self.name)

    def country(self) -> str | None:
        for tier in self.evidence:
            if tier:
                return tier.most_common(1)[0][0]
        return None

    def sector(self, title_sectors: Mapping[str, str]) -> str | None:
        """The text's word first (the last word of a title: "Senator" is the legislature),
        then the listed role's."""
        if self.text_sector is not None:
            return self.text_sector
        for title in self.titles:
            found = title_sectors.get(" ".join(title)) or title_sectors.get(title[-1])
            if found is not None:
                return found
        return self.listed_sector

    def add_evidence(self, tier: int, country: str | None) -> None:
        if country:
            self.evidence[tier][country] += 1


@dataclass
class PersonMention:
    start: int  # first token, honorific included
    end: int
    name_start: int  # first token of the name itself
    cluster: int
    method: str


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    name_start: int
    priority: int  # 0 honorific, 1 title, 2 NER
    honorific: str | None


def _join(words: tuple[str, ...]) -> str:
    text = ""
    for word in words:
        text += word if (not text or word == "-" or text.endswith("-")) else " " + word
    return text


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and any(ch.isalpha() for ch in token.text)


def _surname_like_title(token: Token, lexicon: Lexicon) -> bool:
    """Is a capitalised title word a surname, as right after a given name or an honorific
    ("Steve King", "John Bishop", "Mr King")? Before a name it stays a title ("King
    Abdullah")."""
    if token.i == 0 or not _capitalised(token) or token.lower_ not in lexicon.title_words:
        return False
    before = token.doc[token.i - 1]
    if before.lower_ in lexicon.title_words:
        return False  # two title words make one title: "Justice Minister", though Justice is a given name too
    return bool(before.whitespace_) and (
        before.text in lexicon.first_name_gender or before.text in lexicon.honorific_gender
    )


def _name_token_ok(token: Token, lexicon: Lexicon) -> bool:
    if any(ch.isdigit() for ch in token.text) or "\n" in token.text_with_ws[:-1]:
        return False
    if token.lower_ in _PARTICLES or token.text == "-" or _INITIAL.match(token.text):
        return True
    if _hyphen_tail(token.doc, token.i):
        return True  # "Kim Jong-un"
    if _surname_like_title(token, lexicon):
        return True  # "Steve King", "John Bishop"
    if (
        not _capitalised(token)
        or token.lower_ in lexicon.title_words
        or token.lower_ in lexicon.honorific_gender
        or token.lower_ in name_abbreviations()  # "Justice Dept" is no Justice named Dept
    ):
        return False
    return not (len(token.text) >= 3 and token.text.isupper())


def _valid_name(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    if not 0 < end - start <= _MAX_NAME_TOKENS:
        return False
    tokens = doc[start:end]
    if not all(_name_token_ok(t, lexicon) for t in tokens):
        return False
    first, last = tokens[0], tokens[-1]
    if last.text in lexicon.organisation_words and not (
        end - start == 2 and first.text in lexicon.first_name_gender and last.ent_type_ == "PERSON"
    ):
        return False  # "Monetary Fund"; but "John Fund", a given name and NER's person, is one
    first_ok = first.pos_ == "PROPN" or first.text in lexicon.first_name_gender  # not "Beyond Putin"
    last_ok = (_capitalised(last) and last.pos_ == "PROPN") or _hyphen_tail(doc, last.i)
    return first_ok and _capitalised(first) and last_ok


def _hyphen_tail(doc: Doc, i: int) -> bool:
    """Is the token the lower-case end of a hyphenated given name ("Jong-un", "Jae-in")?"""
    return (
        i >= 2
        and doc[i].is_lower
        and doc[i].is_alpha
        and doc[i - 1].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and _capitalised(doc[i - 2])
    )


def _is_weekday(token: Token) -> bool:
    """News style puts the day right after a name ("Gov. Pat McCrory Sunday called ..."),
    and NER takes it into the name: a weekday ends a name that has begun."""
    return token.text in date_rules().weekdays


def _name_end(doc: Doc, start: int, lexicon: Lexicon, occupied: list[bool]) -> int:
    """End of the run of name tokens starting at ``start`` ("George W. Bush", "Kilroy-Silk")."""
    end = start
    while end < len(doc) and end - start < _MAX_NAME_TOKENS and not occupied[end]:
        token = doc[end]
        joiner = (
            token.lower_ in _PARTICLES
            or token.text == "-"
            or _INITIAL.match(token.text) is not None
            or _hyphen_tail(doc, end)
        )
        if (
            not _name_token_ok(token, lexicon)
            or not (joiner or token.pos_ == "PROPN" or end == start)
            or (end > start and _is_weekday(token))
        ):
            break
        end += 1
    while end > start and not _capitalised(doc[end - 1]) and not _hyphen_tail(doc, end - 1):
        end -= 1
    return end


def _candidates(doc: Doc, lexicon: Lexicon, occupied: list[bool]) -> list[_Candidate]:
    found: list[_Candidate] = []
    free = [False] * len(doc)
    for token in doc_tokens(doc):
        i = token.i
        if token.text in lexicon.honorific_gender and i + 1 < len(doc):
            end = _name_end(doc, i + 1, lexicon, free)
            if end > i + 1 and _valid_name(doc, i + 1, end, lexicon):
                found.append(_Candidate(i, end, i + 1, 0, token.text.rstrip(".")))
        elif _capitalised(token) and token.lower_ in lexicon.title_words and i + 1 < len(doc):
            end = _name_end(doc, i + 1, lexicon, occupied)
            if end <= i + 1 or not _valid_name(doc, i + 1, end, lexicon):
                continue
            names = doc[i + 1 : end]
            personal = doc[end - 1].ent_type_ == "PERSON" or len(names) >= 2
            if personal and not any(t.ent_type_ in ("ORG", "GPE", "NORP") for t in names):
                found.append(_Candidate(i + 1, end, i + 1, 1, None))
    honorific_surnames = {key(doc[c.end - 1].text) for c in found if c.priority == 0}
    for ent in doc.ents:
        if ent.label_ == "ORG" and _person_like_org(
            doc, ent.start, ent.end, lexicon, honorific_surnames, occupied
        ):
            found.append(_Candidate(ent.start, ent.end, ent.start, 2, None))
        if ent.label_ != "PERSON":
            continue
        start, end = ent.start, ent.end
        while start < end and (
            doc[start].pos_ in ("DET", "ADJ", "PUNCT")
            or not _capitalised(doc[start])
            or doc[start].lower_ in lexicon.title_words
            or doc[start].text in lexicon.honorific_gender
            or occupied[start]
        ):
            start += 1
        while end > start and (
            doc[end - 1].pos_ in ("PART", "PUNCT")
            or doc[end - 1].text in ("'s", "'")
            or (end - start > 1 and _is_weekday(doc[end - 1]))
        ):
            end -= 1
        if any(occupied[start:end]) or not _valid_name(doc, start, end, lexicon):
            continue
        found.append(_Candidate(start, end, start, 2, None))
    found += _dictionary_names(doc, lexicon, occupied)
    for token in doc_tokens(doc):
        # a one-word name the dictionary knows ("Trump said"), which NER often misses
        if (
            token.pos_ == "PROPN"
            and _capitalised(token)
            and not occupied[token.i]
            and token.ent_type_ not in ("GPE", "NORP", "LOC", "FAC")
            and (token.ent_type_ != "ORG" or _lone_entity(token))  # NER often calls "Trump" a firm
            and _stands_alone(key(token.text), lexicon)
            and _valid_name(doc, token.i, token.i + 1, lexicon)
        ):
            found.append(_Candidate(token.i, token.i + 1, token.i, 2, None))
    return found


#: The longest full name the dictionary pass looks for, in tokens ("Sheikh Sabah Al Ahmad Al Sabah").
_LONGEST_KNOWN_NAME = 6


def _dictionary_names(doc: Doc, lexicon: Lexicon, occupied: list[bool]) -> list[_Candidate]:
    """Full names of persons the dictionaries list (hand list, Phoenix, US Congress), found
    as written whatever label NER gave them ("South African President Thabo Mbeki", which
    NER calls a place): a dictionary beats a guess."""
    tokens = doc_tokens(doc)
    found: list[_Candidate] = []
    i = 0
    while i < len(tokens):
        if not _capitalised(tokens[i]) or occupied[i] or key(tokens[i].text) not in lexicon.known_first_words:
            i += 1
            continue
        for end in range(min(len(tokens), i + _LONGEST_KNOWN_NAME), i + 1, -1):
            keys = _name_keys(doc, i, end)
            if len(keys) >= 2 and keys in lexicon.known_persons and _capitalised(tokens[end - 1]):
                if (
                    not any(occupied[i:end])
                    and _valid_name(doc, i, end, lexicon)
                    and not _name_goes_on(doc, end)
                ):
                    found.append(_Candidate(i, end, i, 1, None))
                    i = end - 1
                break
        i += 1
    return found


def _name_goes_on(doc: Doc, end: int) -> bool:
    """Does a longer name go on after a listed one ("Barack Hussein Obama Soetoro
    Soebarkah")? Then the listed name is not the whole of it."""
    if end >= len(doc):
        return False
    following = doc[end]
    return following.pos_ == "PROPN" and _capitalised(following) and following.ent_iob_ == "I"


def _lone_entity(token: Token) -> bool:
    """Is the token an entity of one word ("Trump", not "Trump Organization")?"""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.ent_iob_ == "B" and (following is None or following.ent_iob_ != "I")


def _person_like_org(
    doc: Doc, start: int, end: int, lexicon: Lexicon, honorific_surnames: set[str], occupied: list[bool]
) -> bool:
    """An ORG entity that is really a person's name: "Nicola Sturgeon" (a known given name) or
    "Annabella Holmes" when the document also says "Ms Holmes"."""
    if not 2 <= end - start <= 3 or any(occupied[start:end]) or not _valid_name(doc, start, end, lexicon):
        return False
    if not all(t.pos_ == "PROPN" for t in doc_tokens(doc)[start:end]):
        return False
    return doc[start].text in lexicon.first_name_gender or key(doc[end - 1].text) in honorific_surnames


def _choose(candidates: list[_Candidate], size: int) -> list[_Candidate]:
    taken = [False] * size
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.priority, -(c.end - c.start), c.start)):
        if not any(taken[cand.start : cand.end]):
            chosen.append(cand)
            for i in range(cand.start, cand.end):
                taken[i] = True
    return sorted(chosen, key=lambda c: c.start)


def _name_keys(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    return tuple(key(t.text) for t in doc_tokens(doc)[start:end] if t.text != ".")


class _Clusters:
    """Groups a document's name forms: full names by first and last name, short forms by suffix."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self.lexicon = lexicon
        self.clusters: list[PersonCluster] = []
        self.mentions: list[PersonMention] = []

    def _find_full(self, keys: tuple[str, ...]) -> int | None:
        for index, cluster in enumerate(self.clusters):
            if len(cluster.keys) >= 2 and cluster.keys[-1] == keys[-1] and cluster.keys[0] == keys[0]:
                return index
        return None

    def add_full(self, cand: _Candidate, keys: tuple[str, ...]) -> None:
        words = tuple(t.text for t in doc_tokens(self.doc)[cand.name_start : cand.end])
        index = self._find_full(keys)
        if index is None:
            self.clusters.append(PersonCluster(words, keys))
            index = len(self.clusters) - 1
        elif len(keys) > len(self.clusters[index].keys):
            self.clusters[index].words, self.clusters[index].keys = words, keys
        self.mentions.append(PersonMention(cand.start, cand.end, cand.name_start, index, "ner"))

    def owner_of_short(
        self, keys: tuple[str, ...], at: int, by_first_name: bool = False, gender: str | None = None
    ) -> int | None:
        """The full name a short form belongs to: by surname ("Mr Straw"), or by given name after
        "Sir"/"Dame" ("Sir Alan" is Sir Alan Budd); the nearest earlier one if several. A
        gendered honorific rules out a full name whose given name is of the other sex ("Mrs
        Clinton" is not Bill Clinton)."""
        owners = [
            i
            for i in range(len(self.clusters))
            if self._owns(i, keys, by_first_name)
            and (gender is None or self._given_name_gender(i) in (None, gender))
        ]
        if not owners:
            return None
        before = [m.cluster for m in self.mentions if m.cluster in owners and m.start < at]
        return before[-1] if before else owners[0]

    def _only_one_with_given_name(self, keys: tuple[str, ...]) -> int | None:
        """The one full name the document gives whose given name this is ("Hillary" after
        "Hillary Clinton", as opinion writing calls people); none if two share it ("Bill"
        with Bill Clinton and Bill O'Reilly) or the word is also someone's surname."""
        owners = [i for i in range(len(self.clusters)) if self._owns(i, keys, by_first_name=True)]
        if len(owners) != 1 or any(c.keys[-1] == keys[0] for c in self.clusters if len(c.keys) >= 2):
            return None
        return owners[0]

    def _given_name_gender(self, index: int) -> str | None:
        keys = self.clusters[index].keys
        return self.lexicon.first_name_gender.get(self.clusters[index].words[0]) if len(keys) >= 2 else None

    def _owns(self, index: int, keys: tuple[str, ...], by_first_name: bool) -> bool:
        c = self.clusters[index]
        if by_first_name:
            return len(c.keys) >= 2 and c.keys[0] == keys[0]
        return len(c.keys) > len(keys) and (
            c.keys[-len(keys) :] == keys or _family_name_first(c.keys, keys, self.lexicon)
        )

    def add_short(self, cand: _Candidate, keys: tuple[str, ...], keep_alone: bool) -> None:
        honorific = cand.honorific
        gender = self.lexicon.honorific_gender.get(honorific) if honorific else None
        owner = self.owner_of_short(keys, cand.start, gender=gender)
        if owner is None and honorific in _FIRST_NAME_HONORIFICS and len(keys) == 1:
            owner = self.owner_of_short(keys, cand.start, by_first_name=True)
        if owner is None and honorific is None and len(keys) == 1:
            owner = self._only_one_with_given_name(keys)
        if owner is not None:
            self.mentions.append(PersonMention(cand.start, cand.end, cand.name_start, owner, "alias"))
            return
        if not keep_alone:
            return
        words = tuple(t.text for t in doc_tokens(self.doc)[cand.name_start : cand.end])
        if honorific in self.lexicon.kept_honorifics:
            words = (honorific, *words)
        for index, cluster in enumerate(self.clusters):
            if cluster.keys == keys:
                self.mentions.append(PersonMention(cand.start, cand.end, cand.name_start, index, "alias"))
                return
        self.clusters.append(PersonCluster(words, keys))
        self.mentions.append(
            PersonMention(cand.start, cand.end, cand.name_start, len(self.clusters) - 1, "ner")
        )


def _stands_alone(word: str, lexicon: Lexicon) -> bool:
    """Is the one-word name one the compiled dictionary lets stand for a person alone?"""
    return word in lexicon.alone_names or word in lexicon.in_office_names


def _family_name_first(full: tuple[str, ...], short: tuple[str, ...], lexicon: Lexicon) -> bool:
    """Is ``short`` the family name of a name written family name first, as Korean and
    Chinese names are in English ("Kim Jong-un" -> "Kim", "Xi Jinping" -> "Xi")?"""
    return len(short) == 1 and full[0] == short[0] and full[0] in lexicon.family_first_names


def _keep_single(cand: _Candidate, keys: tuple[str, ...], lexicon: Lexicon) -> bool:
    """A one-word name that links to no fuller name in the document stands alone only with an
    honorific or title ("Mr Blair", "President Bush") or as a listed name ("Saddam"): NER's
    lone one-word persons are mostly first names in quotes, firms and bills."""
    return (
        cand.priority < 2
        or cand.end - cand.name_start > 1
        or keys in lexicon.known_persons
        or (len(keys) == 1 and _stands_alone(keys[0], lexicon))
    )


def _surname_mentions(doc: Doc, clusters: _Clusters, occupied: list[bool]) -> None:
    """Surnames of full names found elsewhere in the document ("Putin said") that NER missed."""
    surnames = {c.keys[-1]: i for i, c in enumerate(clusters.clusters) if len(c.keys) >= 2}
    for i, c in enumerate(clusters.clusters):
        if len(c.keys) >= 2 and c.keys[0] in clusters.lexicon.family_first_names:
            surnames.setdefault(c.keys[0], i)  # "Kim" of "Kim Jong-un"
    if not surnames:
        return
    for token in doc_tokens(doc):
        i = token.i
        if occupied[i] or not _capitalised(token) or key(token.text) not in surnames:
            continue
        if token.pos_ != "PROPN" and not (
            token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass", "poss")
        ):
            continue  # a surname the tagger took for a noun ("Crews added"), as a subject only
        if i > 0 and doc[i - 1].pos_ == "PROPN" and _capitalised(doc[i - 1]):
            continue
        if i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and _capitalised(doc[i + 1]):
            continue
        owner = clusters.owner_of_short((key(token.text),), i)
        if owner is not None:
            clusters.mentions.append(PersonMention(i, i + 1, i, owner, "alias"))
            occupied[i] = True


def find_persons(
    doc: Doc, lexicon: Lexicon, owner: list[GazetteerMatch | None]
) -> tuple[list[PersonMention], list[PersonCluster], set[GazetteerMatch]]:
    """Person mentions and clusters; also the gazetteer matches an honorific overrides ("Mr Jordan")."""
    occupied = [m is not None for m in owner]
    chosen = _choose(_candidates(doc, lexicon, occupied), len(doc))
    overridden: set[GazetteerMatch] = set()
    kept: list[_Candidate] = []
    for cand in chosen:
        hits = {m for m in owner[cand.start : cand.end] if m is not None}
        if hits and cand.priority > 0:
            continue
        overridden |= hits
        kept.append(cand)
    keyed = [(cand, _name_keys(doc, cand.name_start, cand.end)) for cand in kept]
    full_names = {keys for _, keys in keyed if len(keys) >= 2}
    tails = {keys for keys in full_names if any(_is_tail(keys, other) for other in full_names)}
    clusters = _Clusters(doc, lexicon)
    for cand, keys in keyed:
        if keys in full_names and keys not in tails:
            clusters.add_full(cand, keys)
    for cand, keys in keyed:
        if keys not in full_names or keys in tails:
            clusters.add_short(cand, keys, _keep_single(cand, keys, lexicon))
    taken = list(occupied)
    for match in overridden:
        for i in range(match.start, match.end):
            taken[i] = False
    for mention in clusters.mentions:
        for i in range(mention.start, mention.end):
            taken[i] = True
    _surname_mentions(doc, clusters, taken)
    mentions = sorted(clusters.mentions, key=lambda m: m.start)
    for mention in mentions:
        _set_gender(doc, clusters.clusters[mention.cluster], mention, lexicon)
    return mentions, clusters.clusters, overridden


def _is_tail(keys: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Is a multi-word form the tail of a longer name ("Bin Laden" of "Osama Bin Laden")?"""
    return len(other) > len(keys) and other[-len(keys) :] == keys and other[0] != keys[0]


def _set_gender(doc: Doc, cluster: PersonCluster, mention: PersonMention, lexicon: Lexicon) -> None:
    if cluster.gender is not None:
        return
    if mention.start < mention.name_start:
        cluster.gender = lexicon.honorific_gender.get(doc[mention.start].text)
    if cluster.gender is None and len(cluster.words) >= 2:
        cluster.gender = lexicon.first_name_gender.get(cluster.words[0])
