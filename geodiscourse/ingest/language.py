"""Is a text English? A function-word rule, with no model and no dependency.

English prose is held together by a small closed set of function words (the, of, and,
to, that, with, ...). Among the 2,095 BBC articles the share of running words that are
in rules/ingest/english_stopwords.txt is 34% at the median and never below 11% (team sheets
and fixture lists are the lowest); in French, German, Spanish, Italian, Dutch or
Portuguese news prose it is 0-4%, because the list leaves out words those languages
share with English (a, in, on, so, was, ...). A text is judged not English when:

- most of its letters are not Latin (Cyrillic, Arabic, CJK ...), or
- fewer than MIN_FUNCTION_WORD_SHARE of its words are English function words.

Texts of fewer than MIN_WORDS words and fewer than MIN_LETTERS letters are not judged: a
headline or a caption is too short to tell. (Chinese or Japanese, written without spaces,
has few "words" but many letters.)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from geodiscourse.rules import rule_text

STOPWORDS_FILE = "ingest/english_stopwords.txt"
MIN_WORDS = 20
MIN_LETTERS = 100
MIN_FUNCTION_WORD_SHARE = 0.08
MIN_LATIN_LETTER_SHARE = 0.5
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def english_function_words() -> frozenset[str]:
    """The word list, one lower-case word a line, '#' lines being comments."""
    lines = rule_text(STOPWORDS_FILE).splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.lstrip().startswith("#"))


def _is_latin(ch: str) -> bool:
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")


def non_english_reason(text: str) -> str | None:
    """None when the text is English or too short to judge; otherwise why it is not."""
    letters = [ch for ch in text if ch.isalpha()]
    words = _WORD.findall(text.casefold())
    if len(words) < MIN_WORDS and len(letters) < MIN_LETTERS:
        return None
    latin = sum(_is_latin(ch) for ch in letters)
    if letters and latin < MIN_LATIN_LETTER_SHARE * len(letters):
        return f"only {latin / len(letters):.0%} of its {len(letters):,} letters are Latin script"
    if len(words) < MIN_WORDS:
        return None
    function_words = english_function_words()
    share = sum(w in function_words for w in words) / len(words)
    if share < MIN_FUNCTION_WORD_SHARE:
        return (
            f"only {share:.0%} of its {len(words):,} words are English function words "
            f"(English prose has at least {MIN_FUNCTION_WORD_SHARE:.0%})"
        )
    return None
