"""Resolving a date expression's text to the interval it denotes.

Each pattern shape of ``patterns`` has its own arithmetic (a weekday counts from the
publication date, "three years later" from the last explicit date, "in March" looks
back or ahead by the clause's tense), so each has a resolver here, and all of them take
their reference point explicitly: none reads the clock, and a missing reference leaves
the interval null rather than guessing a year.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from geodiscourse.dates.patterns import DateRules, date_rules

Tense = Literal["past", "future"]


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
        days = n * (7 if unit == "week" else 1)
        if precision == "year" and abs(days) <= 14:
            return _year(base.year)  # "in 2001 ... four days later": 2001, at year precision
        if precision != "day":
            return None
        return _day(base + datetime.timedelta(days=days))
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
