"""Date expressions: finding them in sentences and resolving them to intervals.

Resolution never reads the clock: everything relative needs the publication date (or
an earlier explicit date), and without it only the text is kept.
"""

from __future__ import annotations

import datetime

import pytest
from hypothesis import event, example, given
from hypothesis import strategies as st
from spacy.language import Language

from geodiscourse.dates.expressions import DateExpression, find_date_expressions, resolve_expression
from geodiscourse.dates.resolution import ResolvedDate, resolve_date
from geodiscourse.extract.document import extract_document

D = datetime.date
THU = D(2005, 2, 17)  # a Thursday
Y2001 = resolve_date("in 2001", None)
Y2016 = resolve_date("in 2016", None)
DAY = resolve_date("on 7 December 2004", None)

# (expression, publication date, anchor, tense, start, end, precision)
# fmt: off
RESOLVE_CASES = [
    ("in 2008", None, None, None, D(2008, 1, 1), D(2008, 12, 31), "year"),
    ("In 1989", THU, None, None, D(1989, 1, 1), D(1989, 12, 31), "year"),
    ("March 2003", None, None, None, D(2003, 3, 1), D(2003, 3, 31), "month"),
    ("in March 2003", None, None, None, D(2003, 3, 1), D(2003, 3, 31), "month"),
    ("of February 2022", None, None, None, D(2022, 2, 1), D(2022, 2, 28), "month"),
    ("7 December 2004", None, None, None, D(2004, 12, 7), D(2004, 12, 7), "day"),
    ("December 7, 2025", None, None, None, D(2025, 12, 7), D(2025, 12, 7), "day"),
    ("Dec. 7, 2004", None, None, None, D(2004, 12, 7), D(2004, 12, 7), "day"),
    ("on 29 February 2005", None, None, None, None, None, None),  # no such day
    ("December 7", D(2025, 12, 8), None, None, D(2025, 12, 7), D(2025, 12, 7), "day"),
    ("December 7", None, None, None, None, None, None),
    ("on 11 September", D(2005, 3, 10), None, None, None, None, None),  # too far from publication either way
    ("on 19 October", D(2004, 11, 2), None, None, D(2004, 10, 19), D(2004, 10, 19), "day"),
    ("the 1990s", None, None, None, D(1990, 1, 1), D(1999, 12, 31), "decade"),
    ("in the late 1990s", None, None, None, D(1990, 1, 1), D(1999, 12, 31), "decade"),
    ("mid-2003", None, None, None, D(2003, 1, 1), D(2003, 12, 31), "year"),
    ("the end of 2004", None, None, None, D(2004, 1, 1), D(2004, 12, 31), "year"),
    ("in March", THU, None, "past", D(2004, 3, 1), D(2004, 3, 31), "month"),
    ("in March", THU, None, "future", D(2005, 3, 1), D(2005, 3, 31), "month"),
    ("in March", THU, None, None, D(2005, 3, 1), D(2005, 3, 31), "month"),
    ("In December", THU, None, None, D(2004, 12, 1), D(2004, 12, 31), "month"),
    ("in March", None, None, None, None, None, None),
    ("last March", D(2005, 3, 20), None, None, D(2004, 3, 1), D(2004, 3, 31), "month"),
    ("In July of this year", D(2021, 12, 1), None, None, D(2021, 7, 1), D(2021, 7, 31), "month"),
    ("In July of this year", None, None, None, None, None, None),
    ("last Tuesday", THU, None, None, D(2005, 2, 15), D(2005, 2, 15), "day"),
    ("last Thursday", THU, None, None, D(2005, 2, 10), D(2005, 2, 10), "day"),
    ("next Tuesday", THU, None, None, D(2005, 2, 22), D(2005, 2, 22), "day"),
    ("on Thursday", THU, None, "past", D(2005, 2, 17), D(2005, 2, 17), "day"),
    ("on Wednesday", THU, None, "past", D(2005, 2, 16), D(2005, 2, 16), "day"),
    ("on Wednesday", THU, None, "future", D(2005, 2, 23), D(2005, 2, 23), "day"),
    ("on Friday", THU, None, None, D(2005, 2, 18), D(2005, 2, 18), "day"),
    ("last Tuesday", None, None, None, None, None, None),
    ("this week", THU, None, None, D(2005, 2, 14), D(2005, 2, 20), "day"),
    ("last week", THU, None, None, D(2005, 2, 7), D(2005, 2, 13), "day"),
    ("next week", THU, None, None, D(2005, 2, 21), D(2005, 2, 27), "day"),
    ("this week", None, None, None, None, None, None),
    ("last month", D(2005, 1, 10), None, None, D(2004, 12, 1), D(2004, 12, 31), "month"),
    ("next month", D(2005, 12, 10), None, None, D(2006, 1, 1), D(2006, 1, 31), "month"),
    ("last year", THU, None, None, D(2004, 1, 1), D(2004, 12, 31), "year"),
    ("this year", THU, None, None, D(2005, 1, 1), D(2005, 12, 31), "year"),
    ("yesterday", THU, None, None, D(2005, 2, 16), D(2005, 2, 16), "day"),
    ("today", None, None, None, None, None, None),
    ("21 years ago", D(2021, 12, 1), None, None, D(2000, 1, 1), D(2000, 12, 31), "year"),
    ("two months ago", THU, None, None, D(2004, 12, 1), D(2004, 12, 31), "month"),
    ("21 years ago", None, None, None, None, None, None),
    ("three years later", None, Y2001, None, D(2004, 1, 1), D(2004, 12, 31), "year"),
    ("two years earlier", None, Y2016, None, D(2014, 1, 1), D(2014, 12, 31), "year"),
    ("a year later", THU, Y2001, None, D(2002, 1, 1), D(2002, 12, 31), "year"),
    ("three days later", None, DAY, None, D(2004, 12, 10), D(2004, 12, 10), "day"),
    ("three days later", None, Y2001, None, D(2001, 1, 1), D(2001, 12, 31), "year"),  # days from a year: that year
    ("three years later", THU, None, None, None, None, None),  # counts from an explicit date, not publication
    ("the following year", None, Y2001, None, D(2002, 1, 1), D(2002, 12, 31), "year"),
    ("that year", None, Y2016, None, D(2016, 1, 1), D(2016, 12, 31), "year"),
    ("recently", THU, None, None, None, None, None),
    ("the 15-year-old ban", THU, None, None, None, None, None),
]
# fmt: on


@pytest.mark.parametrize(("text", "published", "anchor", "tense", "start", "end", "precision"), RESOLVE_CASES)
def test_resolve_date(
    text: str,
    published: datetime.date | None,
    anchor: ResolvedDate | None,
    tense: str | None,
    start: datetime.date | None,
    end: datetime.date | None,
    precision: str | None,
) -> None:
    resolved = resolve_date(text, published, anchor, tense)  # type: ignore[arg-type]
    assert (resolved.start, resolved.end, resolved.precision) == (start, end, precision)
    assert resolved.text == text


# (sentence, [(expression text, kind)])
# fmt: off
FIND_CASES = [
    ("The 15-year-old ban was imposed in 1989.", [("in 1989", "year")]),
    ("The 15 year embargo was imposed.", []),
    ("Some 2000 troops arrived in May.", [("in May", "month")]),
    ("Mrs May said the talks may fail.", []),
    ("He told Radio 4's Today programme the ban would go.", []),
    ("In 2008, Moscow launched a short war.", [("In 2008", "year")]),
    ("He met Putin on Thursday and again last week.", [("on Thursday", "weekday"), ("last week", "relative_unit")]),
    ("the invasion of February 2022", [("of February 2022", "month_year")]),
    ("Talks are planned for 7 December 2004 in Brussels.", [("7 December 2004", "day_month_year")]),
    ("The cut to the 1990 level by 2010 was missed.", [("1990", "year"), ("by 2010", "year")]),
    ("He denied a giveaway on 16 March.", [("on 16 March", "day_month")]),
    ("He came to power 21 years ago.", [("21 years ago", "ago")]),
    ("Three years later, Russia struck.", [("Three years later", "offset")]),
    ("Prices rose 20% in the 1990s.", [("in the 1990s", "decade")]),
    ("It cost £2005 and 1,990 people came.", []),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), FIND_CASES)
def test_find_date_expressions(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    found = find_date_expressions(nlp(text)[:])
    assert [(e.text, e.kind) for e in found] == expected


@pytest.mark.parametrize(
    ("text", "preposition", "attributive", "explicit"),
    [
        ("in response to the 11 September attacks", None, True, False),
        ("after the attacks on 11 September", "on", False, False),
        ("the ban was imposed in 1989", "in", False, True),
        ("emissions will be cut by 2010", "by", False, True),
    ],
)
def test_expression_properties(
    nlp: Language, text: str, preposition: str | None, attributive: bool, explicit: bool
) -> None:
    (found,) = find_date_expressions(nlp(text)[:])
    assert (found.preposition, found.attributive, found.explicit) == (preposition, attributive, explicit)


def test_attributive_day_takes_no_year_from_publication(nlp: Language) -> None:
    (found,) = find_date_expressions(nlp("the 11 September attacks in the US")[:])
    assert resolve_expression(found, D(2001, 10, 1)).start is None
    (on_day,) = find_date_expressions(nlp("they struck on 11 September")[:])
    assert resolve_expression(on_day, D(2001, 10, 1)).start == D(2001, 9, 11)


@given(st.text(max_size=40), st.one_of(st.none(), st.dates()))
@example("in March 2003", None)
def test_resolve_never_raises_and_intervals_are_ordered(text: str, published: datetime.date | None) -> None:
    resolved = resolve_date(text, published)
    assert resolved.text == text
    event("resolved" if resolved.start is not None else "not resolved")
    if resolved.start is not None:
        assert resolved.end is not None and resolved.start <= resolved.end
        assert resolved.precision in ("day", "month", "year", "decade")
    if text == "in March 2003":  # random text seldom is a date: this one must be
        assert (resolved.start, resolved.end, resolved.precision) == (D(2003, 3, 1), D(2003, 3, 31), "month")


RELATIVE = ["last week", "this year", "in March", "on Tuesday", "yesterday", "two years ago", "next month"]


@given(st.sampled_from(RELATIVE))
def test_relative_dates_need_a_publication_date(text: str) -> None:
    assert resolve_date(text, None).start is None


@given(st.sampled_from(RELATIVE), st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31)))
def test_relative_dates_stay_near_their_reference(text: str, published: datetime.date) -> None:
    resolved = resolve_date(text, published)
    assert resolved.start is not None
    assert abs((resolved.start - published).days) <= 2 * 366 + 365


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        # a bare participle shares its governing verb's time
        (
            "The Justice Department unloaded on the police department on Wednesday, accusing officers of "
            "targeting protesters.",
            "accusing",
            "2017-08-09",
        ),
        # a participle with a date of its own keeps it
        ("Last year, the US terminated an agreement with the EU, reached in 1992.", "reached", "1992-01-01"),
    ],
)
def test_participle_takes_the_time_of_its_verb(nlp: Language, text: str, trigger: str, date: str) -> None:
    rows = extract_document("0123456789abcdef", nlp(text), datetime.date(2017, 8, 10), None)
    found = {e["trigger"].split()[-1]: e["date_start"] for e in rows["events"]}
    assert str(found.get(trigger)) == date


_DATE_WORDS = st.sampled_from(
    [
        "in",
        "on",
        "by",
        "the",
        "last",
        "next",
        "following",
        "that",
        "same",
        "early",
        "late",
        "mid",
        "January",
        "Jan.",
        "Sept",
        "May",
        "may",
        "Monday",
        "monday",
        "morning",
        "today",
        "yesterday",
        "week",
        "weeks",
        "month",
        "year",
        "decade",
        "weekend",
        "ago",
        "later",
        "earlier",
        "of",
        "1999",
        "2001",
        "2000s",
        "1990s",
        "12th",
        "3",
        "two",
        "three",
        "troops",
        "said",
        "Radio",
        "4's",
        "-",
        ",",
        "%",
        "£5",
        "2,000",
    ]
)


@given(words=st.lists(_DATE_WORDS, min_size=1, max_size=14))
def test_gating_patterns_by_their_required_words_changes_nothing(nlp: Language, words: list[str]) -> None:
    """A kind whose required word is absent is skipped (speed): the expressions found are
    exactly those of trying every pattern."""
    sent = nlp(" ".join(words))[:]

    def plain(expressions: list[DateExpression]) -> list[tuple[str, str, str | None]]:
        return [(e.text, e.kind, e.preposition) for e in expressions]

    assert plain(find_date_expressions(sent)) == plain(find_date_expressions(sent, gated=False))
