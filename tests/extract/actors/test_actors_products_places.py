"""NER labels products and places ORG: they must not become organisations, while firms
named in the same ways stay. Excerpts in the style of the BBC business articles
(bbc-news-2095, MIT)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geodiscourse.extract.actors.organisations import _is_product, not_organisations
from geodiscourse.extract.actors.resolve import ActorResolution, resolve_mentions


def resolve(nlp: Language, text: str) -> ActorResolution:
    return resolve_mentions(nlp(text))


def surfaces(result: ActorResolution) -> set[str]:
    return {m.text for m in result.mentions}


BMW_TEXT = (
    "BMW said it would produce 100,000 Mini models a year at its vast Cowley factory on the "
    "outskirts of Oxford. Demand tapers off like it did with the new VW Beetle, said Brad Wernle. "
    "The Cowley factory is increasingly being put to good use, and BMW sold the Cooper S well. "
    "The Oxford factory was busy. Sales of Land Rovers and Range Rovers rose, BMW said."
)


@pytest.mark.parametrize(
    "surface", ["Cowley", "Oxford", "VW Beetle", "Cooper S", "Land Rovers", "Range Rovers"]
)
def test_products_and_places_are_no_organisations(nlp: Language, surface: str) -> None:
    result = resolve(nlp, BMW_TEXT)
    assert surface not in surfaces(result), result.mentions


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        (BMW_TEXT, "BMW"),
        ("Workers at Airbus went on strike. Airbus said talks would resume.", "Airbus"),
        ("Oracle raised its offer. Oracle said the bid was final.", "Oracle"),
        ("Profits at Novartis rose. Novartis said sales rose in Germany.", "Novartis"),
        ("Qantas plans to cut jobs. Qantas said costs had risen.", "Qantas"),
        ("The Boeing plant in Seattle was closed. Boeing said it would reopen.", "Boeing"),
        # a hyphenated word is part of the name; a place that is no actor may begin one
        ("The Anti-Defamation League said the group was racist.", "Anti-Defamation League"),
        ("The New York Stock Exchange fell sharply.", "New York Stock Exchange"),
        # "International" ends a body's name, though it also opens an office's title
        ("Contrack International, of Arlington, Virginia, heads a coalition.", "Contrack International"),
    ],
)
def test_firms_named_near_places_and_products_stay(nlp: Language, text: str, surface: str) -> None:
    assert surface in surfaces(resolve(nlp, text))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Cooper S", True),
        ("VW Beetle", True),
        ("Range Rovers", True),
        ("BAE Systems", False),
        ("Land Rover", False),
    ],
)
def test_product_names(nlp: Language, name: str, expected: bool) -> None:
    doc = nlp(name)
    assert _is_product(doc[:], not_organisations()) is expected


# A one-word name the text itself calls a body is that body wherever it stands, whatever
# label NER gives each occurrence (the small model calls "Yukos" a person four times in five).
@pytest.mark.parametrize(
    ("text", "surface", "count"),
    [
        ("The sale hurt oil group Yukos. Yukos filed for bankruptcy. Yukos appealed.", "Yukos", 3),
        ("Rosneft got credits from the Chinese oil firm CNPC. CNPC was offered 20% of Yugansk.", "CNPC", 2),
    ],
)
def test_a_name_described_as_a_body_is_one_everywhere(
    nlp: Language, text: str, surface: str, count: int
) -> None:
    result = resolve(nlp, text)
    assert [m.text for m in result.mentions].count(surface) == count, result.mentions


def test_one_word_of_a_longer_name_is_not_a_body_alone(nlp: Language) -> None:
    result = resolve(nlp, "Miner Highland Gold said it regretted the decision.")
    assert "Gold" not in surfaces(result)
