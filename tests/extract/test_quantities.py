"""Quantities: numbers a claim asserts, with value and unit; names and dates are none."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from geodiscourse.extract.quantities import extract_quantities


def values(nlp: Language, text: str) -> list[tuple[float, str]]:
    return [(q["value"], q["unit"]) for q in extract_quantities(nlp(text)[:])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Russia has massed 90,000 troops on the border.", [(90000.0, "troops")], id="digits"),
        pytest.param("The US sent 3,000 marines.", [(3000.0, "marines")], id="marines"),
        pytest.param("The case was heard by nine law lords.", [(9.0, "law lords")], id="number-word"),
        pytest.param("China has twice as many ships.", [(2.0, "times")], id="twice"),
        pytest.param("Exports to China doubled last year.", [(2.0, "times")], id="doubled"),
        pytest.param("Critics accuse the EU of double standards.", [], id="double-standards-no-quantity"),
        pytest.param("Its army is ten times as large.", [(10.0, "times")], id="n-times"),
        pytest.param("One-half of the budget went to defence.", [(0.5, "fraction")], id="one-half"),
        pytest.param("About a third of exports go to Europe.", [(0.333, "fraction")], id="a-third-of"),
        pytest.param("Two-thirds of voters agreed.", [(0.667, "fraction")], id="two-thirds"),
        pytest.param("He was fined £65,000.", [(65000.0, "GBP")], id="pounds-sign"),
        pytest.param("The deal is worth $5bn.", [(5e9, "USD")], id="dollars-bn"),
        pytest.param("The bloc spent US$3.5 million.", [(3.5e6, "USD")], id="us-dollars-million"),
        pytest.param("Sales reached 1.2bn euros.", [(1.2e9, "EUR")], id="currency-word"),
        pytest.param("They proposed a 20% cut.", [(20.0, "percent")], id="percent-sign"),
        pytest.param("Prices rose 10 per cent.", [(10.0, "percent")], id="per-cent"),
        pytest.param("The 15-year-old ban was imposed.", [(15.0, "years")], id="n-year-old"),
        pytest.param("The 15 year embargo stays.", [(15.0, "years")], id="n-year"),
        pytest.param("It may end in the next six months.", [(6.0, "months")], id="months"),
        pytest.param("She praised the eight to one majority.", [(8.0, "ratio")], id="ratio"),
        pytest.param("Only two of the licences were denied.", [(2.0, "licences")], id="n-of-the"),
        pytest.param(
            "Some two hundred and fifty thousand people fled.", [(250000.0, "people")], id="compound-words"
        ),
        pytest.param("Twenty-five people were hurt.", [(25.0, "people")], id="hyphenated-words"),
        pytest.param(
            "Between 5 and 10 troops died.", [(5.0, "troops"), (10.0, "troops")], id="range-shares-unit"
        ),
        pytest.param("Rates rose 10-15%.", [(10.0, "percent"), (15.0, "percent")], id="hyphen-range"),
        pytest.param("In 1500 troops marched.", [(1500.0, "troops")], id="year-shaped-count"),
        pytest.param("A million people voted.", [(1e6, "people")], id="a-million"),
        pytest.param("He wanted five.", [(5.0, "count")], id="bare-number"),
        pytest.param("Growth was one per cent.", [(1.0, "percent")], id="one-as-measure"),
    ],
)
def test_quantities(nlp: Language, text: str, expected: list[tuple[float, str]]) -> None:
    found = values(nlp, text)
    assert [u for _, u in found] == [u for _, u in expected]
    assert [v for v, _ in found] == pytest.approx([v for v, _ in expected], rel=1e-6)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The crackdown came in 1989.", id="year"),
        pytest.param("The target is the 1990 greenhouse gas level by 2010.", id="year-as-modifier"),
        pytest.param("The attacks of 11 September changed everything.", id="day-of-date"),
        pytest.param("They met on March 3.", id="month-day"),
        pytest.param("It was his first day and second visit.", id="ordinals"),
        pytest.param("Blair won a third term.", id="ordinal-not-fraction"),
        pytest.param("He told Radio 4 and Number 10.", id="numbers-in-names"),
        pytest.param("One of its top scientists admitted it.", id="one-of"),
        pytest.param("Nor can one rely on pre-emption.", id="pronoun-one"),
        pytest.param("At one point the talks stalled.", id="one-idiom"),
        pytest.param("Thousands of people are unaccounted for.", id="vague-plural"),
        pytest.param("She won 6-3 3-6 6-3.", id="score"),
        pytest.param("The meeting starts at 8am.", id="clock-time"),
        pytest.param("The economy stagnated throughout the 1990s.", id="decade"),
        pytest.param("1. Russia wants what it cannot have", id="list-number"),
        pytest.param("He cited [3] in his report.", id="citation-number"),
        pytest.param("A twenty-first-century order is needed.", id="compound-ordinal"),
        pytest.param("There is one core element of its identity.", id="one-as-determiner"),
        pytest.param("The Six Nations title was won.", id="number-in-event-name"),
    ],
)
def test_not_quantities(nlp: Language, text: str) -> None:
    assert values(nlp, text) == []


def test_text_is_as_written(nlp: Language) -> None:
    [q] = extract_quantities(nlp("It has an estimated 90% of all fissile material.")[:])
    assert q["text"] == "90%"
    [q] = extract_quantities(nlp("Russia sent 3,000 marines.")[:])
    assert q["text"] == "3,000 marines"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "5",
                "1,000",
                "bn",
                "$",
                "£",
                "%",
                "per",
                "cent",
                "a",
                "third",
                "of",
                "-",
                "year",
                "old",
                "to",
                "one",
                "twice",
                "times",
                "troops",
                "in",
                "1989",
                "majority",
                "and",
                "hundred",
                "September",
            ]
        ),
        max_size=10,
    ).map(" ".join)
)
@example("1,000 troops in 1989")
@example("5 bn bn")  # a scale word repeated does not multiply again
def test_values_are_finite_and_texts_in_span(nlp: Language, text: str) -> None:
    span = nlp(text)[:]
    found = extract_quantities(span)
    for q in found:
        assert q["value"] == q["value"] and abs(q["value"]) < 1e16  # not NaN, bounded
        assert q["text"] in span.text
        assert q["unit"]
    event("gave quantities" if found else "gave no quantity")
    if text == "1,000 troops in 1989":  # the year is a date, not a quantity
        assert found == [{"value": 1000.0, "unit": "troops", "text": "1,000 troops"}]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "5",
                "1,000",
                "3.5bn",
                "2/3",
                "10am",
                "bn",
                "million",
                "$",
                "US",
                "£",
                "€",
                "%",
                "per",
                "cent",
                "a",
                "an",
                "half",
                "third",
                "thirds",
                "two",
                "twenty",
                "-",
                "five",
                "of",
                "the",
                "twice",
                "double",
                "times",
                "troops",
                "Radio",
                "4",
                "1989",
                "and",
                "hundred",
                "dozen",
                "May",
                "7",
                "to",
                "1",
                ".",
                "one",
                "people",
                "Six",
                "Nations",
            ]
        ),
        max_size=12,
    ).map(" ".join)
)
@example("US $ 5 bn and a third of the troops")
@example("half of the troops , twice the 2/3 and two - thirds of 1,000 people")
@example("twenty five hundred troops and an extra million")
def test_trying_only_possible_first_tokens_changes_nothing(nlp: Language, text: str) -> None:
    """Tokens that cannot start a quantity are skipped (speed): the quantities found are
    exactly those of trying every token."""
    span = nlp(text)[:]
    assert extract_quantities(span) == extract_quantities(span, prefilter=False)
