"""Finding date expressions in sentences and resolving them to intervals.

An event's date is only as good as its reference point: "in March" or "last Tuesday"
mean nothing without the article's publication date, and "three years later" nothing
without the explicit date it counts from. So every resolution takes its reference
explicitly, never reads the clock, and leaves the interval null when the reference is
missing: a wrong year is worse than none (annotation-guidelines.md, "Dates").

The vocabulary (month names, number words, prepositions, qualifiers) lives in
``rules/dates/date_expressions.yaml``; the pattern shapes and their resolvers live here,
side by side, because each shape needs its own arithmetic.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from spacy.tokens import Span

from geodiscourse.dates.months import month_table
from geodiscourse.rules import read_yaml_mapping

Tense = Literal["past", "future"]


#: Dependency labels of a date inside a noun phrase it names ("the 11 September attacks").
_ATTRIBUTIVE_DEPS = frozenset({"compound", "nmod", "amod", "nummod"})


@dataclass(frozen=True)
class ResolvedDate:
    """The interval a date expression denotes; start and end are both inclusive."""

    start: datetime.date | None
    end: datetime.date | None
    precision: str | None  # day, month, year or decade
    text: str  # as written, preposition included ("in 2008")

    @property
    def resolved(self) -> bool:
        return self.start is not None


@dataclass(frozen=True)
class DateExpression:
    """A date expression found in a sentence."""

    span: Span  # the tokens of the expression, leading preposition included
    text: str
    kind: str  # the pattern that matched: year, month_year, weekday, ago, offset, ...
    preposition: str | None  # lower-cased, None when there is none
    attributive: bool  # names a noun phrase's referent ("the 11 September attacks")
    explicit: bool  # carries its own year, so later relative dates may count from it


@dataclass(frozen=True)
class DateRules:
    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    number_words: Mapping[str, int]
    prepositions: tuple[str, ...]
    denoting_prepositions: frozenset[str]
    year_qualifiers: tuple[str, ...]
    deictic_days: Mapping[str, int]
    relative_determiners: Mapping[str, int]
    max_day_month_distance_days: int
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


def _alternation(words: Iterable[object]) -> str:
    """A regex alternation of words, longest first so "September" beats "Sep"."""
    items = sorted((str(w) for w in words), key=len, reverse=True)
    return "|".join(re.escape(w) for w in items)


def _build_patterns(raw: Mapping[str, Any]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    month = f"(?P<month>{_alternation(raw['months'])}|(?:{_alternation(raw['month_abbreviations'])})\\.?)"
    weekday = f"(?P<weekday>{_alternation(raw['weekdays'])})"
    year = r"(?<![\d£$€.,/])(?P<year>1[5-9]\d\d|20\d\d)(?![\d/]|,\d|-year|-old|s\b|\s?%)"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    count = f"(?P<count>\\d+|(?i:{_alternation(raw['number_words'])}))"
    unit = "(?P<unit>(?i:day|week|month|year|decade))s?"
    qualifier = f"(?:(?P<qualifier>(?i:{_alternation(raw['year_qualifiers'])}))[ -]?)?"
    determiner = f"(?P<det>(?i:{_alternation(raw['relative_determiners'])}))"
    shapes = {
        "day_month_year": [f"{day} {month},? {year}", f"{month} {day},? {year}"],
        "month_rel_year": [f"{month},? of {determiner} (?i:year)"],
        "month_year": [f"{month},? (?:of )?{year}"],
        "day_month": [f"{day} {month}(?!,? \\d)", f"{month} {day}(?:st|nd|rd|th)?\\b(?!,? \\d)"],
        "decade": [r"(?:(?i:the) )?(?:(?i:early|mid|late)[ -])?(?P<decade>1[5-9]\d0|20\d0)s\b"],
        "year": [f"{qualifier}{year}"],
        "deictic": [f"(?P<deictic>(?i:{_alternation(raw['deictic_days'])}))\\b"],
        "weekday": [f"(?:{determiner} )?{weekday}(?: (?i:morning|afternoon|evening|night))?"],
        "relative_unit": [f"{determiner} (?P<unit>(?i:week|month|year|weekend))\\b"],
        "month": [f"(?:(?P<det>(?i:last|next|this|early|late)) )?{month}\\b"],
        "ago": [f"{count} {unit} (?i:ago)"],
        "offset": [f"{count} {unit} (?P<direction>(?i:later|earlier))"],
        "anchor_relative": [
            r"(?i:the) (?P<rel>(?i:following|next|previous|same)) (?P<unit>(?i:day|week|month|year))",
            r"(?P<rel>(?i:that)) (?P<unit>(?i:day|week|month|year))\b",
        ],
    }
    preposition = f"(?:(?P<prep>(?i:{_alternation(raw['prepositions'])})) )?"
    compiled: list[tuple[str, re.Pattern[str]]] = []
    for kind, regexes in shapes.items():
        for regex in regexes:
            compiled.append((kind, re.compile(f"(?<![\\w-]){preposition}{regex}(?![\\w-])")))
    return tuple(compiled)


@cache
def date_rules() -> DateRules:
    """The date vocabulary of rules/dates/date_expressions.yaml, loaded once per process."""
    raw = read_yaml_mapping("dates/date_expressions.yaml")
    return DateRules(
        months=month_table(),
        weekdays=raw["weekdays"],
        number_words={str(k).lower(): int(v) for k, v in raw["number_words"].items()},
        prepositions=tuple(raw["prepositions"]),
        denoting_prepositions=frozenset(raw["denoting_prepositions"]),
        year_qualifiers=tuple(raw["year_qualifiers"]),
        deictic_days={str(k).lower(): int(v) for k, v in raw["deictic_days"].items()},
        relative_determiners={str(k).lower(): int(v) for k, v in raw["relative_determiners"].items()},
        max_day_month_distance_days=int(raw["max_day_month_distance_days"]),
        patterns=_build_patterns(raw),
    )


# --- finding ------------------------------------------------------------------------


def find_date_expressions(sent: Span) -> list[DateExpression]:
    """Date expressions in a sentence, longest first where they overlap, in text order.

    Counts that look like years are skipped ("2000 troops"), and so are names that
    look like dates ("Radio 4's Today").
    """
    rules = date_rules()
    text = sent.text
    found: list[tuple[int, int, str, str | None]] = []
    for kind, pattern in rules.patterns:
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


# --- resolving ----------------------------------------------------------------------


def resolve_date(
    text: str,
    reference: datetime.date | None,
    anchor: ResolvedDate | None = None,
    tense: Tense | None = None,
) -> ResolvedDate:
    """The interval a date expression denotes.

    ``reference`` is the publication date (deictic and partial dates count from it),
    ``anchor`` the last explicit date before the expression ("three years later"
    counts from it), ``tense`` the tense of the clause it dates, which decides whether
    "in March" is the last March or the next. Without the reference point an
    expression needs, the interval is null and only the text is kept.
    """
    rules = date_rules()
    stripped = text.strip()
    for kind, pattern in rules.patterns:
        match = pattern.fullmatch(stripped)
        if match is None:
            continue
        interval = _RESOLVERS[kind](match, reference, anchor, tense, rules)
        if interval is None:
            return ResolvedDate(None, None, None, text)
        start, end, precision = interval
        return ResolvedDate(start, end, precision, text)
    return ResolvedDate(None, None, None, text)


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


Interval = tuple[datetime.date, datetime.date, str]
Resolver = Callable[
    [re.Match[str], datetime.date | None, ResolvedDate | None, Tense | None, DateRules], Interval | None
]


def _year(y: int) -> Interval:
    return datetime.date(y, 1, 1), datetime.date(y, 12, 31), "year"


def _month(y: int, m: int) -> Interval:
    return datetime.date(y, m, 1), datetime.date(y, m, calendar.monthrange(y, m)[1]), "month"


def _day(d: datetime.date) -> Interval:
    return d, d, "day"


def _safe_day(y: int, m: int, d: int) -> datetime.date | None:
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


def _choose(candidates: list[datetime.date], reference: datetime.date, tense: Tense | None) -> datetime.date:
    """Among candidate dates around the reference, the one the tense points at: the
    latest not after it (past), the earliest not before it (future), else the nearest
    (the earlier one on a tie)."""
    before = [c for c in candidates if c <= reference]
    after = [c for c in candidates if c >= reference]
    if tense == "past" and before:
        return max(before)
    if tense == "future" and after:
        return min(after)
    return min(candidates, key=lambda c: (abs((c - reference).days), c > reference))


def _day_month_year(
    m: re.Match[str], ref: object, anchor: object, tense: object, r: DateRules
) -> Interval | None:
    found = _safe_day(int(m.group("year")), r.months[m.group("month").rstrip(".")], int(m.group("day")))
    return None if found is None else _day(found)


def _month_year(
    m: re.Match[str], ref: object, anchor: object, tense: object, r: DateRules
) -> Interval | None:
    return _month(int(m.group("year")), r.months[m.group("month").rstrip(".")])


def _month_rel_year(
    m: re.Match[str], ref: datetime.date | None, anchor: object, tense: object, r: DateRules
) -> Interval | None:
    if ref is None:
        return None
    return _month(
        ref.year + r.relative_determiners[m.group("det").lower()], r.months[m.group("month").rstrip(".")]
    )


def _year_only(m: re.Match[str], ref: object, anchor: object, tense: object, r: DateRules) -> Interval | None:
    return _year(int(m.group("year")))


def _decade(m: re.Match[str], ref: object, anchor: object, tense: object, r: DateRules) -> Interval | None:
    first = int(m.group("decade"))
    return datetime.date(first, 1, 1), datetime.date(first + 9, 12, 31), "decade"


def _day_month(
    m: re.Match[str], ref: datetime.date | None, anchor: object, tense: Tense | None, r: DateRules
) -> Interval | None:
    if ref is None:
        return None
    month, day = r.months[m.group("month").rstrip(".")], int(m.group("day"))
    candidates = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _safe_day(y, month, day))]
    if not candidates:
        return None
    chosen = _choose(candidates, ref, tense)
    if abs((chosen - ref).days) > r.max_day_month_distance_days:
        return None
    return _day(chosen)


def _month_only(
    m: re.Match[str], ref: datetime.date | None, anchor: object, tense: Tense | None, r: DateRules
) -> Interval | None:
    if ref is None:
        return None
    month = r.months[m.group("month").rstrip(".")]
    det = (m.group("det") or "").lower()
    if det == "last":
        tense = "past"
    elif det == "next":
        tense = "future"
    elif det == "this":
        return _month(ref.year, month)
    firsts = [datetime.date(y, month, 1) for y in (ref.year - 1, ref.year, ref.year + 1)]
    ref_month = ref.replace(day=1)
    chosen = _choose(firsts, ref_month, tense)
    if det in ("last", "next") and chosen == ref_month:  # "last March" in March: a year back
        chosen = chosen.replace(year=chosen.year + (-1 if det == "last" else 1))
    return _month(chosen.year, chosen.month)


def _weekday(
    m: re.Match[str], ref: datetime.date | None, anchor: object, tense: Tense | None, r: DateRules
) -> Interval | None:
    if ref is None:
        return None
    target = r.weekdays[m.group("weekday")]
    det = (m.group("det") or "").lower()
    back = (ref.weekday() - target) % 7
    last = ref - datetime.timedelta(days=back)
    nxt = ref + datetime.timedelta(days=(target - ref.weekday()) % 7)
    if det == "last":
        return _day(last if back else ref - datetime.timedelta(days=7))
    if det == "next":
        return _day(nxt if nxt != ref else ref + datetime.timedelta(days=7))
    if det == "this":
        return _day(ref - datetime.timedelta(days=ref.weekday() - target))
    return _day(_choose([last, nxt], ref, tense))


def _deictic(
    m: re.Match[str], ref: datetime.date | None, anchor: object, tense: object, r: DateRules
) -> Interval | None:
    if ref is None:
        return None
    return _day(ref + datetime.timedelta(days=r.deictic_days[m.group("deictic").lower()]))


def _relative_unit(
    m: re.Match[str], ref: datetime.date | None, anchor: object, tense: object, r: DateRules
) -> Interval | None:
    if ref is None:
        return None
    offset = r.relative_determiners[m.group("det").lower()]
    unit = m.group("unit").lower()
    if unit == "year":
        return _year(ref.year + offset)
    if unit == "month":
        index = ref.year * 12 + ref.month - 1 + offset
        return _month(index // 12, index % 12 + 1)
    monday = ref - datetime.timedelta(days=ref.weekday()) + datetime.timedelta(weeks=offset)
    if unit == "weekend":
        return monday + datetime.timedelta(days=5), monday + datetime.timedelta(days=6), "day"
    return monday, monday + datetime.timedelta(days=6), "day"  # a week: day-exact ends


def _count(m: re.Match[str], r: DateRules) -> int:
    raw = m.group("count").lower()
    return int(raw) if raw.isdigit() else r.number_words[raw]


def _shift(base: datetime.date, precision: str, unit: str, n: int) -> Interval | None:
    """base moved by n units, at the coarser of the base's precision and the unit's."""
    if unit in ("day", "week"):
        if precision != "day":
            return None
        return _day(base + datetime.timedelta(days=n * (7 if unit == "week" else 1)))
    if unit == "month":
        if precision not in ("day", "month"):
            return None
        index = base.year * 12 + base.month - 1 + n
        return _month(index // 12, index % 12 + 1)
    if unit == "year":
        return None if precision == "decade" else _year(base.year + n)
    return None if precision != "decade" else _decade_of(base.year + 10 * n)


def _decade_of(year: int) -> Interval:
    first = year - year % 10
    return datetime.date(first, 1, 1), datetime.date(first + 9, 12, 31), "decade"


def _ago(
    m: re.Match[str], ref: datetime.date | None, anchor: object, tense: object, r: DateRules
) -> Interval | None:
    if ref is None:
        return None
    unit = m.group("unit").lower()
    n = _count(m, r)
    if unit == "decade":
        return _year(ref.year - 10 * n)
    return _shift(ref, "day", unit, -n)


def _offset(
    m: re.Match[str], ref: object, anchor: ResolvedDate | None, tense: object, r: DateRules
) -> Interval | None:
    if anchor is None or anchor.start is None or anchor.precision is None:
        return None
    sign = 1 if m.group("direction").lower() == "later" else -1
    return _shift(anchor.start, anchor.precision, m.group("unit").lower(), sign * _count(m, r))


def _anchor_relative(
    m: re.Match[str], ref: object, anchor: ResolvedDate | None, tense: object, r: DateRules
) -> Interval | None:
    if anchor is None or anchor.start is None or anchor.precision is None:
        return None
    rel = m.group("rel").lower()
    n = {"following": 1, "next": 1, "previous": -1}.get(rel, 0)
    return _shift(anchor.start, anchor.precision, m.group("unit").lower(), n)


_RESOLVERS: dict[str, Resolver] = {
    "day_month_year": _day_month_year,
    "month_rel_year": _month_rel_year,
    "month_year": _month_year,
    "day_month": _day_month,
    "decade": _decade,
    "year": _year_only,
    "deictic": _deictic,
    "weekday": _weekday,
    "relative_unit": _relative_unit,
    "month": _month_only,
    "ago": _ago,
    "offset": _offset,
    "anchor_relative": _anchor_relative,
}
