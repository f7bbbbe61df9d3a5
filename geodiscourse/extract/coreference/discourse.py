"""Mentions without a name of their own, resolved once per document for every table.

Actor resolution (``extract.actors``) marks names and the mentions that point at a named
*person* (he/she of a person, "the prime minister" as a title someone holds): those feed
the person's own record (gender, office, state). This module runs right after it and adds
the mentions that point back at any other actor, so that events, claims and
recommendations all read the same ``DocContext`` and every actor they name stands
behind a mention row. Passes, each seeing the mentions of the ones before:

1. Bare "the government" (``_government_mentions``), where actor resolution found no
   dominant state for it: the one state whose government the document names ("the
   British government"), when there is exactly one.
2. Salience (``_salient_pronouns``): a pronoun refers to the subject of its own clause
   chain earlier in the sentence, else to the main subject of the previous sentence,
   provided the kinds agree: he/she to a singular role phrase ("India's finance minister
   lashed out ... He objected" -> IND), it/its to a singular state, body or bloc ("China
   is expected to abandon its fixed exchange rate" -> CHN).
3. Subject "they" (``_subject_they``) still open: the state, body or group the nearest
   subject before it in the sentence names, if that subject is many ("The UK and US must
   realise they cannot ..." -> GBR; "the US will fund its deficits should they widen" is
   no state). Across sentences "they" is too often people ("Ministers ... They") to follow.

4. A definite description of a body (``_definite_bodies``): bare "the firm", "the
   company", "the bank" (rules/actors/actor_heads.yaml anaphoric_heads) refers to the
   business the text is about: of those named in the last three sentences, the one named
   most so far ("Turkish operator Turkcell has won a licence, the firm said" -> turkcell);
   never a party or public body, and "the firm behind the dossier" is a new one.

Pronouns inside quotation marks are left alone (their referent is the speaker's, not
the text's), and "it" that refers to nothing ("it is likely that", "it seems", "make it
hard") never takes an antecedent. Recommendations keep one memory of their own on top
of this (advice goes on to the previous recommendation's addressee), which only ever
names an actor a mention of the document already stands for.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.tokens import Span, Token

from geodiscourse.extract.coreference.persons import quoted_tokens
from geodiscourse.extract.events.lexicon import modality_rules, plover_lexicon
from geodiscourse.extract.phrases import represented_actor
from geodiscourse.nlp.context import DocContext, ResolvedMention
from geodiscourse.nlp.text import doc_tokens, span_tokens, tokens_spelled
from geodiscourse.rules import read_yaml_mapping

__all__ = ["resolve_coreference"]

_PERSONAL = frozenset({"he", "him", "his", "she", "her"})
_NEUTER = frozenset({"it", "its"})
#: Positions where "it" is a referring pronoun rather than a dummy ("it is likely that").
_NEUTER_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj", "pobj"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "dative"})
#: Clauses a verb reports or asserts: a pronoun subject of the verb is not their subject.
_COMPLEMENT_DEPS = frozenset({"ccomp", "parataxis"})
#: Verbs whose "it" is usually a dummy ("it seems", "it takes time", "makes it hard").
_DUMMY_IT_VERBS = frozenset({"be", "seem", "appear", "look", "remain", "take", "make", "matter", "emerge"})
_NON_PERSON_KINDS = frozenset({"state", "igo", "bloc", "organization", "group"})
_SINGULAR_TAGS = frozenset({"NN", "NNP"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: Kinds a plural-looking name ("Barclays") may be one of: a single body, never a people.
_BODY_KINDS = frozenset({"organization", "igo", "group"})
#: Subjects that name nobody in particular and so block the subjects before them.
_INDEFINITE = frozenset({"somebody", "someone", "anybody", "anyone", "nobody", "everybody", "everyone"})
_GOVERNMENT = "government"


def resolve_coreference(ctx: DocContext) -> DocContext:
    """``ctx`` with a mention (method "pronoun" or "alias") for every open pronoun and bare
    "the government" whose antecedent the passes find; ``ctx`` itself when there is none."""
    ctx = _with_mentions(ctx, _government_mentions(ctx))
    quoted = quoted_tokens(ctx.doc)
    ctx = _with_mentions(ctx, _salient_pronouns(ctx, quoted))
    ctx = _with_mentions(ctx, _subject_they(ctx, quoted))
    return _with_mentions(ctx, _definite_bodies(ctx, quoted))


def _with_mentions(ctx: DocContext, extra: list[ResolvedMention]) -> DocContext:
    if not extra:
        return ctx
    mentions = sorted([*ctx.mentions, *extra], key=lambda m: m.token_start)
    return replace(ctx, mentions=mentions, _by_token={}, _sentence_of_token={})


def _mention(tokens: Span, actor: str, method: str) -> ResolvedMention:
    return ResolvedMention(
        actor_id=actor,
        token_start=tokens.start,
        token_end=tokens.end,
        char_start=tokens.start_char,
        char_end=tokens.end_char,
        text=tokens.text,
        method=method,
    )


def _open_pronoun(ctx: DocContext, token: Token, quoted: list[bool]) -> bool:
    """A pronoun outside quotation marks (there its referent is the speaker's, not the
    text's) that no mention covers yet; "IT" is information technology."""
    return (
        token.pos_ == "PRON" and not quoted[token.i] and ctx.mention_at(token) is None and token.text != "IT"
    )


#: Complements of a copula that make its "it" a dummy: "it is likely that", "it was a
#: mistake to", "it is time to".
_EXTRAPOSED = frozenset({"acomp", "attr", "ccomp", "xcomp", "advcl", "csubj", "oprd"})


def _located(copula: Token) -> bool:
    """Is the copula's only complement a preposition phrase ("was in talks", "is at
    war"), which says where or in what its subject is?"""
    children = list(copula.children)
    return any(c.dep_ == "prep" for c in children) and not any(c.dep_ in _EXTRAPOSED for c in children)


def _is_dummy_it(token: Token) -> bool:
    """ "It" that refers to nothing: "it is hard to ...", "it seems that", "make it hard";
    not the subject of an adjective of will ("it is prepared to impose martial law",
    "it is ready to talk"), which only someone can be."""
    head = token.head
    if token.lower_ != "it" or not (head.pos_ == "AUX" or head.lemma_.lower() in _DUMMY_IT_VERBS):
        return False
    if head.pos_ == "AUX" and _located(head):
        return False  # "it was in talks with Turkey", "it is at war": only someone can be
    willing = modality_rules().commitment_adjectives
    return not any(c.dep_ == "acomp" and c.lemma_.lower() in willing for c in head.children)


def _antecedent_actor(ctx: DocContext, token: Token) -> str | None:
    """The actor a noun phrase stands for as an antecedent: its head's or a modifier's
    mention, that of the first conjunct that has one, or the "of/from" phrase of an agent
    noun ("officials from the EU"); a thing owned by an actor ("its plans") is none."""
    return represented_actor(ctx, token, strict=True)


# -- pass 1: the government ---------------------------------------------------------


def _government_mentions(ctx: DocContext) -> list[ResolvedMention]:
    """Bare "(the) government" for the one state whose government the document names."""
    bare: list[Token] = []
    states: set[str] = set()
    for token in tokens_spelled(ctx.doc, _GOVERNMENT):
        if token.tag_ not in _SINGULAR_TAGS:
            continue
        actor = ctx.actor_of(token)
        if actor is not None:
            if ctx.kind_of(actor) == "state":
                states.add(actor)
        elif _is_bare(token):
            bare.append(token)
    if len(states) != 1 or not bare:
        return []
    state = next(iter(states))
    found = []
    for token in bare:
        start = token.i - 1 if token.i > 0 and ctx.doc[token.i - 1].lower_ == "the" else token.i
        if any(ctx.mention_at(t) is not None for t in doc_tokens(ctx.doc)[start : token.i + 1]):
            continue
        found.append(_mention(ctx.doc[start : token.i + 1], state, "alias"))
    return found


def _is_bare(token: Token) -> bool:
    """ "the government", "Government": a phrase of its own (not "government officials"),
    with "the" or a capital, no owner ("his government") and no of-phrase ("the
    government of Iraq") naming another."""
    if token.dep_ == "compound":
        return False
    if not (token.text[:1].isupper() or any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)):
        return False
    for child in token.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and (
            child.pos_ in ("PRON", "PROPN") or child.text[:1].isupper()
        ):
            return False
        if child.dep_ == "prep" and child.lower_ == "of":
            return False
    return True


# -- pass 2: salience ---------------------------------------------------------------


def _salient_pronouns(ctx: DocContext, quoted: list[bool]) -> list[ResolvedMention]:
    extra: list[ResolvedMention] = []
    previous: tuple[str | None, str | None] = (None, None)  # (personal, neuter) antecedent
    for sent in ctx.sentences:
        personal, neuter = previous
        for token in span_tokens(sent):
            if not _open_pronoun(ctx, token, quoted):
                continue
            lower = token.lower_
            if lower in _PERSONAL:
                actor = personal
            elif lower in _NEUTER and token.dep_ in _NEUTER_DEPS and not _is_dummy_it(token):
                actor = _neuter_antecedent(ctx, sent, token, neuter)
            else:
                continue
            if actor is not None and not _named_by_apposition(ctx, token):
                extra.append(_mention(ctx.doc[token.i : token.i + 1], actor, "pronoun"))
        previous = _main_subjects(ctx, sent, previous, extra)
    return extra


def _named_by_apposition(ctx: DocContext, pronoun: Token) -> bool:
    """Is the pronoun the owner in a phrase an appositive names ("its chairman, Sir
    Anthony Greener")? The phrase stands for the name; a mention for its owner would
    compete with it for the phrase's actor."""
    if pronoun.dep_ != "poss":
        return False
    return any(c.dep_ == "appos" and ctx.mention_at(c) is not None for c in pronoun.head.children)


def _role_phrase_actor(ctx: DocContext, subject: Token) -> str | None:
    """The actor of a singular role phrase ("India's finance minister"); a named person
    is actor resolution's business."""
    if subject.tag_ != "NN" or subject.lemma_.lower() not in plover_lexicon().person_agent_nouns:
        return None
    return _antecedent_actor(ctx, subject)


def _neuter_actor(ctx: DocContext, subject: Token) -> str | None:
    """The actor a subject names if "it" can stand for it: a singular phrase naming a
    state, body or bloc, or the plural-looking name of one body ("Barclays", "the United
    Nations"; not "Americans", who are people)."""
    if subject.pos_ == "PRON" and ctx.mention_at(subject) is None:
        return None
    actor = _antecedent_actor(ctx, subject)
    kind = ctx.kind_of(actor)
    if subject.tag_ in _SINGULAR_TAGS:
        return actor if kind in _NON_PERSON_KINDS else None
    named = subject.tag_ in _PLURAL_TAGS and ctx.mention_at(subject) is not None
    return actor if named and kind in _BODY_KINDS else None


def _neuter_antecedent(ctx: DocContext, sent: Span, pronoun: Token, previous: str | None) -> str | None:
    """it/its: the state, body or bloc the nearest candidate subject before it in the
    sentence names, else the previous sentence's main subject. A nearer subject that
    names none ("for Menatep to press its case") blocks the subjects before it in the
    sentence, but not the previous sentence's: often enough the pronoun skips a thing
    ("The conflict demonstrated Russia's determination, as did its seizure of Crimea")."""
    subject = _nearest_subject(sent, pronoun)
    return (None if subject is None else _neuter_actor(ctx, subject)) or previous


def _nearest_subject(sent: Span, pronoun: Token) -> Token | None:
    """The nearest subject before the pronoun in its sentence that it may refer to, or
    None. "Somebody" names nobody and blocks the ones before it; subjects the pronoun
    cannot refer to are none: one in the pronoun's own verb's complement ("The EU was
    imposing new rules, it noted"), any before a parenthetical report ("Iraq, they
    insisted, would not be a factor"), and the subject of a verb the pronoun is the
    object of ("Russia's army shelled it", "Russia wants it to fail", "the government
    was trying to rush it through")."""
    for token in reversed(sent[: pronoun.i - sent.start]):
        if token.dep_ not in _SUBJECT_DEPS:
            continue
        if token.pos_ == "PRON" and token.lower_ in _INDEFINITE:
            return None
        if token.pos_ in ("NOUN", "PROPN"):
            return None if _reports_on(pronoun.head, token) or _clause_mate(pronoun, token) else token
    return None


def _clause_mate(pronoun: Token, subject: Token) -> bool:
    """Is the pronoun an object of the subject's verb, or the subject of an infinitive
    that verb governs? Then it is someone else."""
    verb = subject.head
    if pronoun.dep_ in _OBJECT_DEPS:
        governor = pronoun.head
        while governor.dep_ == "xcomp" and governor.i != verb.i:
            governor = governor.head  # "trying to rush it": the object of the trier's act
        return governor.i == verb.i
    infinitive = pronoun.head
    return (
        pronoun.dep_ in _SUBJECT_DEPS
        and infinitive.head.i == verb.i
        and infinitive.i != verb.i
        and any(c.dep_ == "aux" and c.tag_ == "TO" for c in infinitive.children)
    )


def _reports_on(verb: Token, token: Token) -> bool:
    """Is ``verb`` a parenthetical, or does ``token`` lie in its complement clause?"""
    if verb.dep_ == "parataxis":
        return True
    while token.head.i != token.i and token.head.i != verb.i:
        token = token.head
    return token.head.i == verb.i and token.dep_ in _COMPLEMENT_DEPS


def _main_subjects(
    ctx: DocContext, sent: Span, previous: tuple[str | None, str | None], extra: list[ResolvedMention]
) -> tuple[str | None, str | None]:
    """The antecedents a sentence offers to the next one: its main subject. A main verb
    with two subjects is a misparse ("..., in particular the UK, said the report") and
    offers none."""
    subjects = [c for c in sent.root.children if c.dep_ in _SUBJECT_DEPS]
    if not subjects:
        return previous
    if len(subjects) > 1:
        return None, None
    subject = subjects[0]
    own = next((m.actor_id for m in extra if m.token_start == subject.i), None)
    if subject.lower_ in _PERSONAL:
        return (own, previous[1]) if own is not None else (None, previous[1])
    if subject.lower_ in _NEUTER:
        return (previous[0], own)
    return _role_phrase_actor(ctx, subject), _neuter_actor(ctx, subject)


# -- pass 3: subject they -------------------------------------------------------------


def _subject_they(ctx: DocContext, quoted: list[bool]) -> list[ResolvedMention]:
    """ "they" as a subject, for the state, body or group the nearest subject before it
    in the sentence names, if that is many ("The UK and US must realise they cannot ..."
    -> GBR; "the US ... they" is something else); a nearer subject that names none
    ("until somebody says they ...") blocks the ones before it."""
    found: list[ResolvedMention] = []
    for sent in ctx.sentences:
        for token in span_tokens(sent):
            if (
                token.lower_ != "they"
                or token.dep_ not in _SUBJECT_DEPS
                or not _open_pronoun(ctx, token, quoted)
            ):
                continue
            subject = _nearest_subject(sent, token)
            if subject is None or not (subject.tag_ in _PLURAL_TAGS or subject.conjuncts):
                continue  # "they" is many: "Britain and France", "the Tories", not "the US"
            actor = _antecedent_actor(ctx, subject)
            if actor is not None and ctx.kind_of(actor) in _NON_PERSON_KINDS:
                found.append(_mention(ctx.doc[token.i : token.i + 1], actor, "pronoun"))
    return found


# -- pass 4: definite descriptions of a body ------------------------------------------

#: How many sentences back a definite description looks for the body it names.
_DESCRIPTION_REACH = 3


@cache
def anaphoric_heads() -> frozenset[str]:
    data = read_yaml_mapping("actors/actor_heads.yaml")
    return frozenset(str(w).lower() for w in data.get("anaphoric_heads") or [])


#: Sectors of organisations a "firm" or "company" cannot stand for: parties, the state's bodies.
_PUBLIC_SECTORS = frozenset({"party", "government", "legislature", "judiciary", "military", "police"})


def _a_business(ctx: DocContext, actor_id: str) -> bool:
    """An organisation that is no party or public body (by its sector, where known)."""
    if ctx.kind_of(actor_id) != "organization":
        return False
    row = ctx.actors.get(actor_id)
    return row is None or row.get("sector") not in _PUBLIC_SECTORS


def _definite_bodies(ctx: DocContext, quoted: list[bool]) -> list[ResolvedMention]:
    """Bare "the firm" (a singular head with "the" and nothing else before it, no
    modifier after it), outside quotation marks, for the business named most so far among
    those named in the last three sentences."""
    heads = anaphoric_heads()
    extra: list[ResolvedMention] = []
    named: dict[str, int] = {}  # organisation -> mentions so far
    recent: dict[str, int] = {}  # organisation -> sentence index of its last mention
    for index, sent in enumerate(ctx.sentences):
        for token in span_tokens(sent):
            mention = ctx.mention_at(token)
            if mention is not None:
                if mention.token_start == token.i and _a_business(ctx, mention.actor_id):
                    named[mention.actor_id] = named.get(mention.actor_id, 0) + 1
                    recent[mention.actor_id] = index
                continue
            if quoted[token.i] or token.tag_ != "NN" or token.lower_ not in heads or token.dep_ == "compound":
                continue
            before = [c for c in token.children if c.i < token.i]
            if len(before) != 1 or before[0].dep_ != "det" or before[0].lower_ != "the":
                continue  # "the Russian firm", "a firm", "its bank": not simply the one named
            if any(c.i > token.i and c.dep_ in ("prep", "relcl", "acl") for c in token.children):
                continue  # "the firm behind the dossier", "the company that ...": a new one
            candidates = [a for a, at in recent.items() if index - at <= _DESCRIPTION_REACH]
            if not candidates:
                continue
            # the body the text is about: the most named of those named lately, then the latest
            actor = max(candidates, key=lambda a: (named[a], recent[a]))
            extra.append(_mention(ctx.doc[before[0].i : token.i + 1], actor, "alias"))
    return extra
