"""Whether a matched trigger's actors fit what its lexicon entry asks for.

A frame may need a source, a target or both, may take only targets of some kinds
("expel" a diplomat's state, not a company), and some verbs count only with an object
or a partner ("talks with X"). Verbal and nominal events ask the same questions, so
the answers live here, apart from the walk that finds triggers.
"""

from __future__ import annotations

from spacy.tokens import Token

from geodiscourse.extract.events.lexicon import VerbFrame
from geodiscourse.nlp.context import DocContext


def has_object(token: Token) -> bool:
    """Does a verb have an object, or an event noun a partner ("talks with X")?"""
    return any(
        c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ == "with") for c in token.children
    )


def needs_met(needs: str, source: str | None, target: str | None) -> bool:
    if needs == "none":
        return True
    if needs == "any":
        return source is not None or target is not None
    if needs == "both":
        return source is not None and target is not None
    return (source if needs == "source" else target) is not None


#: Kinds of actor that act politically in a compiled CAMEO reading, as PETRARCH's actor
#: dictionaries hold states, IGOs, persons and groups. Organizations (courts, ministries,
#: parties, firms) may take part, but not on both sides: "Airbus overtook Boeing" is no
#: event, "the Supreme Court allowed Ouattara to run" is.
POLITICAL_KINDS = frozenset({"state", "igo", "bloc", "person", "group", "region"})
_PARTICIPANT_KINDS = POLITICAL_KINDS | {"organization"}


def compiled_actors_fit(ctx: DocContext, frame: VerbFrame, source: str | None, target: str | None) -> bool:
    kinds = [ctx.kind_of(a) for a in (source, target) if a]
    if not all(k in _PARTICIPANT_KINDS for k in kinds):
        return False
    return not kinds or len(kinds) == 1 or any(k in POLITICAL_KINDS for k in kinds)


def frame_fits(ctx: DocContext, frame: VerbFrame, source: str | None, target: str | None) -> bool:
    if not needs_met(frame.needs, source, target):
        return False
    if frame.compiled and not compiled_actors_fit(ctx, frame, source, target):
        return False
    if frame.target_kinds and ctx.kind_of(target) not in frame.target_kinds:
        return False
    if frame.actor_kinds:
        kind = ctx.kind_of(source) if source is not None else ctx.kind_of(target)
        if kind not in frame.actor_kinds:
            return False
    return True


def is_reciprocal(verb: Token) -> bool:
    """Is the verb's object "each other" or "one another"?"""
    return any(
        c.dep_ == "dobj"
        and c.lower_ in ("other", "another")
        and c.i > 0
        and c.doc[c.i - 1].lower_ in ("each", "one")
        for c in verb.children
    )
