"""A document's text is joined once and kept (geodiscourse.nlp.text)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from geodiscourse.nlp.text import doc_text


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=0, max_size=200))
def test_doc_text_is_the_docs_text(nlp: Language, text: str) -> None:
    doc = nlp.make_doc(text)
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # kept, not joined again
