"""A document's text, made once.

spaCy's ``Doc.text`` is not stored: every call joins the text of every token again, so
a rule that slices ``doc.text`` once per match costs time in proportion to the
document's length each time (a fifth of all extraction time on the BBC corpus, measured
for issue 15). The extractors take the text from here instead, where it is joined once
per document and kept in ``doc.user_data``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

__all__ = ["doc_text", "doc_tokens", "span_text", "span_tokens", "span_words", "tokens_spelled"]

_KEY = "geodiscourse.text"
_WORDS_KEY = "geodiscourse.span_words"
_TOKENS_KEY = "geodiscourse.tokens"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined on the first call for the document and kept."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_KEY] = text
    return str(text)


def doc_tokens(doc: Doc) -> list[Token]:
    """The document's tokens, made once.

    Iterating a ``Doc`` or a ``Span`` builds a new Python ``Token`` for every position
    every time, and the extractors walk each sentence a dozen times over (the largest item
    of extraction's profile; sharing one list saves about 1.5 s of CPU over the BBC corpus,
    measured for issue 15). These are built once per document and shared;
    ``forget_tokens`` drops them before the document is stored."""
    tokens = doc.user_data.get(_TOKENS_KEY)
    if tokens is None:
        tokens = list(doc)
        doc.user_data[_TOKENS_KEY] = tokens
    return tokens


def span_tokens(span: Span) -> list[Token]:
    """The span's tokens, from the document's shared list."""
    return doc_tokens(span.doc)[span.start : span.end]


def forget_tokens(doc: Doc) -> None:
    """Drop the shared token list: Token objects cannot be serialised with the document."""
    doc.user_data.pop(_TOKENS_KEY, None)


def span_text(span: Span) -> str:
    """``span.text``, sliced from the document's joined text instead of joined again (a
    sentence's text is asked for by several rules each)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def span_words(span: Span) -> frozenset[str]:
    """The lower-cased forms and lemmas of the span's tokens, made once per span.

    Cue lists ask of one claim span, several times over, whether any of its words is
    theirs; a set intersection answers that without walking the tokens again."""
    made: dict[tuple[int, int], frozenset[str]] = span.doc.user_data.setdefault(_WORDS_KEY, {})
    words = made.get((span.start, span.end))
    if words is None:
        words = frozenset(w for t in span_tokens(span) for w in (t.lower_, t.lemma_.lower()))
        made[(span.start, span.end)] = words
    return words


def tokens_spelled(doc: Doc, word: str) -> Iterator[Token]:
    """The tokens whose text is ``word`` in any case, found by searching the joined text.

    A rule that looks for one rare word ("government") need not walk every token of the
    document, building a Python object for each: a search of the text finds the few
    places, and only those become tokens."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    for match in pattern.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1:
            yield span[0]
