"""A demonym that is a person's given name ("German Gref") is no state mention, while a
demonym in front of an office title ("German Chancellor Gerhard Schroeder") still is, and
gives the person a state."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geodiscourse.extract.actors.resolve import resolve_mentions


@pytest.mark.parametrize(
    ("text", "name", "person_id"),
    [
        ("Economy minister German Gref said the deal was done.", "German", "german-gref"),
        ("Russia's economy minister German Gref told reporters.", "German", "german-gref"),
    ],
)
def test_demonym_as_given_name_is_no_state(nlp: Language, text: str, name: str, person_id: str) -> None:
    result = resolve_mentions(nlp(text))
    assert all(m.text != name for m in result.mentions), result.mentions
    assert person_id in {m.actor_id for m in result.mentions}, result.mentions


@pytest.mark.parametrize(
    ("text", "state", "person_id"),
    [
        ("German Chancellor Gerhard Schroeder said it.", "DEU", "gerhard-schroeder"),
        ("Russian President Vladimir Putin said it.", "RUS", "vladimir-putin"),
    ],
)
def test_demonym_before_a_title_stays_a_state(nlp: Language, text: str, state: str, person_id: str) -> None:
    result = resolve_mentions(nlp(text))
    assert state in {m.actor_id for m in result.mentions}, result.mentions
    assert result.actors[person_id]["country"] == state


def test_ministry_of_a_named_state_gives_the_person_its_country(nlp: Language) -> None:
    result = resolve_mentions(nlp("Russia's economy minister German Gref told reporters."))
    assert result.actors["german-gref"]["country"] == "RUS"


@pytest.mark.parametrize(
    ("text", "demonym", "state"),
    [
        ("Spaniard Costa will next face Croatian Ivan Ljubicic on Friday.", "Croatian", "HRV"),
        ("Meanwhile, Briton Tim Henman enjoyed his best year.", "Briton", "GBR"),
        ("Australian Johnson looked to be on course for another win.", "Australian", "AUS"),
    ],
)
def test_demonym_before_a_name_that_is_no_given_name_stays_a_state(
    nlp: Language, text: str, demonym: str, state: str
) -> None:
    result = resolve_mentions(nlp(text))
    assert (demonym, state) in {(m.text, m.actor_id) for m in result.mentions}, result.mentions
