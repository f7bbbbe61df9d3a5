"""Event roles reached indirectly: themes behind a partitive ("a number of agreements"),
targets inside an infinitival complement ("offered to supply oil to China") or owning
a dismissed claim, leaders offering states something, coordinated states that
become "the two sides" of later sentences, speech acts carried by a verb that repeats
them ("repeated calls for") and deals owned or struck by an actor.

Each family has positive cases (the event and the fields that matter) and negative
cases (no asserted event of that kind).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from geodiscourse.core.rows import EventRow
from geodiscourse.extract.events import extract_events
from tests.extract.events.test_events_fixtures import ACTORS, make_context

ANY = object()

#: The fixture actors plus the firms the negative cases name.
ACTORS_HERE: dict[str, tuple[str, str, str | None]] = {
    **ACTORS,
    "Airbus": ("airbus", "organization", "FRA"),
    "Boeing": ("boeing", "organization", "USA"),
}


def events_of(nlp: Language, text: str) -> list[EventRow]:
    return extract_events(make_context(nlp, text, actors=ACTORS_HERE))


def find(rows: list[EventRow], word: str) -> EventRow:
    matching = [r for r in rows if word.lower() in r["trigger"].lower().split()]
    assert matching, f"no event with {word!r} in {[(r['event_type'], r['trigger']) for r in rows]}"
    return matching[0]


# (text, trigger word, type, source, target)
# fmt: off
POSITIVE = [
    # partitives hand the verb on to their "of" noun
    ("Britain signed a number of agreements with Iraq.", "signed", "AGREE", "GBR", "IRQ"),
    ("Russia held talks with China. The two countries also signed a series of agreements.", "signed", "AGREE", "RUS", "CHN"),
    # the owner of a dismissed claim is the target
    ("Moscow dismissed Britain's allegations.", "dismissed", "REJECT", "RUS", "GBR"),
    ("An EU spokesman dismissed the US complaint.", "dismissed", "REJECT", "EU", "USA"),
    ("Russia dismissed the claim as nonsense.", "dismissed", "REJECT", "RUS", None),
    # a target inside the infinitival complement
    ("Britain offered to send troops to Iraq.", "offered", "AGREE", "GBR", "IRQ"),
    # a leader offering a state something
    ("Tony Blair has offered China access to British markets.", "offered", "AGREE", "tony-blair", "CHN"),
    # stepping back from confrontation
    ("The US and EU stepped back from confrontation.", "stepped", "RETREAT", "USA", ANY),
    # coordinated states are "the two sides" of a later sentence
    ("The US and EU stepped back from confrontation. Mr Straw said the two sides had agreed to reopen talks.",
     "agreed", "AGREE", "USA", "EU"),
    # whoever repeats, renews or echoes a speech act makes it
    ("Mr Blair repeated calls for the mayor to apologise.", "repeated", "REQUEST", "tony-blair", ANY),
    ("Moscow renewed its threat against Georgia.", "renewed", "THREATEN", "RUS", "GEO"),
    ("Germany reiterated its demand for Russia to withdraw.", "reiterated", "REQUEST", "DEU", ANY),
    # a deal: its possessor, or the one who strikes, seals, clinches or cuts it
    ("Britain's deal with Iraq was criticised.", "deal", "AGREE", "GBR", "IRQ"),
    ("Russia sealed a deal with China.", "sealed", "AGREE", "RUS", "CHN"),
    ("Japan clinched a deal with China.", "clinched", "AGREE", "JPN", "CHN"),
    ("Russia cut a deal with China.", "cut", "AGREE", "RUS", "CHN"),
    ("The EU struck a deal with Ukraine.", "struck", "AGREE", "EU", "UKR"),
]
# fmt: on


@pytest.mark.parametrize(("text", "trigger", "event_type", "source", "target"), POSITIVE)
def test_indirect_roles(
    nlp: Language, text: str, trigger: str, event_type: str, source: object, target: object
) -> None:
    row = find(events_of(nlp, text), trigger)
    assert row["modality"] == "asserted"
    for field, expected in (
        ("event_type", event_type),
        ("source_actor_id", source),
        ("target_actor_id", target),
    ):
        if expected is not ANY:
            assert row[field] == expected, f"{field}: {row[field]!r} != {expected!r} in {row}"  # type: ignore[literal-required]


# fmt: off
NO_ASSERTED_EVENT = [
    # a partitive of things that are no agreement
    "Germany signed a series of cheques.",
    # a leader offering something to no state
    "Tony Blair offered his resignation.",
    # a person stepping back from a role is no state's retreat
    "Tony Blair stepped back from front-line politics.",
    # a speech act nobody is said to make or repeat
    "Calls for the mayor to apologise grew.",
    "Mr Blair repeated his view that the economy was strong.",
    # "a good/great deal of" is a quantity; a deal with no one acting is no event
    "It cost a good deal of money.",
    "Mr Blair made a great deal of money.",
    "The deal was good news for farmers.",
    # repeating something that is no speech act
    "Mr Blair repeated the exercise.",
]
# fmt: on


@pytest.mark.parametrize("text", NO_ASSERTED_EVENT)
def test_no_asserted_event(nlp: Language, text: str) -> None:
    rows = [(r["event_type"], r["trigger"]) for r in events_of(nlp, text) if r["modality"] == "asserted"]
    assert rows == []


def test_firms_accusing_each_other_are_not_both_sides(nlp: Language) -> None:
    text = "Airbus and Boeing accuse each other of taking subsidies. Both sides agreed to reopen talks."
    assert [r for r in events_of(nlp, text) if "agreed" in r["trigger"].split()] == []
