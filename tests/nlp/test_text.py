"""A document's text is joined once and kept; spans' texts and words come from it, and
rare words are found by searching it (geodiscourse.nlp.text)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from geodiscourse.nlp.text import doc_text, span_text, span_words, tokens_spelled


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=0, max_size=200))
def test_doc_text_is_the_docs_text(nlp: Language, text: str) -> None:
    doc = nlp.make_doc(text)
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # kept, not joined again


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("Russia was attacking Ukraine.", 0, 3, {"russia", "was", "be", "attacking", "attack"}),
        ("Russia was attacking Ukraine.", 3, 5, {"ukraine", "."}),
    ],
)
def test_span_words_are_forms_and_lemmas(
    nlp: Language, text: str, start: int, end: int, expected: set[str]
) -> None:
    doc = nlp(text)
    assert span_words(doc[start:end]) == expected
    assert span_words(doc[start:end]) is span_words(doc[start:end])  # made once


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.sampled_from(["The", "government", "Government's", "governments", "said", "-", "no"]), max_size=12
    )
)
def test_span_text_and_spelled_tokens_agree_with_spacy(nlp: Language, words: list[str]) -> None:
    doc = nlp.make_doc(" ".join(words))
    for start in range(len(doc)):
        assert span_text(doc[start:]) == doc[start:].text
    assert [t.i for t in tokens_spelled(doc, "government")] == [t.i for t in doc if t.lower_ == "government"]
