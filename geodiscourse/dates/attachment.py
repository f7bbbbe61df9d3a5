"""Giving an event the date expression that modifies its trigger.

A sentence often holds several dates ("after the 1989 crackdown, the EU imposed ... in
2005"); an event takes the one syntactically attached to its own phrase, not just any
year nearby. A date attaches to an event when the path from the expression's head up
the tree reaches the trigger (or its object noun) without entering another clause.
A date right after a nominal event's phrase also dates it even where the parser hung
it on the verb above ("the crackdown on protesters in Tiananmen Square in 1989").

"Three years later" counts from the last explicit date before it in the document, so
dates are resolved sentence by sentence in text order, carrying that anchor along.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from spacy.tokens import Span, Token

from geodiscourse.dates.expressions import DateExpression, find_date_expressions, resolve_expression
from geodiscourse.dates.patterns import date_rules
from geodiscourse.dates.resolution import ResolvedDate, Tense

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_MAX_STEPS = 8


@dataclass(frozen=True)
class DatedExpression:
    expression: DateExpression
    resolved: ResolvedDate
    attachment: Token  # the token the expression modifies


def _attachment(expression: DateExpression) -> Token:
    root = expression.span.root
    return root.head if root.head.i != root.i else root


def clause_tense(token: Token) -> Tense | None:
    """past, future or None (present, or unknown) for the clause a token sits in."""
    verb: Token | None = token
    for _ in range(_MAX_STEPS):
        if verb is None or verb.pos_ in ("VERB", "AUX"):
            break
        verb = verb.head if verb.head.i != verb.i else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or any(a.lemma_ == "have" for a in auxes):
        return "past"
    return None


def date_sentence(
    sent: Span, reference: datetime.date | None, anchor: ResolvedDate | None, text: str | None = None
) -> tuple[list[DatedExpression], ResolvedDate | None]:
    """The sentence's date expressions, resolved, and the anchor for the next ones.
    ``text``: the sentence's text, if the caller has it (see find_date_expressions)."""
    rules = date_rules()
    out: list[DatedExpression] = []
    for expression in find_date_expressions(sent, text=text):
        attachment = _attachment(expression)
        resolved = resolve_expression(expression, reference, anchor, clause_tense(attachment))
        out.append(DatedExpression(expression, resolved, attachment))
        prep = expression.preposition
        # any date the text has pinned down anchors the next relative one: "in 2001 ...
        # four days later", "on Monday ... two days later ... the next day"
        if resolved.resolved and (prep is None or prep in rules.denoting_prepositions):
            anchor = resolved
    return out, anchor


def _reaches(start: Token, targets: set[int], blockers: set[int]) -> bool:
    """Does the date's attachment lie in the event's own phrase? It must hang on the
    trigger or on a noun of its phrase, not on another preposition ("unlike in 2000")
    nor inside another event's phrase ("attacks such as last Friday's bombing")."""
    if start.pos_ not in ("VERB", "AUX", "NOUN", "PROPN", "PRON"):
        return False
    token = start
    for _ in range(_MAX_STEPS):
        if token.i in targets:
            return True
        if token.i in blockers:
            return False
        if token.head.i == token.i:
            return False
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "acl"):
            return False  # another clause's verb: the date is that clause's
        token = token.head
    return False


def time_governor(trigger: Token) -> Token | None:
    """The verb whose time a participial adverbial clause shares: "The Justice Department
    unloaded on Baltimore's police Wednesday, accusing officers of ..." happens when its
    governing verb does. Only a bare participle: one with a subject of its own or a
    marker ("after accusing", "while leaving") has a time of its own."""
    if trigger.dep_ != "advcl" or trigger.tag_ not in ("VBG", "VBN"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark", "prep") and c.i < trigger.i for c in trigger.children):
        return None
    head = trigger.head
    return head if head.i != trigger.i and head.pos_ in ("VERB", "AUX") else None


def date_for_event(
    dated: list[DatedExpression],
    anchors: set[int],
    nominal_head: Token | None,
    blockers: frozenset[int] = frozenset(),
    governor: Token | None = None,
) -> DatedExpression | None:
    """The date expression of an event whose trigger (and object) tokens are ``anchors``.

    ``nominal_head`` is the event noun of a nominal event, whose phrase may be followed
    directly by its date; ``blockers`` are the other triggers of the sentence, whose
    phrases keep their own dates; ``governor`` is the verb whose time the event shares
    (``time_governor``), whose date is the event's too.
    """
    own = _own_date(dated, anchors, nominal_head, blockers)
    if own is not None or governor is None:
        return own
    # a participle without a date of its own shares its governing verb's
    return _own_date(dated, anchors | {governor.i}, None, blockers - {governor.i})


def _own_date(
    dated: list[DatedExpression], anchors: set[int], nominal_head: Token | None, blockers: frozenset[int]
) -> DatedExpression | None:
    rules = date_rules()
    for item in dated:
        expression = item.expression
        if expression.preposition is not None and expression.preposition not in rules.denoting_prepositions:
            continue
        if any(t.i in anchors for t in expression.span):
            continue
        if _reaches(item.attachment, anchors, set(blockers) - anchors):
            return item
        if nominal_head is not None and nominal_head.right_edge.i + 1 == expression.span.start:
            return item
    return None
