"""Requests in "a demand for X to do Y" and refusals stated as a negated concession."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geodiscourse.core.rows import EventRow
from geodiscourse.extract.events import extract_events
from tests.extract.events.test_events_fixtures import make_context

EXTRA_ACTORS: dict[str, tuple[str, str, str | None]] = {
    "EU": ("EU", "igo", None),
    "US": ("USA", "state", "USA"),
    "Washington": ("USA", "state", "USA"),
    "Turkey": ("TUR", "state", "TUR"),
    "Cyprus": ("CYP", "state", "CYP"),
    "Iran": ("IRN", "state", "IRN"),
    "Tehran": ("IRN", "state", "IRN"),
    "it": ("IRN", "state", "IRN"),
}


def events_of(nlp: Language, text: str) -> list[EventRow]:
    return extract_events(make_context(nlp, text, actors=EXTRA_ACTORS))


def summary(rows: list[EventRow]) -> set[tuple[str, str | None, str | None, str]]:
    return {(r["event_type"], r["source_actor_id"], r["target_actor_id"], r["modality"]) for r in rows}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks stalled over an EU demand for Turkey to recognise Cyprus.", ("REQUEST", "EU", "TUR")),
        ("Washington's call for Iran to halt enrichment was rejected.", ("REQUEST", "USA", "IRN")),
    ],
)
def test_demand_for_an_actor_to_act_is_a_request(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    found = {(t, s, g) for t, s, g, _ in summary(events_of(nlp, text))}
    assert expected in found, found


@pytest.mark.parametrize(
    "text",
    [
        "Demand for oil rose sharply.",
        "Demand for oil to be delivered by sea rose sharply.",
        "There were calls for prices to fall.",
    ],
)
def test_demand_without_actors_is_no_request(nlp: Language, text: str) -> None:
    assert not [r for r in events_of(nlp, text) if r["event_type"] == "REQUEST"]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Iran insisted it would not bow to demands from the EU.", "IRN", "EU"),
        ("Iran refused to give in to pressure from the US.", "IRN", "USA"),
        ("Iran will not yield to US pressure.", "IRN", "USA"),
        ("Iran vowed it will not yield to US pressure.", "IRN", "USA"),
        # the codebook's REJECT is all refusals: of assistance, a meeting, a release
        ("Iran said it could not support Turkey's bid.", "IRN", "TUR"),
        ("Iran said it will not lift the ban on US imports.", "IRN", "USA"),
        ("A Turkish official said Turkey would not meet Iran.", "TUR", "IRN"),
        ("Iran said it will not withdraw from Cyprus.", "IRN", "CYP"),
    ],
)
def test_refused_concession_is_an_asserted_rejection(
    nlp: Language, text: str, source: str, target: str
) -> None:
    assert ("REJECT", source, target, "asserted") in summary(events_of(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Tehran could face sanctions if it does not bow to demands from the US.",
        "Iran would not bow to US demands.",
        "Will Iran not yield to US pressure?",
        "Iran might refuse to give in to pressure from the US.",
        "Analysts say Iran will not yield to US pressure.",
        # a main-clause "could not" is a past inability or a possibility, not a stand
        "Iran could not support Turkey's bid.",
        "Analysts say the US cannot support Turkey's bid.",
        "Iran would not support the EU if it lost the vote.",
    ],
)
def test_conditional_or_hypothetical_refusal_is_not_asserted(nlp: Language, text: str) -> None:
    rows = events_of(nlp, text)
    assert not [
        r for r in rows if r["modality"] == "asserted" and r["event_type"] in ("REJECT", "CONCEDE", "SUPPORT")
    ], rows


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Iran said it could not support Turkey's bid.", "assist"),
        ("A Turkish official said Turkey would not meet Iran.", "meet"),
        ("Iran will not yield to US pressure.", "yield"),
    ],
)
def test_rejection_mode_names_what_was_refused(nlp: Language, text: str, mode: str) -> None:
    modes = {r["event_mode"] for r in events_of(nlp, text) if r["event_type"] == "REJECT"}
    assert modes == {mode}, modes


def test_refusal_already_named_by_refuse_is_not_doubled(nlp: Language) -> None:
    rows = events_of(nlp, "Iran refused to lift the ban on US imports.")
    assert [r["event_type"] for r in rows if r["event_type"] == "REJECT"] == ["REJECT"], rows
