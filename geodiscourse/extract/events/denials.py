"""Denials: a speaker who insists on a negated clause rejects what it negates (REJECT).

"Trump Jr. insisted that his father knew nothing about the meeting" and "Russia maintains
that it never interfered in the election" report no verb of denying, yet the codebook's
REJECT ("all rejections and refusals") is what the speaker does. Three constructions
count (rules/events/evaluations.yaml):

- a verb of insisting with a negated clause (``denial_verbs``);
- a verb of answering with a negated clause or one that opens with "No" (``rebuttal_verbs``:
  "Trump responded, 'No, I don't think so'"), and "said no";
- a plain verb of saying whose clause negates the speaker's own act (``own_act_speech_verbs``:
  "'I did not say that,' Trump said", "Trump said he never advocated a ban"), not a state
  of mind ("I don't know").

A plain "said ... not" about anything else mostly reports a fact, not a denial. Whose
claim is denied the text seldom says, so the target is left null.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from geodiscourse.extract.events.evaluations import EvaluationRules, evaluation_rules
from geodiscourse.extract.events.lexicon import modality_rules
from geodiscourse.extract.events.roles import phrase_actor
from geodiscourse.nlp.context import DocContext
from geodiscourse.nlp.text import span_tokens

__all__ = ["Denial", "denials"]


@dataclass(frozen=True)
class Denial:
    source: str
    cue: Token  # the verb of insisting
    negation: Token  # the word that negates the clause insisted on


def _negation(clause: Token, rules: EvaluationRules) -> Token | None:
    """The word that negates the clause itself: its "not", a "never", a negative
    pronoun as its subject or object ("knew nothing", "nobody was hurt"), or a "no"
    determining one ("has done no deals")."""
    for child in clause.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in rules.denial_words):
            return child
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
            if child.lower_ in rules.denial_words:
                return child
            no = next((d for d in child.children if d.dep_ == "det" and d.lower_ == "no"), None)
            if no is not None:
                return no
    return None


#: Subjects that make a clause the speaker's own act: "I did not say that"; a third-person
#: pronoun does when it is the speaker ("Trump said he never advocated a ban").
_FIRST_PERSON = frozenset({"i", "we"})
_THIRD_PERSON = frozenset({"he", "she", "they", "it"})


def _denying_word(ctx: DocContext, verb: Token, speaker: Token, rules: EvaluationRules) -> Token | None:
    """The word by which the verb's clause denies, for the three constructions of the
    module docstring; None if the verb denies nothing. ``speaker`` is the verb's subject:
    a third-person subject of the clause that names the same actor is the speaker ("Trump
    said he never advocated it")."""
    lemma = verb.lemma_.lower()
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
    if lemma in rules.denial_verbs:
        return None if clause is None else _negation(clause, rules)
    if lemma in rules.rebuttal_verbs or lemma == "say":
        answer = next(
            (
                c
                for c in verb.children
                if c.dep_ in ("dobj", "intj") and c.lower_ in rules.refusal_answers and c.i > verb.i
            ),
            None,
        )
        if answer is not None:
            return answer  # "Trump just said no to that"
    if lemma in rules.rebuttal_verbs and clause is not None:
        opening = next((t for t in clause.subtree if not (t.is_punct or t.is_quote)), None)
        if opening is not None and opening.lower_ in rules.refusal_answers and opening.dep_ == "intj":
            return opening  # "No, I don't think so"
        return _negation(clause, rules)
    if lemma in rules.own_act_speech_verbs and clause is not None:
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        own = subject is not None and (
            subject.lower_ in _FIRST_PERSON
            or (subject.lower_ in _THIRD_PERSON and ctx.actor_of(subject) == phrase_actor(ctx, speaker))
        )
        if not own or clause.lemma_.lower() in rules.own_act_exempt:
            return None
        return _negation(clause, rules) if _past_act(clause) else None
    return None


#: Auxiliaries of a past act: "I did not say that", "we have never met him".
_PAST_AUXILIARIES = frozenset({"did", "have", "has", "had", "'ve", "'d"})


def _past_act(clause: Token) -> bool:
    """Is the clause an act done, not a state ("I am not king"), a wish or a modal
    ("we shouldn't threaten"), nor a present habit ("I don't take it personally")?"""
    if clause.lemma_.lower() == "be" or any(c.tag_ == "MD" for c in clause.children):
        return False
    auxiliaries = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    return clause.tag_ == "VBD" or bool(auxiliaries & _PAST_AUXILIARIES)


def _affirmed(verb: Token) -> bool:
    """Is the verb of insisting itself said outright: no negation, modal or condition?"""
    conditional = modality_rules().conditional_marks
    return not any(
        c.dep_ == "neg" or c.tag_ == "MD" or (c.dep_ == "mark" and c.lower_ in conditional)
        for c in verb.children
    )


def denials(ctx: DocContext, sent: Span, taken: frozenset[int]) -> list[Denial]:
    """Denials in the sentence whose verb no event already holds."""
    rules = evaluation_rules()
    out: list[Denial] = []
    for verb in span_tokens(sent):
        if verb.i in taken or verb.pos_ != "VERB" or not _affirmed(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        negation = _denying_word(ctx, verb, subject, rules)
        if negation is None:
            continue
        source = phrase_actor(ctx, subject)
        if source is None:
            continue
        out.append(Denial(source, verb, negation))
    return out
