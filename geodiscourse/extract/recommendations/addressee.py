"""Who is told to act: the subject of the prescriptive expression, as an actor.

The subject is resolved through the shared DocContext ("London" -> GBR; "Washington
and its partners" -> USA, the first conjunct that names an actor; "they" and "the
government" as ``extract.coreference`` resolved them for every table). One memory is
the recommendations' own, as advice goes on to whoever the previous advice was for: a
pronoun subject within two sentences of a recommendation stands for its addressee
("the prime minister should make a statement. He should set out ..."; "... It needs
to ..." where coreference found nothing). That addressee was itself read off the
context, so the actor stands behind a mention row of the document.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from geodiscourse.nlp.context import DocContext

_BACK_POINTING = frozenset({"it", "they", "them", "its", "their"})
_PERSONAL = frozenset({"he", "she"})
#: How many sentences back a recommendation's addressee may be referred to by a pronoun.
_ADDRESSEE_REACH = 2


def _persons_people(ctx: DocContext, token: Token) -> bool:
    """Is the phrase a person's people ("his audience", "Kimmel's supporters")? Advice to
    them is not advice to the person, though the possessor names the phrase's actor for
    states ("Russia's army")."""
    if ctx.mention_at(token) is not None:
        return False
    possessor = next((c for c in token.children if c.dep_ == "poss"), None)
    return possessor is not None and ctx.kind_of(ctx.actor_of(possessor)) == "person"


def _actor_or_conjunct(ctx: DocContext, token: Token) -> str | None:
    if _persons_people(ctx, token):
        return None
    found = ctx.actor_of(token)
    if found is not None:
        return found
    for conj in token.conjuncts:
        found = ctx.actor_of(conj)
        if found is not None:
            return found
    return None


@dataclass
class AddresseeResolver:
    """Resolves addressees of one document, remembering the last one for pronouns."""

    ctx: DocContext
    _last: tuple[int, str] | None = None

    def remember(self, index: int, actor: str | None) -> None:
        if actor is not None:
            self._last = (index, actor)

    def pronoun_actor(self, token: Token, index: int) -> str | None:
        """What an "it"/"they" subject in sentence ``index`` that coreference left open
        stands for: the last addressee, if a state, organisation or group (a person
        would be "he" or "she")."""
        if token.lower_ not in _BACK_POINTING:
            return None
        last = self._last
        if last is not None and index - last[0] <= _ADDRESSEE_REACH and self.ctx.kind_of(last[1]) != "person":
            return last[1]
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
            and self.ctx.kind_of(last[1]) == "person"
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
        return self.pronoun_actor(subject, index)
