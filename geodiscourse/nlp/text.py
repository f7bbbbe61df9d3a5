"""A document's text, made once.

spaCy's ``Doc.text`` is not stored: every call joins the text of every token again, so
a rule that slices ``doc.text`` once per match costs time in proportion to the
document's length each time (a fifth of all extraction time on the BBC corpus, measured
for issue 15). The extractors take the text from here instead, where it is joined once
per document and kept in ``doc.user_data``.
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["doc_text"]

_KEY = "geodiscourse.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined on the first call for the document and kept."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_KEY] = text
    return str(text)
