"""Whether a matched trigger's actors fit what its lexicon entry asks for.

A frame may need a source, a target or both, may take only targets of some kinds
("expel" a diplomat's state, not a company), and some verbs count only with an object
or a partner ("talks with X"). Verbal and nominal events ask the same questions, so
the answers live here, apart from the walk that finds triggers.
"""

from __future__ import annotations

from spacy.tokens import Token

from geodiscourse.extract.events.compiled import TARGET_ROLES
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


#: Dependencies and prepositions through which a verb names whom its act is aimed at: the
#: places a compiled frame looks for its target.
_AIMED = frozenset(TARGET_ROLES)


def names_an_addressee(verb: Token) -> bool:
    """Does the verb aim its act at someone or something named by a noun ("sued four
    companies", "accused the firm of fraud"), not a pronoun or a clause ("argued that",
    "wanted it to end")? A compiled default reading of a verbal act, which PETRARCH codes
    only with both actors known, is an event of a named source when it has such an
    addressee, resolved or not."""
    for child in verb.children:
        if child.dep_ in _AIMED and _named_by_noun(child):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in _AIMED
            and any(g.dep_ == "pobj" and _named_by_noun(g) for g in child.children)
        ):
            return True
    return False


def _named_by_noun(token: Token) -> bool:
    """A noun that names someone or something, not a time ("on Sunday")."""
    return token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in ("DATE", "TIME")


def _agentless_passive(verb: Token) -> bool:
    """Is the verb an eventive passive that leaves its agent unsaid ("Khodorkovsky was
    charged with fraud", "has been accused")? The one acted on is named; who acted is
    not, and need not be for the act to be reported. A present "is" passive is mostly a
    state ("the US, which is opposed to ending the ban"), not an act."""
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    auxiliaries = [c for c in verb.children if c.dep_ == "auxpass"]
    if auxiliaries:
        return all(a.tag_ in ("VBD", "VBN", "VBG") for a in auxiliaries)
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl")


def frame_fits(
    ctx: DocContext, frame: VerbFrame, source: str | None, target: str | None, verb: Token | None = None
) -> bool:
    needs = frame.needs
    if frame.compiled and needs == "both" and verb is not None:
        if _agentless_passive(verb):
            needs = "target"
        elif names_an_addressee(verb):
            needs = "source"
    if not needs_met(needs, source, target):
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
