"""Modal verbs of obligation and advice: "must", "should", "needs to", "would do well to".

Each matcher reads one sentence and keeps only the deontic uses. The exclusions are
what separates advice from look-alikes in news prose: inversion ("sanctions would
follow should the talks fail", "Should Britain join?"), perfect aspect ("it must have
been"), predictions about things ("the talks should end by Friday"), experiencer verbs
("investors should find the terms attractive"), figures of speech ("I have to say"),
and semi-modals made predictive or past ("will need to", "had to") outside reported
speech.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from geodiscourse.extract.recommendations.agency import is_experiencer_use, noun_can_act
from geodiscourse.extract.recommendations.lexicon import PrescriptiveRules
from geodiscourse.extract.recommendations.prescription import (
    FIRST_SECOND_PERSON,
    Prescription,
    after_parenthetical,
    child,
    grammatical_subject,
    has_negation,
    is_verb,
    next_content,
    prescriptive_modal,
)
from geodiscourse.extract.recommendations.requirements import describes_requirement
from geodiscourse.nlp.context import DocContext
from geodiscourse.nlp.text import span_text, span_tokens

_QUOTE_CHARS = "\"“”‘’'"
#: Subordinators after which a modal asks or supposes rather than advises.
_BLOCKING_MARKS = frozenset({"if", "whether", "unless", "lest"})
#: Subjects with which "must be" infers ("he must be delighted") rather than advises.
#: Adverbs between a modal and its verb that belong to the action.
_ACTION_ADVERBS = frozenset({"not", "never", "only", "always", "no"})
_NOUN_TAGGED_NEEDS = frozenset({"needs", "need"})
_INFERENCE_SUBJECTS = frozenset({"he", "she", "you", "it", "they", "that", "this", "there"})


@dataclass(frozen=True)
class Scope:
    """One sentence and what the matchers may ask about it."""

    ctx: DocContext
    rules: PrescriptiveRules
    sent: Span
    #: Is this token in reported speech introduced by a past-tense verb (tense shifted back)?
    backshifted: Callable[[Token], bool]
    #: The actor an "it"/"they" subject stands for, when the context tells.
    pronoun_actor: Callable[[Token], str | None]
    #: Is this token in reported speech (anyone's words but the author's)?
    reported: Callable[[Token], bool]
    #: Does this pronoun stand for the speaker of the report it is in ("the company
    #: said it needed to ...")?
    names_speaker: Callable[[Token], bool]


def _inside_title(token: Token, scope: Scope) -> bool:
    """A modal inside a quoted title: 'a report entitled "We Must Act Now"'."""
    sent = scope.sent
    for i in range(token.i - 1, sent.start - 1, -1):
        text = sent.doc[i].text
        if text and text[0] in _QUOTE_CHARS:
            before = sent.doc[i - 1] if i - 1 >= sent.start else None
            return before is not None and before.lower_ in scope.rules.title_cues
    return False


def clause_blocked(verb: Token, trigger: Token) -> bool:
    """Is the clause a condition, an indirect question or a wh-clause ("how Britain
    should respond", "if we should fail")? A relative clause ("steps Washington should
    take") still advises."""
    for c in verb.children:
        if c.dep_ == "mark" and c.lower_ in _BLOCKING_MARKS:
            return True
        if c.i < trigger.i and c.tag_ in ("WRB", "WP", "WDT", "WP$") and verb.dep_ != "relcl":
            return True
    return False


def described_rule(verb: Token, rules: PrescriptiveRules) -> bool:
    """Does the clause describe a rule or deny a consequence rather than advise?
    "Under the agreement, Turkey must ...", "that does not mean it should ..."."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "under":
            obj = child(c, "pobj")
            if obj is not None and obj.lemma_.lower() in rules.rule_nouns:
                return True
    matrix = verb.head
    return (
        verb.dep_ == "ccomp" and matrix.lemma_.lower() in rules.negated_matrix_verbs and has_negation(matrix)
    )


def _subject_ok(subject: Token | None, verb: Token, passive: bool, scope: Scope) -> bool:
    """Can the subject act, or is the clause a passive that advises whoever would?"""
    rules = scope.rules
    if subject is None:
        return passive  # "more needs to be done": a passive needs no agent
    if subject.dep_ == "expl" or subject.lower_ in ("there", "i"):
        return False  # "I have to chase them": the speaker's own duty, advice to nobody
    if passive:
        if verb.lemma_.lower() in rules.non_prescriptive_passives:
            return False
        return not (subject.lower_ == "it" and child(verb, "ccomp") is not None)
    if subject.lower_ in ("it", "this", "that", "which"):
        if scope.ctx.actor_of(subject) is not None:
            return True
        # a cleft or a predication about a thing ("it should be the judge that ...")
        return verb.lemma_ != "be" and scope.pronoun_actor(subject) is not None
    return noun_can_act(subject, scope.ctx, rules)


def _designed_subject(subject: Token | None, modal: str, rules: PrescriptiveRules) -> bool:
    """ "Any exit strategy must augment ...": a plan's duty is advice to its makers."""
    return (
        modal == "must"
        and subject is not None
        and subject.pos_ == "NOUN"
        and subject.lemma_.lower() in rules.designed_subjects
    )


#: Subjects that are the writer or speaker and the reader ("we must note that ...").
_SPEAKERS = frozenset({"i", "we", "you", "one"})


def _verb_ok(verb: Token, subject: Token | None, modal: str, scope: Scope) -> bool:
    """Excludes predictions, figures of speech and inferences the verb reveals."""
    rules = scope.rules
    lemma = verb.lemma_.lower()
    if is_experiencer_use(verb, rules):
        return False
    who = "" if subject is None else subject.lower_
    if lemma in rules.speech_act_verbs and who in FIRST_SECOND_PERSON:
        return False
    if lemma in rules.text_comment_verbs and who in _SPEAKERS and child(verb, "ccomp") is not None:
        return False  # "we also must note that ...": the writer's comment on the text
    if lemma in rules.outcome_verbs:
        return False  # "Trump must win nearly every battleground state": what a goal needs
    if modal == "must" and lemma in rules.inference_verbs:
        person = subject is not None and subject.ent_type_ == "PERSON"
        return not (who in _INFERENCE_SUBJECTS or person)
    if lemma == "be" and modal in ("has to", "have to", "had to"):
        return who not in _INFERENCE_SUBJECTS
    return True


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _action_start(between: Span, verb: Token) -> int:
    """The action starts at its verb, or at an adverb before it that changes what is
    asked ("should not join", "should only be used"); other adverbs ("should
    nonetheless begin") stay out."""
    kept = next((t for t in between if t.lower_ in _ACTION_ADVERBS), None)
    return verb.i if kept is None else kept.i


def _narrated_duty(tok: Token, scope: Scope) -> bool:
    """ "Roddick has to defend a break point", "she has to overcome a challenge": in the
    author's voice, a named person's "has to" narrates what the situation demands of
    them. Reported ("he said Mr Blair has to go") it is advice."""
    if tok.lemma_.lower() != "have":
        return False
    subject = child(tok, "nsubj")
    if subject is None or scope.backshifted(tok) or scope.reported(tok):
        return False
    kind = scope.ctx.kind_of(scope.ctx.actor_of(subject)) if scope.ctx.mention_at(subject) else None
    return subject.ent_type_ == "PERSON" or kind == "person"


def _has_agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in verb.children)


def _action_head(first: Token) -> Token:
    """The participle of a passive ("needs to be done"), else the word itself."""
    if first.dep_ == "auxpass" and first.head.i > first.i:
        return first.head
    return first


def _start_of(subject: Token | None, trigger: Token) -> int:
    """The text starts at the subject when it stands just before the trigger's clause."""
    if subject is not None and subject.i < trigger.i and trigger.i - subject.right_edge.i <= 4:
        return subject.left_edge.i
    return trigger.i


def modal_auxiliaries(scope: Scope) -> list[Prescription]:
    """Modal auxiliaries: "must", "should", "ought to" followed by an agentive base verb."""
    sent, rules = scope.sent, scope.rules
    doc = sent.doc
    found: list[Prescription] = []
    for tok in span_tokens(sent):
        strength = prescriptive_modal(tok, rules)
        if strength is None:
            continue
        first, label = tok.i + 1, tok.lower_
        if tok.lower_ == "ought":
            if first >= sent.end or doc[first].lower_ != "to":
                continue
            first, label = first + 1, "ought to"
        nxt = after_parenthetical(sent, first)
        shouted = nxt is not None and nxt.is_upper and tok.head.i == nxt.i  # "Congress MUST ACT NOW!"
        if nxt is None or (nxt.tag_ != "VB" and not shouted):
            continue  # inversion ("should the talks fail"), ellipsis ("as it should")
        after = next_content(sent, nxt.i + 1)
        if nxt.lower_ == "have" and after is not None and after.tag_ == "VBN":
            continue  # perfect: "it must have been", "they should have acted"
        verb = _action_head(nxt)
        if tok.head.i > tok.i and is_verb(tok.head) and tok.head.i >= nxt.i:
            verb = tok.head
        if verb.tag_ not in ("VB", "VBN") or shouted:
            verb = nxt
        if clause_blocked(verb, tok) or _inside_title(tok, scope) or described_rule(verb, rules):
            continue
        passive = _passive(verb)
        if passive and label == "must" and _has_agent(verb):
            continue  # "the decision must be ratified by the minister": a rule described
        subject = grammatical_subject(verb) or child(tok, "nsubj")  # "Britain ought to"
        if (
            label == "must"
            and describes_requirement(verb, subject, passive, rules)
            and not scope.reported(tok)
        ):
            continue  # "Adults must be paid at least £5.05 an hour": a rule described
        subject_ok = _subject_ok(subject, verb, passive, scope) or _designed_subject(subject, label, rules)
        if not subject_ok or not _verb_ok(verb, subject, label, scope):
            continue
        found.append(
            Prescription(
                modal=label,
                strength=strength,
                kind="modal",
                start=_start_of(subject, tok),
                action_start=_action_start(doc[first : nxt.i], nxt),
                action_head=verb,
                subject=subject,
                passive=passive,
                copula=verb.lemma_ == "be" and not passive,
            )
        )
    return found


_TO = re.compile(r"(?<!\w)to(?!\w)", re.IGNORECASE)


def semi_modals(scope: Scope) -> list[Prescription]:
    """Semi-modals: "needs to act", "have to go"; present tense, or past in reported speech."""
    sent, rules = scope.sent, scope.rules
    doc = sent.doc
    found: list[Prescription] = []
    if _TO.search(span_text(sent)) is None:
        return found  # every semi-modal here takes "to"
    for tok in span_tokens(sent):
        if tok.i + 2 >= sent.end or doc[tok.i + 1].lower_ != "to" or tok.tag_ == "MD":
            continue
        if is_verb(tok):
            strength = rules.semi_modals.get(tok.lemma_.lower())
        elif tok.lower_ in _NOUN_TAGGED_NEEDS:
            strength = rules.semi_modals.get("need")  # "More needs to be done": "needs" read as a noun
        else:
            continue
        if strength is None:
            continue
        nxt = next_content(sent, tok.i + 2)
        if nxt is None or nxt.tag_ != "VB":
            continue  # "needs a leader", "has to date"
        if has_negation(tok) or tok.dep_ in ("xcomp", "pcomp", "acl", "amod", "relcl"):
            continue  # "doesn't need to", "going to have to", "having to", "the money it needs to"
        before = doc[tok.i - 1].lower_ if tok.i > sent.start else ""
        aux_words = {c.lemma_.lower() for c in tok.children if c.dep_ == "aux"} | {before}
        if aux_words & rules.non_prescriptive_preceding:
            continue  # "will need to", "would have to", "may need to"
        backshifted = False
        if tok.tag_ == "VBD":
            if not scope.backshifted(tok):
                continue  # "he had to resign": a past fact
            backshifted = True
        elif tok.tag_ not in ("VBZ", "VBP", "VB", "NNS", "NN"):
            continue
        verb = _action_head(nxt)
        if clause_blocked(tok, tok) or clause_blocked(nxt, tok) or _inside_title(tok, scope):
            continue  # also "what the party needs to do"
        if described_rule(tok, rules) or _narrated_duty(tok, scope):
            continue
        passive = _passive(verb)
        subject = grammatical_subject(tok)
        requirement = tok.lemma_.lower() == "have" and describes_requirement(verb, subject, passive, rules)
        if requirement and not scope.reported(tok):
            continue  # "Workers have to be registered": a rule described
        if subject is not None and scope.names_speaker(subject):
            continue  # "the company said it needed to expand": its own need, not advice
        label = f"{tok.lower_} to"
        if not _subject_ok(subject, verb, passive, scope) or not _verb_ok(verb, subject, label, scope):
            continue
        found.append(
            Prescription(
                modal=f"{tok.text} to",
                strength=strength,
                kind="semi_modal",
                start=_start_of(subject, tok),
                action_start=_action_start(doc[tok.i + 2 : nxt.i], nxt),
                action_head=verb,
                subject=subject,
                passive=passive,
                copula=verb.lemma_ == "be" and not passive,
                backshifted=backshifted,
            )
        )
    return found


def advisory_phrases(scope: Scope) -> list[Prescription]:
    """Fixed phrases: "would do well to", "had better", "might consider", "may want to"."""
    sent, rules = scope.sent, scope.rules
    doc = sent.doc
    words = [t.lower_ for t in span_tokens(sent)]
    by_first = rules.multiword_by_first_word
    found: list[Prescription] = []
    for offset in range(len(words)):
        for phrase, strength in by_first.get(words[offset], ()):
            n = len(phrase)
            if tuple(words[offset : offset + n]) != phrase:
                continue
            tokens = list(sent[offset : offset + n])
            last = tokens[-1]
            if phrase[-1] in ("to", "better", "ta"):  # "ta" of "gotta"
                head = next_content(sent, last.i + 1)
                if head is None or head.pos_ in ("DET", "PRON", "PROPN", "PUNCT"):
                    continue
                action_start = head.i
            else:  # "might consider X": the action is to consider X
                head, action_start = last, last.i
                if last.i + 1 >= sent.end or sent.doc[last.i + 1].is_punct:
                    continue
            subject = next((s for s in map(grammatical_subject, tokens) if s is not None), None)
            if subject is None or (
                not noun_can_act(subject, scope.ctx, rules) and scope.pronoun_actor(subject) is None
            ):
                continue
            if clause_blocked(head, tokens[0]) or _inside_title(tokens[0], scope):
                continue
            found.append(
                Prescription(
                    modal=doc[tokens[0].i : last.i + 1].text,
                    strength=strength,
                    kind="phrase",
                    start=_start_of(subject, tokens[0]),
                    action_start=action_start,
                    action_head=head,
                    subject=subject,
                )
            )
    return found


def passive_needs(scope: Scope) -> list[Prescription]:
    """A speaker's "X is needed", "said exemptions were now needed to take into account
    ...": what someone says is needed is what they ask for. In the author's voice the
    same words mostly describe ("more money is needed to finish the line"), so only
    reported speech counts, and a past "were needed" only when the report shifts tense."""
    sent, rules = scope.sent, scope.rules
    found: list[Prescription] = []
    for tok in span_tokens(sent):
        if tok.lemma_.lower() != "need" or tok.tag_ != "VBN" or has_negation(tok):
            continue
        be = child(tok, "auxpass")
        subject = child(tok, "nsubjpass")
        if be is None or subject is None or subject.lemma_.lower() not in rules.needed_subjects:
            continue  # "what is needed", "evaluation was needed at the site": a description
        if tok.dep_ in ("relcl", "acl", "amod", "advcl") or not scope.reported(tok):
            continue
        aux_words = {c.lemma_.lower() for c in tok.children if c.dep_ == "aux"}
        if aux_words & rules.non_prescriptive_preceding or clause_blocked(tok, tok):
            continue  # "will be needed", "if more troops are needed"
        backshifted = be.tag_ == "VBD"
        if backshifted and not scope.backshifted(tok):
            continue
        if not backshifted and be.tag_ not in ("VBZ", "VBP"):
            continue  # "has been needed": a past need
        found.append(
            Prescription(
                modal=f"{be.text} needed",
                strength=rules.semi_modals.get("need", "strong"),
                kind="need",
                start=subject.left_edge.i,
                action_start=subject.left_edge.i,
                action_head=tok,
                subject=None,
                passive=True,
                backshifted=backshifted,
            )
        )
    return found
