"""The stand-ins for the attribute ruler and the lemmatizer change speed, never output.

Each case parses the same text with the model's own components and with the stand-ins
and compares every token's tag, coarse tag, morphology, lemma and dependency; a
property test does the same for a small ruler with every kind of pattern the compiled
ruler accepts (literal forms, IN, NOT_IN, REGEX, two-token patterns writing to either
token, later rules overriding earlier ones) over random word sequences.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from geodiscourse.nlp.fast_components import (
    CachedLemmatizer,
    CompiledAttributeRuler,
    UnsupportedPattern,
    speed_up,
)
from geodiscourse.nlp.model import MODEL_NAME
from geodiscourse.nlp.pipeline import load_pipeline
from tests.paths import SEEDS

Row = tuple[str, str, str, str, str, str]


def _rows(doc: Doc) -> list[Row]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def original() -> Language:
    """The model as spaCy loads it, with the project's sentence rule but no stand-in."""
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("line_breaks_end_sentences", before="parser")
    return nlp


def test_the_project_pipeline_uses_both_stand_ins() -> None:
    nlp = load_pipeline()
    assert isinstance(nlp.get_pipe("attribute_ruler"), CompiledAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)
    # what tools read from the lemmatizer (its tables) is still the model's
    assert "noun" in nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")


@pytest.mark.parametrize(
    "text",
    [
        # contractions and dialect forms the ruler's REGEX patterns are written for
        "They don't know nothin' about it, y' know, and it isn't fair.",
        # expletive "there" with a form of "be": a two-token pattern writing to the verb
        "There is full cooperation between the two armies. There were talks; there's hope.",
        # space tokens, line breaks and double spaces
        "Russia  wants   security.\n\nNATO said no.\n  Headline here\n",
        # irregular forms with lemma exceptions, numbers, symbols and quotes
        "He got 3,000 votes; she gets £65,000 and was 'better' than ever — wasn't she?",
        "The U.S. Senate's leaders met in Geneva on 16 June 2021 with Putin's envoys.",
        "",
    ],
)
def test_stand_ins_give_the_model_output(original: Language, text: str) -> None:
    assert _rows(load_pipeline()(text)) == _rows(original(text))


def test_stand_ins_agree_on_a_whole_seed_article(original: Language) -> None:
    text = sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")
    assert _rows(load_pipeline()(text)) == _rows(original(text))


# a small ruler with every kind of pattern the compiled ruler accepts
_PATTERNS = [
    {"patterns": [[{"LOWER": "new"}, {"LOWER": "york"}]], "attrs": {"POS": "PROPN"}, "index": -1},
    {
        "patterns": [[{"LOWER": "new"}, {"LOWER": "york"}]],
        "attrs": {"POS": "PROPN", "LEMMA": "New"},
        "index": 0,
    },
    {"patterns": [[{"LOWER": {"IN": ["a", "the"]}}]], "attrs": {"POS": "DET", "MORPH": "Definite=Def"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"POS": "PART", "LEMMA": "not"}},
    {
        "patterns": [[{"LOWER": {"NOT_IN": ["a", "the", "new"]}, "IS_SPACE": False}]],
        "attrs": {"MORPH": "Foo=Bar"},
    },
    {"patterns": [[{"LOWER": "the"}]], "attrs": {"POS": "PRON"}},  # later: wins over DET
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE", "MORPH": "_"}},
]
_WORDS = ["new", "york", "the", "a", "n't", "nt", "not", "city", "New", "YORK", "\n", "  "]


def _ruler(nlp: Language) -> AttributeRuler:
    ruler = AttributeRuler(nlp.vocab)
    ruler.add_patterns(_PATTERNS)
    return ruler


@pytest.fixture(scope="module")
def blank() -> Language:
    return spacy.blank("en")


def _words_doc(nlp: Language, words: list[str]) -> Doc:
    return Doc(nlp.vocab, words=words, spaces=[w.strip() != "" for w in words])


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(_WORDS), max_size=12))
def test_compiled_ruler_matches_spacy_ruler(blank: Language, words: list[str]) -> None:
    spacy_ruler = _ruler(blank)
    compiled = CompiledAttributeRuler(_ruler(blank))
    expected = spacy_ruler(_words_doc(blank, words))
    got = compiled(_words_doc(blank, words))
    assert _rows(got) == _rows(expected)


@pytest.mark.parametrize(
    "pattern",
    [
        [{"ORTH": "New"}],  # an attribute the compiled ruler does not read
        [{"LOWER": "new", "OP": "+"}],  # a quantifier
        [{"LOWER": {"FUZZY": "new"}}],  # a value test it does not know
    ],
)
def test_a_pattern_it_cannot_decide_keeps_spacy_ruler(
    blank: Language, pattern: list[dict[str, object]]
) -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([pattern], {"POS": "PROPN"})
    with pytest.raises(UnsupportedPattern):
        CompiledAttributeRuler(ruler)
    assert speed_up(nlp) == []
    assert nlp.get_pipe("attribute_ruler") is ruler


def _docs(nlp: Language, texts: list[str]) -> Iterator[Doc]:
    return nlp.pipe(texts)


def test_cached_lemmatizer_caches_by_form_pos_and_morphology(original: Language) -> None:
    """The second time a form is seen with the same tag it is read back, not recomputed."""
    lemmatizer = CachedLemmatizer(original.get_pipe("lemmatizer"))
    calls = 0
    real = lemmatizer.source.lemmatize

    def counting(token: object) -> list[str]:
        nonlocal calls
        calls += 1
        return real(token)  # type: ignore[arg-type]

    lemmatizer.source.lemmatize = counting  # type: ignore[method-assign]
    try:
        with original.select_pipes(disable=["lemmatizer"]):
            first, second = list(_docs(original, ["Troops were sent.", "Troops were sent."]))
        lemmatizer(first)
        seen = calls
        lemmatizer(second)
    finally:
        lemmatizer.source.lemmatize = real  # type: ignore[method-assign]  # spaCy sets it per instance
    assert seen > 0 and calls == seen
    assert [t.lemma_ for t in second] == ["troop", "be", "send", "."]


def test_stand_ins_that_start_afresh_give_the_same_output(
    original: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The memories are bounded; once full they are emptied, never wrong."""
    from geodiscourse.nlp import fast_components

    monkeypatch.setattr(fast_components, "_MEMO_LIMIT", 3)
    text = sorted(SEEDS.glob("*.txt"))[1].read_text(encoding="utf-8")
    ruler = CompiledAttributeRuler(original.get_pipe("attribute_ruler"))  # type: ignore[arg-type]
    lemmatizer = CachedLemmatizer(original.get_pipe("lemmatizer"))  # type: ignore[arg-type]
    with original.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        doc = original(text)
    got = lemmatizer(ruler(doc))
    with original.select_pipes(disable=["ner"]):
        expected = original(text)
    assert _rows(got) == _rows(expected)
    assert len(ruler._decided) <= 3 and len(lemmatizer._lemmas) <= 3
