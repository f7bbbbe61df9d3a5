"""Finding date expressions in sentences and resolving them to intervals.

An event's date is only as good as its reference point: "in March" or "last Tuesday"
mean nothing without the article's publication date, and "three years later" nothing
without the explicit date it counts from. So every resolution takes its reference
explicitly, never reads the clock, and leaves the interval null when the reference is
missing: a wrong year is worse than none (annotation-guidelines.md, "Dates").

The vocabulary (month names, number words, prepositions, qualifiers) lives in
``rules/dates/date_expressions.yaml`` and becomes pattern shapes in ``patterns``; this
module finds expressions in sentences, ``resolution`` turns their text into intervals
(each shape needs its own arithmetic).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from spacy.tokens import Span

from geodiscourse.dates.patterns import date_rules
from geodiscourse.dates.resolution import ResolvedDate, Tense, resolve_date

#: Dependency labels of a date inside a noun phrase it names ("the 11 September attacks").
_ATTRIBUTIVE_DEPS = frozenset({"compound", "nmod", "amod", "nummod"})


@dataclass(frozen=True)
class DateExpression:
    """A date expression found in a sentence."""

    span: Span  # the tokens of the expression, leading preposition included
    text: str
    kind: str  # the pattern that matched: year, month_year, weekday, ago, offset, ...
    preposition: str | None  # lower-cased, None when there is none
    attributive: bool  # names a noun phrase's referent ("the 11 September attacks")
    explicit: bool  # carries its own year, so later relative dates may count from it


def find_date_expressions(sent: Span, *, gated: bool = True, text: str | None = None) -> list[DateExpression]:
    """Date expressions in a sentence, longest first where they overlap, in text order.

    Counts that look like years are skipped ("2000 troops"), and so are names that
    look like dates ("Radio 4's Today"). ``gated=False`` tries every pattern even where
    its required word is absent: the same result, slower (the tests compare the two).
    ``text`` is ``sent.text`` when the caller has it already: joining it again builds a
    Python object for every token of the sentence.
    """
    rules = date_rules()
    if text is None:
        text = sent.text
    lower = text.lower()
    found: list[tuple[int, int, str, str | None]] = []
    met: dict[int, bool] = {}  # by requirement: does the sentence hold what it asks?
    for kind, pattern in rules.patterns:
        if gated:
            requirement = rules.requirements[kind]
            key = id(requirement)
            if key not in met:
                met[key] = requirement.met(text, lower)
            if not met[key]:
                continue
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), kind, match.group("prep")))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[DateExpression] = []
    taken_until = -1
    for start, end, kind, prep in found:
        if start < taken_until:
            continue
        span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
        if span is None or not _is_date(span, kind):
            continue
        taken_until = end
        core = span[1:] if prep else span
        if len(core) == 0:
            continue
        out.append(
            DateExpression(
                span=span,
                text=span.text,
                kind=kind,
                preposition=prep.lower() if prep else None,
                attributive=prep is None and _is_attributive(core),
                explicit=kind in ("day_month_year", "month_year", "year", "decade"),
            )
        )
    return out


def _is_date(span: Span, kind: str) -> bool:
    last = span[-1]
    if kind == "year":
        after = span.doc[last.i + 1] if last.i + 1 < len(span.doc) else None
        if after is not None and after.tag_ == "NNS":  # "2000 troops"
            return False
    if kind == "deictic" and last.pos_ == "PROPN":  # a programme or newspaper name
        return False
    return not (kind == "month" and len(span) == 1)  # a bare "May" is a modal or a name


def _is_attributive(core: Span) -> bool:
    """Does the expression modify a noun outside it, as a name of that noun's referent?"""
    root = core.root
    return root.dep_ in _ATTRIBUTIVE_DEPS and root.head.pos_ in ("NOUN", "PROPN") and root.head.i >= core.end


def resolve_expression(
    expression: DateExpression,
    reference: datetime.date | None,
    anchor: ResolvedDate | None = None,
    tense: Tense | None = None,
) -> ResolvedDate:
    """Like resolve_date, but a day and month naming a noun's referent ("the 11 September
    attacks") keeps no year from the publication date: it names a known day, whose
    year the text does not give."""
    if expression.attributive and expression.kind == "day_month":
        return ResolvedDate(None, None, None, expression.text)
    return resolve_date(expression.text, reference, anchor, tense)
