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
class Requirement:
    """Words of which a text must hold one (as written, or in lower case when
    ``folded``), or a short pattern it must match: a test in C speed, far cheaper than
    a pattern with a lookbehind and an optional preposition tried at every position."""

    words: tuple[str, ...] = ()
    folded: bool = False
    pattern: re.Pattern[str] | None = None

    def met(self, text: str, lower: str) -> bool:
        if self.pattern is not None:
            return self.pattern.search(text) is not None
        haystack = lower if self.folded else text
        return any(word in haystack for word in self.words)


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
    #: Per kind, what its pattern cannot match without (a month name, four digits,
    #: "ago"): the full patterns are tried at every position of a sentence, so a kind
    #: whose requirement the sentence does not meet is not tried at all.
    requirements: Mapping[str, Requirement]


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


def _build_requirements(raw: Mapping[str, Any]) -> dict[str, Requirement]:
    """For each kind of _build_patterns, what its shape cannot match without; one object
    per requirement, so kinds that share one test it once per sentence."""
    month = Requirement(words=(*map(str, raw["months"]), *map(str, raw["month_abbreviations"])))
    lowered = [str(w).lower() for w in raw["relative_determiners"]]
    rels = ("following", "next", "previous", "same", "that")
    return {
        "day_month_year": month,
        "month_rel_year": month,
        "month_year": month,
        "day_month": month,
        "month": month,
        "decade": Requirement(pattern=re.compile(r"\d{3}0s")),
        "year": Requirement(pattern=re.compile(r"\d{4}")),
        "deictic": Requirement(words=tuple(str(w).lower() for w in raw["deictic_days"]), folded=True),
        "weekday": Requirement(words=tuple(map(str, raw["weekdays"]))),
        "relative_unit": Requirement(
            words=tuple(f"{d} {u}" for d in lowered for u in ("week", "month", "year")), folded=True
        ),
        "ago": Requirement(words=(" ago",), folded=True),
        "offset": Requirement(words=(" later", " earlier"), folded=True),
        "anchor_relative": Requirement(
            words=tuple(f"{r} {u}" for r in rels for u in ("day", "week", "month", "year")), folded=True
        ),
    }


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
    )
