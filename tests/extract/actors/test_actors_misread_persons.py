"""One-word names NER calls a person in one place and an organisation in another: a firm
is never given a first name, an honorific, initials or a title, so it is the firm."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from geodiscourse.extract.actors.lexicon import load_lexicon
from geodiscourse.extract.actors.organisations import _misread_persons

# (space-separated words, entities as (start, end, label), names read as organisations)
CASES = [
    # eleven times a person to NER, once an organisation: the firm
    (
        "Deutsche Bank sued Yukos . Yukos said it would appeal .",
        [(3, 4, "ORG"), (5, 6, "PERSON")],
        {"Yukos"},
    ),
    # a person introduced with a first name, an honorific or initials stays a person
    (
        "Mike Lake spoke . Lake said Lake Corp would sue .",
        [(0, 2, "PERSON"), (4, 5, "PERSON"), (6, 7, "ORG")],
        set(),
    ),
    (
        "Mr Lake spoke . Lake said Lake would sue .",
        [(1, 2, "PERSON"), (4, 5, "PERSON"), (6, 7, "ORG")],
        set(),
    ),
    (
        "H.R. Lake spoke . Lake said Lake would sue .",
        [(1, 2, "PERSON"), (4, 5, "PERSON"), (6, 7, "ORG")],
        set(),
    ),
    # "ex-Yukos" is no first name
    (
        "ex - Yukos boss spoke . Yukos said Yukos would sue .",
        [(0, 3, "PERSON"), (6, 7, "PERSON"), (8, 9, "ORG")],
        {"Yukos"},
    ),
    # a name NER also calls a place is not read as a firm
    (
        "Charlottesville rallied . Charlottesville said Charlottesville would sue .",
        [(0, 1, "GPE"), (3, 4, "PERSON"), (5, 6, "ORG")],
        set(),
    ),
    # no organisation label anywhere: nothing to go on
    ("Yukos said Yukos would sue .", [(0, 1, "PERSON"), (2, 3, "PERSON")], set()),
]


@pytest.mark.parametrize(("words", "entities", "expected"), CASES)
def test_one_word_names_ner_misreads_as_persons(
    nlp: Language, words: str, entities: list[tuple[int, int, str]], expected: set[str]
) -> None:
    doc = Doc(nlp.vocab, words=words.split())
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in entities]
    assert _misread_persons(doc, load_lexicon()) == expected
