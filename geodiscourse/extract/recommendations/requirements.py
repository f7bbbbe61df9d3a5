"""Rules and eligibility described in the author's voice, which look like advice.

"Adults must be paid at least £5.05 an hour", "Candidates must be 21 or over" and
"Applicants must submit forms by May" state what a law or a scheme requires of whoever
it applies to; nobody is advised. The annotation guidelines count a recommendation only
when someone says what ought to be done, so such a clause is dropped when all of these
hold:

- its subject is generic: a bare or quantified ("all", "any") noun from
  ``requirement_subjects`` (adults, candidates, firms), not an agent the text names;
- its predicate states a requirement: a passive of a legal procedure ("be paid", "be
  registered"), a procedural verb ("submit", "declare"), or "be" + an age, a number or an
  eligibility word ("be 21 or over", "be over 18", "be eligible");
- nobody is reported saying it ("he said adults must be paid more" is his advice).
"""

from __future__ import annotations

from spacy.tokens import Token

from geodiscourse.extract.recommendations.lexicon import PrescriptiveRules

#: Determiners that leave a subject generic ("all candidates", "any firm").
_GENERIC_DETERMINERS = frozenset({"all", "any", "every", "each", "no"})
_PREDICATE_DEPS = frozenset({"attr", "acomp", "prep", "advmod", "oprd"})


def _generic_subject(subject: Token, rules: PrescriptiveRules) -> bool:
    if subject.pos_ != "NOUN" or subject.lemma_.lower() not in rules.requirement_subjects:
        return False
    return all(
        c.lower_ in _GENERIC_DETERMINERS
        for c in subject.children
        if c.dep_ in ("det", "poss", "predet", "nummod")
    )


def _states_eligibility(verb: Token, rules: PrescriptiveRules) -> bool:
    """ "be 21 or over", "be over 18", "be eligible", "be aged 18"."""
    for c in verb.children:
        if c.dep_ not in _PREDICATE_DEPS:
            continue
        if c.lower_ in rules.requirement_predicates or c.like_num:
            return True
        if c.dep_ == "prep" and any(g.like_num for g in c.children):
            return True  # "over 18"
    return False


def describes_requirement(
    verb: Token, subject: Token | None, passive: bool, rules: PrescriptiveRules
) -> bool:
    """Does a "must"/"have to" clause state a rule for a generic class ("adults must be
    paid at least ...")? The caller checks that the clause is in the author's voice."""
    if subject is None or not _generic_subject(subject, rules):
        return False
    lemma = verb.lemma_.lower()
    if passive:
        return lemma in rules.requirement_passives
    if lemma == "be":
        return _states_eligibility(verb, rules)
    return lemma in rules.requirement_verbs
