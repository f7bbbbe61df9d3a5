"""What every extractor is given about one parsed document.

Actor resolution runs first and produces the document's mentions; events, claims and
recommendations then ask this context which actor a token or phrase stands for, so
they never resolve names on their own and all tables agree on who is who.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from geodiscourse.core.ids import sentence_id_for
from geodiscourse.core.rows import ActorRow
from geodiscourse.rules import RuleFileError, read_yaml_mapping
from geodiscourse.rules.word_lists import word_list

#: Dependency labels through which a phrase's head reaches the actor it names:
#: "Russian President Putin" (compound, amod), "Russia's army" (poss), "the EU, a bloc" (appos).
_ACTOR_CHILD_DEPS = ("compound", "poss", "amod", "nmod", "appos")
#: Modifiers that only say where a body is based ("the US company"): not its actor.
_STATE_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


@cache
def non_state_heads() -> frozenset[str]:
    """Head nouns of bodies that do not act for the state a modifier names ("the US company");
    from rules/actors/actor_heads.yaml."""
    data = read_yaml_mapping("actors/actor_heads.yaml")
    heads = data.get("non_state_heads")
    if not isinstance(heads, list) or not heads:
        raise RuleFileError(
            "geodiscourse/rules/actors/actor_heads.yaml needs a non-empty list 'non_state_heads'"
        )
    agents = word_list(
        data.get("state_agent_heads") or [], "geodiscourse/rules/actors/actor_heads.yaml state_agent_heads"
    )
    overlap = agents & {str(h).lower() for h in heads}
    if overlap:
        raise RuleFileError(
            f"geodiscourse/rules/actors/actor_heads.yaml lists {sorted(overlap)} as both non-state and "
            "state-agent heads: keep each word in one list"
        )
    return frozenset(str(h).lower() for h in heads)


@dataclass(frozen=True)
class ResolvedMention:
    """One mention of a canonical actor: token span in the Doc, char span in clean_text."""

    actor_id: str
    token_start: int
    token_end: int  # exclusive
    char_start: int
    char_end: int  # exclusive
    text: str
    method: str  # gazetteer, ner, alias, title or pronoun


def document_sentences(doc: Doc) -> list[Span]:
    """The document's sentences, with leading and trailing whitespace tokens trimmed
    and whitespace-only sentences dropped. Every table's sentence_id comes from these."""
    out: list[Span] = []
    for sent in doc.sents:
        start, end = sent.start, sent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end > start:
            out.append(doc[start:end])
    return out


@dataclass
class DocContext:
    """A parsed document with its resolved mentions, shared by all extractors."""

    doc_id: str
    doc: Doc
    published_date: datetime.date | None
    mentions: list[ResolvedMention]
    actors: Mapping[str, ActorRow]
    sentences: list[Span] = field(default_factory=list)
    _by_token: dict[int, ResolvedMention] = field(default_factory=dict, repr=False)
    _sentence_of_token: dict[int, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if not self.sentences:
            self.sentences = document_sentences(self.doc)
        for mention in self.mentions:
            for i in range(mention.token_start, mention.token_end):
                self._by_token.setdefault(i, mention)
        for index, sent in enumerate(self.sentences):
            for i in range(sent.start, sent.end):
                self._sentence_of_token[i] = index

    def sentence_id(self, sent: Span) -> str:
        """The sentence_id of one of ``self.sentences``."""
        return sentence_id_for(self.doc_id, sent.start_char, sent.end_char)

    def sentence_of(self, token: Token) -> Span | None:
        """The (trimmed) sentence a token belongs to; None for whitespace between."""
        index = self._sentence_of_token.get(token.i)
        return None if index is None else self.sentences[index]

    def mention_at(self, token: Token) -> ResolvedMention | None:
        """The mention covering this token, if any."""
        return self._by_token.get(token.i)

    def mentions_in(self, span: Span) -> list[ResolvedMention]:
        """Mentions lying wholly inside a span, in text order."""
        return [m for m in self.mentions if m.token_start >= span.start and m.token_end <= span.end]

    def actor_of(self, token: Token | None) -> str | None:
        """The actor a phrase headed by ``token`` names, or None.

        The head's own mention wins ("the Kremlin"); else a modifier that names one
        ("Russian troops" -> RUS, "Russia's army" -> RUS), nearest first. A body that is
        only based in a state ("the US company", "a French bank") does not act for it, so
        a state named by its modifier is no answer there; an appositive still is
        ("the firm, UPS").
        """
        if token is None:
            return None
        own = self.mention_at(token)
        if own is not None:
            return own.actor_id
        non_state = token.lower_ in non_state_heads()
        for child in sorted(token.children, key=lambda c: abs(c.i - token.i)):
            if child.dep_ in _ACTOR_CHILD_DEPS:
                found = self.mention_at(child)
                if found is None:
                    continue
                if non_state and child.dep_ in _STATE_MODIFIER_DEPS and self._is_state(found.actor_id):
                    continue
                return found.actor_id
        return None

    def kind_of(self, actor_id: str | None) -> str | None:
        """The kind (state, person, ...) of one of this document's actors; None if unknown."""
        actor = None if actor_id is None else self.actors.get(actor_id)
        return None if actor is None else actor["kind"]

    def _is_state(self, actor_id: str) -> bool:
        return self.kind_of(actor_id) in ("state", "igo", "bloc", "region")
