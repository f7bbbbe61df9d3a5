"""Organisations the gazetteer lacks, from spaCy's ORG entities ("Airbus", "BAE Systems").

The guidelines count companies, unions, NGOs and public bodies as actors, but NER's ORG label
also covers capitalised events, laws, topics and headings. A name is kept when it looks like a
proper name and something in the document backs it up:

- several capitalised words ("BAE Systems", "Institute for Fiscal Studies"), unless the last
  word makes it an event, law or topic ("General Election", "Mental Capacity Bill");
- one capitalised word that the document names as an ORG at least twice, or that a noun for a
  body describes ("aircraft maker Airbus", "its US rival Boeing", "UPS, the delivery company"),
  or that NER calls an ORG once and a person elsewhere but the document never gives a first
  name, honorific, initials or title ("Yukos"), and that the document never writes in lower
  case (a common noun at a sentence start is no company: "Coal");
- never a name NER labels a place or a person elsewhere in the document ("Oxford"), nor a
  one-word name every occurrence of which is a place: the modifier of a site noun ("the
  Cowley factory"), or the object of a preposition of place ("in Oxford", "the outskirts of
  Oxford");
- never a product: a name ending in a model letter ("Cooper S") or a model word ("VW
  Beetle"), or the plural of a product ("Range Rovers").
- an acronym the document uses at least twice ("TB" or "MSP" once is rarely a body).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from geodiscourse.core.rows import ActorRow
from geodiscourse.extract.actors.lexicon import Lexicon
from geodiscourse.extract.actors.slugs import slugify
from geodiscourse.extract.attribution.lexicon import reporting_lexicon
from geodiscourse.nlp.context import ResolvedMention, non_state_heads
from geodiscourse.nlp.text import doc_tokens
from geodiscourse.rules import RuleFileError, read_yaml_mapping
from geodiscourse.rules.word_lists import phoenix_agents

_FUNCTION_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "de", "&"})
#: How a describing noun attaches to a one-word name: "maker Airbus", "rival Boeing", "UPS, the firm".
_DESCRIBING_DEPS = frozenset({"appos", "compound"})
_ACRONYM_MAX = 6
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_OTHER_NAME_LABELS = frozenset({"GPE", "LOC", "PERSON", "FAC"})
#: Phoenix sectors of armed forces and groups: military, unaligned armed, rebels, insurgents.
_ARMED_SECTORS = ("MIL", "UAF", "REB", "INS")


@dataclass(frozen=True)
class NotOrganisations:
    """ORG names that are something else, from rules/actors/gazetteer_not_organisations.yaml."""

    last_words: frozenset[str]
    names: frozenset[str]
    model_words: frozenset[str]
    product_names: frozenset[str]
    site_nouns: frozenset[str]
    place_prepositions: frozenset[str]
    place_part_nouns: frozenset[str]
    organisation_endings: frozenset[str]


@cache
def not_organisations() -> NotOrganisations:
    data = read_yaml_mapping("actors/gazetteer_not_organisations.yaml")
    lists = {}
    for field in (
        "last_words",
        "names",
        "model_words",
        "product_names",
        "site_nouns",
        "place_prepositions",
        "place_part_nouns",
        "organisation_endings",
    ):
        values = data.get(field)
        if not isinstance(values, list):
            raise RuleFileError(
                f"geodiscourse/rules/actors/gazetteer_not_organisations.yaml needs a list '{field}'"
            )
        lists[field] = frozenset(str(v).lower() for v in values)
    return NotOrganisations(**lists)


def _trimmed(doc: Doc, ent: Span) -> tuple[int, int]:
    """The entity without a leading "the" and a trailing possessive or punctuation."""
    start, end = ent.start, ent.end
    if doc[start].lower_ == "the":
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _described_names(doc: Doc) -> set[str]:
    """One-word proper names that a noun for a body describes somewhere in the document
    ("oil group Yukos", "China's CNPC, the state oil firm"): every occurrence is that body,
    whatever label NER gives each one."""
    heads = non_state_heads()
    names = set()
    for noun in doc_tokens(doc):
        if noun.lower_ not in heads:
            continue  # a body noun is rare; the names it describes hang on it or it on them
        for t in (noun.head, *noun.children):
            if (
                t.pos_ == "PROPN"
                and t.text[:1].isupper()
                and t.text.isalpha()
                and not _part_of_longer_name(t)
                and _described_as_body(t)
            ):
                names.add(t.text)
    return names


def _misread_persons(doc: Doc, lexicon: Lexicon) -> set[str]:
    """One-word names NER calls a person but also, at least once, an organisation, and that
    the document never gives a first name, an honorific, initials or a title ("Yukos" eleven
    times a PERSON, once an ORG: "Deutsche Bank claimed Yukos had ..."). A person written by
    surname alone is introduced with a first name or a title somewhere; a firm never is.
    Nor is the name a surname of a person the dictionaries list, or ever a place or people."""
    ents = doc.ents
    org_once = {ent.text for ent in ents if ent.label_ == "ORG" and len(ent) == 1}
    person_once = {ent.text for ent in ents if ent.label_ == "PERSON" and len(ent) == 1}
    candidates = {
        name
        for name in org_once & person_once
        if name.isalpha() and name.lower() not in lexicon.known_surnames
    }
    if not candidates:
        return set()
    for ent in ents:
        if ent.label_ in ("GPE", "LOC", "FAC", "NORP"):
            candidates.discard(ent.text)  # ever a place or a people
        elif ent.label_ == "PERSON" and len(ent) > 1:
            words = [t.text for t in ent if t.is_alpha and t.text[:1].isupper()]
            if len(words) > 1:  # "Mikhail Khodorkovsky": a person's name word ("ex-Yukos" is not)
                candidates.difference_update(words)
    honorifics = {h.lower() for h in lexicon.honorific_gender}
    tokens = doc_tokens(doc)
    for token in tokens:
        if token.i == 0 or token.text not in candidates:
            continue
        before = tokens[token.i - 1]
        if (
            before.lower_.rstrip(".") in honorifics
            or (before.lower_ in lexicon.title_words and before.lower_ not in _FUNCTION_WORDS)
            or _INITIALS.fullmatch(before.text)  # "H.R. McMaster", "J. Smith"
        ):
            candidates.discard(token.text)
    return candidates


def _speaks(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """Is the name the subject of a verb of saying ("Newsweek reported on Monday", "GoFundMe
    confirmed that ...")? NER's organisation that speaks is a body, named once or not;
    not a given name ("Marcus said") nor a plural people ("Gibraltarians say")."""
    head = doc[end - 1]
    return (
        head.dep_ == "nsubj"
        and head.head.lemma_.lower() in reporting_lexicon().speech
        and head.tag_ != "NNPS"
        and doc[start].text not in lexicon.first_name_gender
    )


def _owned_by_place(doc: Doc, start: int) -> bool:
    """Does a place's possessive come right before the name ("South Africa's MTN",
    "Russia's Gazprom")? NER's ORG after it is that country's body, not a stray capital."""
    if start < 2 or doc[start - 1].tag_ != "POS":
        return False
    return doc[start - 2].ent_type_ == "GPE"


def _defined_acronyms(doc: Doc, spans: list[tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """Acronyms a document defines in brackets after a name: "Oil & Natural Gas Corp (ONGC)",
    "the National Iranian Oil Company (NIOC)". Each stands for that name wherever it
    appears, so both give one actor. The acronym's letters must be the name's capitals in
    order, starting with its first ("CNPC" for "China National Petroleum Corporation")."""
    defined: dict[str, tuple[int, int]] = {}
    for start, end in spans:
        if end - start < 2 or end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
            continue
        acronym = doc[end + 1].text
        capitals = "".join(t.text[0] for t in doc[start:end] if t.text[:1].isupper())
        if (
            2 <= len(acronym) <= _ACRONYM_MAX
            and acronym.isupper()
            and acronym.isalpha()
            and acronym[0] == capitals[:1]
            and _in_order(acronym, capitals)
        ):
            defined.setdefault(acronym, (start, end))
    return defined


def _in_order(letters: str, within: str) -> bool:
    rest = iter(within)
    return all(letter in rest for letter in letters)


def _part_of_longer_name(token: Token) -> bool:
    """Is the word one word of a longer name ("Gold" of "miner Highland Gold")?"""
    if token.dep_ == "compound" and token.head.pos_ == "PROPN":
        return True
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)


def _described_as_body(token: Token) -> bool:
    """Does a noun for a body describe this name ("aircraft maker Airbus", "UPS, the company")?"""
    heads = non_state_heads()
    if token.dep_ in _DESCRIBING_DEPS and token.head.lower_ in heads:
        return True
    return any(c.dep_ in _DESCRIBING_DEPS and c.lower_ in heads for c in token.children)


def _is_product(tokens: Span, rules: NotOrganisations) -> bool:
    """ "Cooper S", "VW Beetle", "Range Rovers": a model, or cars of a make, not a firm."""
    last = tokens[-1].text
    if len(tokens) > 1 and len(last) == 1 and last.isupper():
        return True  # a model letter: "Cooper S"
    if len(tokens) > 1 and last.lower() in rules.model_words:
        return True
    name = tokens.text.lower()
    return name.endswith("s") and name[:-1] in rules.product_names


def _place_occurrence(token: Token, rules: NotOrganisations) -> bool:
    """Is this occurrence of a name a place ("the Cowley factory", "in Oxford", "the outskirts
    of Oxford")?"""
    head = token.head
    if token.dep_ in ("compound", "nmod"):
        return head.lemma_.lower() in rules.site_nouns
    if token.dep_ != "pobj":
        return False
    if head.lower_ in rules.place_prepositions:
        return True
    return head.lower_ == "of" and head.head.lower_ in rules.place_part_nouns


def _place_only_names(doc: Doc, rules: NotOrganisations) -> set[str]:
    """One-word proper names every occurrence of which is a place."""
    place: dict[str, bool] = {}
    for token in doc_tokens(doc):
        if token.pos_ == "PROPN":
            place[token.text] = place.get(token.text, True) and _place_occurrence(token, rules)
    return {name for name, only in place.items() if only}


def _looks_like_organisation(tokens: Span, backed: bool, lower_words: set[str], lexicon: Lexicon) -> bool:
    """``backed``: the document names it an ORG twice, or calls it a body somewhere."""
    words = [
        t for t in tokens if t.lower_ not in _FUNCTION_WORDS and not t.is_punct
    ]  # "Anti-Defamation League"
    rules = not_organisations()
    if _is_product(tokens, rules):
        return False
    if not words or any(ch.isdigit() for ch in tokens.text):
        return False
    if words[-1].lower_ in lexicon.title_words and not (
        len(words) > 1 and words[-1].lower_ in rules.organisation_endings
    ):
        return False  # "Foreign Secretary"; but "Contrack International" is a body
    if words[-1].lower_ in rules.last_words:
        return False
    if len(tokens) == 1:
        token = tokens[0]
        text = token.text
        # a backed name the tagger reads as a common noun once is still the name ("Turkcell
        # said": the firm of "mobile operator Turkcell"); an unbacked one stays a noun
        if not text.isalpha() or text.lower() in rules.names or token.pos_ not in ("PROPN", "NOUN"):
            return False
        if token.pos_ == "NOUN" and not (backed and token.tag_ == "NN"):
            return False  # nor a capitalised plural ("my Generals")
        if text.isupper():
            return 2 <= len(text) <= _ACRONYM_MAX and (backed or _described_as_body(token))
        return (
            text[:1].isupper() and text.lower() not in lower_words and (backed or _described_as_body(token))
        )
    if tokens.text.isupper() and any(len(t) > _ACRONYM_MAX for t in words):
        return False  # a heading in capitals, not "ABN AMRO"
    return len(words) >= 2 and all(t.text[:1].isupper() for t in words)


def _kind_of_name(tokens: Span) -> str:
    """An armed group's name ends in a word Phoenix files under an armed sector ("Free Syrian
    Army", "Mahdi Militia"): it acts by force, as a group, not as a firm or an NGO."""
    if len(tokens) > 1:
        sector = phoenix_agents().get(tokens[-1].lemma_.lower()) or ""
        if sector.startswith(_ARMED_SECTORS):
            return "group"
    return "organization"


def organisation_mentions(
    doc: Doc,
    taken: list[bool],
    lexicon: Lexicon,
    actors: dict[str, ActorRow],
    blocked: list[bool] | None = None,
) -> list[ResolvedMention]:
    """Mentions (method 'ner') of organisations only NER knows; adds their rows to ``actors``
    (slug ids, kind organization) and marks their tokens in ``taken``. ``blocked`` tokens
    (a gazetteer phrase that is no actor: "the Kyoto Protocol", "New York") end no
    organisation's name, but may begin one ("the New York Stock Exchange")."""
    blocked = blocked or [False] * len(doc)
    spans = [_trimmed(doc, ent) for ent in doc.ents if ent.label_ == "ORG"]
    acronyms = _defined_acronyms(doc, spans)
    acronym_of = {span: acronym for acronym, span in acronyms.items()}
    described = _described_names(doc) | set(acronyms) | _misread_persons(doc, lexicon)
    in_spans = {i for start, end in spans for i in range(start, end)}
    spans += [(t.i, t.i + 1) for t in doc_tokens(doc) if t.text in described and t.i not in in_spans]
    if not spans:
        return []
    counts = Counter(doc[start:end].text for start, end in spans if end > start)
    lower_words = {t.text for t in doc_tokens(doc) if t.is_lower and t.is_alpha}
    # a name NER also calls a place or a person elsewhere ("Oxford", "Bernie Ebbers") is no
    # body, unless the text itself calls it one ("oil group Yukos": NER's "person" is wrong)
    elsewhere = {ent.text for ent in doc.ents if ent.label_ in _OTHER_NAME_LABELS}
    elsewhere |= _place_only_names(doc, not_organisations())
    elsewhere -= described
    found: list[ResolvedMention] = []
    by_first_word: dict[str, str] = {}  # "Merrill" -> merrill-lynch
    # longer names first, so that a short form can join the full name it abbreviates
    for start, end in sorted(spans, key=lambda s: (s[1] - s[0] < 2, s[0])):
        tokens = doc[start:end]
        if end <= start or any(taken[start:end]) or blocked[end - 1] or "\n" in tokens.text:
            continue
        if tokens.text in elsewhere:
            continue
        backed = (
            counts[tokens.text] >= 2
            or tokens.text in described  # described once suffices
            or _owned_by_place(doc, start)  # "South Africa's MTN": a place's own body
            or _speaks(doc, start, end, lexicon)  # "Newsweek reported", "GoFundMe confirmed that"
        )
        if not _looks_like_organisation(tokens, backed, lower_words, lexicon):
            continue
        actor_id = by_first_word.get(tokens.text) if len(tokens) == 1 else None
        if len(tokens) == 1 and tokens.text in acronyms:
            full = acronyms[tokens.text]
            actor_id = slugify(doc[full[0] : full[1]].text)  # "ONGC" -> oil-natural-gas-corp
        if actor_id is None:
            actor_id = slugify(tokens.text)
            if len(tokens) > 1:
                by_first_word.setdefault(tokens[0].text, actor_id)
        kind = _kind_of_name(tokens)
        if not actor_id or (actor_id in actors and actors[actor_id]["kind"] != kind):
            continue
        # the name with the acronym the document defines for it: "National Iranian Oil
        # Company (NIOC)", so an analyst finds the actor under either
        name = f"{tokens.text} ({acronym_of[start, end]})" if (start, end) in acronym_of else tokens.text
        actors.setdefault(
            actor_id, ActorRow(actor_id=actor_id, name=name, kind=kind, country=None, sector=None)
        )
        last = doc[end - 1]
        found.append(
            ResolvedMention(
                actor_id=actor_id,
                token_start=start,
                token_end=end,
                char_start=tokens.start_char,
                char_end=last.idx + len(last.text),
                text=tokens.text,
                method="ner",
            )
        )
        taken[start:end] = [True] * (end - start)
    return sorted(found, key=lambda m: m.token_start)
