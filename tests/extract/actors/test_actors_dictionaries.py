"""Persons known from the compiled dictionaries (Phoenix, the US Congress and executive):
their state and sector on the text's date, the text's own evidence before them (a
party-state tag, a title), names written family name first, and one-word names that
stand for one person alone.

The compiled file is rules/actors/compiled_persons.json (tools/build_actor_dictionary.py);
tests/rules/test_generated_actor_dictionary.py checks that it is what the script builds.
"""

from __future__ import annotations

import datetime

import pytest
import yaml
from spacy.language import Language

from geodiscourse.extract.actors.lexicon import name_words
from geodiscourse.extract.actors.resolve import resolve_mentions
from geodiscourse.rules import rule_text
from geodiscourse.schemas.actors import SECTORS


def actor_at(nlp: Language, text: str, surface: str, published: datetime.date | None = None) -> dict:
    result = resolve_mentions(nlp(text), published)
    found = [m for m in result.mentions if m.text == surface]
    assert found, f"no mention {surface!r} in {[m.text for m in result.mentions]}"
    return dict(result.actors[found[0].actor_id])


# (text, surface, publication date, actor id or None for any, country, sector)
# fmt: off
CASES = [
    # a dictionary gives state and sector where the text says nothing
    ("Charles Schumer criticised the plan.", "Charles Schumer", None, None, "USA", "legislature"),
    ("The delegation met Xi Jinping.", "Xi Jinping", None, "xi-jinping", "CHN", "government"),
    # the role held on the publication date: a US cabinet member, later head of UNICEF
    ("Ann Veneman spoke.", "Ann Veneman", datetime.date(2003, 6, 1), None, "USA", "government"),
    ("Ann Veneman spoke.", "Ann Veneman", datetime.date(2007, 6, 1), None, None, "igo"),
    # the text's evidence first: a party-state tag, a title
    ("Sen. Jim Fowlerton, R-S.C., said it was wrong.", "Jim Fowlerton", None, None, "USA", "legislature"),
    ("Rep. Ann Quiller (D-NY) objected.", "Ann Quiller", None, None, "USA", "legislature"),
    ("General Tom Hadley inspected the troops.", "Tom Hadley", None, None, None, "military"),
    # US news abbreviations of offices; "attorney general" is no general
    ("Sen. Ann Quillan objected.", "Ann Quillan", None, None, "USA", "legislature"),
    # an office and the state the document is about, where nothing else places the person
    ("The US Justice Department is investigating. Attorney General Ann Quillan met reporters. "
     "The US will act, Washington said.", "Ann Quillan", None, None, "USA", "government"),
    # "Special Counsel" is a title, not part of the name
    ("Special Counsel Tom Quillan objected.", "Tom Quillan", None, "tom-quillan", None, None),
    # no office either: still the state the document is mostly about ...
    ("The US Justice Department is investigating. Tom Quillan met reporters. "
     "The US will act, Washington said.", "Tom Quillan", None, None, "USA", None),
    # ... and none where no state dominates
    ("Tom Quillan met reporters in a small town.", "Tom Quillan", None, None, None, None),
    # family name first: the later one-word mention is the same person
    ("North Korean leader Kim Jong-un fired a missile. Kim said more would follow.", "Kim", None,
     "kim-jong-un", "PRK", None),
    ("South Korean President Moon Jae-in arrived.", "Moon Jae-in", None, "moon-jae-in", "KOR", "government"),
    # one-word names that stand for one person: Phoenix's synonyms, a president in office
    ("Assad gassed the town.", "Assad", datetime.date(2017, 4, 5), "bashar-al-assad", "SYR", None),
    ("Trump decertified the deal.", "Trump", datetime.date(2017, 10, 13), "donald-trump", "USA", "government"),
    # a listed full name is found whatever NER makes of it (here, a place)
    ("Leaders came, including French President Jacques Chirac and South African President "
     "Thabo Mbeki, whose arrival was delayed.", "Thabo Mbeki", None, "thabo-mbeki", "ZAF", None),
    # ... but not cut out of a longer name NER reads as one
    ("He supported Barack Hussein Obama Soetoro Soebarkah.", "Barack Hussein Obama Soetoro Soebarkah", None,
     "barack-hussein-obama-soetoro-soebarkah", None, None),
]
# fmt: on


@pytest.mark.parametrize(("text", "surface", "published", "actor_id", "country", "sector"), CASES)
def test_known_persons(
    nlp: Language,
    text: str,
    surface: str,
    published: datetime.date | None,
    actor_id: str | None,
    country: str | None,
    sector: str | None,
) -> None:
    row = actor_at(nlp, text, surface, published)
    if actor_id is not None:
        assert row["actor_id"] == actor_id
    assert row["kind"] == "person"
    assert row["country"] == country
    if sector is not None:
        assert row["sector"] == sector


def test_a_presidents_surname_alone_is_not_them_out_of_office(nlp: Language) -> None:
    """ "Trump" in 2005 names no president: the surname alone is no mention of Donald Trump."""
    result = resolve_mentions(nlp("Trump opened a casino."), datetime.date(2005, 1, 1))
    assert "donald-trump" not in result.actors


def test_sector_lists_agree() -> None:
    """The rule file's sectors are the schema's, and every sector it maps to is one of them."""
    data = yaml.safe_load(rule_text("actors/sectors.yaml"))
    assert data["sectors"] == SECTORS
    assert set(data["phoenix_codes"].values()) <= set(SECTORS)
    assert set(data["title_heads"].values()) <= set(SECTORS)


@pytest.mark.parametrize(
    "name",
    [
        "Kim Jong-un",
        "Vladimir V. Putin",
        "Martin O'Malley",
        'Charles J. "Chuck" Fleischmann',
        "Angus S. King, Jr.",
        "Jean-Marie Le Pen",
        "Moon Jae-in",
    ],
)
def test_compiled_names_split_as_the_parser_splits_them(nlp: Language, name: str) -> None:
    """The fast splitter of the compiled names agrees with spaCy's tokenizer, so a name in
    the dictionary matches the same name in a text."""
    assert name_words(name) == [t.text for t in nlp.tokenizer(name) if t.text != "."]


def test_a_surname_the_tagger_reads_as_a_noun_is_still_the_person(nlp: Language) -> None:
    """ "Crews added ..." after "Terry Crews": the subject is his surname, not crews."""
    result = resolve_mentions(nlp("Terry Crews spoke on Monday. Crews added that he was angry."))
    assert [(m.text, m.actor_id) for m in result.mentions if m.text == "Crews"] == [("Crews", "terry-crews")]


@pytest.mark.parametrize(
    ("text", "surface", "state"),
    [
        # an institution with a possessive stands for the possessor's state
        ("Vladimir Putin urged his government to act.", "government", "RUS"),
        ("Tony Blair said his cabinet would meet.", "cabinet", "GBR"),
    ],
)
def test_a_possessed_institution_is_the_possessors_state(
    nlp: Language, text: str, surface: str, state: str
) -> None:
    result = resolve_mentions(nlp(text), None)
    assert [m.actor_id for m in result.mentions if m.text == surface] == [state]


def test_a_given_name_before_a_word_of_bodies_is_a_person(nlp: Language) -> None:
    """ "John Fund" (NER's person, a known given name) is a person; "Monetary Fund" is not."""
    result = resolve_mentions(nlp("John Fund blasted the media for refusing to cover the story."), None)
    assert [(m.text, result.actors[m.actor_id]["kind"]) for m in result.mentions] == [("John Fund", "person")]
