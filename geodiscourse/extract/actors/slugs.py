"""Normal forms of names: slugs for ids, folded keys for matching.

Ids must not depend on how one article spells a name ("Schröder"/"Schroeder" typed without the
umlaut, curly or straight apostrophes), so both slugs and matching keys fold accents and quotes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Text without accents and with straight quotes and hyphens, case kept."""
    text = text.translate(_QUOTES)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=16384)
def key(text: str) -> str:
    """The case-insensitive matching key of one token (remembered: the person finder asks
    for the same few thousand words' keys again and again, 5 % of extraction time)."""
    return fold(text).lower()


def slugify(text: str) -> str:
    """A lower-case slug: "Jack Straw" -> "jack-straw", "George W. Bush" -> "george-w-bush"."""
    folded = key(text).replace("'", "")
    return _NON_ALNUM.sub("-", folded).strip("-")
