"""Gazetteer matching: every state, metonym, organisation, outlet and region name in a Doc.

Matching walks the tokens once, looking up token sequences in the lexicon's alias indexes
(leftmost-longest, so "the European Court of Human Rights" wins over "European" and "New
Jersey" blocks "Jersey"). Names that the parse shows to be something else are dropped: a
country inside a person's name ("Michael Jordan"), a capital inside an institution named after
it ("the Bank of England", "the Club of Madrid"), an ambiguous name without supporting
context (guidelines: "Jordan" the country beside Israel and Syria, not a person).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from geodiscourse.extract.actors.lexicon import Alias, Lexicon
from geodiscourse.extract.actors.slugs import fold
from geodiscourse.nlp.context import non_state_heads
from geodiscourse.nlp.text import doc_text, doc_tokens
from geodiscourse.rules import read_yaml_mapping

#: Entity labels of names that can contain a place name without being about that place.
_NAME_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "LOC"})
#: "X of London", "Court of Human Rights in Strasbourg": the place is part of the name.
_NAME_INNER_PREPS = frozenset({"of", "in", "for", "at", "on", "de"})


@dataclass(frozen=True)
class GazetteerMatch:
    """A lexicon alias found in the Doc; ``start`` includes a leading "the" that belongs to it."""

    start: int
    end: int  # exclusive
    name_start: int  # first token of the name itself (after "the")
    alias: Alias

    @property
    def actor_id(self) -> str:
        assert self.alias.actor is not None, "blockers never become matches"
        return self.alias.actor.actor_id


def _case_ok(alias: Alias, doc: Doc, start: int) -> bool:
    return alias.exact or alias.cased is None or fold(doc[start + alias.cased].text)[:1].isupper()


@cache
def name_abbreviations() -> dict[str, str]:
    """Abbreviated words of institutional names and the words they stand for
    (rules/actors/name_abbreviations.yaml)."""
    data = read_yaml_mapping("actors/name_abbreviations.yaml").get("abbreviations") or {}
    return {str(k).lower(): str(v).lower() for k, v in data.items()}


def _raw_matches(doc: Doc, lexicon: Lexicon) -> list[tuple[int, int, Alias]]:
    exact_keys = [fold(t.text) for t in doc_tokens(doc)]
    expand = name_abbreviations()
    folded_keys = [expand.get(k.lower(), k.lower()) for k in exact_keys]
    indexes = (
        (exact_keys, lexicon.exact_aliases, lexicon.exact_longest),
        (folded_keys, lexicon.folded_aliases, lexicon.folded_longest),
    )
    found: list[tuple[int, int, Alias]] = []
    n = len(doc)

    def longest_at(i: int) -> tuple[int, Alias | None]:
        best_len, best_alias = 0, None
        for keys, index, longest in indexes:
            for length in range(min(longest.get(keys[i], 0), n - i), best_len, -1):
                alias = index.get(tuple(keys[i : i + length]))
                if alias is not None and _case_ok(alias, doc, i):
                    best_len, best_alias = length, alias
                    break
        return best_len, best_alias

    i = 0
    while i < n:
        best_len, best_alias = longest_at(i)
        if best_alias is None:
            i += 1
            continue
        # a name that starts inside this one and reaches past it is the one written:
        # "the West Bank" is the West Bank, not "the West" and a bank
        overlapping = next(
            (j for j in range(i + 1, i + best_len) if j + longest_at(j)[0] > i + best_len), None
        )
        if overlapping is not None:
            i = overlapping
            continue
        found.append((i, i + best_len, best_alias))
        i += best_len
    return found


def _entity_by_token(doc: Doc) -> list[Span | None]:
    by_token: list[Span | None] = [None] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            by_token[i] = ent
    return by_token


def _demonym_first_name(doc: Doc, start: int, end: int, alias: Alias, ent: Span, lexicon: Lexicon) -> bool:
    """A demonym that the parse reads as a given name ("economy minister German Gref"): a known
    given name tagged as a proper noun, not an adjective, opening a PERSON entity whose rest is
    capitalised proper nouns and no office title. "German Chancellor Gerhard Schroeder" and
    "Croatian Ivan Ljubicic" keep their state: there the demonym gives the person's country."""
    if not alias.demonym or end - start != 1 or ent.start != start or doc[start].tag_ != "NNP":
        return False
    if doc[start].text not in lexicon.first_name_gender:
        return False
    rest = doc[end : ent.end]
    return len(rest) > 0 and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in lexicon.title_words for t in rest
    )


def _inside_other_name(
    doc: Doc, start: int, end: int, alias: Alias, ent: Span | None, lexicon: Lexicon, after_name: bool = False
) -> bool:
    """Is this match part of a longer name that is about something else? ``after_name``:
    the word before is itself a gazetteer name ("NATO Russia": two names, not one)."""
    if ent is None or (ent.start >= start and ent.end <= end):
        return False
    if ent.label_ == "PERSON":
        if _demonym_first_name(doc, start, end, alias, ent, lexicon):
            return True
        before = doc[start - 1] if start > ent.start else None
        if before is not None:  # "Michael Jordan", "George Washington"; not "Kennedy's Lib Dems"
            return before.pos_ == "PROPN" and before.text[:1].isupper()
        rest = doc[end : ent.end]  # "Chad Smith", "Georgia Brown": an ambiguous name as a first name
        return (
            alias.context is not None
            and len(rest) > 0
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest)
        )
    state_in_org = ent.label_ == "ORG" and alias.actor is not None and alias.actor.kind == "state"
    if ent.label_ in _NAME_LABELS and ent.start < start:
        before = doc[start - 1]
        if before.lower_ in _NAME_INNER_PREPS:
            return True  # "Bank of England"
        # a state word after another capitalised word of an ORG name: "Royal Dutch Shell",
        # "the Free Syrian Army" (a firm or a group, not the state)
        if state_in_org and _proper(before) and not after_name:
            return True
    if ent.label_ == "ORG" and alias.actor is not None and alias.actor.kind == "organization":
        rest = doc[end : ent.end]
        if ent.start < start and _proper(doc[start - 1]) and not after_name:
            return True  # "the Parliamentary Labour Party": a body of the party, named in full
        if len(rest) > 0 and all(_proper(t) or t.lower_ in _NAME_INNER_PREPS for t in rest):
            return rest[-1].lower_ in organ_heads()  # "the Republican National Committee"
    if state_in_org and ent.end > end:
        # a state word that opens a firm's name ending in a word for a firm: "China
        # Construction Bank", "China National Petroleum Corporation" (the guidelines: a
        # company is an actor of its own, never its home state)
        rest = doc[end : ent.end]
        return (
            all(_proper(t) or t.lower_ in _NAME_INNER_PREPS for t in rest)
            and rest[-1].lower_ in non_state_heads()
        )
    return False


@cache
def organ_heads() -> frozenset[str]:
    """Heads of a body an organisation's name opens (rules/actors/actor_heads.yaml)."""
    heads = read_yaml_mapping("actors/actor_heads.yaml").get("organ_heads") or []
    return frozenset(str(h).lower() for h in heads)


def _proper(token: Token) -> bool:
    """A capitalised word of a name ("Three" of "China Three Gorges Project Corp" is a NUM)."""
    return token.pos_ in ("PROPN", "NUM") and token.is_alpha and token.text[:1].isupper()


def _takes_article(doc: Doc, start: int, end: int, alias: Alias) -> bool:
    """Does a "the" right before the name belong to it ("the Kremlin", not "the US-led coalition")?"""
    if alias.demonym or start == 0 or alias.text.lower().startswith("the "):
        return False
    article = doc[start - 1]
    return article.lower_ == "the" and start <= article.head.i < end


def _context_ok(alias: Alias, actor_ids: set[str], words: set[str], text: str) -> bool:
    rule = alias.context
    if rule is None:
        return True
    if rule.actors & actor_ids:
        return True
    return any((w[0] in words) if len(w) == 1 else (" ".join(w) in text) for w in rule.words)


_OPENING_QUOTES = frozenset({"\u201c", "``", '"'})
_CLOSING_QUOTES = frozenset({"\u201d", "''", '"'})
_SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "in", "on", "for", "to", "with", "at", "by", "or"})


def titled_tokens(doc: Doc, lexicon: Lexicon) -> list[bool]:
    """Tokens inside the quoted title of a work: a title-cased quotation right after a cue
    word ("entitled", "report", "book")."""
    flags = [False] * len(doc)
    opened: int | None = None
    for token in doc_tokens(doc):
        if "\n" in token.text:
            opened = None
        elif opened is None and token.text in _OPENING_QUOTES:
            opened = token.i
        elif opened is not None and token.text in _CLOSING_QUOTES:
            cue = doc[opened - 1].lower_ if opened > 0 else ""
            if cue in lexicon.title_cues and token.i - opened - 1 <= 20:  # before reading a long quotation
                inner = doc[opened + 1 : token.i]
                words = [t for t in inner if t.is_alpha and t.lower_ not in _SMALL_WORDS]
                if words and all(t.text[:1].isupper() for t in words):
                    flags[opened + 1 : token.i] = [True] * len(inner)
            opened = None
    return flags


def match_gazetteer(doc: Doc, lexicon: Lexicon) -> tuple[list[GazetteerMatch], list[bool]]:
    """All gazetteer mentions in the Doc, non-overlapping, in text order; and which tokens a
    blocker phrase covers ("the Kyoto Protocol": no actor, not even an NER organisation)."""
    entity_of = _entity_by_token(doc)
    kept: list[GazetteerMatch] = []
    blocked = titled_tokens(doc, lexicon)
    for start, end, alias in _raw_matches(doc, lexicon):
        if alias.actor is None or blocked[start]:
            blocked[start:end] = [True] * (end - start)
            continue
        after_name = bool(kept) and kept[-1].end == start
        if _inside_other_name(doc, start, end, alias, entity_of[start], lexicon, after_name):
            continue
        outer = start - 1 if _takes_article(doc, start, end, alias) else start
        if kept and kept[-1].end > outer:
            outer = start
        kept.append(GazetteerMatch(outer, end, start, alias))
    if not any(m.alias.context for m in kept):
        return kept, blocked
    certain = {m.actor_id for m in kept if m.alias.context is None}
    words = {t.text for t in doc}
    text = doc_text(doc)
    return [m for m in kept if _context_ok(m.alias, certain, words, text)], blocked


def token_owner(matches: Iterable[GazetteerMatch], size: int) -> list[GazetteerMatch | None]:
    """For each token of a Doc of ``size`` tokens, the match covering it."""
    owner: list[GazetteerMatch | None] = [None] * size
    for match in matches:
        for i in range(match.start, match.end):
            owner[i] = match
    return owner
