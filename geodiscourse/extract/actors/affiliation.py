"""Which state a person belongs to, from the words around their name.

Evidence is gathered from every mention of a person, in tiers (see ``persons.EXPLICIT`` ...):
a state, demonym or party right before the name or in an appositive is explicit ("UK Foreign
Secretary Jack Straw", "one of its top nuclear scientists, Abdul Qadeer Khan" with "its" =
Pakistan); the list of well-known persons comes next; an office title that exists in one state
only ("senator", "Home Secretary") last. Only actors that ``affiliate`` (states and their
institutions, parties) count: "UN commissioner" or "BBC correspondent" say nothing about a state.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from geodiscourse.extract.actors.gazetteer import GazetteerMatch
from geodiscourse.extract.actors.lexicon import KnownPerson, Lexicon
from geodiscourse.extract.actors.persons import EXPLICIT, LISTED, TITLE, PersonCluster, PersonMention
from geodiscourse.extract.actors.slugs import key
from geodiscourse.nlp.text import doc_text

_MAX_WINDOW = 8
_JOINERS = frozenset({"of", "and", "to", "for", "-"})
_POSSESSIVE_PRONOUNS = frozenset({"its", "their"})
_QUANTIFIERS = frozenset({"one", "some", "many", "two", "several"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod"})


def nearest_state_before(owner: Sequence[GazetteerMatch | None], i: int, floor: int) -> str | None:
    """The state most recently named before token ``i`` in the same sentence ("its" -> it)."""
    for j in range(i - 1, floor - 1, -1):
        match = owner[j]
        if match is not None and match.alias.actor is not None and match.alias.actor.kind == "state":
            return match.alias.actor.actor_id
    return None


def _affiliation(match: GazetteerMatch | None) -> str | None:
    actor = match.alias.actor if match is not None else None
    return actor.country if actor is not None and actor.affiliates else None


def premodifiers(
    doc: Doc,
    start: int,
    end: int,
    floor: int,
    owner: Sequence[GazetteerMatch | None],
    person_at: Sequence[int | None],
    lexicon: Lexicon,
) -> list[Token]:
    """The title-and-adjective words right before a name, in text order
    ("Conservative shadow foreign secretary" before "Michael Ancram")."""
    found: list[Token] = []
    j = start - 1
    while j >= floor and len(found) < _MAX_WINDOW:
        token = doc[j]
        match = owner[j]
        if person_at[j] is not None or "\n" in token.text:
            break
        if match is not None:
            found.extend(reversed(doc[match.name_start : match.end]))
            j = match.start - 1
            continue
        if token.lower_ in _POSSESSIVE_PRONOUNS:
            found.append(token)
            break
        joins = token.lower_ in _JOINERS and found and (found[-1].text[:1].isupper() or token.text == "-")
        if not (joins or token.pos_ in ("PROPN", "NOUN", "ADJ") or token.tag_ == "POS"):
            break
        if token.lower_ in lexicon.honorific_gender:
            break
        found.append(token)
        j -= 1
    return found[::-1] if found and _attached(found, start, end) else []


def _attached(window: list[Token], name_start: int, name_end: int) -> bool:
    """Do the words before a name modify it? Following heads from the nearest one must reach
    the name through the window ("In Mr Peston's book Mr Brown": "book" is no title of Brown)."""
    inside = {t.i for t in window}
    token = window[0]  # the word right before the name (``window`` is still right-to-left)
    for _ in range(len(window) + 1):
        if name_start <= token.head.i < name_end:
            return True
        if token.head.i not in inside or token.head.i == token.i:
            return False
        token = token.head
    return False


def _title_of(
    tokens: Sequence[Token], owner: Sequence[GazetteerMatch | None], lexicon: Lexicon
) -> tuple[str, ...] | None:
    """The office or occupation the words before a name end with: the longest known title
    ("under-secretary of state"), else the last common noun with the noun before it
    ("welfare minister", "journalist"), so that role nouns can tell offices apart."""
    words = [t.lower_ for t in tokens]
    for size in range(min(len(words), 6), 0, -1):
        if tuple(words[-size:]) in lexicon.titles and (size > 1 or len(tokens) == 1):
            return tuple(words[-size:])
    if not tokens or (tokens[-1].pos_ != "NOUN" and tokens[-1].lower_ not in lexicon.title_words):
        return None
    before = tokens[-2] if len(tokens) >= 2 else None
    if before is not None and before.pos_ in ("NOUN", "PROPN") and owner[before.i] is None:
        return (before.lower_, words[-1])
    return (words[-1],)


#: Prefixes that make a state's name an attitude toward it: "the strongly pro-Russia
#: congressman" is no Russian, "an anti-American cleric" no American.
_STANCE_PREFIXES = frozenset({"pro", "anti", "non"})


def _stance_toward(token: Token) -> bool:
    """Is the word the state of a "pro-X" or "anti-X" ("pro-Russia", "anti - American")?"""
    doc, i = token.doc, token.i
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in _STANCE_PREFIXES:
        return True
    first = token.lower_.split("-", 1)[0]
    return "-" in token.lower_ and first in _STANCE_PREFIXES


def _collect(
    cluster: PersonCluster,
    tokens: Sequence[Token],
    owner: Sequence[GazetteerMatch | None],
    floor: int,
    lexicon: Lexicon,
) -> None:
    """Add the evidence of a phrase describing the person (premodifiers or an appositive)."""
    explicit = None
    for token in tokens:
        country = None if _stance_toward(token) else _affiliation(owner[token.i])
        if token.lower_ in _POSSESSIVE_PRONOUNS:
            country = nearest_state_before(owner, token.i, floor)
        if token.lower_ in lexicon.title_modifiers:
            country = lexicon.title_modifiers[token.lower_]
        explicit = country or explicit
    cluster.add_evidence(EXPLICIT, explicit)
    title = _title_of([t for t in tokens if t.tag_ != "POS"], owner, lexicon)
    if title is not None:
        cluster.titles.append(title)
        cluster.add_evidence(TITLE, lexicon.titles.get(title))
        cluster.gender = cluster.gender or lexicon.title_gender.get(title[-1])


def describing_tokens(noun: Token, owner: Sequence[GazetteerMatch | None]) -> list[Token]:
    """A noun's modifiers and itself: "the former UN commissioner ... and Irish president" gives
    UN, commissioner, Irish, president; "the president of France" gives president, France."""
    nouns = [noun, *(c for c in noun.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"))]
    tokens: list[Token] = []
    for head in nouns:
        for child in head.children:
            if child.dep_ in _MODIFIER_DEPS:
                tokens.extend(t for t in child.subtree if t.i < head.i)
            elif child.dep_ == "prep" and child.lower_ == "of":
                tokens.extend(t for t in child.children if t.dep_ == "pobj" and owner[t.i] is not None)
        tokens.append(head)
    return sorted(set(tokens), key=lambda t: t.i)


_APPOSITION_ENDS = frozenset({",", ".", ")", ";", "\u2014", "-", ":"})


def _described_nouns(doc: Doc, mention: PersonMention, window_start: int, floor: int) -> list[Token]:
    """Nouns in apposition to the name, by the parse or by commas ("his U.S. counterpart,
    President George W. Bush." -- the small model often attaches such names elsewhere)."""
    head = doc[mention.name_start : mention.end].root
    nouns = [head.head] if head.dep_ == "appos" else []
    nouns += [c for c in head.children if c.dep_ == "appos"]
    comma = window_start - 1
    closes = mention.end >= len(doc) or doc[mention.end].text in _APPOSITION_ENDS
    if comma - 1 >= floor and doc[comma].text == "," and doc[comma - 1].pos_ == "NOUN" and closes:
        nouns.append(doc[comma - 1])
    return nouns


def gather_evidence(
    doc: Doc,
    mentions: Sequence[PersonMention],
    clusters: Sequence[PersonCluster],
    owner: Sequence[GazetteerMatch | None],
    sentence_start: Sequence[int],
    lexicon: Lexicon,
    published: datetime.date | None = None,
) -> None:
    """Titles and state evidence of every person, from all their mentions and the known
    list (a listed person's role is the one held on the publication date, if known)."""
    person_at: list[int | None] = [None] * len(doc)
    for index, mention in enumerate(mentions):
        for i in range(mention.start, mention.end):
            person_at[i] = index
    patrons: list[tuple[int, int]] = []  # (cluster, the cluster of the person it serves)
    for mention in mentions:
        cluster = clusters[mention.cluster]
        floor = sentence_start[mention.start]
        window = premodifiers(doc, mention.start, mention.end, floor, owner, person_at, lexicon)
        _collect(cluster, window, owner, floor, lexicon)
        window_start = window[0].i if window else mention.start
        if window and window[0].tag_ == "POS" and window[0].i > 0:
            patrons += _patron(mention, person_at[window[0].i - 1], mentions)  # "Trump's campaign chairman X"
        for noun in _described_nouns(doc, mention, window_start, floor):
            if noun.lower_ in _QUANTIFIERS:
                noun = next(
                    (p for c in noun.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"),
                    noun,
                )
            if person_at[noun.i] is None and noun.pos_ in ("NOUN", "PROPN"):
                _collect(cluster, describing_tokens(noun, owner), owner, floor, lexicon)
                for served in _served_persons(noun):  # "X, a counselor to President Trump"
                    patrons += _patron(mention, person_at[served.i], mentions)
        if _party_state_tag(doc, mention.end):
            cluster.add_evidence(EXPLICIT, "USA")  # "Sen. Lindsey Graham, R-S.C.", "(D-NY)"
            cluster.text_sector = "legislature"
    for cluster in clusters:
        _add_listed(cluster, lexicon, published)
    for own, patron in patrons:
        # an aide, adviser or campaign chief serves the state of whom they serve, when
        # nothing stronger places them (evidence of the title tier)
        clusters[own].add_evidence(TITLE, clusters[patron].country())


def _patron(
    mention: PersonMention, other: int | None, mentions: Sequence[PersonMention]
) -> list[tuple[int, int]]:
    if other is None or mentions[other].cluster == mention.cluster:
        return []
    return [(mention.cluster, mentions[other].cluster)]


def _served_persons(noun: Token) -> list[Token]:
    """The names a role noun says its holder works for: "a counselor to President Trump",
    "an adviser of Mr Putin", "the campaign chairman for Trump"."""
    return [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in ("to", "of", "for")
        for pobj in prep.children
        if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN"
    ]


#: A US legislator's party and state after the name: "R-S.C.", "(D-NY)", "R-Iowa", "I-Vt.".
_PARTY_STATE = re.compile(r"\(?\s*[RDI]\s*[-–]\s*[A-Z][A-Za-z]{0,3}\.?(?:\s?[A-Z][a-z]{0,3}\.?)?\s*[),]")


def _party_state_tag(doc: Doc, end: int) -> bool:
    """Does a party-state tag follow the name ending at token ``end``, after a comma or in
    brackets?"""
    if end >= len(doc):
        return False
    start = doc[end].idx
    following = doc_text(doc)[start : start + 16]
    following = following[1:].lstrip() if following.startswith(",") else following
    return bool(_PARTY_STATE.match(following + ")"))


def _alone_person(
    cluster: PersonCluster, lexicon: Lexicon, published: datetime.date | None
) -> KnownPerson | None:
    """The person a one-word name stands for ("Putin", "Trump", "Assad"): the only one of
    the dictionary's persons listing the word who held a role on the publication date, or
    the only person listing it at all."""
    word = cluster.keys[0]
    candidates = lexicon.alone_names.get(word, ())
    if published is not None:
        in_office = [p for p in lexicon.in_office_names.get(word, ()) if p.holds_role_on(published)]
        holders = [p for p in candidates if p.holds_role_on(published)]
        for found in (in_office, holders):
            if len(found) == 1:
                return found[0]
    return candidates[0] if len(candidates) == 1 else None


def _other_sex(person: KnownPerson, cluster: PersonCluster, lexicon: Lexicon) -> bool:
    gender = lexicon.first_name_gender.get(person.name.split()[0])
    return cluster.gender is not None and gender is not None and gender != cluster.gender


def _only_one_of_that_sex(cluster: PersonCluster, lexicon: Lexicon) -> KnownPerson | None:
    """The listed person a surname with a gendered honorific stands for, when only one
    listed person of that surname has a given name of that sex ("Mrs Clinton" is Hillary
    Clinton, though the name alone is Bill Clinton's)."""
    if cluster.gender is None:
        return None
    names = lexicon.surname_persons.get(cluster.keys[-1], frozenset())
    matching = [n for n in names if lexicon.first_name_gender.get(n.split()[0]) == cluster.gender]
    if len(matching) != 1:
        return None
    return lexicon.known_persons.get(tuple(key(w) for w in matching[0].split()))


def _add_listed(cluster: PersonCluster, lexicon: Lexicon, published: datetime.date | None = None) -> None:
    """Canonical name and state from the list of well-known persons, when the document's name
    is one of theirs (and the gender fits: "Mrs Blair" is not Tony Blair)."""
    known = lexicon.known_persons.get(tuple(key(w) for w in cluster.words if w != "."))
    if known is None and len(cluster.keys) >= 3:
        known = lexicon.known_persons.get((cluster.keys[0], cluster.keys[-1]))
    if known is None and len(cluster.keys) == 1:
        known = _alone_person(cluster, lexicon, published)
        if known is not None and _other_sex(known, cluster, lexicon):
            # the name alone is someone of the other sex: "Mrs Clinton" is not Bill Clinton
            known = _only_one_of_that_sex(cluster, lexicon) or known
    if known is not None:
        if not _other_sex(known, cluster, lexicon):
            cluster.canonical = known.name
            role = known.role_on(published)
            cluster.add_evidence(LISTED, role.country if role is not None else known.country)
            if role is not None and role.sector is not None:
                cluster.listed_sector = lexicon.phoenix_sectors.get(role.sector)
        return
    states = (
        lexicon.known_surnames.get(cluster.keys[-1], frozenset()) if len(cluster.keys) == 1 else frozenset()
    )
    political = any(title[-1] in lexicon.role_heads for title in cluster.titles)
    if political and len(states) == 1:  # "President Bush": every listed Bush is American
        cluster.add_evidence(LISTED, next(iter(states)))
    elif len(cluster.keys) == 1 and not cluster.titles and len(states) == 1:
        # "Mr Kerry" with no title: only when one listed person has that surname
        persons = lexicon.surname_persons.get(cluster.keys[-1], frozenset())
        gender = lexicon.first_name_gender.get(next(iter(persons)).split()[0]) if len(persons) == 1 else None
        if len(persons) == 1 and (cluster.gender is None or gender is None or gender == cluster.gender):
            cluster.add_evidence(LISTED, next(iter(states)))
