"""Pronouns the actor resolver leaves open, filled in for event roles only.

Actor resolution links "he"/"she" to named persons. News text also refers back to an
actor named by a role phrase ("India's finance minister lashed out ... He objected to
...") or to a state or body with "it"/"its" ("China is expected to abandon its fixed
exchange rate"). Without an actor such events would be dropped or lose their target,
so this module adds mentions for those pronouns, to a copy of the context used by the
event extractor alone (the mentions table keeps the resolver's own decisions).

The rule is the usual subject-salience one: a pronoun refers to the subject of its own
clause chain earlier in the sentence, else to the main subject of the previous sentence,
provided the kinds agree: he/she to a singular role phrase ("the minister"), it/its to a
singular state, body or bloc. Pronouns inside quotations are left alone: their referent
is the speaker's, not the text's.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from geodiscourse.extract.actors.pronouns import quoted_tokens
from geodiscourse.extract.events.lexicon import plover_lexicon
from geodiscourse.extract.events.roles import phrase_actor
from geodiscourse.nlp.context import DocContext, ResolvedMention

_PERSONAL = frozenset({"he", "him", "his", "she", "her"})
_NEUTER = frozenset({"it", "its"})
#: Positions where "it" is a referring pronoun rather than a dummy ("it is likely that").
_NEUTER_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "pobj"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Verbs whose "it" is usually a dummy ("it seems", "it takes time", "makes it hard").
_DUMMY_IT_VERBS = frozenset({"be", "seem", "appear", "look", "remain", "take", "make", "matter", "emerge"})
_NON_PERSON_KINDS = frozenset({"state", "igo", "bloc", "organization", "group"})
_SINGULAR_TAGS = frozenset({"NN", "NNP"})


def with_pronoun_actors(ctx: DocContext) -> DocContext:
    """``ctx`` with a mention for each open pronoun whose antecedent the rule finds."""
    quoted = quoted_tokens(ctx.doc)
    extra: list[ResolvedMention] = []
    previous: tuple[str | None, str | None] = (None, None)  # (personal, neuter) antecedent
    for sent in ctx.sentences:
        personal, neuter = previous
        for token in sent:
            if token.pos_ != "PRON" or quoted[token.i] or ctx.mention_at(token) is not None:
                continue
            lower = token.lower_
            if lower in _PERSONAL:
                actor = personal
            elif lower in _NEUTER and token.dep_ in _NEUTER_DEPS and not _is_dummy(token):
                actor = _earlier_subject(ctx, sent, token) or neuter
            else:
                continue
            if actor is not None:
                extra.append(_mention(token, actor))
        previous = _main_subjects(ctx, sent, previous, extra)
    if not extra:
        return ctx
    return replace(ctx, mentions=[*ctx.mentions, *extra], _by_token={}, _sentence_of_token={})


def _is_dummy(token: Token) -> bool:
    """ "It" that refers to nothing: "it is hard to ...", "it seems that", "make it hard"."""
    head = token.head
    return token.lower_ == "it" and (head.pos_ == "AUX" or head.lemma_.lower() in _DUMMY_IT_VERBS)


def _mention(token: Token, actor: str) -> ResolvedMention:
    return ResolvedMention(
        actor_id=actor,
        token_start=token.i,
        token_end=token.i + 1,
        char_start=token.idx,
        char_end=token.idx + len(token.text),
        text=token.text,
        method="pronoun",
    )


def _kind(ctx: DocContext, actor: str | None) -> str | None:
    row = None if actor is None else ctx.actors.get(actor)
    return None if row is None else row["kind"]


def _role_phrase_actor(ctx: DocContext, subject: Token) -> str | None:
    """The actor of a singular role phrase ("India's finance minister"); a named person
    is the resolver's business."""
    if subject.tag_ != "NN" or subject.lemma_.lower() not in plover_lexicon().person_agent_nouns:
        return None
    return phrase_actor(ctx, subject, strict=True)


def _neuter_actor(ctx: DocContext, subject: Token) -> str | None:
    if subject.tag_ not in _SINGULAR_TAGS or (subject.pos_ == "PRON" and ctx.mention_at(subject) is None):
        return None
    actor = phrase_actor(ctx, subject, strict=True)
    return actor if _kind(ctx, actor) in _NON_PERSON_KINDS else None


def _earlier_subject(ctx: DocContext, sent: Span, pronoun: Token) -> str | None:
    """The actor of the nearest subject before the pronoun in its sentence, if it can be
    "it" (a nearer subject that names no such actor, "for Menatep to press its case",
    blocks the ones before it)."""
    for token in reversed(sent[: pronoun.i - sent.start]):
        if token.dep_ in _SUBJECT_DEPS and token.pos_ in ("NOUN", "PROPN"):
            return _neuter_actor(ctx, token)
    return None


def _main_subjects(
    ctx: DocContext, sent: Span, previous: tuple[str | None, str | None], extra: list[ResolvedMention]
) -> tuple[str | None, str | None]:
    """The antecedents a sentence offers to the next one: its main subject."""
    subject = next((c for c in sent.root.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None:
        return previous
    own = next((m.actor_id for m in extra if m.token_start == subject.i), None)
    if subject.lower_ in _PERSONAL:
        return (own, previous[1]) if own is not None else (None, previous[1])
    if subject.lower_ in _NEUTER:
        return (previous[0], own)
    return _role_phrase_actor(ctx, subject), _neuter_actor(ctx, subject)
