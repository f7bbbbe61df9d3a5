"""Event rule families beyond plain verbs: nominal and participial events, pronoun
subjects, targets inside objects, reciprocal and "both sides" subjects, and the
modality of events that are only wanted or prescribed.

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

#: The fixture actors plus a few bodies and firms these cases name.
ACTORS_HERE: dict[str, tuple[str, str, str | None]] = {
    **ACTORS,
    "G7": ("G7", "igo", None),
    "IMF": ("IMF", "igo", None),
    "WTO": ("WTO", "igo", None),
    "India": ("IND", "state", "IND"),
    "Brussels": ("EU", "igo", None),
    "Gordon Brown": ("gordon-brown", "person", "GBR"),
    "Airbus": ("airbus", "organization", "FRA"),
    "Boeing": ("boeing", "organization", "USA"),
}


def events_of(nlp: Language, text: str) -> list[EventRow]:
    return extract_events(make_context(nlp, text, actors=ACTORS_HERE))


def asserted(rows: list[EventRow]) -> list[tuple[str, str]]:
    return [(r["event_type"], r["trigger"]) for r in rows if r["modality"] == "asserted"]


def find(rows: list[EventRow], word: str) -> EventRow:
    matching = [r for r in rows if word.lower() in r["trigger"].lower().split()]
    assert matching, f"no event with {word!r} in {[(r['event_type'], r['trigger']) for r in rows]}"
    return matching[0]


# (text, trigger word, type, source, target, modality)
# fmt: off
POSITIVE = [
    # nominal events carried by "be at/in", "file", announcing verbs
    ("Mr Blair is at a summit in Brussels.", "summit", "CONSULT", "tony-blair", ANY, "asserted"),
    ("Mr Straw will be at the meeting in Beijing.", "meeting", "CONSULT", "jack-straw", ANY, "hypothetical"),
    ("The US filed a complaint against Brussels with the WTO.", "complaint", "ACCUSE", "USA", "EU", "asserted"),
    ("The move prompted a retaliatory EU complaint over US subsidies.", "complaint", "ACCUSE", "EU", "USA", "asserted"),
    ("The EU confirmed a new aid package for Iraq.", "package", "AID", "EU", "IRQ", "asserted"),
    # participles: reduced relatives with a date, passive hosts and invitations
    ("Russia terminated an agreement with the EU, reached in 1992.", "reached", "AGREE", ANY, ANY, "asserted"),
    ("The summit reviewed the trade plans agreed in Geneva in 1998.", "agreed", "AGREE", None, None, "asserted"),
    ("The ministers discussed the deal agreed in Geneva in 1998.", "agreed", "AGREE", None, None, "asserted"),
    ("He spoke at a conference on enterprise hosted by Gordon Brown on Friday.", "hosted", "CONSULT", "gordon-brown", ANY, "asserted"),
    ("India has been invited to take part in the G7 meeting.", "invited", "CONSULT", ANY, "IND", "asserted"),
    # verbs new to the lexicon
    ("Last year the US terminated an agreement with the EU.", "terminated", "RETREAT", "USA", "EU", "asserted"),
    ("Germany objected to the plan.", "objected", "REJECT", "DEU", ANY, "asserted"),
    ("The IMF warned that India's budget deficit was too large.", "warned", "ACCUSE", "IMF", "IND", "asserted"),
    ("Putin signed a communique on Iraq.", "signed", "AGREE", "vladimir-putin", ANY, "asserted"),
    # pronoun subjects after a role phrase, "it/its" after a state
    ("India's finance minister lashed out at the G7. He also called for reform of the United Nations.", "called", "REQUEST", "IND", "UN", "asserted"),
    ("China faces pressure over its exchange rate, which the G7 has blamed for a surge in exports.", "blamed", "ACCUSE", "G7", "CHN", "asserted"),
    # targets one level inside an object
    ("India's minister lashed out at the trade policies of the G7 nations.", "lashed", "ACCUSE", "IND", "G7", "asserted"),
    ("Germany has called for radical reform of the EU's stability pact.", "called", "REQUEST", "DEU", "EU", "asserted"),
    # reciprocal objects and "both sides"
    ("Airbus and Boeing accuse each other of taking subsidies.", "accuse", "ACCUSE", "airbus", "boeing", "asserted"),
    ("The EU and US met in Geneva. Both sides agreed to suspend their requests.", "agreed", "AGREE", "EU", "USA", "asserted"),
]
# fmt: on


@pytest.mark.parametrize(("text", "trigger", "event_type", "source", "target", "modality"), POSITIVE)
def test_event_families(
    nlp: Language,
    text: str,
    trigger: str,
    event_type: object,
    source: object,
    target: object,
    modality: object,
) -> None:
    row = find(events_of(nlp, text), trigger)
    for field, expected in (
        ("event_type", event_type),
        ("source_actor_id", source),
        ("target_actor_id", target),
        ("modality", modality),
    ):
        if expected is not ANY:
            assert row[field] == expected, f"{field}: {row[field]!r} != {expected!r} in {row}"  # type: ignore[literal-required]


# fmt: off
NO_ASSERTED_EVENT = [
    # an agent that is no political actor: no actor-less dated agreement
    "The football club agreed a rescue plan with creditors on Friday.",
    # a dated participle with no agreement noun
    "The prices agreed in 2000 were higher.",
    # a warning about oneself or about no actor is no accusation
    "The IMF warned that growth would slow.",
    "Mr Straw warned that he would resign.",
    # announcing verbs carry only nouns that are no event alone
    "The BBC confirmed the meeting.",
    # "it" as a dummy subject takes no antecedent
    "Russia is big. It is hard to criticise the plan.",
    # a complaint with no one who makes it
    "Complaints about the noise grew.",
    # "both sides" with no two-sided event before it
    "Both sides agreed to suspend their requests.",
    # hosting something that is no meeting
    "Gordon Brown hosted a website.",
]
# fmt: on


@pytest.mark.parametrize("text", NO_ASSERTED_EVENT)
def test_no_asserted_event(nlp: Language, text: str) -> None:
    assert asserted(events_of(nlp, text)) == []


# (text, trigger word, modality)
# fmt: off
MODALITY = [
    ("Mr Straw called for the withdrawal of Russian troops from Georgia.", "withdrawal", "hypothetical"),
    ("Mr Straw called for the withdrawal of Russian troops from Georgia.", "called", "asserted"),
    ("Britain demanded the release of the prisoners by Russia.", "demanded", "asserted"),
    ("He should set out a proper exit strategy, including the phased withdrawal of British troops.", "withdrawal", "hypothetical"),
    ("Mr Blair should order the withdrawal of British troops from Iraq.", "withdrawal", "hypothetical"),
    ("Mr Blair ordered the withdrawal of British troops from Iraq.", "withdrawal", "asserted"),
    ("Mr Straw condemned the invasion of Iraq.", "invasion", "asserted"),
    ("Mr Straw called the invasion of Kuwait illegal.", "invasion", "asserted"),
]
# fmt: on


@pytest.mark.parametrize(("text", "trigger", "modality"), MODALITY)
def test_modality_of_wanted_and_prescribed_events(
    nlp: Language, text: str, trigger: str, modality: str
) -> None:
    assert find(events_of(nlp, text), trigger)["modality"] == modality
