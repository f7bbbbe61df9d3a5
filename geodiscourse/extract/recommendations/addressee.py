"""Who is told to act: the subject of the prescriptive expression, as an actor.

The subject is resolved through the shared DocContext ("London" -> GBR; "Washington
and its partners" -> USA, the first conjunct that names an actor). Two fallbacks follow
how commentary refers back to its addressee: an unresolved "it"/"they" stands for an
actor named as subject earlier in the sentence, for the addressee of a recommendation
in the last two sentences, or for the subject of the previous sentence; and "the
government" stands for the one government the document names with a state ("the
British government"), when there is exactly one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from geodiscourse.extract.recommendations.agency import actor_kind
from geodiscourse.nlp.context import DocContext

_BACK_POINTING = frozenset({"it", "they", "them", "its", "their"})
_PERSONAL = frozenset({"he", "she"})
#: How many sentences back a recommendation's addressee may be referred to by a pronoun.
_ADDRESSEE_REACH = 2


def _actor_or_conjunct(ctx: DocContext, token: Token) -> str | None:
    found = ctx.actor_of(token)
    if found is not None:
        return found
    for conj in token.conjuncts:
        found = ctx.actor_of(conj)
        if found is not None:
            return found
    return None


def _subject_actors(ctx: DocContext, index: int, before: int | None = None) -> list[str]:
    """Actors named as subjects in sentence ``index`` (before token ``before``), nearest last."""
    sent = ctx.sentences[index]
    found = []
    for token in sent:
        if before is not None and token.i >= before:
            break
        if token.dep_ in ("nsubj", "nsubjpass") and token.lower_ not in _BACK_POINTING:
            actor = _actor_or_conjunct(ctx, token)
            if actor is not None and actor_kind(ctx, actor) != "person":
                found.append(actor)
    return found


@dataclass
class AddresseeResolver:
    """Resolves addressees of one document, remembering the last one for pronouns."""

    ctx: DocContext
    _last: tuple[int, str] | None = None
    _government: str | None = field(default=None, init=False)
    _government_known: bool = field(default=False, init=False)

    def remember(self, index: int, actor: str | None) -> None:
        if actor is not None:
            self._last = (index, actor)

    def pronoun_actor(self, token: Token, index: int) -> str | None:
        """What an unresolved "it"/"they" subject in sentence ``index`` stands for: a
        state, organisation or group (a person would be "he" or "she")."""
        if token.lower_ not in _BACK_POINTING:
            return None
        earlier = _subject_actors(self.ctx, index, before=token.i)
        if earlier:
            return earlier[-1]
        last = self._last
        if (
            last is not None
            and index - last[0] <= _ADDRESSEE_REACH
            and actor_kind(self.ctx, last[1]) != "person"
        ):
            return last[1]
        if index > 0:
            previous = _subject_actors(self.ctx, index - 1)
            if previous:
                return previous[0]
        return None

    def person_addressee(self, token: Token, index: int) -> str | None:
        """What a "he"/"she" subject stands for when a recommendation of the last two
        sentences told a person what to do: advice goes on to the same addressee
        ("the prime minister should make a statement. He should set out ...")."""
        last = self._last
        if (
            token.lower_ in _PERSONAL
            and last is not None
            and index - last[0] <= _ADDRESSEE_REACH
            and actor_kind(self.ctx, last[1]) == "person"
        ):
            return last[1]
        return None

    def resolve(self, subject: Token | None, index: int) -> str | None:
        if subject is None:
            return None
        carried = self.person_addressee(subject, index)
        if carried is not None:
            return carried
        actor = _actor_or_conjunct(self.ctx, subject)
        if actor is not None:
            return actor
        if subject.lower_ in _BACK_POINTING:
            return self.pronoun_actor(subject, index)
        if subject.lower_ == "government":
            return self.document_government()
        return None

    def document_government(self) -> str | None:
        """The state whose government the document names ("the British government",
        "the UK government"), if exactly one; computed once per document."""
        if not self._government_known:
            self._government_known = True
            states: set[str] = set()
            for token in self.ctx.doc:
                if token.lower_ != "government":
                    continue
                actor = self.ctx.actor_of(token)
                if actor is not None and actor_kind(self.ctx, actor) == "state":
                    states.add(actor)
            self._government = next(iter(states)) if len(states) == 1 else None
        return self._government
