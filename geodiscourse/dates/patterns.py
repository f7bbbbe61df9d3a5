"""The date vocabulary and the regular expressions built from it, compiled once.

Finding a date expression (a search in the sentence) and resolving one (a full match
of its text) must agree on what each pattern shape is, so the shapes are built here,
once, from ``rules/dates/date_expressions.yaml`` (month names, number words,
prepositions, qualifiers); ``expressions`` finds, ``resolution`` does the arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from geodiscourse.dates.months import month_table
from geodiscourse.rules import read_yaml_mapping


@dataclass(frozen=True)
class DateRules:
    """The date vocabulary, and the pattern shapes as (kind, regex) in matching order."""

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
    #: Per kind, a plain search for a word its pattern cannot match without (a month
    #: name, four digits, "ago"): the full patterns are tried at every position of a
    #: sentence, so a kind whose word is absent is not tried at all.
    requirements: Mapping[str, re.Pattern[str]]
    #: What every pattern needs somewhere in the text: a digit, a month, a weekday, a
    #: deictic day or a unit of time. A sentence without one holds no date expression,
    #: so the patterns (each tried at every position) need not run on it.
    gate: re.Pattern[str]


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


def _build_requirements(raw: Mapping[str, Any]) -> dict[str, re.Pattern[str]]:
    """For each kind of _build_patterns, what its shape cannot match without."""
    month = re.compile(f"{_alternation(raw['months'])}|{_alternation(raw['month_abbreviations'])}")
    unit = re.compile("(?i:day|week|month|year|decade)")
    return {
        "day_month_year": month,
        "month_rel_year": month,
        "month_year": month,
        "day_month": month,
        "month": month,
        "decade": re.compile(r"\d{3}0s"),
        "year": re.compile(r"\d{4}"),
        "deictic": re.compile(f"(?i:{_alternation(raw['deictic_days'])})"),
        "weekday": re.compile(_alternation(raw["weekdays"])),
        "relative_unit": re.compile("(?i:week|month|year|weekend)"),
        "ago": re.compile("(?i:ago)"),
        "offset": re.compile("(?i:later|earlier)"),
        "anchor_relative": unit,
    }


def _build_gate(raw: Mapping[str, Any]) -> re.Pattern[str]:
    words = [*raw["months"], *raw["month_abbreviations"], *raw["weekdays"], *raw["deictic_days"]]
    units = ["day", "week", "month", "year", "decade", "weekend"]
    return re.compile(f"\\d|(?i:{_alternation([*words, *units])})")


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
        requirements=_build_requirements(raw),
        gate=_build_gate(raw),
    )
