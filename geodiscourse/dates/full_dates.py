"""Explicit full calendar dates in metadata lines ("Sunday, December 7, 2025").

Only a date that states day, month and year is read: a publication date is the anchor
every relative event date is resolved against, and a guessed year ("December 8" with
no year, or the run's date) would silently shift all of them.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import cache

from geodiscourse.dates.months import month_numbers
from geodiscourse.rules import RuleFileError, read_yaml_mapping

FULL_DATES_FILE = "dates/full_dates.yaml"


@dataclass(frozen=True)
class DateMatch:
    date: datetime.date
    start: int
    end: int


@dataclass(frozen=True)
class FullDateRules:
    full_dates: tuple[re.Pattern[str], ...]
    dateline_filler: re.Pattern[str]
    dateline_updated: re.Pattern[str]


def _compile(pattern: object, where: str) -> re.Pattern[str]:
    try:
        return re.compile(str(pattern), re.IGNORECASE)
    except re.error as err:
        raise RuleFileError(
            f"geodiscourse/rules/{FULL_DATES_FILE} {where} is not a valid regex: {err}"
        ) from err


@cache
def full_date_rules() -> FullDateRules:
    """The patterns of rules/dates/full_dates.yaml, with {month} filled from the month table."""
    data = read_yaml_mapping(FULL_DATES_FILE)
    # Longest names first, so "september" is preferred to "sep" in an alternation.
    month_alt = "|".join(sorted(month_numbers(), key=len, reverse=True))
    try:
        return FullDateRules(
            full_dates=tuple(
                _compile(str(p).replace("{month}", month_alt), f"full_dates[{i}]")
                for i, p in enumerate(data["full_dates"])
            ),
            dateline_filler=_compile(data["dateline_filler"], "dateline_filler"),
            dateline_updated=_compile(data["dateline_updated"], "dateline_updated"),
        )
    except KeyError as err:
        raise RuleFileError(f"geodiscourse/rules/{FULL_DATES_FILE} lacks the key {err}") from err


def _month_number(value: str) -> int | None:
    if value.isdigit():
        return int(value)
    return month_numbers().get(value.lower().rstrip("."))


def find_full_dates(text: str) -> list[DateMatch]:
    """Every valid full date in the text, in order of position, without overlaps."""
    found: list[DateMatch] = []
    for pattern in full_date_rules().full_dates:
        for m in pattern.finditer(text):
            month = _month_number(m.group("month"))
            if month is None:
                continue
            try:
                date = datetime.date(int(m.group("year")), month, int(m.group("day")))
            except ValueError:
                continue
            if not any(d.start < m.end() and m.start() < d.end for d in found):
                found.append(DateMatch(date, m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def dateline_date(line: str) -> tuple[datetime.date, bool] | None:
    """The date of a line that is only a dateline, and whether it marks an update.

    A dateline is full dates plus nothing but the words a dateline carries (weekday,
    "Published", a time, a time zone, a reading time); any other word means the date
    sits inside a sentence or a caption and says nothing about publication.
    """
    rules = full_date_rules()
    if len(line) > 120:
        return None
    dates = find_full_dates(line)
    if not dates:
        return None
    pieces, last = [], 0
    for d in dates:
        pieces.append(line[last : d.start])
        last = d.end
    pieces.append(line[last:])
    if re.search(r"\w", rules.dateline_filler.sub(" ", " ".join(pieces))):
        return None
    # "Published 7 Dec 2025, updated 8 Dec 2025": the first date is the publication.
    return dates[0].date, rules.dateline_updated.search(pieces[0]) is not None
