"""Whether an event is reported as real, denied, or only possible.

The scorer and the analyst both count only asserted events as having happened, so an
event that is wanted, planned, feared, conditional or future must not pass as real.
The rule is compositional: a trigger's own clause decides first (a modal, a negation,
"no treaty"), then each step up the dependency tree may make it hypothetical ("wants to
invade", "fears of an attack", "if they invade") or negated ("refused to sign",
"without consulting"), until a step that keeps the embedded clause's own reality
(a relative clause, a temporal clause, a definite nominal such as "Russia's invasion").
Reported speech passes modality through unchanged: "X said Russia invaded" is asserted.
The word lists are in rules/events/event_modality.yaml.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from geodiscourse.extract.events.lexicon import ModalityRules
from geodiscourse.extract.events.triggers import coordination_head, reduced_relative_head
from geodiscourse.nlp.text import span_text

ASSERTED = "asserted"
NEGATED = "negated"
HYPOTHETICAL = "hypothetical"

#: Determiners that leave a nominal event unspecific, so the clause around it decides
#: whether it happened ("they fear an attack", "to prevent any invasion").
_INDEFINITE_DETS = frozenset({"a", "an", "another", "any", "some"})
#: Argument positions of a nominal event in the clause of a verb.
_ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "pobj"})
#: How many steps up the tree the walk goes at most (clause chains are short).
_MAX_STEPS = 12


def _has_modal(token: Token, rules: ModalityRules) -> bool:
    return any(
        c.dep_ in ("aux", "auxpass")
        and (c.lower_ in rules.modal_auxiliaries or c.lemma_.lower() in rules.modal_auxiliaries)
        for c in token.children
    )


def _is_negated(token: Token, rules: ModalityRules) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in rules.negators):
            return True
        if child.dep_ in ("dobj", "nsubjpass") and any(
            d.dep_ == "det" and d.lower_ in rules.negating_determiners for d in child.children
        ):
            return True
    return False


def _own_verbal(token: Token, rules: ModalityRules) -> str | None:
    """A verb's own modality: a modal wins over a negation ("will not invade" is a
    prediction, not a denial)."""
    if _has_modal(token, rules):
        return HYPOTHETICAL
    if _is_negated(token, rules):
        return NEGATED
    return None


def _own_nominal(noun: Token, rules: ModalityRules) -> str | None:
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in rules.negating_determiners:
            return NEGATED
        if child.dep_ in ("amod", "compound", "det", "nmod") and child.lower_ in rules.hypothetical_modifiers:
            return HYPOTHETICAL
        if child.dep_ in ("acl", "relcl") and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in child.children
        ):
            return HYPOTHETICAL  # "a meeting to be held"
    return None


def _is_indefinite(noun: Token) -> bool:
    """ "an attack", "any invasion", bare "attacks" (but not "the attacks", "Russia's war")."""
    dets = [c.lower_ for c in noun.children if c.dep_ in ("det", "poss")]
    return not dets or any(d in _INDEFINITE_DETS for d in dets)


def _marks(clause: Token) -> set[str]:
    return {c.lower_ for c in clause.children if c.dep_ == "mark"}


def _step_xcomp(gov: Token, rules: ModalityRules) -> str | None:
    """What an infinitival complement's governor makes of it; None: look further up."""
    lemma = gov.lemma_.lower()
    if lemma in rules.negating_verbs or lemma in rules.negating_adjectives:
        return NEGATED
    if gov.lower_ in rules.future_governors or lemma in rules.future_governors:
        return HYPOTHETICAL
    if gov.pos_ == "VERB" and lemma in rules.implicative_verbs:
        return _own_verbal(gov, rules)
    return HYPOTHETICAL


def _step_noun_governor(noun: Token, rules: ModalityRules) -> str | None:
    lemma = noun.lemma_.lower()
    if lemma in rules.negating_nouns:
        return NEGATED
    if lemma in rules.hypothetical_nouns or lemma in rules.hypothetical_adjectives:
        return HYPOTHETICAL
    return None


def event_modality(head: Token, clause_head: Token, nominal: bool, sent: Span, rules: ModalityRules) -> str:
    """asserted, negated or hypothetical for the event whose trigger is ``head``.

    ``clause_head`` is the verb whose clause carries the event: the trigger verb, the
    light verb of "launched a war", or the noun itself for a nominal event.
    """
    if span_text(sent).rstrip().rstrip("\"'”’").endswith("?"):
        return HYPOTHETICAL
    root = sent.root
    if root.tag_ == "VBG" and root.i == sent.start and not any(c.dep_ == "nsubj" for c in root.children):
        return HYPOTHETICAL  # a proposal in a list: "Creating a new authority to ..."
    if _is_imperative(clause_head):
        return HYPOTHETICAL  # an instruction, not a report: "Please welcome Hillary Clinton!"
    if nominal and clause_head.i == head.i:
        own = _own_nominal(head, rules)
        if own is not None:
            return own
        return _walk_nominal(head, rules)
    if nominal:
        own = _own_nominal(head, rules)
        if own is not None:
            return own
    own = _own_verbal(clause_head, rules)
    if own is not None:
        return own
    return _walk(clause_head, rules)


def _is_imperative(verb: Token) -> bool:
    """A main clause in the bare form with no subject: "Please welcome ...", "Stop the war"."""
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children)
    )


def _walk_nominal(noun: Token, rules: ModalityRules) -> str:
    """A nominal event takes the modality of what governs it only where it names no
    specific event: "fears of an attack" (a governing noun), "they plan an invasion"
    (an indefinite object of a verb that plans). "Condemned Russia's invasion" is real."""
    token = noun
    for _ in range(_MAX_STEPS):
        dep, gov = token.dep_, token.head
        if gov.i == token.i:
            return ASSERTED
        if dep == "conj":
            token = gov
            continue
        if dep == "pobj":
            prep = gov
            if prep.lower_ in rules.negating_prepositions:
                return NEGATED
            holder = prep.head
            if holder.pos_ in ("NOUN", "PROPN", "ADJ"):
                found = _step_noun_governor(holder, rules)
                if found is not None:
                    return found
                if holder.pos_ == "NOUN":
                    token = holder
                    continue
                return ASSERTED
            if holder.pos_ in ("VERB", "AUX"):
                if prep.lower_ == "for" and holder.lemma_.lower() in rules.desiderative_for_verbs:
                    return HYPOTHETICAL  # "called for the withdrawal of troops"
                return _nominal_in_clause(noun, holder, rules)
            return ASSERTED
        if dep in ("compound", "nmod") and gov.pos_ == "NOUN":
            found = _step_noun_governor(gov, rules)
            return found if found is not None else ASSERTED
        if dep in _ARGUMENT_DEPS and gov.pos_ in ("VERB", "AUX"):
            return _nominal_in_clause(noun, gov, rules)
        return ASSERTED
    return ASSERTED


def _nominal_in_clause(noun: Token, verb: Token, rules: ModalityRules) -> str:
    lemma = verb.lemma_.lower()
    if lemma in rules.preventive_verbs:
        return HYPOTHETICAL
    if noun.dep_ == "dobj" and lemma in rules.desiderative_verbs:
        return HYPOTHETICAL  # "demanded the release of the prisoners"
    if not _is_indefinite(noun):
        if lemma in rules.causative_verbs and noun.dep_ == "dobj":
            caused = _own_verbal(verb, rules) or _walk(verb, rules)
            return HYPOTHETICAL if caused == HYPOTHETICAL else ASSERTED
        return ASSERTED
    if lemma in rules.hypothetical_object_verbs:
        return HYPOTHETICAL
    own = _own_verbal(verb, rules)
    if own == HYPOTHETICAL:
        return own
    found = _walk(verb, rules)
    return found if found == HYPOTHETICAL else ASSERTED


def _is_conditioned(verb: Token, rules: ModalityRules) -> bool:
    """Does an if-clause hang on the verb ("if X invades, Y will respond": Y too)? Not on
    a verb of asking, whose if-clause is the question ("investigating if they tried")."""
    if verb.lemma_.lower() in rules.inquiry_verbs:
        return False
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in rules.conditional_marks for m in c.children)
        for c in verb.children
    )


def _speech_act(token: Token, clause: Token, rules: ModalityRules) -> bool:
    """Is the token the event's own verb of threatening or promising, whose if-clause
    conditions what is threatened, not the threat ("threatened to jail her if he won")?"""
    return token.i == clause.i and token.lemma_.lower() in rules.conditioned_speech_acts


def _is_perfect(clause: Token) -> bool:
    """A perfect infinitive ("to have signed") reports what was done."""
    return clause.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in clause.children)


#: Modifiers of a noun whose infinitival relative reports a fact: "the first to sign".
_ORDINAL_WORDS = frozenset({"first", "second", "third", "last", "only", "latest"})


def _is_ordinal_relative(clause: Token) -> bool:
    """ "the last nations to agree", "the first leader to visit": done, not planned."""
    noun = clause.head
    return any(
        c.dep_ in ("amod", "nummod") and (c.lower_ in _ORDINAL_WORDS or c.ent_type_ == "ORDINAL")
        for c in noun.children
    )


def _has_to(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


#: Subordinators of an embedded question, whose content is asked, not stated.
_QUESTION_MARKS = frozenset({"whether", "if"})


def _walk(clause: Token, rules: ModalityRules) -> str:
    """Up the clause chain from a verb, until something decides."""
    token = clause
    for _ in range(_MAX_STEPS):
        if (
            token.pos_ in ("VERB", "AUX")
            and _is_conditioned(token, rules)
            and not _speech_act(token, clause, rules)
        ):
            return HYPOTHETICAL
        dep, gov = token.dep_, token.head
        if gov.i == token.i or dep == "ROOT":
            return ASSERTED
        if dep == "xcomp":
            found = _step_xcomp(gov, rules)
            if found is not None:
                return found
        elif dep == "ccomp":
            if _marks(token) & _QUESTION_MARKS:
                return HYPOTHETICAL  # an embedded question: "nobody knows whether Russia attacked"
            if gov.lemma_.lower() in rules.factive_verbs:
                return ASSERTED  # presupposed: "you may recall that Jo Cox was assassinated"
            if gov.lemma_.lower() in rules.negating_verbs:
                return NEGATED
            if gov.lemma_.lower() in rules.hypothetical_clause_verbs or _has_modal(gov, rules):
                return HYPOTHETICAL
            if _is_negated(gov, rules):
                return HYPOTHETICAL  # "did not mean that Libya had cut its ties": not reported as real
        elif dep == "advcl":
            if reduced_relative_head(token) is not None:
                return ASSERTED  # a participle modifying a noun: "the plans agreed in 2000"
            marks = _marks(token)
            if marks & (rules.conditional_marks | rules.purpose_marks | rules.prospective_marks):
                return HYPOTHETICAL
            if _has_to(token):
                return HYPOTHETICAL  # purpose or irrealis: "to press the case", "for the ban to be lifted"
            if marks or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
                return ASSERTED  # a temporal or causal clause of its own: "when McCain visited"
            if _has_modal(gov, rules):
                return HYPOTHETICAL  # a participle shares its clause: "may feel ..., pull back"
        elif dep in ("acl", "relcl"):
            if _has_to(token) and (_is_perfect(token) or _is_ordinal_relative(token)):
                return ASSERTED  # "the second nation to have signed", "the last nations to agree"
            if _has_to(token):
                return HYPOTHETICAL  # "moves to lift the ban", "a mechanism to pressure the Kremlin"
            if dep == "acl" and _marks(token):
                found = _step_noun_governor(gov, rules)  # "the possibility that Russia invades"
                return found if found is not None else ASSERTED
            return ASSERTED  # a relative clause or participle: "plans backed by the UK"
        elif dep in ("pcomp", "pobj"):
            prep = gov
            if prep.lower_ in rules.negating_prepositions:
                return NEGATED
            holder = prep.head
            if holder.pos_ == "VERB" and holder.lemma_.lower() in rules.negating_verbs:
                return NEGATED  # "refrained from attacking"
            if holder.pos_ in ("NOUN", "ADJ"):
                found = _step_noun_governor(holder, rules)
                return found if found is not None else ASSERTED
            if holder.pos_ not in ("VERB", "AUX"):
                return ASSERTED
            if _own_verbal(holder, rules) == HYPOTHETICAL:
                return HYPOTHETICAL
            token = holder
            continue
        elif dep == "conj":
            gov = coordination_head(token)
            shares_auxiliary = token.tag_ != "VBD" and not any(
                c.dep_ in ("aux", "nsubj") for c in token.children
            )
            if shares_auxiliary and _has_modal(gov, rules):
                return HYPOTHETICAL  # "will meet and discuss" (but not "would set out ... and attacked")
        elif dep in ("parataxis", "appos", "dep", "npadvmod"):
            return ASSERTED
        elif _has_modal(gov, rules):
            return HYPOTHETICAL  # "may feel threatened"
        token = gov
    return ASSERTED


def _stated(verb: Token, rules: ModalityRules) -> bool:
    """Is a clause said outright: no modal, no negation, no conditional, and the sentence's
    main clause (or its conjunct) or a reported one?"""
    if _has_modal(verb, rules) or _is_negated(verb, rules) or _marks(verb) & rules.conditional_marks:
        return False
    if verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ in ("ROOT", "ccomp") and not _marks(verb) & rules.conditional_marks


#: Subjects of a reported clause that point back at the speaker ("Iran insisted it would not").
SELF_PRONOUNS = frozenset({"it", "he", "she", "they", "we", "i"})


def _own_stand(clause: Token, reporter: Token, rules: ModalityRules) -> bool:
    """Does the speaker report its own stand, or speak for the actor? "Iran said it will
    not yield" and "John Taylor said the US could not support the plan" are refusals;
    "analysts say Iran will not yield" is a prediction by others."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    speaker = next((c for c in reporter.children if c.dep_ == "nsubj"), None)
    if subject is None or speaker is None:
        return False
    if subject.lower_ in SELF_PRONOUNS or subject.lower_ == speaker.lower_:
        return True
    return speaker.pos_ in ("NOUN", "PROPN") and speaker.lemma_.lower() not in rules.prediction_voices


def refusal_head(verb: Token, sent: Span, rules: ModalityRules) -> Token | None:
    """The verb that states a refusal of the concession ``verb`` names, or None.

    "Iran will not yield to pressure" and "insisted it would not bow to demands" are a stand
    taken now, not a prediction: with a reporting verb of stance, "would not" reports a
    refusal. "Refused to give in" is one too. A conditional ("if it does not bow") or a
    question is not; plain "would not" in a main clause stays hypothetical.
    """
    if span_text(sent).rstrip().rstrip("\"'”’").endswith("?") or _marks(verb) & rules.conditional_marks:
        return None
    if _is_negated(verb, rules):
        modals = {c.lower_ for c in verb.children if c.dep_ == "aux" and c.lower_ in rules.modal_auxiliaries}
        if not modals or not modals <= rules.refusal_modals:
            return None
        if verb.dep_ == "ROOT":
            return verb if not modals & rules.refusal_main_clause_exclusions else None
        governor = verb.head
        if (
            verb.dep_ == "ccomp"
            and governor.lemma_.lower() in rules.refusal_reporting_verbs
            and _stated(governor, rules)
            and _own_stand(verb, governor, rules)
        ):
            return verb
        return None
    governor = verb.head
    if (
        verb.dep_ == "xcomp"
        and governor.lemma_.lower() in rules.refusal_verbs
        and not _has_modal(verb, rules)
        and _stated(governor, rules)
    ):
        return governor
    return None
